"""The erasure ledger: which people were erased, kept beside the database, outside backups.

A backup taken before an erasure still holds the person, and restoring it would bring them
back. So each erasure is also written to ``<database>-erasures.json`` beside the live file
(never into a backup), and every restore re-applies it. The ledger holds no personal data:
per erasure the person's id, the database's UUID, the day, and a keyed hash of who they
were (email and name), so a copy of the database in another store, where ids may differ,
can still be matched without the ledger itself naming anyone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.errors import UserError

FORMAT = 1


def digest(salt: str, email: str | None, first_name: str, last_name: str) -> str:
    """A keyed hash of who a person is; empty when there is nothing to go on."""
    who = "\x1f".join(
        " ".join(part.split()).lower() for part in (email or "", first_name, last_name)
    )
    if not who.strip("\x1f"):
        return ""
    return hmac.new(bytes.fromhex(salt), who.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One erasure; ``salt`` is the key its digest was made with (entries carried from
    another store's ledger keep theirs)."""

    person_id: int
    uuid: str
    digest: str
    on: str
    salt: str


@dataclass(frozen=True)
class Ledger:
    salt: str  # the key for new entries
    entries: tuple[Entry, ...]

    def digest(self, email: str | None, first_name: str, last_name: str) -> str:
        return digest(self.salt, email, first_name, last_name)


def ledger_path(db_path: Path) -> Path:
    """The ledger sits beside the database, like its papers, so it follows the live file."""
    return db_path.with_name(db_path.name + "-erasures.json")


def read(db_path: Path) -> Ledger:
    """The ledger for ``db_path`` (empty, with a fresh key, when there is none yet)."""
    path = ledger_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Ledger(secrets.token_hex(16), ())
    except (OSError, ValueError) as exc:
        raise UserError(
            f"The erasure ledger {path} cannot be read ({exc}): restore it from where it was "
            "copied, or ask for help; nothing was changed."
        ) from None
    salt = str(data["salt"])
    entries = tuple(
        Entry(
            int(e["person_id"]),
            str(e["uuid"]),
            str(e["digest"]),
            str(e["on"]),
            str(e.get("salt", salt)),
        )
        for e in data.get("erasures", [])
    )
    return Ledger(salt, entries)


def add(db_path: Path, ledger: Ledger, entry: Entry) -> Ledger:
    """Write the ledger with ``entry`` added (atomically, readable by the user only)."""
    if any(_same(e, entry) for e in ledger.entries):
        return ledger
    updated = Ledger(ledger.salt, (*ledger.entries, entry))
    _write(db_path, updated)
    return updated


def carry(source_db: Path, dest_db: Path) -> None:
    """Copy ``source_db``'s erasures into ``dest_db``'s ledger (a copy between stores: a
    hand-over copy, taking one on), so the copy's restores re-apply them too."""
    source = read(source_db)
    if not source.entries:
        return
    dest = read(dest_db)
    extra = tuple(e for e in source.entries if not any(_same(e, d) for d in dest.entries))
    if extra:
        _write(dest_db, Ledger(dest.salt, (*dest.entries, *extra)))


def _same(a: Entry, b: Entry) -> bool:
    return (a.person_id, a.uuid) == (b.person_id, b.uuid) or (
        bool(a.digest) and (a.digest, a.salt) == (b.digest, b.salt)
    )


def _write(db_path: Path, ledger: Ledger) -> None:
    payload = {
        "format": FORMAT,
        "salt": ledger.salt,
        "erasures": [
            {
                "person_id": e.person_id,
                "uuid": e.uuid,
                "digest": e.digest,
                "on": e.on,
                "salt": e.salt,
            }
            for e in ledger.entries
        ],
    }
    path = ledger_path(db_path)
    tmp = path.with_name(path.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(payload, indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UserError(
            f"The erasure could not be recorded in {path.name} ({exc.strerror}), so nothing "
            "was erased: free some space or fix the folder's permissions, then try again."
        ) from None


def today() -> str:
    return dt.date.today().isoformat()
