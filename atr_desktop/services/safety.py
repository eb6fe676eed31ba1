"""Opening the live copy safely: one holder, a quick integrity check, stale copies caught.

Both faces open a database through :func:`open_live`. It takes the lock beside the file,
checks the file (header always; ``quick_check`` when the last session did not close
cleanly or no check ran today, see docs/safety.md), refuses a copy that was handed over or
is older than one seen before (offering read-only), and sweeps the papers' folder of
leftovers from a crash.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from atr_desktop.errors import StoreError
from atr_desktop.paths import AppPaths
from atr_desktop.services.backup import BackupInfo, folder_for, move_aside, newest_verified
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import BlobStore
from atr_desktop.storage.database import (
    DamagedError,
    Database,
    blob_dir_for,
    open_database,
    sniff,
)
from atr_desktop.storage.lock import LiveLock, Me
from atr_desktop.storage.models import DbMeta
from atr_desktop.storage.registry import Registry

log = logging.getLogger(__name__)
CHECK_EVERY = dt.timedelta(days=1)


class Damaged(StoreError):
    """The database was damaged and has been moved aside; a backup may be offered."""

    def __init__(
        self, message: str, moved_to: Path | None, backup: BackupInfo | None, problem: str = ""
    ) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        self.backup = backup
        self.problem = problem


class NotLive(StoreError):
    """This copy was handed over, or is older than a copy already seen: read-only offered."""


@dataclass
class Opened:
    db: Database
    lock: LiveLock | None
    notes: list[str] = field(default_factory=list)
    checked: bool = False

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def header_problem(path: Path) -> str | None:
    """O(1) checks on the 100-byte header: page size, and the file's length against it."""
    with path.open("rb") as fh:
        header = fh.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged (impossible page size)"
    size = path.stat().st_size
    if size % page_size:
        return "it has been cut short or padded (its length is not whole pages)"
    return None


def quick_check(path: Path) -> list[str]:
    return store.check_file(path, full=False)


def full_check(path: Path) -> list[str]:
    """Every page, index and constraint: O(size); what 'atr-desktop check' runs."""
    sniff(path)
    problem = header_problem(path)
    if problem:
        return [problem]
    return store.check_file(path, full=True)


def damaged(
    path: Path, problem: str, paths: AppPaths, now: dt.datetime | None = None, move: bool = True
) -> Damaged:
    """Move a damaged file aside and say plainly what happened and what can be restored.

    Only the holder of the lock moves it (``move``); a read-only look leaves it in place.
    """
    folder = folder_for(path)
    moved: Path | None = None
    if move:
        try:
            moved = move_aside(path, now)
        except OSError:
            moved = None
    backup = newest_verified(folder) or (
        newest_verified(paths.backups) if folder != paths.backups else None
    )
    where = f" It was moved aside to {moved.name} (nothing was deleted)." if moved else ""
    if backup is not None:
        when = backup.created_at.astimezone().strftime("%H:%M on %d %B %Y")
        offer = (
            f" The newest verified backup is from {when}: restore it with File > Restore "
            f"from backup, or 'atr-desktop restore \"{backup.path}\"'."
        )
    else:
        offer = f" No verified backup was found in {folder}: ask IT to recover the file."
    log.warning("damaged database %s: %s", path, problem)
    return Damaged(f"{path.name} is damaged ({problem}).{where}{offer}", moved, backup, problem)


def open_live(
    path: Path,
    paths: AppPaths,
    readonly: bool = False,
    me: Me | None = None,
    now: dt.datetime | None = None,
) -> Opened:
    """Open ``path`` as the live copy (or read-only), with the safety checks above."""
    now = now or dt.datetime.now(dt.UTC)
    if not path.exists():
        open_database(path)  # raises its plain 'there is no database' message
    sniff(path)
    lock = None if readonly else LiveLock.acquire(path, me=me, now=now)
    try:
        problem = header_problem(path)
        if problem:
            raise damaged(path, problem, paths, now, move=not readonly)
        return _open_locked(path, paths, readonly, lock, now)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_locked(
    path: Path, paths: AppPaths, readonly: bool, lock: LiveLock | None, now: dt.datetime
) -> Opened:
    registry = Registry.in_folder(paths.data)
    notes: list[str] = []
    unclean = lock is not None and lock.recovered is not None
    if unclean:
        notes.append("ATR Desktop did not close cleanly last time; the file was checked.")
    last = registry.last_checked(path)
    due = last is None or now - last > CHECK_EVERY
    checked = False
    if unclean or due:
        problems = quick_check(path)
        checked = True
        if problems:
            raise damaged(path, problems[0], paths, now, move=not readonly)
        if not readonly:
            registry.mark_checked(path, now)
    try:
        db = open_database(path, readonly=readonly)
    except DamagedError as exc:
        raise damaged(path, exc.problem or str(exc), paths, now, move=not readonly) from None
    try:
        _check_live(db, registry, readonly, notes)
        if not readonly:
            swept = sweep_papers(db)
            if swept:
                log.info("swept %d leftover paper file(s)", len(swept))
    except BaseException:
        db.close()
        raise
    place = location_warning(path)
    if place:
        notes.append(place)
    return Opened(db, lock, notes, checked)


def _check_live(db: Database, registry: Registry, readonly: bool, notes: list[str]) -> None:
    with db.session() as s:
        meta = {row.key: row.value for row in s.scalars(select(DbMeta))}
    uuid = meta.get("uuid", "")
    generation = int(meta.get("generation", "0") or 0)
    if meta.get("handed_over_to"):
        message = (
            f"{db.path.name} is no longer the live copy: it was handed over to "
            f"{meta['handed_over_to']} on {meta.get('handed_over_at', 'an earlier date')}. "
            "Open it read-only to look (on the command line, add --read-only), or ask for "
            "it to be handed back."
        )
        if not readonly:
            raise NotLive(message)
        notes.append(message)
        return
    seen = registry.highest(uuid)
    if generation < seen:
        message = (
            f"{db.path.name} is an old copy (hand-over {generation}; hand-over {seen} has "
            "been used on this computer), so it may be missing later work. Open it read-only, "
            "or take on the newer copy instead."
        )
        if not readonly:
            raise NotLive(message)
        notes.append(message)
        return
    if not readonly and uuid:
        registry.record(uuid, generation, db.path)


def referenced_papers(db: Database) -> set[str]:
    """Every stored file a record points at (any 'sha256' column; see storage.backup)."""
    with db.session() as s:
        conn = s.connection().connection.dbapi_connection
        assert isinstance(conn, sqlite3.Connection)
        return store.paper_hashes(conn)


def sweep_papers(db: Database) -> list[str]:
    """Remove '.part' files and papers no record points at (only while we hold the lock)."""
    return db.blobs.sweep(referenced_papers(db))


def location_warning(
    path: Path, describe: Callable[[Path], str | None] | None = None
) -> str | None:
    """A plain warning when the live database sits on a share or a synced folder."""
    from atr_desktop.adapters.location import describe_location

    where = (describe or describe_location)(path)
    if where is None:
        return None
    return (
        f"The database {path} is in {where}. A database there can be damaged when the "
        "connection drops or the sync program copies it mid-save, and two people can "
        "overwrite each other's work. Keep it on this laptop (File > New database, or "
        "'atr-desktop handover export --to' a local folder and import it) and set "
        "Settings > Backup folder to the shared place, so the backups go there instead."
    )


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]
    papers: int


def check_everything(path: Path) -> CheckReport:
    """The full check: every page of the database, every paper it points at, by hash."""
    if not path.exists():
        open_database(path)  # raises its plain 'there is no database' message
    sniff(path)
    problems = [f"{path.name} is damaged: {p}." for p in full_check(path)]
    if problems:
        problems.append(
            "Restore the newest backup ('atr-desktop backups list', then "
            "'atr-desktop restore PATH'); the damaged file will be kept aside."
        )
        return CheckReport(problems, 0)
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        hashes = store.paper_hashes(conn)
    finally:
        conn.close()
    papers = BlobStore(blob_dir_for(path))
    bad = sorted(h for h in hashes if not papers.verify(h))
    problems += [f"The paper {h[:12]}… is missing or changed in {papers.root}." for h in bad]
    if bad:
        problems.append("Restore the papers from the newest backup ('atr-desktop restore PATH').")
    return CheckReport(problems, len(hashes))
