"""Action rules: statuses, RAG rating from the dates, overdue, and GROUP-YEAR-NNN references.

RAG (DOMAIN.md): red when overdue; amber when due within the amber window or when the due
date has already been moved; green otherwise; a closed or superseded action has no rating,
only its word. A user's override (with a reason) wins while the action is open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

STATUSES: tuple[str, ...] = ("open", "in progress", "proposed for closure", "closed", "superseded")
OPEN_STATUSES: tuple[str, ...] = ("open", "in progress", "proposed for closure")
RAGS: tuple[str, ...] = ("Red", "Amber", "Green")

# Fill colours for a cell (hex RRGGBB), with the word always shown too.
RAG_COLOURS: dict[str, str] = {
    "Red": "F4A6A6",
    "Amber": "FFD27F",
    "Green": "A8D5A2",
    "Closed": "D9D9D9",
    "Superseded": "D9D9D9",
}


def normalise_status(text: str) -> str:
    """'In-progress', 'IN PROGRESS' -> 'in progress'; raises ValueError naming the choices."""
    value = re.sub(r"[\s_-]+", " ", text.strip().lower())
    aliases = {"proposed": "proposed for closure", "complete": "closed", "completed": "closed"}
    value = aliases.get(value, value)
    if value not in STATUSES:
        raise ValueError(f"'{text}' is not an action status: use one of {', '.join(STATUSES)}.")
    return value


def effective_due(due: dt.date | None, revised: dt.date | None) -> dt.date | None:
    return revised or due


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def is_overdue(status: str, due: dt.date | None, revised: dt.date | None, today: dt.date) -> bool:
    when = effective_due(due, revised)
    return is_open(status) and when is not None and when < today


def rag(
    status: str,
    due: dt.date | None,
    revised: dt.date | None,
    today: dt.date,
    amber_days: int,
    override: str = "",
) -> str:
    """'Red', 'Amber', 'Green', or 'Closed'/'Superseded' for an action no longer open."""
    if status == "closed":
        return "Closed"
    if status == "superseded":
        return "Superseded"
    if override:
        return override.capitalize()
    when = effective_due(due, revised)
    if when is None:
        return "Green"
    if when < today:
        return "Red"
    if revised is not None or (when - today).days <= amber_days:
        return "Amber"
    return "Green"


def normalise_rag(text: str) -> str:
    """'r', 'red', 'RED' -> 'Red'; '' clears an override."""
    value = text.strip().lower()
    if not value or value in {"none", "auto", "clear"}:
        return ""
    for word in RAGS:
        if word.lower() == value or word[0].lower() == value:
            return word
    raise ValueError(f"'{text}' is not a RAG rating: use Red, Amber or Green (or 'auto').")


def next_ref(code: str, year: int, existing: Iterable[str]) -> str:
    """The next reference of a group's year, 'SG-2026-014': numbered per group per year."""
    prefix = f"{code}-{year}-"
    used = [
        int(r[len(prefix) :])
        for r in existing
        if r.startswith(prefix) and r[len(prefix) :].isdigit()
    ]
    return f"{prefix}{(max(used) + 1) if used else 1:03d}"


REF_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,7}-\d{4}-\d{3,}$")
