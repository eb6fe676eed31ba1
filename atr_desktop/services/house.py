"""The house style for outputs, from the settings and the user's templates folder."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.documents.word import House
from atr_desktop.paths import app_paths
from atr_desktop.services import settings
from atr_desktop.storage.database import Database


def house(db: Database) -> House:
    """Organisation, marking and logo from settings; templates from the user's data folder."""
    values = settings.all_settings(db)
    logo = Path(values["logo_path"]) if values["logo_path"] else None
    return House(
        organisation=values["organisation_name"],
        marking=values["protective_marking"],
        logo=logo,
        templates=app_paths().templates,
    )
