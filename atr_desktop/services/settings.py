"""The settings store: values that differ from the defaults in domain.settings, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from atr_desktop.domain.settings import DEFAULTS, coerce
from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Setting


def all_settings(db: Database) -> dict[str, Any]:
    """Every setting, defaults filled in."""
    values = dict(DEFAULTS)
    with db.session() as s:
        for row in s.scalars(select(Setting)):
            if row.key in values:
                values[row.key] = json.loads(row.value)
    return values


def get(db: Database, key: str) -> Any:
    return all_settings(db)[key]


def update(db: Database, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and save several settings at once; nothing is saved if one is wrong."""
    try:
        clean = {key: coerce(key, value) for key, value in changes.items()}
    except ValueError as exc:
        raise UserError(str(exc)) from None
    with db.session() as s:
        for key, value in clean.items():
            row = s.get(Setting, key)
            if value == DEFAULTS[key]:
                if row is not None:
                    s.delete(row)
                continue
            if row is None:
                s.add(Setting(key=key, value=json.dumps(value)))
            else:
                row.value = json.dumps(value)
    return all_settings(db)


def packs_folder(db: Database, default: Path) -> Path:
    """Where packs are saved unless the user chooses otherwise: the setting, or ``default``
    (Documents/ATR Desktop/Packs, a folder people can see)."""
    chosen = str(get(db, "packs_folder")).strip()
    return Path(chosen).expanduser() if chosen else default
