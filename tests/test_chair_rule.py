"""One chair and one vice-chair per group: adding or importing a second asks (window) or is
refused (CLI) unless the role is handed over with --replace-chair."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import member_import, members
from tests.gui_helpers import with_modal
from tests.member_files import fixed, member, membership_sheet, write_csv

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

NEW_CHAIR = replace(member(40), first="Amara", last="Okoye", email="amara.okoye@example.org")


def _chairs(db, group: str = "SG") -> list[tuple[str, str]]:
    return sorted(
        (m.role, m.name)
        for m in members.current_members(db, group)
        if m.role in ("chair", "vice-chair")
    )


def _first_list(db, tmp_path: Path) -> None:
    path = tmp_path / "sg.csv"
    write_csv(path, fixed(membership_sheet(12)))
    member_import.import_members(db, path, "SG")


def test_an_import_naming_a_second_chair_is_refused_until_the_role_is_handed_over(
    db, tmp_path
) -> None:
    _first_list(db, tmp_path)
    before = _chairs(db)
    assert [r for r, _ in before] == ["chair", "vice-chair"]
    path = tmp_path / "new chair.csv"
    write_csv(path, [replace(NEW_CHAIR, role="Chair")])
    shown = member_import.preview(db, path, "SG")
    assert "SG already has a chair" in shown.rows[0].action
    with pytest.raises(NeedsConfirmation, match=r"SG already has a chair, .*Amara Okoye would be"):
        member_import.import_members(db, path, "SG")
    assert _chairs(db) == before and len(members.current_members(db, "SG")) == 12
    member_import.import_members(db, path, "SG", replace_chair=True)
    chairs = _chairs(db)
    assert ("chair", "Amara Okoye") in chairs and len(chairs) == 2
    ended = [m for m in members.membership_history(db, "SG") if m.end_reason]
    assert [m.end_reason for m in ended] == ["replaced as chair by Amara Okoye"]
    two = tmp_path / "two vice-chairs.csv"
    write_csv(two, [replace(NEW_CHAIR, role="vice chair", email="a@example.org"),
                    replace(member(41), role="Vice-Chair")])  # fmt: skip
    with pytest.raises(UserError, match="are each named vice-chair of SG: name only one"):
        member_import.import_members(db, two, "SG", replace_chair=True)


def test_the_cli_refuses_a_second_chair_unless_replace_chair(db, cli, tmp_path) -> None:
    _first_list(db, tmp_path)
    db.close()
    path = tmp_path / "new chair.csv"
    write_csv(path, [replace(NEW_CHAIR, role="chair")])
    code, _, err = cli("members", "import", str(path), "--group", "SG")
    assert code == 1 and "already has a chair" in err and "--replace-chair" in err
    assert "Traceback" not in err
    code, out, err = cli("members", "import", str(path), "--group", "SG", "--replace-chair")
    assert code == 0, err
    code, _, err = cli("people", "add", "--first", "Kofi", "--last", "Mensah",
                       "--email", "kofi@example.org")  # fmt: skip
    code, _, err = cli("members", "add", "--group", "SG", "--person", "kofi@example.org",
                       "--role", "vice-chair")  # fmt: skip
    assert code == 1 and "already has a vice-chair" in err and "--replace-chair" in err
    code, out, err = cli("members", "add", "--group", "SG", "--person", "kofi@example.org",
                         "--role", "vice-chair", "--replace-chair")  # fmt: skip
    assert code == 0 and "vice-chair of SG" in out, err


@pytest.mark.sqlite_only  # drives the window on the file; window journeys stay on SQLite
def test_the_import_window_asks_before_handing_the_chair_over(qtbot, db, db_path, tmp_path):  # type: ignore[no-untyped-def]
    from atr_desktop.ui.main_window import MainWindow

    _first_list(db, tmp_path)
    db.close()
    window = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(window)
    window.show()
    window.open_store(db_path)
    try:
        window.go_to("People")
        tab = window.pages["People"].importer
        window.pages["People"].tabs.setCurrentWidget(tab)  # the Import members tab
        path = tmp_path / "new chair.csv"
        write_csv(path, [replace(NEW_CHAIR, role="chair")])
        tab.group.setCurrentIndex(tab.group.findData("SG"))
        tab.path.setText(str(path))
        qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
        asked: list[str] = []

        def answer(choice: str):  # type: ignore[no-untyped-def]
            def act(box: QMessageBox) -> None:
                asked.append(box.text() + "\n" + box.informativeText())
                next(b for b in box.buttons() if b.text() == choice).click()

            return act

        def import_and_wait(answered: int) -> None:
            """The import is a job: its question comes when the job has read the file."""
            tab.import_button.click()
            qtbot.waitUntil(
                lambda: len(asked) >= answered and not window.tasks.running, timeout=20_000
            )

        with_modal(answer("Go back"), lambda: import_and_wait(1))
        assert "SG already has a chair" in asked[0] and "Hand the role over" in asked[0]
        assert "--replace-chair" not in asked[0]
        db = window.db
        assert ("chair", "Amara Okoye") not in _chairs(db)
        qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
        with_modal(answer("Hand the role over"), lambda: import_and_wait(2))
        qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)
        assert ("chair", "Amara Okoye") in _chairs(db) and len(_chairs(db)) == 2
        assert tab.status.text().startswith("Imported 1 membership(s) into SG")
    finally:
        window.close_store()
