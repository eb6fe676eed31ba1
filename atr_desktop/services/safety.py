"""Opening the live copy safely: one holder, checks on every open, stale copies caught.

Both faces open a database through :func:`open_live`. It takes the lock beside the file,
checks the header (always) and the schema (always), runs ``quick_check`` (at once for
the command line; on a worker thread for the window, with saving held until it passes,
see :func:`start_background_check`), notices a removed write-ahead log, refuses a copy
that was handed over or is older than one seen before (offering read-only), and tidies
the papers' folder (quarantine, never delete; see storage/blobs.py).

Only a failed integrity check is damage. A full disk, a read-only place, a lock or a file
that cannot be opened is said as exactly that, and nothing is moved.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from atr_desktop.errors import StoreError
from atr_desktop.paths import AppPaths
from atr_desktop.services.backup import (
    BackupInfo,
    damaged_copies,
    expected_uuid,
    folder_for,
    move_aside,
    newest_verified,
)
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import SweepReport
from atr_desktop.storage.database import (
    DamagedError,
    Database,
    open_database,
    papers_of_file,
    sniff,
)
from atr_desktop.storage.lock import LiveLock, LockInfo, Me
from atr_desktop.storage.models import Base, DbMeta
from atr_desktop.storage.registry import Registry, WalWatch

log = logging.getLogger(__name__)


class Damaged(StoreError):
    """The database failed its integrity check and was moved aside; a backup may be offered."""

    def __init__(
        self, message: str, moved_to: Path | None, backup: BackupInfo | None, problem: str = ""
    ) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        self.backup = backup
        self.problem = problem


class Missing(Damaged):
    """There is no database at the path, but one was there: moved aside as damaged."""


class NotLive(StoreError):
    """This copy was handed over, or is older than a copy already seen: read-only offered."""


@dataclass
class Opened:
    db: Database
    lock: LiveLock | None
    notes: list[str] = field(default_factory=list)
    checked: bool = False
    watch: WalWatch | None = None

    def close(self) -> None:
        self.db.close()
        if self.watch is not None and not self.db.readonly:
            self.watch.record()  # the log checkpointed away: nothing left in it to lose
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
    """``PRAGMA quick_check`` of the pages in use: O(size), see docs/safety.md."""
    return store.check_file(path, full=False)


def full_check(path: Path) -> list[str]:
    """Every page, index and constraint: O(size); what 'atr-desktop check' runs."""
    sniff(path)
    problem = header_problem(path)
    if problem:
        return [problem]
    return store.check_file(path, full=True)


def schema_problem(db: Database) -> str | None:
    """The tables this version needs, present (reading the catalogue parses the schema)."""
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        have = set(inspect(conn).get_table_names())
    missing = sorted(set(Base.metadata.tables) - have)
    return f"its tables {', '.join(missing)} are missing" if missing else None


def damaged(
    path: Path,
    problem: str,
    paths: AppPaths,
    now: dt.datetime | None = None,
    move: bool = True,
    confirmed: bool = False,
) -> Damaged:
    """Move a damaged file aside and say plainly what happened and what can be restored.

    Unless ``confirmed`` (the integrity check itself failed), the integrity check runs
    first: SQLite's word alone is not enough, and a file that cannot be checked (full
    disk, read-only place, lock) raises that plain message with nothing moved. Only the
    lock's holder moves the file (``move``); a read-only look leaves it in place. The
    backup offered is the newest verified one of this same database (its UUID).
    """
    if not confirmed:
        problems = quick_check(path)  # CannotCheck (not damage) propagates
        if not problems:
            raise StoreError(
                f"{path.name} could not be read just now ({problem}), but its integrity "
                "check passed, so it was left as it is: try again; if it keeps happening, "
                "check the disk and run 'atr-desktop check'."
            )
        problem = problems[0]
    uuid = expected_uuid(path, paths.data)
    moved: Path | None = None
    if move:
        try:
            moved = move_aside(path, now, problem)
        except OSError:
            moved = None
    backup = offer(path, uuid, paths)
    where = f" It was moved aside to {moved.name} (nothing was deleted)." if moved else ""
    log.warning("damaged database %s: %s", path, problem)
    message = f"{path.name} is damaged ({problem}).{where}{offer_text(path, backup)}"
    return Damaged(message, moved, backup, problem)


def offer(path: Path, uuid: str, paths: AppPaths) -> BackupInfo | None:
    """The newest verified backup of the database ``uuid`` (never another's)."""
    if not uuid:
        return None
    folder = folder_for(path) if path.exists() else paths.backups
    found = newest_verified(folder, uuid)
    if found is None and folder != paths.backups:
        found = newest_verified(paths.backups, uuid)
    return found


def offer_text(path: Path, backup: BackupInfo | None) -> str:
    if backup is None:
        return (
            " No verified backup of this database was found: 'atr-desktop backups list' "
            "shows what there is; otherwise ask IT to recover the file."
        )
    return (
        f" The newest verified backup is {backup.describe()}: restore it with File > "
        f'Restore from backup, or \'atr-desktop --db "{path}" restore "{backup.path}"\'.'
    )


def missing(path: Path, paths: AppPaths) -> StoreError:
    """No file at ``path``: say so, and if it was moved aside as damaged, say that and offer
    its own backup (never silently start a new empty database in its place)."""
    copies = damaged_copies(path)
    if not copies:
        try:
            open_database(path)  # raises its plain 'there is no database' message
        except StoreError as exc:
            return exc
        return StoreError(f"There is no database at {path}.")  # pragma: no cover
    copy = copies[0]
    uuid = copy.uuid or expected_uuid(path, paths.data)
    backup = offer(path, uuid, paths)
    return Missing(
        f"{path.name} is not there: it was moved aside as damaged to {copy.path.name}."
        f"{offer_text(path, backup)} (Or start a new database with File > New database or "
        "'atr-desktop init'; the damaged copy's papers are kept for it.)",
        copy.path,
        backup,
        copy.problem or "moved aside",
    )


def open_server(url: str, paths: AppPaths, readonly: bool = False) -> Opened:
    """Open a team's store on a PostgreSQL server.

    The file's safety machinery (the live-copy lock, quick_check, the write-ahead log's
    watch, hand-over generations, the papers' sweep) is the server's job there: its own
    locking, WAL and checks, and the organisation's backups (pg_dump).
    """
    from atr_desktop.paths import server_folder
    from atr_desktop.storage.database import open_server_database

    db = open_server_database(url, server_folder(url, paths), readonly=readonly)
    notes: list[str] = []
    gone = db.meta("handed_over_to")
    if gone:  # copied elsewhere (store copy): that copy is the live one now
        message = (
            f"{db.shown} is no longer the live store: it was copied to {gone} on "
            f"{db.meta('handed_over_at') or 'an earlier date'}. Open it read-only to look "
            "(on the command line, add --read-only), or open the copy."
        )
        if not readonly:
            db.close()
            raise NotLive(message)
        notes.append(message)
    return Opened(db, None, notes, checked=True)


def open_live(
    path: Path,
    paths: AppPaths,
    readonly: bool = False,
    me: Me | None = None,
    now: dt.datetime | None = None,
    background_check: bool = False,
    take_over: Callable[[LockInfo], bool] | None = None,
) -> Opened:
    """Open ``path`` as the live copy (or read-only), with the safety checks above.

    ``background_check``: the window runs ``quick_check`` on a worker thread (see
    :func:`start_background_check`) instead of before returning. ``take_over`` is asked
    before a lock whose holder is gone is replaced (the window's question; None: replace).
    """
    now = now or dt.datetime.now(dt.UTC)
    if not path.exists():
        raise missing(path, paths)
    sniff(path)
    lock = None if readonly else LiveLock.acquire(path, me=me, now=now, take_over=take_over)
    try:
        problem = header_problem(path)
        if problem:
            raise damaged(path, problem, paths, now, move=not readonly, confirmed=True)
        opened = _open_locked(path, paths, readonly, lock, now, background_check)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        lock.start_heartbeat()
    return opened


def _open_locked(
    path: Path,
    paths: AppPaths,
    readonly: bool,
    lock: LiveLock | None,
    now: dt.datetime,
    background_check: bool,
) -> Opened:
    registry = Registry.in_folder(paths.data)
    notes: list[str] = []
    if lock is not None and lock.recovered is not None:
        notes.append("ATR Desktop did not close cleanly last time; the file was checked.")
    watch = WalWatch(paths.data, path)
    lost = watch.lost_log()
    if lost is not None:
        notes.append(lost_log_note(path, lost.at))
        log.warning("the write-ahead log of %s was removed", path.name)
    checked = False
    if not background_check:
        problems = quick_check(path)
        checked = True
        if problems:
            raise damaged(path, problems[0], paths, now, move=not readonly, confirmed=True)
    try:
        db = open_database(path, readonly=readonly)
    except DamagedError as exc:
        raise damaged(path, exc.problem or str(exc), paths, now, move=not readonly) from None
    try:
        schema = schema_problem(db)
        if schema:
            raise StoreError(
                f"{path.name} is not as ATR Desktop left it ({schema}): it was changed by "
                "another program. Nothing was moved; restore the newest backup "
                "('atr-desktop backups list', then 'atr-desktop restore PATH')."
            )
        _check_live(db, registry, readonly, notes, paths)
        if not readonly:
            if checked:  # never judge papers by a record not yet checked
                sweep_papers(db, now)
            watch.record()
            db.on_commit(lambda _changes: watch.record())
    except DamagedError as exc:
        db.close()
        raise damaged(path, exc.problem or str(exc), paths, now, move=not readonly) from None
    except BaseException:
        db.close()
        raise
    place = location_warning(path)
    if place:
        notes.append(place)
    return Opened(db, lock, notes, checked, None if readonly else watch)


def lost_log_note(path: Path, at: str) -> str:
    try:
        when = dt.datetime.fromisoformat(at).astimezone().strftime("%H:%M on %d %B %Y")
    except ValueError:
        when = "it was last used"
    return (
        f"Saves may be missing: {path.name}-wal, the file beside {path.name} that held its "
        f"most recent saves, was removed or replaced after ATR Desktop last used it (at "
        f"{when}). Check your most recent work. If you still have that file, close ATR "
        f"Desktop now and put it back beside {path.name} before opening it again; "
        "otherwise restore the newest backup if work is missing."
    )


def start_background_check(
    opened: Opened, paths: AppPaths, done: Callable[[Damaged | StoreError | None], None]
) -> threading.Thread:
    """``quick_check`` on a worker thread straight after opening; saving waits until it
    passes (Database.hold_writes). ``done`` gets None, or the problem found, from that
    thread: the face shows it on its own thread."""
    db = opened.db
    db.hold_writes()

    def run() -> None:
        result: Damaged | StoreError | None = None
        try:
            problems = quick_check(db.path)
            opened.checked = not problems
            if not problems and not db.readonly:
                sweep_papers(db)
            if problems:
                result = StoreError(
                    f"{db.path.name} is damaged ({problems[0]}): nothing more will be "
                    "saved to it. Close it to have it moved aside and the newest backup "
                    "offered."
                )
                log.warning("background check found damage in %s", db.path.name)
        except StoreError as exc:  # CannotCheck, or damage met by the sweep's reading
            result = exc
        db.release_writes(result)
        done(result)

    worker = threading.Thread(target=run, name="quick-check", daemon=True)
    worker.start()
    return worker


def _check_live(
    db: Database, registry: Registry, readonly: bool, notes: list[str], paths: AppPaths
) -> None:
    with db.session() as s:
        meta = {row.key: row.value for row in s.scalars(select(DbMeta))}
    uuid = meta.get("uuid", "")
    generation = int(meta.get("generation", "0") or 0)
    if not readonly:
        from atr_desktop.services.handover import settle_pending

        settle_pending(db, meta)
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
    seen = highest_generation(uuid, registry, folder_for(db.path), paths)
    if generation < seen:
        message = (
            f"{db.path.name} is an old copy (hand-over {generation}; hand-over {seen} has "
            "been used since, on this computer or in the backups), so it may be missing "
            "later work. Open it read-only, or take on the newer copy instead."
        )
        if not readonly:
            raise NotLive(message)
        notes.append(message)
        return
    if not readonly and uuid:
        registry.record(uuid, generation, db.path)


def highest_generation(
    uuid: str, registry: Registry, folder: Path, paths: AppPaths, *more: Path
) -> int:
    """The highest hand-over generation known for ``uuid``: this computer's registry, and
    the backups and hand-over notes (storage.backup.record_generation) in the database's
    backup folder, this computer's, and any ``more`` (a copy's own folder)."""
    seen = registry.highest(uuid)
    for where in {folder, paths.backups, *more}:
        seen = max(seen, store.recorded_generation(where, uuid))
        for b in store.list_backups(where, uuid):
            seen = max(seen, b.manifest.generation)
    return seen


def referenced_papers(db: Database) -> set[str]:
    """Every stored file a record points at (any 'sha256' column; see storage.backup)."""
    with db.session() as s:
        return store.referenced_hashes(s)


def sweep_papers(db: Database, now: dt.datetime | None = None) -> SweepReport:
    """Quarantine papers no record points at (only while we hold the lock).

    Held while a damaged copy of this database (or one that cannot say which it is) lies
    beside it: it may need them.
    """
    now = now or dt.datetime.now(dt.UTC)
    uuid = db.uuid
    hold = ""
    for copy in damaged_copies(db.path):
        if copy.uuid in ("", uuid):
            hold = f"the damaged copy {copy.path.name} may need them"
            break
    report = db.blobs.sweep(referenced_papers(db), now, hold)
    if report.quarantined or report.returned or report.purged:
        log.info(
            "papers: %d quarantined, %d returned, %d purged after 30 days",
            len(report.quarantined),
            len(report.returned),
            len(report.purged),
        )
    return report


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
    """The full check: every page of the database, every paper it points at, by hash;
    each missing or changed paper named."""
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
    with store.reading_file(path) as conn:
        hashes = store.paper_hashes(conn)
        papers = papers_of_file(path)
        missing_ = sorted(h for h in hashes if not papers.exists(h))
        changed = sorted(h for h in hashes if papers.exists(h) and not papers.verify(h))
        names = store.describe_papers(conn, missing_ + changed)
    problems += [f"Missing from {papers.root}: {names[h]}." for h in missing_]
    problems += [f"Changed on disk since it was stored: {names[h]}." for h in changed]
    if missing_ or changed:
        problems.append("Restore the papers from the newest backup ('atr-desktop restore PATH').")
    return CheckReport(problems, len(hashes))


def check_server(db: Database) -> CheckReport:
    """``check`` on a server store: the schema against a fresh store's, and every paper
    present on the server and still hashing to its name. (The server keeps its own pages
    and foreign keys whole; its backups are the administrator's.)"""
    from sqlalchemy import inspect

    from atr_desktop.storage import migrate

    problems: list[str] = []
    schema = schema_problem(db)
    if schema:
        problems.append(f"{db.shown} is not as ATR Desktop left it: {schema}.")
    if migrate.current(db.engine) != migrate.head():
        problems.append(f"{db.shown} is not at this version's schema: open it normally first.")
    with db.session() as s:
        hashes = store.referenced_hashes(s)
        held = "paper_blobs" in inspect(s.connection()).get_table_names()
    for sha in sorted(hashes):
        if not held or not db.blobs.exists(sha):
            problems.append(f"The paper {sha[:12]}… is missing from the server.")
        elif not db.blobs.verify(sha):
            problems.append(f"The paper {sha[:12]}… has changed on the server since it was stored.")
    if problems:
        problems.append(
            "Ask your database administrator to restore it from the organisation's pg_dump."
        )
    return CheckReport(problems, len(hashes))
