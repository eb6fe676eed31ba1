"""The papers' store: content-addressed files beside the database (see docs/storage.md).

A file is named by the SHA-256 of its bytes, in a two-letter fan-out folder. Writing goes
to a temporary file in the same folder, is fsynced, then renamed into place, so a crash
leaves either the whole file or a '.part' file that :meth:`sweep` removes, never a
half-written paper under its real name. Equal content is stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` in; returns (sha256, size). Raises OSError if it cannot be read."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.exists():
                tmp.unlink()
            else:
                final.parent.mkdir(exist_ok=True)
                os.replace(tmp, final)
            return sha, size
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def put_bytes(self, data: bytes) -> str:
        """Store ``data``; returns its sha256."""
        self.root.mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256(data).hexdigest()
        final = self.path_for(sha)
        if final.exists():
            return sha
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp_name, final)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return sha

    def put_verified(self, source: Path, sha256: str) -> bool:
        """Copy the paper named ``sha256`` from ``source`` unless held; True if copied.

        The copy is hashed as it is written and refused (OSError) when the bytes do not
        match their name, so a damaged original never lands in a backup as though whole.
        """
        if self.exists(sha256):
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise OSError(f"the paper {sha256[:12]}… is damaged (its contents changed)")
            final = self.path_for(sha256)
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp_name, final)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return True

    def verify(self, sha256: str) -> bool:
        """True when the paper is present and its bytes still hash to its name."""
        path = self.path_for(sha256)
        if not path.is_file():
            return False
        return file_sha256(path) == sha256

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def all_hashes(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.glob("??/*") if not p.name.endswith(".part")}

    def sweep(self, referenced: Iterable[str]) -> list[str]:
        """Remove '.part' leftovers and files no record points at; returns what went."""
        removed: list[str] = []
        if not self.root.is_dir():
            return removed
        for part in self.root.glob("*.part"):
            part.unlink(missing_ok=True)
            removed.append(part.name)
        keep = set(referenced)
        for sha in self.all_hashes() - keep:
            self.path_for(sha).unlink(missing_ok=True)
            removed.append(sha)
        return removed
