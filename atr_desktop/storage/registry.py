"""The per-user record of the highest hand-over generation seen for each database UUID.

A copy whose generation is lower than one seen before is an old backup or a copy that was
handed over and then used again: opening it as live would fork the record. The registry
also remembers where each database was last used, so a backup of another database is not
offered for it. Kept in the data folder as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REGISTRY_NAME = "live-copies.json"


class Registry:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_folder(cls, data: Path) -> Registry:
        return cls(data / REGISTRY_NAME)

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(self.path.name + f".{os.getpid()}.part")
            part.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(part, self.path)
        except OSError:
            pass  # a read-only profile: the check is a courtesy, never a reason to fail

    def entry(self, uuid: str) -> dict[str, Any]:
        return dict(self._load().get(uuid, {}))

    def highest(self, uuid: str) -> int:
        return int(self.entry(uuid).get("generation", 0))

    def record(self, uuid: str, generation: int, path: Path, **extra: Any) -> None:
        data = self._load()
        entry = data.setdefault(uuid, {})
        entry["generation"] = max(int(entry.get("generation", 0)), generation)
        entry["path"] = str(path)
        entry["seen"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        entry.update(extra)
        self._save(data)

    def uuid_at(self, db_path: Path) -> str:
        """The database last used at ``db_path`` on this computer ('' if none)."""
        want = str(db_path.resolve())
        newest = ("", "")
        for uuid, entry in self._load().items():
            if uuid.startswith("_") or not isinstance(entry, dict):
                continue
            try:
                here = str(Path(str(entry.get("path", ""))).resolve()) == want
            except OSError:
                here = False
            if here and str(entry.get("seen", "")) >= newest[1]:
                newest = (uuid, str(entry.get("seen", "")))
        return newest[0]


WAL_HEADER = 32


@dataclass(frozen=True)
class FileState:
    """What the app last saw of a database file and its write-ahead log."""

    db_size: int
    db_mtime_ns: int
    wal_salt: str  # '' when there was no log (or an empty one)
    wal_size: int
    at: str

    @classmethod
    def now_of(cls, db_path: Path) -> FileState:
        st = db_path.stat()
        wal = db_path.with_name(db_path.name + "-wal")
        salt, size = "", 0
        try:
            size = wal.stat().st_size
            if size >= WAL_HEADER:
                with wal.open("rb") as fh:
                    salt = fh.read(WAL_HEADER)[16:24].hex()
        except OSError:
            salt, size = "", 0
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return cls(st.st_size, st.st_mtime_ns, salt, size, stamp)

    def same_file(self, other: FileState) -> bool:
        return (self.db_size, self.db_mtime_ns, self.wal_salt, self.wal_size) == (
            other.db_size,
            other.db_mtime_ns,
            other.wal_salt,
            other.wal_size,
        )


class WalWatch:
    """Remembers each database's file and log as last seen, to notice a removed '-wal'.

    SQLite keeps the newest saves in '<db>-wal' until a checkpoint copies them into the
    file. If the log is deleted (a clean-up tool, a sync program, a person tidying up)
    those saves are gone, and SQLite opens the file as whole. The log's salt changes with
    every checkpoint cycle, and a checkpoint changes the file's size or time; so a log
    that was there, gone or replaced while the file is exactly as last seen means saves
    were lost. One small JSON file per database in the data folder; written only when the
    state changed.
    """

    def __init__(self, data: Path, db_path: Path) -> None:
        import hashlib

        key = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:24]
        self.path = data / "wal-seen" / f"{key}.json"
        self.db_path = db_path
        self._last: FileState | None = None

    def load(self) -> FileState | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return FileState(**data)
        except (OSError, ValueError, TypeError):
            return None

    def record(self) -> None:
        try:
            state = FileState.now_of(self.db_path)
        except OSError:
            return
        if self._last is not None and self._last.same_file(state):
            return
        self._last = state
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(self.path.name + f".{os.getpid()}.part")
            part.write_text(json.dumps(asdict(state)), encoding="utf-8")
            os.replace(part, self.path)
        except OSError:
            pass  # a read-only profile: the watch is a courtesy

    def lost_log(self) -> FileState | None:
        """The state last seen when the log held saves that are now gone; else None."""
        seen = self.load()
        if seen is None or not seen.wal_salt:
            return None
        try:
            now = FileState.now_of(self.db_path)
        except OSError:
            return None
        unchanged = (now.db_size, now.db_mtime_ns) == (seen.db_size, seen.db_mtime_ns)
        return seen if unchanged and now.wal_salt != seen.wal_salt else None
