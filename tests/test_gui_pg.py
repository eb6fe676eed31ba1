"""The window on a team's store: a smoke test on PostgreSQL (the GUI suite runs on SQLite)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import MainWindow


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
