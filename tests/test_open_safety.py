"""Opening safely: damage found and moved aside, one live copy, hand-over, stale copies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from atr_desktop.adapters.process import pid_alive
from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.safety import Damaged, NotLive, open_live
from atr_desktop.storage.backup import snapshot
from atr_desktop.storage.database import Database
from atr_desktop.storage.lock import LiveLock, Locked, LockInfo, Me, is_stale, lock_path

NOW = dt.datetime(2027, 2, 9, 9, 30, tzinfo=dt.UTC)
ALICE = Me("alice", "LAPTOP-A", 111)
BOB = Me("bob", "LAPTOP-B", 222)


def damage_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek((size // 2) // 4096 * 4096)
        fh.write(b"\x5a" * 4096)


@pytest.mark.allow_warning_logs
def test_damaged_database_is_named_moved_aside_and_a_backup_offered(demo_db: Database, cli) -> None:  # type: ignore[no-untyped-def]
    path = demo_db.path
    made = backups.back_up(demo_db)
    demo_db.close()
    damage_middle(path)
    code, out, err = cli("check")
    assert code == 1
    assert "is damaged" in err and "atr-desktop restore" in err
    assert path.exists()  # 'check' only looks
    code, _, err = cli("groups", "list")
    assert code == 1 and "Traceback" not in err
    assert "damaged" in err and "moved aside" in err
    local = made.backup.created_at.astimezone()
    when = f"{local:%H:%M} on {local.day} {local:%B %Y}"
    assert when in err and str(made.backup.path) in err
    assert not path.exists()
    aside = [
        p
        for p in path.parent.glob("atr.db.damaged-*")
        if not p.name.endswith(("-wal", "-shm", ".json"))
    ]
    assert len(aside) == 1 and aside[0].stat().st_size > 0
    code, _, err = cli("restore", str(made.backup.path), "--yes")
    assert code == 0, err
    code, out, err = cli("check")
    assert code == 0 and "is whole" in out


@pytest.mark.allow_warning_logs
def test_a_cut_short_file_is_caught_by_the_header_check(db: Database) -> None:
    path = db.path
    db.close()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size - 100)
    with pytest.raises(Damaged, match="cut short") as caught:
        open_live(path, app_paths())
    assert caught.value.moved_to is not None and caught.value.moved_to.exists()
    assert "No verified backup" in str(caught.value)


def test_check_finds_a_missing_paper(db: Database, cli) -> None:  # type: ignore[no-untyped-def]
    from tests.safety_helpers import attach, make_item

    _, sha = attach(db, make_item(db), b"paper")
    code, out, _ = cli("check")
    assert code == 0 and "all 1 papers" in out
    db.blobs.path_for(sha).unlink()
    code, _, err = cli("check")
    assert code == 1 and sha[:12] in err


def test_open_checks_every_time_and_says_after_an_unclean_close(db: Database) -> None:
    path, paths = db.path, app_paths()
    db.close()
    first = open_live(path, paths, me=ALICE, now=NOW)
    assert first.checked
    first.close()
    again = open_live(path, paths, me=ALICE, now=NOW + dt.timedelta(hours=1))
    assert again.checked  # not once a day: every open (issue 16, item 4)
    again.db.close()  # the process 'crashes': the lock stays behind
    dead = Me("alice", "LAPTOP-A", 999_999_999)
    crashed = open_live(path, paths, me=dead, now=NOW + dt.timedelta(hours=2))
    assert crashed.checked and "did not close cleanly" in crashed.notes[0]
    crashed.close()


# -- the live-copy lock ------------------------------------------------------------------
def test_second_person_is_told_who_has_it_and_may_read(db: Database) -> None:
    path, paths = db.path, app_paths()
    db.close()
    first = open_live(path, paths, me=ALICE, now=NOW)
    held = json.loads(lock_path(path).read_text())
    assert held["user"] == "alice" and held["machine"] == "LAPTOP-A" and held["uuid"] == ""
    with pytest.raises(Locked, match="alice on LAPTOP-A since") as caught:
        open_live(path, paths, me=BOB, now=NOW + dt.timedelta(minutes=5))
    assert "read-only" in str(caught.value)
    assert "Tuesday 9 February 2027" in str(caught.value)
    reader = open_live(path, paths, readonly=True, me=BOB)
    assert reader.db.readonly and reader.lock is None
    reader.close()
    assert lock_path(path).exists()  # the first is unaffected
    first.close()
    assert not lock_path(path).exists()


def test_stale_locks_are_recognised() -> None:
    since = NOW.isoformat()
    lock = LockInfo("alice", "LAPTOP-A", 111, since, since)
    always, never = (lambda pid: True), (lambda pid: False)
    assert is_stale(lock, ALICE, NOW, alive=never)  # same machine, process gone
    assert not is_stale(lock, ALICE, NOW, alive=always)
    # Another machine: judged by the heartbeat alone, stale after 5 minutes.
    assert not is_stale(lock, BOB, NOW + dt.timedelta(minutes=4), alive=never)
    assert is_stale(lock, BOB, NOW + dt.timedelta(minutes=6), alive=always)
    # The same machine: a live process id whose heartbeat stopped is stale too.
    assert is_stale(lock, ALICE, NOW + dt.timedelta(minutes=6), alive=always)


def test_heartbeat_keeps_a_lock_fresh_and_notices_a_takeover(db_path: Path) -> None:
    lock = LiveLock.acquire(db_path, me=ALICE, now=NOW)
    assert lock.heartbeat(NOW + dt.timedelta(minutes=4))
    assert not is_stale(lock.info, BOB, NOW + dt.timedelta(minutes=8), alive=lambda p: True)
    # Bob takes the lock over after Alice's laptop went silent.
    taken = LiveLock.acquire(db_path, me=BOB, now=NOW + dt.timedelta(minutes=20))
    assert taken.recovered is not None and taken.recovered.user == "alice"
    assert not lock.heartbeat(NOW + dt.timedelta(minutes=21))
    lock.release()
    assert lock_path(db_path).exists()  # Alice's release leaves Bob's lock alone
    taken.release()


def test_pid_alive_branches() -> None:
    import os

    assert pid_alive(os.getpid())
    assert not pid_alive(0)
    asked: list[int] = []
    assert pid_alive(42, platform="win32", windows_probe=lambda p: asked.append(p) or True)
    assert asked == [42]
    assert not pid_alive(42, platform="win32", windows_probe=lambda p: False)
    assert not pid_alive(42, platform="linux", posix_probe=lambda p: False)


# -- hand-over ---------------------------------------------------------------------------
def test_handover_round_trip(db: Database, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.safety_helpers import attach, make_item

    attach(db, make_item(db), b"a paper the colleague needs")
    db.close()
    shared = tmp_path / "shared"
    code, out, err = cli("handover", "export", "--to", str(shared))
    assert code == 0, err
    assert "no longer live" in out
    handed = shared / "atr.db"
    assert handed.exists() and (shared / "atr.db-papers").is_dir()
    # The old copy says plainly it is no longer live, and still opens read-only.
    code, _, err = cli("groups", "list")
    assert code == 1 and "no longer the live copy" in err and str(handed) in err
    old = open_live(tmp_path / "atr.db", app_paths(), readonly=True)
    assert "handed over" in old.notes[0]
    old.close()
    # The colleague (another data folder) takes it on.
    colleague = tmp_path / "colleague" / "atr.db"
    code, out, err = cli("handover", "import", str(handed), db=colleague)
    assert code == 0, err
    code, out, err = cli("check", db=colleague)
    assert code == 0 and "all 1 papers" in out
    code, out, _ = cli("groups", "list", db=colleague)
    assert code == 0 and "SG" in out


def test_an_old_copy_is_not_used_as_live(db: Database, tmp_path: Path) -> None:
    from atr_desktop.services.handover import export_to

    stale = tmp_path / "old-copy.db"
    snapshot(db.path, stale)  # e.g. a copy on a USB stick from before the hand-over
    export_to(db, tmp_path / "shared", app_paths())
    db.close()
    with pytest.raises(NotLive, match="old copy"):
        open_live(stale, app_paths())
    reader = open_live(stale, app_paths(), readonly=True)
    assert "old copy" in reader.notes[0]
    reader.close()


def test_cli_names_the_holder_and_reads_with_read_only(db: Database, cli) -> None:  # type: ignore[no-untyped-def]
    path = db.path
    db.close()
    other = LiveLock.acquire(path, me=BOB, now=dt.datetime.now(dt.UTC))
    code, _, err = cli("groups", "list")
    assert code == 1 and "bob on LAPTOP-B" in err and "--read-only" in err
    code, out, err = cli("--read-only", "groups", "list")
    assert code == 0, err
    assert "SG" in out
    assert other.still_ours()
    other.release()


def test_sweep_keeps_files_any_table_points_at(db: Database) -> None:
    """A table another area adds later (here: a logo) keeps its stored files."""
    from sqlalchemy import text

    kept = db.blobs.put_bytes(b"a logo another area stores")
    stray = db.blobs.put_bytes(b"left by a crash")
    with db.session() as s:
        s.execute(text("CREATE TABLE brand (id INTEGER PRIMARY KEY, logo_sha256 TEXT)"))
        s.execute(text("INSERT INTO brand (logo_sha256) VALUES (:h)"), {"h": kept})
    path = db.path
    db.close()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)  # the store has settled
    opened = open_live(path, app_paths(), now=later)
    try:
        assert opened.db.blobs.exists(kept)
        assert not opened.db.blobs.exists(stray)
        assert stray in opened.db.blobs.quarantined()  # kept 30 days, not deleted
    finally:
        opened.close()


@pytest.mark.allow_warning_logs
def test_a_read_only_look_never_moves_a_damaged_file(db: Database) -> None:
    path = db.path
    db.close()
    damage_middle(path)
    with pytest.raises(Damaged) as caught:
        open_live(path, app_paths(), readonly=True)
    assert caught.value.moved_to is None and path.exists()
    assert not lock_path(path).exists()


def test_windows_open_lock_file_cannot_be_taken_as_stale(db_path: Path) -> None:
    """On Windows the holder's open handle makes deleting its lock fail: still held."""
    old = NOW - dt.timedelta(days=2)
    held = LiveLock.acquire(db_path, me=ALICE, now=old)

    def windows_remove(path: Path) -> None:
        raise PermissionError(13, "The process cannot access the file")

    with pytest.raises(Locked, match="still in use"):
        LiveLock.acquire(db_path, me=BOB, now=NOW, remove=windows_remove)
    assert held.still_ours()
    held.release()
    assert not lock_path(db_path).exists()
