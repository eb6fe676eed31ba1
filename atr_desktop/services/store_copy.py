"""Moving a programme between engines: ``store copy --from A --to B`` (a file or a server).

Every table is copied through the models (so SQLite's text dates and PostgreSQL's dates,
NOCASE and citext meet in Python, not in SQL), the papers are copied by hash and verified,
and then every table is counted and every paper's hash checked on both sides. The copy
keeps the programme's UUID and takes the next hand-over generation, and the source is
marked as handed over to the target, so the two cannot both be live: the source opens
read-only from then on.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text

from atr_desktop.errors import StoreError, UserError
from atr_desktop.paths import AppPaths, is_server, server_folder
from atr_desktop.storage import backup as store
from atr_desktop.storage.database import (
    Database,
    create_database,
    create_server_database,
    open_database,
    open_server_database,
    shown,
)
from atr_desktop.storage.models import Base, DbMeta

log = logging.getLogger(__name__)

BATCH = 2000  # rows per INSERT: a decade's action log moves without holding it all at once


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    counts: dict[str, int]  # rows per table, equal on both sides
    papers: int  # papers present and verified by hash in the target


def describe(address: str) -> str:
    return shown(address) if is_server(address) else str(Path(address).expanduser())


def copy_store(source: str, target: str, paths: AppPaths) -> CopyResult:
    """Copy the store at ``source`` into a new, empty store at ``target``; retire the source."""
    if describe(source) == describe(target):
        raise UserError("The source and the target are the same store: name another target.")
    counts, papers = _copy_into(source, target, paths)
    _retire(source, describe(target), paths)
    log.info("copied a store between engines: %d tables, %d papers", len(counts), papers)
    return CopyResult(describe(source), describe(target), counts, papers)


def _copy_into(
    source: str, target: str, paths: AppPaths, live_only: bool = True
) -> tuple[dict[str, int], int]:
    """Every row and paper of the store at ``source`` into a new store at ``target``,
    counted and checked; (rows per table, papers). ``live_only``: a retired source is
    refused (a move); a backup copies whatever the store is."""
    origin = _open(source, paths)
    try:
        if live_only:
            _refuse_retired(origin)
        copy = _create(target, paths)
        try:
            return _copy_rows(origin, copy), _copy_papers(origin, copy)
        finally:
            copy.close()
    finally:
        origin.close()


def _open(address: str, paths: AppPaths) -> Database:
    if is_server(address):
        return open_server_database(address, server_folder(address, paths), readonly=True)
    return open_database(Path(address).expanduser(), readonly=True)


def _refuse_retired(db: Database) -> None:
    gone = db.meta("handed_over_to")
    if gone and not db.meta("backup_of"):  # a server's portable backup is copied back
        raise UserError(
            f"{db.shown} is no longer live: it was copied or handed over to {gone}. "
            "Copy from the live store instead."
        )


def _create(address: str, paths: AppPaths) -> Database:
    """The target, made empty at the current schema; a store or file already there is refused."""
    if is_server(address):
        return create_server_database(address, server_folder(address, paths))
    path = Path(address).expanduser()
    if path.exists():
        raise UserError(
            f"{path} already exists: copy to a new file (nothing was changed), or move it "
            "aside first."
        )
    return create_database(path)


def _tables() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables]


def _copy_rows(origin: Database, copy: Database) -> dict[str, int]:
    """Every row, read in one snapshot of the source (colleagues may be saving on a
    server meanwhile: REPEATABLE READ), counted in that same snapshot and in the copy."""
    had: dict[str, int] = {}
    with origin.engine.connect() as src, copy.engine.begin() as dst:
        if src.dialect.name == "postgresql":
            src.execution_options(isolation_level="REPEATABLE READ")
        meta = {k: v for k, v in src.execute(select(DbMeta.key, DbMeta.value)).all()}
        meta["generation"] = str(int(meta.get("generation", "1") or 1) + 1)
        for key in (
            "handed_over_to",
            "handed_over_at",
            "handover_pending",
            "taken_for",
            "backup_of",
        ):
            meta.pop(key, None)
        dst.execute(delete(DbMeta))  # the new store's own uuid gives way to the programme's
        dst.execute(insert(DbMeta), [{"key": k, "value": v} for k, v in meta.items()])
        for name in _tables():
            table = Base.metadata.tables[name]
            if name == "db_meta":
                continue
            result = src.execution_options(yield_per=BATCH).execute(select(table))
            for rows in result.mappings().partitions(BATCH):
                dst.execute(insert(table), [dict(r) for r in rows])
        if dst.dialect.name == "postgresql":
            _restart_sequences(dst)
        for name in _tables():
            table = Base.metadata.tables[name]
            had[name] = src.execute(select(func.count()).select_from(table)).scalar_one()
    counts: dict[str, int] = {}
    with copy.engine.connect() as dst:
        for name in _tables():
            table = Base.metadata.tables[name]
            got = dst.execute(select(func.count()).select_from(table)).scalar_one()
            if name == "db_meta":
                had[name] = got  # hand-over marks are left behind on purpose
            if had[name] != got:
                raise StoreError(
                    f"The copy of {name} holds {got} rows where the source holds {had[name]}: "
                    "the target was left as it is; empty it and try again, and report this."
                )
            counts[name] = int(got)
    return counts


def _restart_sequences(conn: object) -> None:
    """Ids were copied as they were: each table's sequence carries on after the highest."""
    for name in _tables():
        table = Base.metadata.tables[name]
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        conn.execute(  # type: ignore[attr-defined]
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f'coalesce(max(id), 0) + 1, false) FROM "{name}"'
            )
        )


def _copy_papers(origin: Database, copy: Database) -> int:
    """The papers the copied rows name (the snapshot's, not any added since), by hash."""
    with copy.session() as s:
        hashes = store.referenced_hashes(s)
    # The programme's UUID replaced the one the empty store was made with: its papers are
    # the programme's (Database.blobs was opened under the other one).
    copy.forget_blobs()
    papers = copy.blobs
    store.copy_papers(origin.blobs, papers, hashes)
    with copy.session() as s:
        copied = store.referenced_hashes(s)
    bad = sorted(h for h in copied if not papers.verify(h))
    if copied != hashes or bad:
        raise StoreError(
            f"{len(bad) or len(hashes ^ copied)} paper(s) differ between the source and the "
            "copy: the source was left live; try again, and report this."
        )
    return len(copied)


def _retire(address: str, target: str, paths: AppPaths) -> None:
    """Mark the source handed over to the target, so it opens read-only from now on."""
    when = dt.datetime.now(dt.UTC).astimezone().strftime("%d %B %Y %H:%M")
    marks = {"handed_over_to": target, "handed_over_at": when}
    if not is_server(address):
        store.mark_file(Path(address).expanduser(), marks)
        return
    db = open_server_database(address, server_folder(address, paths))
    try:
        with db.session() as s:
            for key, value in marks.items():
                row = s.get(DbMeta, key)
                if row is None:
                    s.add(DbMeta(key=key, value=value))
                else:
                    row.value = value
    finally:
        db.close()


def portable_copy(db: Database, folder: Path, paths: AppPaths) -> tuple[Path, CopyResult]:
    """A server store's backup: the whole programme in a new SQLite file in ``folder``.

    The server's own backups are its administrator's (pg_dump); this is the copy the
    secretariat can keep, carry and read without the server. Every table is counted and
    every paper's hash checked, as ``store copy`` does, but the server stays live: the
    copy is marked as a backup of it, so it opens read-only ("handed over to" the server)
    and cannot become a second live store by accident; ``store copy --from`` it to a new
    server brings the programme back.
    """
    if db.url is None:
        raise UserError("A portable copy is made of a store on a server: this is a file.")
    when = dt.datetime.now(dt.UTC).astimezone()
    folder.mkdir(parents=True, exist_ok=True)
    name = shown(db.url).rsplit("/", 1)[-1].split("?", 1)[0] or "server"
    target = folder / f"{name}_server-copy_{when.strftime('%Y%m%d-%H%M%S')}.db"
    counts, papers = _copy_into(db.url, str(target), paths, live_only=False)
    store.mark_file(
        target,
        {
            "handed_over_to": shown(db.url),
            "handed_over_at": when.strftime("%d %B %Y %H:%M"),
            "backup_of": shown(db.url),
        },
    )
    log.info("portable copy of a server store: %d tables, %d papers", len(counts), papers)
    return target, CopyResult(shown(db.url), str(target), counts, papers)
