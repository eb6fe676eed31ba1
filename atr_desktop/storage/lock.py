"""One live copy: a lock file beside the database saying who has it open, and since when.

``<db>.lock`` holds JSON: user, machine, pid, the process's start time, since, heartbeat,
db uuid. It is written whole to a private file first and then hard-linked into place
(atomic, and refused if a lock exists), so nobody ever meets an empty or half-written
lock; where links are impossible it falls back to O_EXCL. A second instance reads it and
tells the user who has the file open; it may still open the file read-only.

A lock is stale when its heartbeat (refreshed every :data:`HEARTBEAT_EVERY` by a thread
while it is held) is older than :data:`STALE_AFTER`, or, on the same machine, when its
process is gone or the process with that id started at another time (the id was reused).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.adapters.process import pid_alive, same_process, start_time
from atr_desktop.errors import StoreError

STALE_AFTER = dt.timedelta(minutes=5)
HEARTBEAT_EVERY = dt.timedelta(seconds=60)
NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)
LOCK_BYTES = 1024  # every write is padded to this, so a rewrite in place is one write()


@dataclass(frozen=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # ISO 8601, UTC
    heartbeat: str
    uuid: str = ""
    started: float | None = None  # the holder process's start time (Unix seconds)

    @property
    def since_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.since)

    @property
    def heartbeat_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.heartbeat)


@dataclass(frozen=True)
class Me:
    """Who is asking; injectable so tests can be two people on two machines."""

    user: str
    machine: str
    pid: int
    started: float | None = None

    @classmethod
    def here(cls) -> Me:
        return cls(current_user(), machine_name(), os.getpid(), start_time(os.getpid()))


class Locked(StoreError):
    """Someone else has the database open; ``holder`` says who."""

    def __init__(self, message: str, holder: LockInfo) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def read_lock(path: Path, tries: int = 3) -> LockInfo | None:
    """The lock's contents; None if there is none. A lock that cannot be read is 'unknown'.

    Read again briefly when it does not parse (a heartbeat being written); a lock that
    stays unreadable (an older version's, or a disk fault) is judged by its file's age.
    """
    for attempt in range(tries):
        try:
            data = json.loads(path.read_text(encoding="utf-8").strip() or "null")
            return LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__ if k in data})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            if attempt + 1 < tries:
                time.sleep(0.05)
    try:
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat()
    except OSError:
        return None
    return LockInfo("unknown", "unknown", 0, mtime, mtime)


def is_stale(
    info: LockInfo,
    me: Me,
    now: dt.datetime,
    alive: Callable[[int], bool] = pid_alive,
    stale_after: dt.timedelta = STALE_AFTER,
    started_at: Callable[[int], float | None] = start_time,
) -> bool:
    try:
        quiet = now - info.heartbeat_time > stale_after
    except (TypeError, ValueError):
        return True
    if quiet:
        return True
    if info.machine == me.machine and info.machine != "unknown":
        return not same_process(info.pid, info.started, alive, started_at)
    return False


def gone_elsewhere(info: LockInfo, me: Me) -> bool:
    """A stale lock the user should be asked about (another machine's, or unreadable)."""
    return info.machine != me.machine or info.machine == "unknown"


def describe(info: LockInfo) -> str:
    """'jsmith on LAPTOP-12 since 09:14 on Tuesday 9 February 2027' (local time)."""
    from atr_desktop.domain.dates import hhmm, long_date

    try:
        since = info.since_time.astimezone()
        when = f" since {hhmm(since.time())} on {long_date(since.date())}"
    except ValueError:
        when = ""
    return f"{info.user} on {info.machine}{when}"


class LiveLock:
    """This process's hold on a database; :meth:`release` when the database is closed."""

    def __init__(
        self, path: Path, info: LockInfo, recovered: LockInfo | None, owned: bool = True
    ) -> None:
        self.path = path
        self.info = info
        self.recovered = recovered  # a stale lock found and replaced (a session that crashed)
        self.owned = owned  # False: another part of this process took it and will release it
        self._handle: IO[str] | None = None
        self._write = threading.Lock()
        self._stop = threading.Event()
        self._beating: threading.Thread | None = None
        self.lost = False  # set by the heartbeat when someone else took the lock

    def start_heartbeat(self, every: dt.timedelta = HEARTBEAT_EVERY) -> None:
        """Refresh the heartbeat every ``every`` on a thread until released (both faces)."""
        if not self.owned or self._beating is not None:
            return

        def run() -> None:
            while not self._stop.wait(every.total_seconds()):
                if not self.heartbeat():
                    self.lost = True
                    return

        self._beating = threading.Thread(target=run, name="lock-heartbeat", daemon=True)
        self._beating.start()

    @classmethod
    def acquire(
        cls,
        db_path: Path,
        uuid: str = "",
        me: Me | None = None,
        now: dt.datetime | None = None,
        alive: Callable[[int], bool] = pid_alive,
        remove: Callable[[Path], None] = os.remove,
        take_over: Callable[[LockInfo], bool] | None = None,
        started_at: Callable[[int], float | None] = start_time,
    ) -> LiveLock:
        """Take the lock, replacing a stale one; Locked names whoever holds a live one.

        ``take_over`` is asked before replacing a stale lock of another machine (or an
        unreadable one): the window's "take over from jsmith?"; None replaces it.

        The lock file stays open while held. On Windows an open file cannot be deleted by
        anyone else (Python opens without FILE_SHARE_DELETE, locally and over SMB), so a
        holder that is alive can never have its lock removed as 'stale': ``remove`` then
        fails with PermissionError and the lock is reported as held.
        """
        me = me or Me.here()
        now = now or dt.datetime.now(dt.UTC)
        path = lock_path(db_path)
        stamp = now.isoformat()
        info = LockInfo(me.user, me.machine, me.pid, stamp, stamp, uuid, me.started)
        recovered: LockInfo | None = None
        for _attempt in range(3):
            try:
                handle = _create(path, info)
            except FileExistsError:
                held = read_lock(path)
                if held is None:
                    continue
                if (held.machine, held.pid) == (me.machine, me.pid):
                    return cls(path, held, None, owned=False)  # this process holds it already
                if not is_stale(held, me, now, alive, started_at=started_at):
                    raise Locked(
                        f"{db_path.name} is open by {describe(held)}: only one copy can be "
                        "live at a time, so open it read-only to look (on the command line, "
                        "add --read-only), or ask them to close it.",
                        held,
                    ) from None
                if take_over is not None and gone_elsewhere(held, me) and not take_over(held):
                    raise Locked(
                        f"{db_path.name} is still marked open by {describe(held)}.", held
                    ) from None
                if read_lock(path) != held:
                    continue  # it changed under us: someone else is taking it; look again
                try:
                    remove(path)
                except FileNotFoundError:
                    pass
                except PermissionError:
                    raise Locked(
                        f"{db_path.name} is open by {describe(held)} (the file is still in "
                        "use): open it read-only to look, or ask them to close it.",
                        held,
                    ) from None
                recovered = held
                continue
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                    raise StoreError(
                        f"The disk holding {db_path.name} is full, so it cannot be opened for "
                        f"changes (nothing was changed or moved): free some space on "
                        f"{db_path.parent}, or open it read-only to look."
                    ) from None
                if exc.errno == errno.EROFS:
                    raise StoreError(
                        f"{db_path.name} is on a read-only drive, so it cannot be opened for "
                        "changes (nothing was changed or moved): open it read-only to look, "
                        "or copy it to a folder you can write to."
                    ) from None
                raise StoreError(
                    f"Cannot write beside {db_path} ({exc.strerror}): open it read-only, or "
                    "copy it to a folder you can write to (nothing was changed or moved)."
                ) from None
            lock = cls(path, info, recovered)
            lock._handle = handle
            return lock
        raise StoreError(f"Could not take {path.name}: close other copies of ATR Desktop, retry.")

    def still_ours(self) -> bool:
        held = read_lock(self.path)
        return held is not None and (held.machine, held.pid, held.since) == (
            self.info.machine,
            self.info.pid,
            self.info.since,
        )

    def heartbeat(self, now: dt.datetime | None = None) -> bool:
        """Refresh the heartbeat; False when the lock is no longer ours (taken over)."""
        if not self.still_ours():
            return False
        if not self.owned:
            return True
        now = now or dt.datetime.now(dt.UTC)
        with self._write:
            self.info = LockInfo(**{**asdict(self.info), "heartbeat": now.isoformat()})
            if self._handle is not None:  # rewritten in place: the open handle keeps it ours
                with contextlib.suppress(OSError):
                    self._handle.seek(0)
                    self._handle.write(_padded(self.info))
                    self._handle.flush()
        return True

    def release(self) -> None:
        self._stop.set()
        ours = self.owned and self.still_ours()
        with self._write:
            if self._handle is not None:
                self._handle.close()
                self._handle = None
        if ours:
            with contextlib.suppress(OSError):
                self.path.unlink()


def _padded(info: LockInfo) -> str:
    return json.dumps(asdict(info)).ljust(LOCK_BYTES)


def _create(path: Path, info: LockInfo) -> IO[str]:
    """Put a complete lock file at ``path`` or raise FileExistsError; returns it, open.

    Written to a private file, fsynced, then hard-linked to the lock's name: the link
    either makes a whole lock appear or fails because one exists. On a file system
    without hard links, O_EXCL and a write (a crash between them leaves an unreadable
    lock, judged by its age).
    """
    text = _padded(info)
    tmp = path.with_name(f"{path.name}.{info.pid}.{time.monotonic_ns()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in NO_LINKS:
                raise
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return open(path, "r+", encoding="utf-8")
