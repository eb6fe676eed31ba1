"""Back up now, list backups, restore one: the use cases over storage/backup.py."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.errors import UserError
from atr_desktop.services import personal_data
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import BlobStore
from atr_desktop.storage.database import Database, blob_dir_for, sniff
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


@dataclass(frozen=True)
class BackupResult:
    backup: BackupInfo
    papers_copied: int
    papers_bytes_copied: int
    rotated_away: int


def _info(b: store.Backup) -> BackupInfo:
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
    )


def folder_for(db_path: Path) -> Path:
    """Where this database's backups go (the 'backup_folder' setting, else data/backups)."""
    return store.default_folder(db_path)


def back_up(
    db: Database, reason: str = "manual", out: Path | None = None, now: dt.datetime | None = None
) -> BackupResult:
    """A verified backup of the open database and its papers; then old ones are rotated."""
    folder = out or folder_for(db.path)
    report = store.write_backup(
        db.path, db.blobs, folder, reason, now=now, skip_if_unchanged=reason in UNATTENDED
    )
    removed = [] if out is not None else store.rotate(folder)
    return BackupResult(
        _info(store.Backup(report.path, report.manifest)),
        report.papers_copied,
        report.papers_bytes_copied,
        len(removed),
    )


def list_backups(folder: Path, uuid: str | None = None) -> list[BackupInfo]:
    return [_info(b) for b in store.list_backups(folder, uuid)]


def newest_verified(folder: Path, uuid: str | None = None) -> BackupInfo | None:
    found = store.newest_verified(folder, uuid)
    return None if found is None else _info(found)


def restore(live: Path, backup_path: Path, now: dt.datetime | None = None) -> BackupInfo:
    """Replace the (closed) live database with a backup, after backing up what is there.

    The current state is backed up first (unless it is missing or not a database), so a
    restore can itself be undone. Nothing is replaced unless the backup verifies.
    """
    chosen = store.read_backup(backup_path)
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
    return _info(chosen)


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
                    live, BlobStore(blob_dir_for(live)), folder_for(live), "before-restore", now=now
                )
            except store.BackupError as exc:  # e.g. its papers are gone: keep the file itself
                intact = False
                log.info("could not back up before restore (%s); moving aside instead", exc)
        if not intact:
            moved = move_aside(live, now)
            log.info("damaged database moved aside to %s before restore", moved.name)
    store.restore_file(chosen, live, BlobStore(blob_dir_for(live)))


def move_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged file (and its -wal/-shm) to '*.damaged-<time>'; never overwrite."""
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
    return target
