"""Lock-outs (issue 16, item 7): locks written whole, judged by process start time and a
heartbeat (every 60 s, stale after 5 minutes).

Reproduced before the fix: an empty lock file (a kill between create and write, or a full
disk) locked everyone out for 8 hours; a lock naming a process id that had been reused
(here: pid 1, always alive) locked everyone out for ever.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from atr_desktop.adapters import process
from atr_desktop.storage import lock as locks
from atr_desktop.storage.lock import (
    HEARTBEAT_EVERY,
    STALE_AFTER,
    LiveLock,
    Locked,
    LockInfo,
    Me,
    is_stale,
    lock_path,
    read_lock,
)

NOW = dt.datetime(2027, 2, 9, 9, 30, tzinfo=dt.UTC)


def test_the_decided_timings() -> None:
    assert dt.timedelta(seconds=60) == HEARTBEAT_EVERY
    assert dt.timedelta(minutes=5) == STALE_AFTER


def test_an_empty_lock_locks_out_for_minutes_not_hours(db_path: Path) -> None:
    path = lock_path(db_path)
    path.write_text("")  # what a kill between create and write used to leave
    five_ago = time.time() - 4 * 60
    os.utime(path, (five_ago, five_ago))
    with pytest.raises(Locked):
        LiveLock.acquire(db_path, me=Me("bob", "LAPTOP-B", 222))
    six_ago = time.time() - 6 * 60
    os.utime(path, (six_ago, six_ago))
    taken = LiveLock.acquire(db_path, me=Me("bob", "LAPTOP-B", 222))
    assert taken.recovered is not None and taken.recovered.user == "unknown"
    taken.release()


def test_a_lock_is_never_seen_half_written(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dying at the moment of creation leaves no lock at all (the link never happened)."""

    def die(*_args: object) -> None:
        raise KeyboardInterrupt  # the process is killed between the write and the link

    monkeypatch.setattr(locks.os, "link", die)
    with pytest.raises(KeyboardInterrupt):
        LiveLock.acquire(db_path, me=Me("alice", "LAPTOP-A", 111))
    monkeypatch.undo()
    assert not lock_path(db_path).exists()
    assert not list(db_path.parent.glob("*.tmp"))
    held = LiveLock.acquire(db_path, me=Me("bob", "LAPTOP-B", 222))  # nobody locked out
    data = json.loads(lock_path(db_path).read_text())
    assert data["user"] == "bob" and data["started"] is None
    held.release()


def test_a_reused_process_id_does_not_lock_out_for_ever(db_path: Path) -> None:
    here = Me.here()
    assert here.started is not None  # read from /proc on Linux
    # A lock left by a process that crashed; its id now belongs to another process (1).
    stamp = dt.datetime.now(dt.UTC).isoformat()
    ghost = LockInfo("alice", here.machine, 1, stamp, stamp, "", started=12345.0)
    lock_path(db_path).write_text(json.dumps(ghost.__dict__))
    taken = LiveLock.acquire(db_path, me=here)
    assert taken.recovered is not None and taken.recovered.pid == 1
    taken.release()
    # The same id with its real start time is a holder that is alive: refused.
    alive = LockInfo("alice", here.machine, 1, stamp, stamp, "", process.start_time(1))
    lock_path(db_path).write_text(json.dumps(alive.__dict__))
    with pytest.raises(Locked, match="alice"):
        LiveLock.acquire(db_path, me=here)


def test_same_machine_staleness_by_start_time_and_heartbeat() -> None:
    since = NOW.isoformat()
    me = Me("alice", "LAPTOP-A", 999)
    info = LockInfo("alice", "LAPTOP-A", 111, since, since, "", started=1000.0)
    alive = lambda pid: True  # noqa: E731
    assert not is_stale(info, me, NOW, alive=alive, started_at=lambda pid: 1000.0)
    assert is_stale(info, me, NOW, alive=alive, started_at=lambda pid: 2000.0)  # reused id
    assert is_stale(info, me, NOW, alive=lambda pid: False, started_at=lambda pid: 1000.0)
    late = NOW + dt.timedelta(minutes=6)  # alive, but silent for over 5 minutes
    assert is_stale(info, me, late, alive=alive, started_at=lambda pid: 1000.0)


def test_start_time_on_windows_through_injected_probes() -> None:
    # 2027-02-09 09:30:00 UTC as a Windows FILETIME (100 ns since 1601).
    unix = NOW.timestamp()
    filetime = int((unix + process.FILETIME_EPOCH) * 10_000_000)
    asked: list[int] = []

    def creation(pid: int) -> int | None:
        asked.append(pid)
        return filetime

    assert process.start_time(42, platform="win32", windows_creation=creation) == unix
    assert asked == [42]
    assert process.start_time(42, platform="win32", windows_creation=lambda p: None) is None
    # Linux: ticks after boot.
    linux = process.start_time(
        7,
        platform="linux",
        linux_ticks=lambda p: 250,
        boot_time=lambda: 1000.0,
        ticks_per_second=100,
    )
    assert linux == 1002.5
    same = process.same_process
    assert same(42, unix, alive=lambda p: True, started_at=lambda p: unix)
    assert not same(42, unix, alive=lambda p: True, started_at=lambda p: unix + 60)
    assert not same(42, unix, alive=lambda p: False, started_at=lambda p: unix)
    assert same(42, None, alive=lambda p: True, started_at=lambda p: None)


def test_the_heartbeat_runs_on_its_own_thread(db_path: Path) -> None:
    held = LiveLock.acquire(db_path, me=Me.here(), now=NOW)
    try:
        held.start_heartbeat(every=dt.timedelta(seconds=0.05))
        deadline = time.time() + 5
        while read_lock(lock_path(db_path)).heartbeat == NOW.isoformat():  # type: ignore[union-attr]
            assert time.time() < deadline, "no heartbeat written"
            time.sleep(0.02)
    finally:
        held.release()
    assert not lock_path(db_path).exists()
