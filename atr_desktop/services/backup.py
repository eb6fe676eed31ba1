"""Back up now, list backups, restore one: the use cases over storage/backup.py."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.errors import UserError
from atr_desktop.services import personal_data
from atr_desktop.services.server_jobs import server_job
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import store_for
from atr_desktop.storage.database import Database, papers_of_file, read_meta, sniff
from atr_desktop.storage.lock import LiveLock

log = logging.getLogger(__name__)


UNATTENDED = {"auto", "exit"}  # skipped when nothing changed since the newest backup


@dataclass(frozen=True)
class BackupInfo:
    id: str  # the file name: stable, and what 'restore' takes with the folder
    path: Path
    created_at: dt.datetime
    reason: str
    uuid: str
    generation: int
    size: int
    papers: int
    papers_bytes: int
    programme: str = ""
    source: str = ""

    def describe(self) -> str:
        """'the backup of West Yorkshire … (database 1a2b3c4d, atr.db) from 14:05 on 30 …'."""
        local = self.created_at.astimezone()
        when = f"{local:%H:%M} on {local.day} {local:%B %Y}"
        source = f", {Path(self.source).name}" if self.source else ""
        which = f"database {self.uuid[:8]}{source}"
        if self.programme:
            return f"the backup of {self.programme} ({which}) from {when}"
        return f"the backup of {which} from {when}"


class OtherDatabase(UserError):
    """A backup of another database was offered where this one was expected."""


@dataclass(frozen=True)
class BackupResult:
    backup: BackupInfo
    papers_copied: int
    papers_bytes_copied: int
    rotated_away: int


def info_of(b: store.Backup) -> BackupInfo:
    m = b.manifest
    return BackupInfo(
        id=b.path.name,
        path=b.path,
        created_at=m.created_at,
        reason=m.reason,
        uuid=m.uuid,
        generation=m.generation,
        size=m.size,
        papers=len(m.papers),
        papers_bytes=m.papers_bytes,
        programme=m.programme,
        source=m.source,
    )


def folder_for(db_path: Path) -> Path:
    """Where this database's backups go (the 'backup_folder' setting, else data/backups)."""
    return store.default_folder(db_path)


def back_up(
    db: Database, reason: str = "manual", out: Path | None = None, now: dt.datetime | None = None
) -> BackupResult:
    """A verified backup of the open database and its papers; then old ones are rotated."""
    if db.on_server:
        raise server_job("backup")
    folder = out or folder_for(db.path)
    report = store.write_backup(
        db.path, db.blobs, folder, reason, now=now, skip_if_unchanged=reason in UNATTENDED
    )
    removed = [] if out is not None else store.rotate(folder)
    return BackupResult(
        info_of(store.Backup(report.path, report.manifest)),
        report.papers_copied,
        report.papers_bytes_copied,
        len(removed),
    )


def list_backups(folder: Path, uuid: str | None = None) -> list[BackupInfo]:
    return [info_of(b) for b in store.list_backups(folder, uuid)]


def newest_verified(folder: Path, uuid: str | None = None) -> BackupInfo | None:
    found = store.newest_verified(folder, uuid)
    return None if found is None else info_of(found)


def expected_uuid(live: Path, data: Path | None = None) -> str:
    """Which database belongs at ``live``: its own UUID, else the damaged copy moved aside
    from there, else what this computer last saw there ('' when nothing is known)."""
    if live.exists():
        found = read_meta(live).get("uuid", "")
        if found:
            return found
    for copy in damaged_copies(live):
        if copy.uuid:
            return copy.uuid
    if data is not None:
        from atr_desktop.storage.registry import Registry

        return Registry.in_folder(data).uuid_at(live)
    return ""


def restore(
    live: Path,
    backup_path: Path,
    now: dt.datetime | None = None,
    other_database: str = "",
    data: Path | None = None,
) -> BackupInfo:
    """Replace the (closed) live database with a backup, after backing up what is there.

    The backup must be of the same database (its UUID); a backup of another database is
    refused unless ``other_database`` names it (the first 8 characters of its UUID). The
    current state is backed up first (unless it is missing or not a database), so a
    restore can itself be undone. Nothing is replaced unless the backup verifies.
    """
    chosen = store.read_backup(backup_path)
    info = info_of(chosen)
    expected = expected_uuid(live, data)
    asked = other_database.strip().lower()
    if expected and expected != chosen.manifest.uuid and asked != chosen.manifest.uuid[:8]:
        raise OtherDatabase(
            f"{backup_path.name} is {info.describe()}, not of the database at {live} "
            f"(database {expected[:8]}): nothing was changed. To replace it with that other "
            f'database anyway, ask for it by name: \'atr-desktop restore "{backup_path}" '
            f"--other-database {chosen.manifest.uuid[:8]}'."
        )
    problems = store.verify_backup(chosen)
    if problems:
        raise UserError(
            f"The backup {backup_path.name} did not verify ({'; '.join(problems)}): "
            "choose another backup."
        )
    live.parent.mkdir(parents=True, exist_ok=True)
    lock = LiveLock.acquire(live)  # nobody else may be using it while it is replaced
    try:
        _replace(chosen, live, now)
        personal_data.reapply_erasures_at(live)  # an older copy must not bring anyone back
    finally:
        lock.release()
    return info


def _replace(chosen: store.Backup, live: Path, now: dt.datetime | None) -> None:
    if live.exists():
        try:
            sniff(live)
            intact = not store.check_file(live, full=False)
        except UserError:
            intact = False
        if intact:
            try:
                store.write_backup(
                    live, papers_of_file(live), folder_for(live), "before-restore", now=now
                )
            except store.BackupError as exc:  # e.g. its papers are gone: keep the file itself
                intact = False
                log.info("could not back up before restore (%s); moving aside instead", exc)
        if not intact:
            moved = move_aside(live, now)
            log.info("damaged database moved aside to %s before restore", moved.name)
    papers = store_for(live, chosen.manifest.uuid)
    store.restore_file(chosen, live, papers)
    # The restored record may not name papers attached since the backup: the clean-up
    # waits a day before it quarantines anything (and never deletes for 30 days).
    papers.mark(chosen.manifest.uuid, now or dt.datetime.now(dt.UTC), "restored")


@dataclass(frozen=True)
class DamagedCopy:
    path: Path
    uuid: str  # '' when the file could not say
    problem: str


def damaged_copies(path: Path) -> list[DamagedCopy]:
    """The copies of ``path`` moved aside as damaged, newest first, with their UUIDs."""
    found: list[DamagedCopy] = []
    for copy in path.parent.glob(f"{path.name}.damaged-*"):
        if copy.name.endswith(("-wal", "-shm", ".json")) or not copy.is_file():
            continue
        note: dict[str, str] = {}
        try:
            note = json.loads(copy.with_name(copy.name + ".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            note = {}
        uuid = str(note.get("uuid", "")) or read_meta(copy).get("uuid", "")
        found.append(DamagedCopy(copy, uuid, str(note.get("problem", ""))))
    found.sort(key=lambda c: c.path.name, reverse=True)
    return found


def move_aside(path: Path, now: dt.datetime | None = None, problem: str = "") -> Path:
    """Rename a damaged file (and its -wal/-shm) to '*.damaged-<time>'; never overwrite.

    A note beside it ('….json') keeps the database's UUID (read before the move, when the
    file still says it), so its papers are kept for it and only its own backups offered.
    """
    uuid = read_meta(path).get("uuid", "")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    note = target.with_name(target.name + ".json")
    try:
        part = note.with_name(note.name + f".{os.getpid()}.part")
        part.write_text(json.dumps({"uuid": uuid, "problem": problem}), encoding="utf-8")
        os.replace(part, note)
    except OSError:
        pass  # the note is a help, not a condition: the papers are held for unknown copies
    return target
