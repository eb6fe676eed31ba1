"""Handing the live copy to a colleague through a shared folder, and taking one on.

Export writes a verified copy (and its papers) into the folder with the hand-over
generation bumped, then marks this copy as handed over (db_meta ``handed_over_to`` /
``handed_over_at``), so opening it later says plainly that it is no longer live. Import
checks the copy, backs up whatever was live here, and puts the copy in its place.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.errors import UserError
from atr_desktop.paths import AppPaths, share_with_folder
from atr_desktop.services import erasure_ledger, personal_data
from atr_desktop.services.backup import folder_for, move_aside
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import BlobStore
from atr_desktop.storage.database import Database, blob_dir_for, sniff
from atr_desktop.storage.lock import LiveLock
from atr_desktop.storage.models import DbMeta
from atr_desktop.storage.registry import Registry


@dataclass(frozen=True)
class HandoverResult:
    path: Path
    uuid: str
    generation: int
    papers: int


def export_to(
    db: Database, folder: Path, paths: AppPaths, now: dt.datetime | None = None
) -> HandoverResult:
    """Write the hand-over copy into ``folder``; this copy stops being live."""
    if db.readonly:
        raise UserError("This copy is open read-only, so it cannot be handed over.")
    now = now or dt.datetime.now(dt.UTC)
    dest = folder / db.path.name
    if dest.exists():
        raise UserError(
            f"{dest} already exists: move it away (or choose another folder) and try again."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot use {folder} ({exc.strerror}): choose another folder.") from None
    store.write_backup(db.path, db.blobs, folder_for(db.path), "before-handover", now=now)
    incoming = folder / f".{dest.name}.incoming"

    def bump(conn: sqlite3.Connection) -> None:
        generation = int(store.meta_value(conn, "generation") or 1) + 1
        conn.execute("UPDATE db_meta SET value=? WHERE key='generation'", (str(generation),))

    try:
        _counts, hashes, uuid, generation = store.snapshot(
            db.path, incoming, journal_mode="WAL", adjust=bump
        )
        store.copy_papers(db.blobs, BlobStore(blob_dir_for(dest)), hashes)
        os.replace(incoming, dest)
        erasure_ledger.carry(db.path, dest)  # its restores must re-apply erasures too
        share_with_folder(folder, dest, blob_dir_for(dest), erasure_ledger.ledger_path(dest))
    except OSError as exc:
        raise UserError(
            f"Could not write the hand-over copy in {folder} ({exc.strerror or exc}): "
            "check there is space and that you may write there."
        ) from None
    finally:
        incoming.unlink(missing_ok=True)
    with db.session() as s:
        s.merge(DbMeta(key="handed_over_to", value=str(dest)))
        s.merge(DbMeta(key="handed_over_at", value=now.astimezone().strftime("%d %B %Y %H:%M")))
    Registry.in_folder(paths.data).record(uuid, generation, dest)
    return HandoverResult(dest, uuid, generation, len(hashes))


def import_from(
    source: Path, live: Path, paths: AppPaths, now: dt.datetime | None = None
) -> HandoverResult:
    """Take on a handed-over copy as the live database at ``live`` (backing up what is there)."""
    sniff(source)
    problems = store.check_file(source)
    if problems:
        raise UserError(
            f"{source.name} is damaged ({problems[0]}): ask for it to be handed over again."
        )
    conn = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        uuid = store.meta_value(conn, "uuid") or ""
        generation = int(store.meta_value(conn, "generation") or 0)
        handed_on = store.meta_value(conn, "handed_over_to")
        hashes = store.paper_hashes(conn)
    finally:
        conn.close()
    if handed_on:
        raise UserError(
            f"{source.name} was itself handed over to {handed_on}: take on that copy instead."
        )
    seen = Registry.in_folder(paths.data).highest(uuid)
    if generation < seen:
        raise UserError(
            f"{source.name} is an old copy (hand-over {generation}; {seen} has been seen "
            "here): ask for the newest hand-over copy."
        )
    if source.resolve() == live.resolve():
        raise UserError(f"{source} is already the database in use here.")
    live.parent.mkdir(parents=True, exist_ok=True)
    lock: LiveLock | None = LiveLock.acquire(live)
    try:
        if live.exists():
            if store.check_file(live, full=False):
                move_aside(live, now)
            else:
                store.write_backup(
                    live, BlobStore(blob_dir_for(live)), folder_for(live), "before-import", now=now
                )
        live_papers = BlobStore(blob_dir_for(live))
        store.copy_papers(BlobStore(blob_dir_for(source)), live_papers, hashes)
        incoming = live.with_name(live.name + ".importing")
        store.snapshot(source, incoming, journal_mode="WAL")
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
        os.replace(incoming, live)
        erasure_ledger.carry(source, live)
        personal_data.reapply_erasures_at(live)  # nobody erased comes back with the copy
    finally:
        if lock is not None:
            lock.release()
    Registry.in_folder(paths.data).record(uuid, generation, live)
    return HandoverResult(live, uuid, generation, len(hashes))
