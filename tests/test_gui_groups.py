"""The window and the Groups area, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel, QMessageBox

from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import AREAS, MainWindow
from tests.gui_helpers import with_modal


@pytest.fixture
def window(qtbot, tmp_path: Path):
    paths = app_paths()
    win = MainWindow(paths, tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_store()


def table_texts(view) -> list[list[str]]:
    model = view.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_first_start_creates_the_wy_atr_groups(window, db_path: Path, qtbot) -> None:
    assert window.open_store(db_path, create_if_missing=True)
    assert window.db_label.text() == str(db_path)
    window.nav.setCurrentRow(AREAS.index("Groups"))
    page = window.pages["Groups"]
    assert window.stack.currentWidget() is page
    codes = [row[0] for row in table_texts(page.view)]
    assert codes == ["SG", "NET", "MNC", "JNC"]
    assert "NET, MNC" in table_texts(page.view)[3]


def test_add_group_through_the_dialog(window, db_path: Path, qtbot) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.ui.nameEdit, "Training Collaborative")
        qtbot.keyClicks(dialog.ui.codeEdit, "TC")
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("task and finish"))
        qtbot.keyClicks(dialog.ui.rhythmEdit, "Monthly")
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    with_modal(fill, lambda: qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton))
    rows = table_texts(page.view)
    assert rows[-1][:2] == ["TC", "Training Collaborative"]
    assert page.view.current().code == "TC"
    assert "Training Collaborative" in page.details.toPlainText()


def test_duplicate_code_shows_a_plain_message_and_keeps_the_dialog(window, db_path, qtbot) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]
    seen: list[str] = []

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.ui.nameEdit, "Second strategy group")
        qtbot.keyClicks(dialog.ui.codeEdit, "SG")

        def read_message(box) -> None:
            seen.append(box.text())
            box.accept()

        with_modal(
            read_message,
            lambda: dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click(),
        )
        assert dialog.isVisible()
        dialog.reject()

    with_modal(fill, page.add_button.click)
    assert seen and "already used by ATR Strategy Group" in seen[0]
    assert len(table_texts(page.view)) == 4


def test_edit_and_close_a_group_with_confirmation(window, db_path, qtbot, monkeypatch) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]
    page.view.select_where(lambda g: g.code == "MNC")

    def rename(dialog) -> None:
        dialog.ui.rhythmEdit.clear()
        qtbot.keyClicks(dialog.ui.rhythmEdit, "Monthly")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    with_modal(rename, page.edit_button.click)
    assert page.view.current().rhythm == "Monthly"

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Merged into JNC", True))
    page.close_button.click()
    assert not page.view.current().active
    mnc_row = next(row for row in table_texts(page.view) if row[0] == "MNC")
    assert mnc_row[-1].startswith("Closed")
    assert page.close_button.text() == "&Reopen group…"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.close_button.click()
    assert page.view.current().active


def test_filter_as_you_type(window, db_path, qtbot) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]
    qtbot.keyClicks(page.view.filter, "consortium")
    assert [row[0] for row in table_texts(page.view)] == ["MNC", "JNC"]


def test_not_a_database_shows_one_message_and_no_store(window, tmp_path, qtbot) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello\n" * 50)
    seen = with_modal(lambda box: (box.text(), box.accept())[0], lambda: window.open_store(bogus))
    assert "is not an ATR Desktop database" in seen[0]
    assert window.db is None


def test_every_control_has_an_accessible_name(window, db_path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableView

    window.open_store(db_path, create_if_missing=True)
    for page in window.pages.values():
        for widget in page.findChildren(QLineEdit) + page.findChildren(QTableView):
            assert widget.accessibleName(), widget.objectName()
        for button in page.findChildren(QAbstractButton):
            if isinstance(button.parent(), QLineEdit) or button.objectName().startswith("qt_"):
                continue  # Qt's own parts: a line edit's clear button, a table's corner
            assert button.accessibleName() or button.text(), button.objectName()


def test_settings_dialog_saves(window, db_path, qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    from atr_desktop.services import settings

    window.open_store(db_path, create_if_missing=True)

    def change(dialog) -> None:
        marking = dialog.findChild(QLineEdit, "protective_marking")
        marking.clear()
        qtbot.keyClicks(marking, "OFFICIAL-SENSITIVE")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    with_modal(change, window.settings_action.trigger)
    assert settings.get(window.db, "protective_marking") == "OFFICIAL-SENSITIVE"


def test_home_lists_next_meetings(window, demo_path, qtbot) -> None:
    window.open_store(demo_path)
    lines = window.pages["Home"].lines("Next meetings")
    assert len(lines) == 4 and all(line.text(1) != "None scheduled" for line in lines)
    assert isinstance(window.findChild(QLabel, "databasePath"), QLabel)


def test_ctrl_z_undoes_and_ctrl_y_redoes_an_edit(window, db_path, qtbot) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]
    page.view.select_where(lambda g: g.code == "NET")

    def rename(dialog) -> None:
        dialog.ui.nameEdit.clear()
        qtbot.keyClicks(dialog.ui.nameEdit, "ATR Network 0-25")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    with_modal(rename, page.edit_button.click)
    assert page.view.current().name == "ATR Network 0-25"
    assert window.undo_action.text() == "&Undo: edit group NET"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    names = [row[1] for row in table_texts(page.view)]
    assert "ATR Network" in names and "ATR Network 0-25" not in names
    qtbot.keyClick(page.view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "ATR Network 0-25" in [row[1] for row in table_texts(page.view)]


def test_history_shows_who_changed_a_group(window, db_path, qtbot, monkeypatch) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.go_to("Groups")  # a person edits a group on the Groups page
    page = window.pages["Groups"]
    page.view.select_where(lambda g: g.code == "MNC")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Merged", True))
    page.close_button.click()

    def read(dialog) -> list[list[str]]:
        rows = table_texts(dialog.view)
        dialog.accept()
        return rows

    (rows,) = with_modal(read, page.history_button.click)
    assert [row[3] for row in rows] == ["added", "closed"]
    assert rows[1][4] == "Merged" and rows[1][1]  # the operating-system user is named


def test_cli_audit_show(cli) -> None:
    import json

    cli("init")
    cli("groups", "close", "NET", "--reason", "Paused")
    code, out, _ = cli("audit", "show", "group", "2", "--json")
    assert code == 0
    assert [a["action"] for a in json.loads(out)["audit"]] == ["added", "closed"]
