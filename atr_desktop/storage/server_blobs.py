"""Papers of a store on a PostgreSQL server: in the database, with a cache on this computer.

The bytes live in ``paper_blobs`` (migration 0010), once per SHA-256, so every officer's
window and command line find every paper with nothing but the server. This computer's
papers folder (the same layout as a file's, see blobs.py) is a cache: a paper is written
there as it is stored, and fetched there from the server the first time it is opened
(pack builds and viewers read files). A paper is stored in the unit of work that records
it when one is open, so the record and its bytes commit together.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from atr_desktop.storage.blobs import BlobStore


class Store(Protocol):
    """What the papers need of their Database (named here so database.py imports us, not
    the other way round)."""

    engine: Engine

    def current_session(self) -> Session | None: ...


class ServerBlobStore(BlobStore):
    def __init__(self, root: Path, db: Store) -> None:
        super().__init__(root)
        self._db = db

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """The open unit of work's connection (same transaction), else one of our own."""
        session = self._db.current_session()
        if session is not None:
            yield session.connection()
            return
        with self._db.engine.begin() as conn:
            yield conn

    def _save(self, sha256: str, data: bytes) -> None:
        with self._connection() as conn:
            conn.execute(
                text(
                    "INSERT INTO paper_blobs (sha256, size, data) VALUES (:s, :n, :d) "
                    "ON CONFLICT (sha256) DO NOTHING"
                ),
                {"s": sha256, "n": len(data), "d": data},
            )

    def _held(self, sha256: str) -> bool:
        with self._connection() as conn:
            found = conn.execute(
                text("SELECT 1 FROM paper_blobs WHERE sha256 = :s"), {"s": sha256}
            ).first()
        return found is not None

    def _cached(self, sha256: str) -> Path:
        return BlobStore.path_for(self, sha256)

    def path_for(self, sha256: str) -> Path:
        """The paper as a file on this computer, fetched from the server when not cached."""
        path = self._cached(sha256)
        if path.is_file():
            return path
        with self._connection() as conn:
            row = conn.execute(
                text("SELECT data FROM paper_blobs WHERE sha256 = :s"), {"s": sha256}
            ).first()
        if row is None:
            return path  # not held: callers see a missing file, as with a folder
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != sha256:
            return path  # changed on the server: never cached as though whole
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return path

    def exists(self, sha256: str) -> bool:
        return self._held(sha256)  # the server is the store; the folder only a cache

    def put_file(self, source: Path) -> tuple[str, int]:
        sha, size = super().put_file(source)
        self._save(sha, self._cached(sha).read_bytes())
        return sha, size

    def put_bytes(self, data: bytes) -> str:
        sha = super().put_bytes(data)
        self._save(sha, data)
        return sha

    def put_verified(self, source: Path, sha256: str) -> bool:
        if self._held(sha256):
            return False
        BlobStore.put_verified(self, source, sha256)  # hashed as written, refused if changed
        self._save(sha256, self._cached(sha256).read_bytes())
        return True

    def verify(self, sha256: str) -> bool:
        """The server's copy is present and still hashes to its name."""
        with self._connection() as conn:
            row = conn.execute(
                text("SELECT encode(sha256(data), 'hex') FROM paper_blobs WHERE sha256 = :s"),
                {"s": sha256},
            ).first()
        return row is not None and row[0] == sha256

    def all_hashes(self) -> set[str]:
        with self._connection() as conn:
            return {str(r[0]) for r in conn.execute(text("SELECT sha256 FROM paper_blobs"))}
