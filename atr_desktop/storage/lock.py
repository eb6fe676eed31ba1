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

    @classmethod
    def acquire(
        cls,
        db_path: Path,
        uuid: str = "",
        me: Me | None = None,
        now: dt.datetime | None = None,
        alive: Callable[[int], bool] = pid_alive,
    ) -> LiveLock:
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
                recovered = held
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            except OSError as exc:
                raise StoreError(
                    f"Cannot write beside {db_path} ({exc.strerror}): open it read-only, or "
                    "copy it to a folder you can write to."
                ) from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(info)))
                fh.flush()
                os.fsync(fh.fileno())
            return cls(path, info, recovered)
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
        part = self.path.with_name(self.path.name + f".{self.info.pid}.part")
        try:
            part.write_text(json.dumps(asdict(self.info)), encoding="utf-8")
            os.replace(part, self.path)
        except OSError:
            part.unlink(missing_ok=True)
        return True

    def release(self) -> None:
        if self.owned and self.still_ours():
            self.path.unlink(missing_ok=True)
