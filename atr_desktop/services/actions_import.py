"""Import an existing action log from Excel or CSV, with a preview and problem rows.

Like the membership import, and through the same reader (services/tabular.py: encodings,
semicolons, line numbers, limits): every row is checked first; nothing is imported while a
problem remains, unless the user chooses to skip the rows with problems.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from atr_desktop.domain import rag as rules
from atr_desktop.domain.dates import due_before_raised, parse_date
from atr_desktop.errors import UserError
from atr_desktop.services import audit
from atr_desktop.services.actions import new_ref, resolve_owner
from atr_desktop.services.groups import find_group
from atr_desktop.services.tabular import read_table
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Action, ActionUpdate

COLUMNS = {
    "ref": ("reference", "ref", "action ref", "action no", "number", "no", "id"),
    "description": ("action", "description", "action description", "what"),
    "owner": ("owner", "lead", "responsible", "who", "action owner"),
    "due": ("due date", "due", "deadline", "by when", "target date"),
    "status": ("status", "state"),
    "update": ("update", "latest update", "progress", "comments", "notes"),
    "raised": ("date raised", "raised", "date", "meeting date"),
}


@dataclass(frozen=True)
class ImportRow:
    line: int
    ref: str
    description: str
    owner: str
    due: dt.date | None
    status: str
    update: str
    raised: dt.date | None
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    rows: tuple[ImportRow, ...]
    imported: tuple[str, ...]
    skipped: int
    dry_run: bool

    @property
    def problems(self) -> list[ImportRow]:
        return [r for r in self.rows if r.problems]


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = re.sub(r"\s+", " ", cell.strip().lower())
        for key, aliases in COLUMNS.items():
            if name in aliases and key not in found:
                found[key] = index
    missing = [k for k in ("description", "owner") if k not in found]
    if missing:
        raise UserError(
            "The first row must name the columns; none is called "
            + " or ".join(repr(COLUMNS[k][0]) for k in missing)
            + " (expected: reference, action, owner, due date, status, update)."
        )
    return found


def _date(value: object) -> dt.date | None:
    """A date as written in the sheet (the reader gives Excel's own dates as 2027-03-31),
    read as every date box reads one (31/03/2027, 7 Jul 2027, ISO)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        raise ValueError(
            f"'{str(value).strip()}' is not a date (use 31/03/2027 or 2027-03-31)"
        ) from None


def preview(db: Database, path: Path, group: str) -> list[ImportRow]:
    """Every row of the file, checked; nothing is written."""
    table = read_table(path)
    if not table.header:
        raise UserError(f"{path.name} is empty.")
    columns = _header_map(table.header)
    with db.session() as s:
        code = find_group(s, group).code
        existing = set(s.scalars(select(Action.ref)))
    seen: set[str] = set()
    out = []
    for line, row in table.rows:

        def get(key: str, row: list[str] = row) -> str:
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        problems = []
        ref = get("ref").upper()
        description = get("description")
        owner = get("owner")
        if not description:
            problems.append("the action is blank")
        if not owner:
            problems.append("no owner")
        dates: dict[str, dt.date | None] = {}
        for key in ("due", "raised"):
            try:
                dates[key] = _date(get(key))
            except ValueError as exc:
                dates[key] = None
                problems.append(str(exc))
        if problem := due_before_raised(dates["due"], dates["raised"]):
            problems.append(problem)
        status_text = str(get("status") or "open")
        try:
            status = rules.normalise_status(status_text)
        except ValueError:
            status = status_text
            problems.append(f"'{status_text}' is not a status")
        if ref:
            if not rules.REF_PATTERN.match(ref) or not ref.startswith(f"{code}-"):
                problems.append(f"'{ref}' is not a {code} reference like {code}-2026-014")
            elif ref in existing:
                problems.append(f"{ref} is already on the action log")
            elif ref in seen:
                problems.append(f"{ref} appears twice in the file")
            seen.add(ref)
        out.append(
            ImportRow(
                line,
                ref,
                description,
                owner,
                dates["due"],
                status,
                get("update"),
                dates["raised"],
                tuple(problems),
            )
        )
    return out


def import_actions(
    db: Database,
    path: Path,
    group: str,
    skip_invalid: bool = False,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Import the rows; refused while a row has a problem unless ``skip_invalid``."""
    rows = preview(db, path, group)
    bad = [r for r in rows if r.problems]
    if dry_run or (bad and not skip_invalid):
        return ImportResult(tuple(rows), (), len(bad), True)
    day = today or dt.date.today()
    imported = []
    with db.session() as s:
        g = find_group(s, group)
        for row in rows:
            if row.problems:
                continue
            raised = row.raised or day
            try:
                person_id, owner_text = resolve_owner(s, row.owner)
            except UserError:  # an email not in the database: kept as the owner's text
                person_id, owner_text = None, row.owner
            action = Action(
                ref=row.ref or new_ref(s, g, raised.year),
                group_id=g.id,
                description=row.description,
                owner_person_id=person_id,
                owner_text=owner_text,
                raised_on=raised,
                due_date=row.due,
                status=row.status,
                closed_on=day if row.status == "closed" else None,
            )
            s.add(action)
            s.flush()
            if row.update:
                s.add(
                    ActionUpdate(
                        action_id=action.id, on_date=day, text=row.update, user=audit.who(s)
                    )
                )
            audit.record(s, "action", action.id, "imported", f"{path.name} row {row.line}")
            imported.append(action.ref)
    return ImportResult(tuple(rows), tuple(imported), len(bad), False)
