"""The per-user record of the highest hand-over generation seen for each database UUID.

A copy whose generation is lower than one seen before is an old backup or a copy that was
handed over and then used again: opening it as live would fork the record. The registry
also remembers when each database was last fully checked. Kept in the data folder as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
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

    def last_checked(self, db_path: Path) -> dt.datetime | None:
        stamp = self._load().get("_checked", {}).get(str(db_path.resolve()))
        return dt.datetime.fromisoformat(stamp) if stamp else None

    def mark_checked(self, db_path: Path, when: dt.datetime) -> None:
        data = self._load()
        data.setdefault("_checked", {})[str(db_path.resolve())] = when.isoformat()
        self._save(data)
