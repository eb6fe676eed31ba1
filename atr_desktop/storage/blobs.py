"""The papers' store: content-addressed files in a folder per database UUID.

A file is named by the SHA-256 of its bytes, in a two-letter fan-out folder. Writing goes
to a temporary file in the same folder, is fsynced, then renamed into place, so a crash
leaves either the whole file or a '.part' file, never a half-written paper under its real
name. Equal content is stored once.

Papers belong to a database by its UUID, never by its path: ``<name>.db-papers/<uuid>/``.
A new database made at the same path (after the old one was moved aside as damaged) gets
its own folder and can never touch the old one's papers. The clean-up (:meth:`sweep`)
never deletes a paper: it moves files no record points at into ``quarantine/<day>/``,
kept :data:`QUARANTINE_DAYS` days (a restore that needs one gets it back), and it does
nothing on a store younger than :data:`SETTLE` (a new, restored or taken-on store).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20
SETTLE = dt.timedelta(days=1)
QUARANTINE_DAYS = dt.timedelta(days=30)
MARKER = "store.json"
QUARANTINE = "quarantine"
HASH_NAME = re.compile(r"^[0-9a-f]{64}$")


def papers_root(db_path: Path) -> Path:
    """'<name>.db-papers/' beside the database: it holds one folder per database UUID."""
    return db_path.with_name(db_path.name + "-papers")


def store_for(db_path: Path, uuid: str) -> BlobStore:
    """The papers of the database ``uuid`` kept beside ``db_path``."""
    if not uuid:
        raise ValueError("a papers store needs the database's UUID")
    return BlobStore(papers_root(db_path) / uuid)


@dataclass
class SweepReport:
    """What a sweep did; ``skipped`` says why it did nothing (empty when it ran)."""

    quarantined: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)  # referenced again: out of quarantine
    purged: list[str] = field(default_factory=list)  # quarantined more than 30 days ago
    parts: list[str] = field(default_factory=list)
    skipped: str = ""


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
        return {p.name for p in self.root.glob("??/*") if HASH_NAME.match(p.name)}

    # -- the store's age -------------------------------------------------------------------
    def marker(self) -> dict[str, str]:
        try:
            data = json.loads((self.root / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def mark(self, uuid: str, now: dt.datetime, event: str = "created") -> None:
        """Record when the store was made (or restored, or taken on): the sweep waits a day."""
        self.root.mkdir(parents=True, exist_ok=True)
        data = self.marker()
        data.setdefault("uuid", uuid)
        data.setdefault("created", now.isoformat())
        data[event] = now.isoformat()
        part = self.root / f"{MARKER}.{os.getpid()}.part"
        part.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(part, self.root / MARKER)

    def settled(self, now: dt.datetime) -> bool:
        """True when the store was made, restored and taken on more than a day ago."""
        stamps = [v for k, v in self.marker().items() if k in ("created", "restored", "taken")]
        if not stamps:
            return False
        try:
            newest = max(dt.datetime.fromisoformat(v) for v in stamps)
        except (TypeError, ValueError):
            return False
        return now - newest >= SETTLE

    # -- taking papers from the old path-based folder --------------------------------------
    def adopt(self, legacy_root: Path, hashes: Iterable[str]) -> int:
        """Bring in the papers ``hashes`` from the old path-based folder; how many came.

        Each is hard-linked (no extra space; a verified copy where links are impossible)
        and the old file is left where it is: another database or a damaged copy that
        lived at the same path may need the same paper.
        """
        came = 0
        for sha in sorted(set(hashes)):
            old = legacy_root / sha[:2] / sha
            if self.exists(sha) or not old.is_file():
                continue
            final = self.path_for(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, final)
            except OSError:
                if not self.put_verified(old, sha):
                    continue
            came += 1
        return came

    # -- the clean-up ----------------------------------------------------------------------
    def sweep(self, referenced: Iterable[str], now: dt.datetime, hold: str = "") -> SweepReport:
        """Quarantine files no record points at; bring back quarantined ones that are.

        Never deletes a paper directly: only quarantined files older than 30 days go.
        ``hold`` (why another copy may need these papers, e.g. a damaged copy beside the
        database) and a store younger than a day stop everything but the return of
        referenced papers from quarantine.
        """
        report = SweepReport()
        if not self.root.is_dir():
            return report
        keep = set(referenced)
        report.returned = self._unquarantine(keep)
        if hold:
            report.skipped = hold
            return report
        if not self.settled(now):
            report.skipped = "the papers store is less than a day old"
            return report
        stale = now - dt.timedelta(hours=1)  # a '.part' that old belongs to nobody writing
        for part in self.root.glob("*.part"):
            with contextlib.suppress(OSError):
                when = dt.datetime.fromtimestamp(part.stat().st_mtime, dt.UTC)
                if when < stale:
                    part.unlink()
                    report.parts.append(part.name)
        day = self.root / QUARANTINE / now.strftime("%Y%m%d")
        for sha in sorted(self.all_hashes() - keep):
            day.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.replace(self.path_for(sha), day / sha)
                report.quarantined.append(sha)
        report.purged = self._purge(now)
        return report

    def quarantined(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for path in sorted((self.root / QUARANTINE).glob("*/*")):
            if HASH_NAME.match(path.name):
                found[path.name] = path
        return found

    def _unquarantine(self, referenced: set[str]) -> list[str]:
        back: list[str] = []
        for sha, path in self.quarantined().items():
            if sha in referenced and not self.exists(sha):
                self.path_for(sha).parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, self.path_for(sha))
                back.append(sha)
        return back

    def _purge(self, now: dt.datetime) -> list[str]:
        purged: list[str] = []
        limit = (now - QUARANTINE_DAYS).strftime("%Y%m%d")
        for day in sorted((self.root / QUARANTINE).glob("*")):
            if day.is_dir() and day.name.isdigit() and day.name < limit:
                purged += [p.name for p in day.iterdir()]
                shutil.rmtree(day, ignore_errors=True)
        return purged
