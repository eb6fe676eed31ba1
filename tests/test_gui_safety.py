"""The window's data safety, driven as a user would: back up, restore, locked, damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.storage.lock import LiveLock, Me
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import with_modal


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_store()


def file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def click(name: str):  # type: ignore[no-untyped-def]
    def handler(box: QMessageBox) -> str:
        text = box.text() + " " + box.informativeText()
        for button in box.buttons():
            if button.text().replace("&", "") == name:
                button.click()
                return text
        raise AssertionError(f"no {name} button in: {text}")

    return handler


def test_file_menu_offers_the_safety_actions(window: MainWindow, db_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_store(db_path, create_if_missing=True)
    texts = file_menu_texts(window)
    for item in ("Back up now", "Restore from backup…", "Hand over to a colleague…"):
        assert item in texts
    window.safety.backup_action.trigger()  # a job: the window stays free meanwhile
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)
    assert "Backed up and verified" in window.statusBar().currentMessage()
    assert len(backups.list_backups(backups.folder_for(db_path))) == 1
    assert window.safety.backup_timer.isActive()
    assert window.safety.backup_timer.interval() == 30 * 60 * 1000
    assert window.safety.heartbeat.isActive()


def test_restore_from_the_menu(
    window: MainWindow,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.safety.backup_action.trigger()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)
    made = backups.list_backups(backups.folder_for(db_path))[0]
    assert window.db is not None
    add_group(window.db, GroupInput(code="OOPS", name="A mistake"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made.path), ""))
    seen = with_modal(click("Restore"), window.safety.restore_action.trigger)
    assert "backed up first" in seen[0]
    assert window.db is not None
    assert "OOPS" not in [g.code for g in list_groups(window.db)]
    assert "Restored" in window.statusBar().currentMessage()


def test_locked_database_offers_read_only(window: MainWindow, db_path: Path) -> None:
    from atr_desktop.services.setup import init_database

    init_database(db_path).close()
    other = LiveLock.acquire(db_path, me=Me("bob", "LAPTOP-B", 4242))
    seen = with_modal(click("Open read-only"), lambda: window.open_store(db_path))
    assert "bob on LAPTOP-B" in seen[0]
    assert window.db is not None and window.db.readonly and not window.db.can_write
    assert "read-only" in window.windowTitle()
    # A copy that may only be looked at shows no control that would change it.
    groups_page = window.pages["Groups"]
    add = next(b for b in groups_page.findChildren(QAbstractButton) if "Add group" in b.text())
    assert add.isHidden() and not window.undo_action.isVisible()
    window.close_store()
    assert other.still_ours()  # the first is unaffected
    other.release()


@pytest.mark.allow_warning_logs
def test_damaged_database_dialog_restores(window: MainWindow, db_path: Path) -> None:
    from atr_desktop.services.setup import init_database

    db = init_database(db_path)
    made = backups.back_up(db, now=dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC))
    db.close()
    with db_path.open("r+b") as fh:
        fh.truncate(db_path.stat().st_size - 10)
    seen = with_modal(click("Restore"), lambda: window.open_store(db_path))
    assert "damaged" in seen[0] and "20 November 2026" in seen[0]
    assert window.db is not None and not window.db.readonly
    assert "SG" in [g.code for g in list_groups(window.db)]
    assert list(db_path.parent.glob("atr.db.damaged-*"))
    assert made.backup.path.exists()


def test_backup_on_exit(window: MainWindow, db_path: Path) -> None:
    window.open_store(db_path, create_if_missing=True)
    window.close()
    reasons = [b.reason for b in backups.list_backups(backups.folder_for(db_path))]
    assert reasons == ["exit"]


def test_regular_backup_runs_off_the_gui_thread(window: MainWindow, db_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_store(db_path, create_if_missing=True)
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20_000) as blocker:
        window.safety.backup_timer.timeout.emit()
        assert window.safety.worker is not None  # started, and returned at once
    assert "Backed up automatically" in blocker.args[0]
    assert [b.reason for b in backups.list_backups(backups.folder_for(db_path))] == ["auto"]


def answer_in_turn(answers: list[str], seen: list[str]) -> None:
    """Answer each modal box as it appears, by button text, in order."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not answers:
            return
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text() + " " + box.informativeText())
        wanted = answers.pop(0)
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                button.click()
                break
        else:
            box.reject()
        QTimer.singleShot(20, act)

    QTimer.singleShot(0, act)


def test_hand_over_from_the_menu(
    window: MainWindow, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_store(db_path, create_if_missing=True)
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(shared))
    seen: list[str] = []
    answer_in_turn(["Hand over", "OK", "Open read-only"], seen)
    window.safety.handover_action.trigger()
    assert "stops being live" in seen[0]
    assert str(shared / "atr.db") in seen[1]
    assert "no longer the live copy" in seen[2]
    assert window.db is not None and window.db.readonly
    assert (shared / "atr.db").exists()


def test_location_warning_is_shown_on_opening(
    window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from atr_desktop.adapters import location

    monkeypatch.setattr(location, "describe_location", lambda p: "a folder synced by OneDrive")
    window.open_store(db_path, create_if_missing=True)
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "openNotesBox"]
    assert len(boxes) == 1 and boxes[0].isVisible()
    assert "OneDrive" in boxes[0].text() and "Backup folder" in boxes[0].text()
    boxes[0].accept()


def test_a_failed_open_keeps_the_current_database(
    window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    from atr_desktop.services.setup import init_database
    from atr_desktop.storage.lock import lock_path

    window.open_store(db_path, create_if_missing=True)
    other_path = tmp_path / "other.db"
    init_database(other_path).close()
    other = LiveLock.acquire(other_path, me=Me("bob", "LAPTOP-B", 4242))
    with_modal(click("Cancel"), lambda: window.open_store(other_path))
    assert window.db is not None and window.db.path == db_path
    assert lock_path(db_path).exists()  # still ours
    assert "SG" in [g.code for g in list_groups(window.db)]
    other.release()
