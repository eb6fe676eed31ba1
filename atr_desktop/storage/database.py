"""Opening, creating and upgrading an ATR Desktop database file.

Every connection gets WAL, ``foreign_keys=ON`` and ``synchronous=FULL``: a save reported
to the user survives a power cut. The file carries ``application_id`` 'ATRD' so any other
SQLite file is refused, and an Alembic revision so a newer database is refused rather than
misread. Papers live beside the file in a content-addressed folder (see blobs.py).
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from atr_desktop.errors import StoreError
from atr_desktop.storage import migrate
from atr_desktop.storage.blobs import BlobStore
from atr_desktop.storage.models import DbMeta

log = logging.getLogger(__name__)

APPLICATION_ID = 0x41545244  # "ATRD"
SQLITE_HEADER = b"SQLite format 3\x00"


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's own transaction handling is broken
    # for SAVEPOINT and DDL); see the SQLAlchemy SQLite dialect documentation.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, readonly: bool = False) -> Engine:
    """An engine whose every connection carries the app's pragmas."""
    if readonly:
        url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def sniff(path: Path) -> None:
    """Refuse a file that is not an ATR Desktop database, with one clear sentence."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not an ATR Desktop database file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror}).") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not an ATR Desktop database: choose a .db file made by ATR Desktop."
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite database from another program, not ATR Desktop: "
            "choose a .db file made by ATR Desktop."
        )


class Database:
    """An open database: the engine, a session per unit of work, and the papers' store."""

    def __init__(self, path: Path, engine: Engine, readonly: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self.blobs = BlobStore(blob_dir_for(path))
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def meta(self, key: str) -> str | None:
        with self.session() as s:
            row = s.get(DbMeta, key)
            return None if row is None else row.value

    @property
    def uuid(self) -> str:
        return self.meta("uuid") or ""

    def close(self) -> None:
        self.engine.dispose()


def blob_dir_for(db_path: Path) -> Path:
    """Papers live in '<name>.db-papers/' beside the database file, so they move together."""
    return db_path.with_name(db_path.name + "-papers")


def create_database(path: Path) -> Database:
    """Make a new, empty, current-schema database at ``path`` (which must not exist)."""
    if path.exists():
        raise StoreError(f"{path} already exists: choose another name or open it instead.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = sqlite3.connect(path)
        raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.commit()
        raw.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cannot create a database at {path}: {exc}.") from None
    engine = make_engine(path)
    migrate.upgrade(engine)
    db = Database(path, engine)
    with db.session() as s:
        s.add_all(
            [
                DbMeta(key="uuid", value=str(uuid.uuid4())),
                DbMeta(key="generation", value="1"),
            ]
        )
    log.info("created database")
    return db


def open_database(path: Path, readonly: bool = False) -> Database:
    """Open an existing database, refusing what is not ours or too new, upgrading what is old."""
    if not path.exists():
        raise StoreError(
            f"There is no database at {path}: create one with 'atr-desktop --db {path} init' "
            "or File > New database."
        )
    sniff(path)
    engine = make_engine(path, readonly=readonly)
    try:
        state = migrate.state(engine)
        if state == "newer":
            raise StoreError(
                f"{path} was written by a newer version of ATR Desktop: "
                "install the newer version to open it."
            )
        if state == "behind":
            if readonly:
                raise StoreError(
                    f"{path} needs upgrading but is open read-only: open it normally first."
                )
            migrate.upgrade(engine)
        db = Database(path, engine, readonly=readonly)
        with db.session() as s:
            s.execute(select(DbMeta).limit(1)).all()
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        if isinstance(getattr(exc, "orig", exc), sqlite3.DatabaseError):
            raise StoreError(
                f"{path} is damaged and cannot be opened ({getattr(exc, 'orig', exc)}): "
                "restore it from a backup."
            ) from None
        raise
    return db
