"""Only a failed integrity check is damage (issue 16, item 2).

Reproduced before the fix: a writer holding the file (or a disk I/O error) made opening
call the file damaged and move it aside. Now each says exactly what it is and moves
nothing; see also tests/test_disk_full.py for a real full disk and a read-only drive.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from atr_desktop.errors import StoreError, UserError
from atr_desktop.paths import app_paths
from atr_desktop.services.safety import Damaged, damaged, open_live
from atr_desktop.storage.database import DamagedError, Database, plain_error
from tests.small_disk import untouched


def hold_exclusively(path: Path) -> sqlite3.Connection:
    """Another program (a DB browser, a sync tool) holding the file exclusively."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE db_meta SET value=value WHERE key='uuid'")
    return conn


def test_a_file_held_by_another_program_is_busy_not_damaged(
    db: Database,
    cli,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = db.path
    db.close()
    # SQLite waits 5 s for a busy file before giving up; the test need not wait that long.
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, **{"timeout": 0.2, **k}))
    other = hold_exclusively(path)
    try:
        for readonly in (False, True):
            with pytest.raises(UserError) as caught:
                open_live(path, app_paths(), readonly=readonly).close()
            assert not isinstance(caught.value, Damaged)
            assert "busy" in str(caught.value) and "damaged" not in str(caught.value)
            assert untouched(path)
        code, _, err = cli("groups", "list")
        assert code == 1 and "busy" in err and "Traceback" not in err
        assert untouched(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    code, out, _ = cli("groups", "list")
    assert code == 0 and "SG" in out


def test_sqlites_word_alone_never_moves_a_healthy_file(db: Database) -> None:
    path = db.path
    db.close()
    with pytest.raises(StoreError, match="integrity check passed") as caught:
        raise damaged(path, "database disk image is malformed", app_paths())
    assert not isinstance(caught.value, Damaged) and untouched(path)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("disk I/O error"), "input/output error"),
        (sqlite3.OperationalError("unable to open database file"), "cannot be opened"),
        (sqlite3.DatabaseError("file is not a database"), "damaged"),
    ],
)
def test_io_errors_are_not_damage(error: sqlite3.Error, words: str) -> None:
    said = plain_error(error, Path("/data/atr.db"))
    assert said is not None and words in str(said)
    if words != "damaged":
        assert not isinstance(said, DamagedError) and "nothing was" in str(said).lower()
