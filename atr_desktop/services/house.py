"""The house style for outputs, from the settings and the user's templates folder."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.documents.word import House
from atr_desktop.domain import marking as rule
from atr_desktop.paths import app_paths
from atr_desktop.services import settings
from atr_desktop.storage.database import Database


def house(db: Database, marking: rule.Marking | None = None) -> House:
    """Organisation, marking and logo from settings; templates from the user's data folder.

    ``marking`` is what the output's content calls for (domain.marking); without it the
    output is Part A business and carries the protective-marking setting (OFFICIAL).
    """
    values = settings.all_settings(db)
    logo = Path(values["logo_path"]) if values["logo_path"] else None
    label = marking.label if marking is not None else part_a_label(values["protective_marking"])
    return House(
        organisation=values["organisation_name"],
        marking=label,
        logo=logo,
        templates=app_paths().templates,
    )


def part_a_label(setting: str) -> str:
    """The setting, unless it names a withdrawn marking (kept from an old database)."""
    value = str(setting or "").strip()
    return rule.OFFICIAL if not value or rule.base_problem(value) else value
