"""The attendance matrix of a group for a year: who came to how many of how many meetings.

Built from the registers of the year's meetings, so a joint group's matrix lists the
constituents' members as they were on each register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from atr_desktop.domain.dates import short_date
from atr_desktop.errors import UserError
from atr_desktop.services.attendance import person_name
from atr_desktop.services.groups import find_group
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Attendance, Meeting, Person

CELL = {"present": "P", "apologies": "A", "deputy": "D", "absent": "-", "in-attendance": "IA"}


@dataclass(frozen=True)
class MatrixRow:
    name: str
    organisation: str
    cells: tuple[str, ...]
    attended: int
    of: int


@dataclass(frozen=True)
class Matrix:
    group_code: str
    group_name: str
    year: int
    dates: tuple[dt.date, ...]
    rows: tuple[MatrixRow, ...]


def matrix(db: Database, group_ref: str, year: int) -> Matrix:
    with db.session() as s:
        group = find_group(s, group_ref)
        meetings = list(
            s.scalars(
                select(Meeting)
                .where(
                    Meeting.group_id == group.id,
                    Meeting.date >= dt.date(year, 1, 1),
                    Meeting.date <= dt.date(year, 12, 31),
                    Meeting.status != "cancelled",
                )
                .order_by(Meeting.date)
            )
        )
        lines = list(
            s.scalars(
                select(Attendance).where(
                    Attendance.meeting_id.in_([m.id for m in meetings]),
                    Attendance.person_id.is_not(None),
                )
            )
        )
        held = [m for m in meetings if any(ln.meeting_id == m.id for ln in lines)]
        by_person: dict[int, dict[int, str]] = {}
        for ln in lines:
            by_person.setdefault(ln.person_id or 0, {})[ln.meeting_id] = ln.status
        rows = []
        for person_id, statuses in by_person.items():
            person = s.get(Person, person_id)
            cells = tuple(CELL.get(statuses.get(m.id, ""), "") for m in held)
            rows.append(
                MatrixRow(
                    person_name(person),
                    person.organisation.name if person and person.organisation else "",
                    cells,
                    sum(
                        1 for v in statuses.values() if v in ("present", "deputy", "in-attendance")
                    ),
                    len(statuses),
                )
            )
    rows.sort(key=lambda r: r.name.split()[-1].casefold() if r.name else "")
    return Matrix(group.code, group.name, year, tuple(m.date for m in held), tuple(rows))


def export(db: Database, group_ref: str, year: int, out: Path) -> Path:
    """The matrix to Excel or Word; key: P present, A apologies, D deputy, - absent."""
    from atr_desktop.documents import logs
    from atr_desktop.services.house import house

    data = matrix(db, group_ref, year)
    headers = ["Name", "Organisation", *[short_date(d) for d in data.dates], "Attended"]
    rows = [[r.name, r.organisation, *r.cells, f"{r.attended} of {r.of}"] for r in data.rows]
    title = f"{data.group_name}: attendance {year}"
    if out.suffix.lower() == ".xlsx":
        return logs.table_xlsx(
            out, [(f"{data.group_code} {year}", headers, rows, None)], house(db), title
        )
    if out.suffix.lower() == ".docx":
        return logs.table_docx(
            house(db),
            out,
            title,
            [("", headers, rows, None)],
            landscape=True,
            subtitle="P present, A apologies, D attended as a deputy, IA in attendance, - absent.",
        )
    raise UserError("Export the attendance matrix to a .xlsx or .docx file.")
