"""The window's side of issue 16: no silent new database after a move-aside, the quick
check on a worker thread with saving held until it passes, and "take over" offered with
the holder's name when the holder is gone."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.services.safety import Damaged, open_live
from atr_desktop.services.setup import init_database
from atr_desktop.storage.lock import LiveLock, Me
from atr_desktop.ui.launcher import open_first
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import with_modal
from tests.test_gui_safety import answer_in_turn, click
from tests.test_papers_by_uuid import damage_middle


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_store()


@pytest.mark.allow_warning_logs
def test_relaunch_after_a_move_aside_offers_the_backup_and_makes_no_new_database(
    window: MainWindow, db_path: Path
) -> None:
    db = init_database(db_path)
    add_group(db, GroupInput(code="MINE", name="Saved before the damage"))
    made = backups.back_up(db, now=dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC))
    db.close()
    damage_middle(db_path)
    with pytest.raises(Damaged):  # an earlier session (here the CLI) moved it aside
        open_live(db_path, app_paths())
    assert not db_path.exists()
    # The window is started again, as a user would after the message.
    seen = with_modal(click("Cancel"), lambda: open_first(window, db_path))
    assert "not there" in seen[0] and "No new, empty database" in seen[0]
    assert "20 November 2026" in seen[0]
    assert not db_path.exists() and window.db is None
    seen = with_modal(click("Restore"), lambda: open_first(window, db_path))
    assert window.db is not None
    assert "MINE" in [g.code for g in list_groups(window.db)]
    assert made.backup.path.exists()


def test_a_first_start_still_makes_the_database(window: MainWindow, db_path: Path) -> None:
    assert open_first(window, db_path)
    assert window.db is not None and db_path.exists()


def test_the_quick_check_runs_in_the_background_and_saving_waits_for_it(
    window: MainWindow, db_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    init_database(db_path).close()
    with qtbot.waitSignal(window.safety.checked, timeout=20_000) as blocker:
        assert window.open_store(db_path)
    assert blocker.args == [None]
    assert window.safety.opened is not None and window.safety.opened.checked
    db = window.db
    assert db is not None
    # Saving waits while a check is outstanding, reading does not.
    db.hold_writes()
    saved: list[float] = []
    worker = threading.Thread(
        target=lambda: (add_group(db, GroupInput(code="WAIT", name="x")), saved.append(1))
    )
    worker.start()
    time.sleep(0.3)
    assert not saved and "WAIT" not in [g.code for g in list_groups(db)]
    db.release_writes()
    worker.join(5)
    assert saved and "WAIT" in [g.code for g in list_groups(db)]


def test_a_failed_background_check_refuses_saves(db_path: Path) -> None:
    from atr_desktop.errors import StoreError, UserError

    db = init_database(db_path)
    try:
        db.hold_writes()
        db.release_writes(StoreError("atr.db is damaged (test): nothing more will be saved"))
        with pytest.raises(UserError, match="nothing more will be saved"):
            add_group(db, GroupInput(code="NO", name="refused"))
        assert "NO" not in [g.code for g in list_groups(db)]  # reading still works
    finally:
        db.close()


def test_take_over_is_offered_with_the_holders_name_when_they_are_gone(
    window: MainWindow, db_path: Path
) -> None:
    init_database(db_path).close()
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    LiveLock.acquire(db_path, me=Me("jsmith", "LAPTOP-12", 4242), now=long_ago)
    seen: list[str] = []
    answer_in_turn(["Cancel", "Cancel"], seen)  # no take-over; nor read-only
    window.open_store(db_path)
    assert "jsmith on LAPTOP-12" in seen[0] and "no sign of life" in seen[0]
    assert "read-only" in seen[1]
    assert window.db is None
    seen = with_modal(click("Take over"), lambda: window.open_store(db_path))
    assert window.db is not None and not window.db.readonly


def test_restoring_another_database_is_asked_for_by_its_name(
    window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    from atr_desktop.services import settings

    other = init_database(tmp_path / "other.db")
    settings.update(other, {"organisation_name": "Kirklees ATR"})
    add_group(other, GroupInput(code="KIRK", name="Kirklees only"))
    theirs = backups.back_up(other)
    other.close()
    window.open_store(db_path, create_if_missing=True)
    seen = with_modal(click("Cancel"), lambda: window.safety.restore(db_path, theirs.backup.path))
    assert "Kirklees ATR" in seen[0] and "different database" in seen[0]
    assert window.db is not None
    assert "KIRK" not in [g.code for g in list_groups(window.db)]
    with_modal(
        click("Restore Kirklees ATR"), lambda: window.safety.restore(db_path, theirs.backup.path)
    )
    assert window.db is not None
    assert "KIRK" in [g.code for g in list_groups(window.db)]
