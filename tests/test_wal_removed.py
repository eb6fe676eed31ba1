"""A removed write-ahead log is noticed and said (issue 16, item 5).

Reproduced before the fix: ATR Desktop was killed with saves still in '<db>-wal'; the log
was deleted (a clean-up tool, a sync program); the next open said nothing and the saves
were silently gone.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.services.safety import open_live
from atr_desktop.storage.database import Database


def save_and_die(path: Path) -> None:
    """A session that saves a group and is killed before SQLite checkpoints its log."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            opened = open_live(path, app_paths())
            add_group(opened.db, GroupInput(code="LATE", name="Saved, then the log was lost"))
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)


def codes_and_notes(path: Path) -> tuple[list[str], list[str]]:
    opened = open_live(path, app_paths())
    try:
        return [g.code for g in list_groups(opened.db)], opened.notes
    finally:
        opened.close()


@pytest.mark.allow_warning_logs
def test_a_removed_log_is_said_on_the_next_open(db: Database) -> None:
    path = db.path
    db.close()
    codes_and_notes(path)  # a normal session first: the app has seen the file
    save_and_die(path)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 32  # the save is in the log
    wal.unlink()
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    codes, notes = codes_and_notes(path)
    assert "LATE" not in codes  # lost: SQLite cannot know
    said = " ".join(notes)
    assert "Saves may be missing" in said and f"{path.name}-wal" in said
    assert "put it back" in said
    _, notes = codes_and_notes(path)  # said once; the next open is quiet
    assert not any("Saves may be missing" in n for n in notes)


def test_a_kill_with_the_log_kept_or_a_clean_close_says_nothing(db: Database) -> None:
    path = db.path
    db.close()
    codes, notes = codes_and_notes(path)
    assert not any("Saves may be missing" in n for n in notes)
    save_and_die(path)
    codes, notes = codes_and_notes(path)
    assert "LATE" in codes  # SQLite replays the log
    assert not any("Saves may be missing" in n for n in notes)
