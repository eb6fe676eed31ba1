"""Handing the live copy to a colleague through a shared folder, and taking one on.

The hand-over generation lives in the database (db_meta ``generation``) and in the copy
(one higher). Every step is ordered so that a crash at any point leaves exactly one copy
that can be used as live, and running the command again finishes the job:

Export: (1) a backup; (2) the copy, verified, written beside the destination under a
hidden name, with its papers; (3) this database marked ``handover_pending`` (from here it
is not live); (4) the copy renamed into place; (5) this database marked handed over. On
opening, a pending mark settles itself: the copy is there (handed over) or it is not
(the hand-over never happened, this copy is live again).

Import: (1) the copy checked; (2) what was live here backed up; (3) papers, then the copy
snapshotted beside the live file, verified; (4) the shared copy *retired* (marked taken
on, by whom and for which file) so nobody can carry on in it; (5) the snapshot renamed
into place. A crash after (4) leaves the shared copy retired for this very file, and
importing it again resumes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.errors import StoreError, UserError
from atr_desktop.paths import AppPaths, share_with_folder
from atr_desktop.services import erasure_ledger, personal_data
from atr_desktop.services.backup import folder_for, move_aside
from atr_desktop.services.server_jobs import server_job
from atr_desktop.storage import backup as store
from atr_desktop.storage.blobs import papers_root, store_for
from atr_desktop.storage.database import Database, papers_of_file, sniff
from atr_desktop.storage.lock import LiveLock
from atr_desktop.storage.models import DbMeta
from atr_desktop.storage.registry import Registry

Step = Callable[[str], None]
HANDOVER_KEYS = ("handed_over_to", "handed_over_at", "handover_pending", "taken_for")


def _no_step(_name: str) -> None:
    """Production has no step hook; tests pass one that kills the process at a step."""


@dataclass(frozen=True)
class HandoverResult:
    path: Path
    uuid: str
    generation: int
    papers: int


def _blank_handover(conn: store.FileConnection) -> None:
    """A copy starts clean of this copy's hand-over marks (rows kept, so counts verify)."""
    marks = ",".join("?" * len(HANDOVER_KEYS))
    conn.execute(f"UPDATE db_meta SET value='' WHERE key IN ({marks})", HANDOVER_KEYS)


def _set_meta(db: Database, values: dict[str, str]) -> None:
    with db.session() as s:
        for key, value in values.items():
            s.merge(DbMeta(key=key, value=value))


def export_to(
    db: Database,
    folder: Path,
    paths: AppPaths,
    now: dt.datetime | None = None,
    step: Step = _no_step,
) -> HandoverResult:
    """Write the hand-over copy into ``folder``; this copy stops being live."""
    if db.on_server:
        raise server_job("handover")
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
    step("backed-up")
    incoming = folder / f".{dest.name}.incoming"

    def bump(conn: store.FileConnection) -> None:
        generation = int(store.meta_value(conn, "generation") or 1) + 1
        conn.execute("UPDATE db_meta SET value=? WHERE key='generation'", (str(generation),))
        _blank_handover(conn)

    try:
        _counts, hashes, uuid, generation = store.snapshot(
            db.path, incoming, journal_mode="WAL", adjust=bump
        )
        store.copy_papers(db.blobs, store_for(dest, uuid), hashes)
        step("copied")
        _set_meta(db, {"handover_pending": str(dest)})
        step("pending")
        os.replace(incoming, dest)
        erasure_ledger.carry(db.path, dest)  # its restores must re-apply erasures too
        share_with_folder(folder, dest, papers_root(dest), erasure_ledger.ledger_path(dest))
        store.fsync_dir(folder)
        step("replaced")
    except OSError as exc:
        _set_meta(db, {"handover_pending": ""})
        incoming.unlink(missing_ok=True)
        raise UserError(
            f"Could not write the hand-over copy in {folder} ({exc.strerror or exc}): "
            "check there is space and that you may write there."
        ) from None
    except store.BackupError:
        _set_meta(db, {"handover_pending": ""})
        incoming.unlink(missing_ok=True)
        raise
    _mark_handed_over(db, dest, now)
    step("marked")
    Registry.in_folder(paths.data).record(uuid, generation, dest)
    store.record_generation(folder_for(db.path), uuid, generation)
    return HandoverResult(dest, uuid, generation, len(hashes))


def _mark_handed_over(db: Database, dest: Path, now: dt.datetime) -> None:
    _set_meta(
        db,
        {
            "handed_over_to": str(dest),
            "handed_over_at": now.astimezone().strftime("%d %B %Y %H:%M"),
            "handover_pending": "",
        },
    )


def settle_pending(db: Database, meta: dict[str, str]) -> None:
    """Finish or undo a hand-over a crash interrupted (see the module's docstring).

    ``meta`` (this database's db_meta) is updated to match what was written.
    """
    pending = meta.get("handover_pending", "")
    if not pending:
        return
    dest = Path(pending)
    copy = _meta_of(dest) if dest.exists() else {}
    ours = copy.get("uuid") == meta.get("uuid")
    newer = int(copy.get("generation", "0") or 0) > int(meta.get("generation", "0") or 0)
    if ours and newer:
        _mark_handed_over(db, dest, dt.datetime.now(dt.UTC))
        meta["handed_over_to"] = str(dest)
        store.record_generation(folder_for(db.path), meta["uuid"], int(copy["generation"]))
    else:
        _set_meta(db, {"handover_pending": ""})
    meta["handover_pending"] = ""


def _meta_of(path: Path) -> dict[str, str]:
    from atr_desktop.storage.database import read_meta

    return read_meta(path)


def taken_mark(live: Path) -> str:
    """Who took a copy on, and for which file: lets an interrupted import resume."""
    return f"{current_user()} on {machine_name()} for {live.resolve()}"


def import_from(
    source: Path,
    live: Path,
    paths: AppPaths,
    now: dt.datetime | None = None,
    step: Step = _no_step,
) -> HandoverResult:
    """Take on a handed-over copy as the live database at ``live`` (backing up what is there)."""
    from atr_desktop.services.safety import highest_generation

    now = now or dt.datetime.now(dt.UTC)
    sniff(source)
    problems = store.check_file(source)
    if problems:
        raise UserError(
            f"{source.name} is damaged ({problems[0]}): ask for it to be handed over again."
        )
    meta = _meta_of(source)
    with store.reading_file(source) as conn:
        hashes = store.paper_hashes(conn)
    uuid = meta.get("uuid", "")
    generation = int(meta.get("generation", "0") or 0)
    mark = taken_mark(live)
    resuming = meta.get("taken_for") == mark
    if meta.get("handed_over_to") and not resuming:
        raise UserError(
            f"{source.name} was already handed over to or taken on by "
            f"{meta['handed_over_to']}: take on that copy instead."
        )
    if meta.get("handover_pending"):
        raise UserError(
            f"{source.name} was in the middle of being handed over: ask for the hand-over "
            "copy itself."
        )
    registry = Registry.in_folder(paths.data)
    folder = folder_for(live) if live.exists() else paths.backups
    seen = highest_generation(uuid, registry, folder, paths, folder_for(source), source.parent)
    if generation < seen:
        raise UserError(
            f"{source.name} is an old copy (hand-over {generation}; {seen} has been seen "
            "here or in the backups): ask for the newest hand-over copy."
        )
    if source.resolve() == live.resolve():
        raise UserError(f"{source} is already the database in use here.")
    step("checked")
    live.parent.mkdir(parents=True, exist_ok=True)
    lock = LiveLock.acquire(live)
    try:
        if live.exists():
            if store.check_file(live, full=False):
                move_aside(live, now)
            else:
                store.write_backup(
                    live, papers_of_file(live), folder_for(live), "before-import", now=now
                )
        step("backed-up")
        live_papers = store_for(live, uuid)
        store.copy_papers(store_for(source, uuid), live_papers, hashes)
        incoming = live.with_name(live.name + ".importing")
        store.snapshot(source, incoming, journal_mode="WAL", adjust=_blank_handover)
        step("copied")
        _retire(source, mark, now)
        step("retired")
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
        os.replace(incoming, live)
        erasure_ledger.carry(source, live)
        personal_data.reapply_erasures_at(live)  # nobody erased comes back with the copy
        store.fsync_dir(live.parent)
        live_papers.mark(uuid, now, "taken")
        step("installed")
    finally:
        lock.release()
    registry.record(uuid, generation, live)
    store.record_generation(folder_for(live), uuid, generation)
    return HandoverResult(live, uuid, generation, len(hashes))


def _retire(source: Path, mark: str, now: dt.datetime) -> None:
    """Mark the shared copy taken on, so nobody carries on in it (a fork)."""
    when = now.astimezone().strftime("%d %B %Y %H:%M")
    marks = {"handed_over_to": mark, "handed_over_at": when, "taken_for": mark}
    try:
        store.mark_file(source, marks)
    except StoreError as exc:
        raise UserError(
            f"{source.name} could not be marked as taken on ({exc}), so it was not taken on "
            "(nobody must carry on in it afterwards): ask for write access to its folder, "
            "or for it to be handed over somewhere you can write."
        ) from None
