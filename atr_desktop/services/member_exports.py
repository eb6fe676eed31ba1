"""A group's membership as a file to circulate (CSV or Excel) and as an Outlook address list.

Circulated lists leave out the lived-experience flag and private notes unless asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.marking import personal_data
from atr_desktop.domain.people import outlook_address
from atr_desktop.errors import UserError
from atr_desktop.services.members import MemberInfo, current_members
from atr_desktop.storage.database import Database

HEADERS = (
    "Title",
    "Name",
    "Email",
    "Organisation",
    "Sector",
    "Job title",
    "Role",
    "Voting",
    "Deputy for",
    "Phone",
    "From",
)
PRIVATE_HEADERS = ("Lived experience", "Notes")


def member_rows(
    members: list[MemberInfo], include_private: bool = False, iso: bool = False
) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) as circulated; a joint group's rows say which constituent they sit on.
    ``iso`` (for Excel) keeps the start date a real date."""
    joint = any(m.via for m in members)
    headers = list(HEADERS) + (["Via"] if joint else [])
    if include_private:
        headers += PRIVATE_HEADERS
    rows = []
    for m in members:
        row: list[Any] = [
            m.title,
            m.name,
            m.email,
            m.organisation,
            m.sector,
            m.job_title,
            m.role,
            "yes" if m.voting else "no",
            m.deputy_for,
            m.phone,
            m.start_date if iso else short_date(m.start_date),
        ]
        if joint:
            row.append(m.via)
        if include_private:
            row += ["yes" if m.lived_experience else "no", m.notes]
        rows.append(row)
    return headers, rows


def export_members(
    db: Database,
    group: str | int,
    out: Path,
    include_private: bool = False,
    on_date: dt.date | None = None,
) -> Path:
    """The group's current members to ``out`` (.csv or .xlsx)."""
    from atr_desktop.documents import tables
    from atr_desktop.services.house import house

    members = current_members(db, group, on_date)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        headers, rows = member_rows(members, include_private)
        return tables.write_csv(headers, rows, out)
    if suffix == ".xlsx":
        headers, rows = member_rows(members, include_private, iso=True)
        return tables.table_xlsx("Members", headers, rows, out, house(db, personal_data()))
    raise UserError(f"{out.name}: export members to a .csv or .xlsx file.")


def email_list(db: Database, group: str | int, on_date: dt.date | None = None) -> str:
    """'Name <email>; ...' ready to paste into Outlook's To box (each person once)."""
    seen: set[str] = set()
    parts = []
    for m in current_members(db, group, on_date):
        if m.email and m.email.lower() not in seen:
            seen.add(m.email.lower())
            parts.append(outlook_address(m.name, m.email))
    return "; ".join(parts)
