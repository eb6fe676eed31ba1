"""The window on a team's store: a smoke test on PostgreSQL (the GUI suite runs on SQLite)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import every_page


def test_the_window_opens_a_server_store_and_edits_it(qtbot, tmp_path: Path, pg_url: str) -> None:
    from atr_desktop.services import actions
    from tests.pg_stores import open_copy

    open_copy(pg_url, "demo", tmp_path / "atr.db").close()  # type: ignore[attr-defined]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.open_server_store(pg_url)
        assert win.db is not None and win.db.on_server
        assert "postgresql://postgres@/" in win.db_label.text()
        assert not win.safety.backup_timer.isActive()  # the server's backups, not ours
        home = win.pages["Home"]
        overdue = [line.text(0) for line in home.lines("Actions") if "(overdue)" in line.text(0)]
        assert overdue
        ref = overdue[0].split(" ")[0]
        later = dt.date.today() + dt.timedelta(days=200)
        actions.update_action(win.db, ref, actions.ActionChange(due=later, note="Re-planned."))
        assert ref not in {line.text(0).split(" ")[0] for line in home.lines("Actions")}
        win.undo_action.trigger()  # undo is a service operation: it works on the server too
        assert f"{ref} (overdue)" in {line.text(0) for line in home.lines("Actions")}
        # "Back up now" keeps a portable copy of the whole programme (a job; window free).
        from atr_desktop.services.backup import folder_for

        win.safety.backup_action.trigger()
        qtbot.waitUntil(lambda: not win.tasks.running, timeout=60_000)
        assert "Copied the whole programme into" in win.statusBar().currentMessage()
        assert list(folder_for(win.db.path).glob("*_server-copy_*.db"))
    finally:
        win.close_store()


def test_an_unreachable_server_is_one_message_and_no_store(qtbot, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "atr_desktop.ui.main_window.show_user_error", lambda _w, text, *a: shown.append(text)
    )
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    assert not win.open_server_store(f"postgresql://postgres@/none?host={tmp_path}")
    assert win.db is None and len(shown) == 1 and "could not be reached" in shown[0]


def test_the_window_shows_another_officers_edit_without_a_restart(
    qtbot, tmp_path: Path, pg_url: str
) -> None:
    from atr_desktop.paths import server_folder
    from atr_desktop.services import actions
    from atr_desktop.storage.database import open_server_database
    from tests.pg_stores import open_copy

    open_copy(pg_url, "demo", tmp_path / "atr.db").close()  # type: ignore[attr-defined]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    other = open_server_database(pg_url, server_folder(pg_url, app_paths()))
    try:
        assert win.open_server_store(pg_url)
        home = win.pages["Home"]
        overdue = [line.text(0) for line in home.lines("Actions") if "(overdue)" in line.text(0)]
        ref = overdue[0].split(" ")[0]
        later = dt.date.today() + dt.timedelta(days=200)
        actions.update_action(other, ref, actions.ActionChange(due=later, note="Re-planned."))
        qtbot.waitUntil(
            lambda: ref not in {line.text(0).split(" ")[0] for line in home.lines("Actions")},
            timeout=10_000,
        )
    finally:
        other.close()
        win.close_store()


EDIT_VERBS = re.compile(
    r"^(Add|Edit|Remove|Withdraw|Schedule|Cancel|Close group|Import|Approve|Ratify|End|Attach|"
    r"Replace|Expect paper|Build|Publish|Update|Re-confirm|New draft|Discard|Cover sheet|"
    r"From forward|Copy previous|Register and minutes|Undo|Redo|Settings)"
)


def _shown_edit_controls(win: MainWindow) -> set[str]:
    """Every button or menu item a person could reach that would change a record (by its
    words: the names the code uses are not what a reader sees)."""
    every_page(win)
    found: set[str] = set()
    for button in win.findChildren(QAbstractButton):
        words = button.text().replace("&", "")
        if not button.isHidden() and EDIT_VERBS.match(words):
            found.add(words)
    for action in win.findChildren(QAction):
        words = action.text().replace("&", "")
        if action.isVisible() and action.menu() is None and EDIT_VERBS.match(words):
            found.add(words)
    return found


@contextmanager
def _officer_logins(url: str, capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[str, str]]:
    """The roles 'init --roles' prints, run by the administrator; then a secretariat login
    and a chair login of the test's own (their URLs)."""
    from atr_desktop.app import main

    assert main(["--db", url, "init", "--roles"]) == 0
    sql = capsys.readouterr().out
    logins = ("gui_sec_test", "gui_chair_test")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
        conn.execute(f"CREATE ROLE {logins[0]} LOGIN IN ROLE atr_secretariat")
        conn.execute(f"CREATE ROLE {logins[1]} LOGIN IN ROLE atr_chair")
    try:
        yield (url.replace("postgres@", f"{logins[0]}@"), url.replace("postgres@", f"{logins[1]}@"))
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            for role in logins:
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def test_a_chairs_login_sees_no_edit_controls_a_secretariats_does(
    qtbot, tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_stores import open_copy

    open_copy(pg_url, "demo", tmp_path / "atr.db").close()  # type: ignore[attr-defined]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    with _officer_logins(pg_url, capsys) as (secretariat, chair):
        try:
            assert win.open_server_store(chair)
            assert win.db is not None and not win.db.can_write
            assert "read only: your login may look but not change" in win.windowTitle()
            win.pages["Meetings"].view.select_where(lambda m: True)  # type: ignore[attr-defined]
            win.refresh_pages()  # pages that show a button for the selected record
            assert _shown_edit_controls(win) == set()
            assert (
                win.pages["Actions"]
                .findChild(QAbstractButton, "exportActions")
                .isVisibleTo(win.pages["Actions"])
            )  # outputs stay: a chair may still export what they read
            people = win.pages["People"]
            tabs = [people.tabs.tabText(i) for i in range(people.tabs.count())]  # type: ignore[attr-defined]
            shown = [t for i, t in enumerate(tabs) if people.tabs.isTabVisible(i)]  # type: ignore[attr-defined]
            assert "&Import members" in tabs and "&Import members" not in shown

            assert win.open_server_store(secretariat)
            assert win.db is not None and win.db.can_write
            assert "read only" not in win.windowTitle()
            seen = _shown_edit_controls(win)
            for words in ("Add group…", "Edit meeting…", "Add person…", "Undo", "Settings…"):
                assert words in seen, (words, seen)
        finally:
            win.close_store()
