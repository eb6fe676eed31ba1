"""One live copy: a lock file beside the database saying who has it open, and since when.

``<db>.lock`` is created with O_EXCL (atomic on local disks and SMB shares) and holds JSON:
user, machine, pid, since, heartbeat, db uuid. A second instance reads it and can tell the
user who has the file open; it may still open the file read-only. A lock is stale when its
process is gone (same machine) or its heartbeat, which the window refreshes every few
minutes, is older than :data:`STALE_AFTER` (another machine, or a laptop that died).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.adapters.process import pid_alive
from atr_desktop.errors import StoreError

STALE_AFTER = dt.timedelta(hours=8)
HEARTBEAT_EVERY = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # ISO 8601, UTC
    heartbeat: str
    uuid: str = ""

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

    @classmethod
    def here(cls) -> Me:
        return cls(current_user(), machine_name(), os.getpid())


class Locked(StoreError):
    """Someone else has the database open; ``holder`` says who."""

    def __init__(self, message: str, holder: LockInfo) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def read_lock(path: Path) -> LockInfo | None:
    """The lock's contents; None if there is none. A lock that cannot be read is 'unknown'."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__ if k in data})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        # Half-written by a crash between create and write: judge it by its age.
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
) -> bool:
    if info.machine == me.machine and info.machine != "unknown":
        return not alive(info.pid)
    try:
        return now - info.heartbeat_time > stale_after
    except ValueError:
        return True


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

    @classmethod
    def acquire(
        cls,
        db_path: Path,
        uuid: str = "",
        me: Me | None = None,
        now: dt.datetime | None = None,
        alive: Callable[[int], bool] = pid_alive,
        remove: Callable[[Path], None] = os.remove,
    ) -> LiveLock:
        """Take the lock, replacing a stale one; Locked names whoever holds a live one.

        The lock file stays open while held. On Windows an open file cannot be deleted by
        anyone else (Python opens without FILE_SHARE_DELETE, locally and over SMB), so a
        holder that is alive can never have its lock removed as 'stale': ``remove`` then
        fails with PermissionError and the lock is reported as held.
        """
        me = me or Me.here()
        now = now or dt.datetime.now(dt.UTC)
        path = lock_path(db_path)
        stamp = now.isoformat()
        info = LockInfo(me.user, me.machine, me.pid, stamp, stamp, uuid)
        recovered: LockInfo | None = None
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                held = read_lock(path)
                if held is None:
                    continue
                if (held.machine, held.pid) == (me.machine, me.pid):
                    return cls(path, held, None, owned=False)  # this process holds it already
                if not is_stale(held, me, now, alive):
                    raise Locked(
                        f"{db_path.name} is open by {describe(held)}: only one copy can be "
                        "live at a time, so open it read-only to look (on the command line, "
                        "add --read-only), or ask them to close it.",
                        held,
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
                raise StoreError(
                    f"Cannot write beside {db_path} ({exc.strerror}): open it read-only, or "
                    "copy it to a folder you can write to."
                ) from None
            handle = os.fdopen(fd, "w", encoding="utf-8")
            handle.write(json.dumps(asdict(info)))
            handle.flush()
            os.fsync(handle.fileno())
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
        self.info = LockInfo(**{**asdict(self.info), "heartbeat": now.isoformat()})
        if self._handle is not None:  # rewritten in place: the open handle keeps it ours
            with contextlib.suppress(OSError):
                self._handle.seek(0)
                self._handle.write(json.dumps(asdict(self.info)))
                self._handle.truncate()
                self._handle.flush()
        return True

    def release(self) -> None:
        ours = self.owned and self.still_ours()
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if ours:
            with contextlib.suppress(OSError):
                self.path.unlink()
