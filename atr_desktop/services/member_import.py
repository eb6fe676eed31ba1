"""Importing a membership list from CSV or XLSX as Excel writes it, with a preview first.

The file is read by the one reader for imports (services/tabular.py: encodings, delimiters,
line numbers and limits). A row whose email belongs to
someone already held links to that person and fills only their blank fields. Nothing is
imported while a problem row remains unless the caller chooses to skip problem rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain.member_import import (
    ImportRow,
    header_problem,
    map_headers,
    parse_rows,
    problem_lines,
)
from atr_desktop.domain.people import default_voting
from atr_desktop.errors import UserError
from atr_desktop.services import audit
from atr_desktop.services.groups import find_group
from atr_desktop.services.members import (
    SINGLE_ROLES,
    member_on_clause,
    memberships_on,
    settle_single_roles,
)
from atr_desktop.services.people import organisation_named
from atr_desktop.services.tabular import read_table
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Membership, Organisation, Person


@dataclass(frozen=True)
class PreviewRow:
    row: ImportRow
    action: str  # what importing it would do, or why it cannot be imported


@dataclass(frozen=True)
class ImportPreview:
    group: str
    rows: tuple[PreviewRow, ...]

    @property
    def problems(self) -> list[ImportRow]:
        return [p.row for p in self.rows if p.row.problems]

    @property
    def good(self) -> list[ImportRow]:
        return [p.row for p in self.rows if not p.row.problems]


@dataclass(frozen=True)
class ImportResult:
    added_people: int
    linked_people: int
    memberships: int
    already_members: int
    skipped: tuple[int, ...]


def preview(db: Database, path: Path, group: str | int) -> ImportPreview:
    """Every row with what it would do ('new person', 'links to ...') or its problems."""
    table = read_table(path)
    problem = header_problem(map_headers(table.header))
    if problem:
        raise UserError(problem)
    rows = parse_rows(table.header, table.rows)
    if not rows:
        raise UserError(f"{path.name} has a header row but no members below it.")
    today = dt.date.today()
    with db.session() as s:
        g = find_group(s, group)
        current = {
            m.person_id
            for m in s.scalars(
                select(Membership).where(Membership.group_id == g.id, member_on_clause(today))
            )
        }
        owners = _people_by_email(s)
        holders = {m.role: m for m in memberships_on(s, g, today) if m.role in SINGLE_ROLES}
        out = []
        for row in rows:
            if row.problems:
                out.append(PreviewRow(row, "; ".join(row.problems)))
                continue
            owner = owners.get(row.email.lower())
            if owner is None:
                action = "new person"
            elif owner.id in current:
                action = f"already a member: {owner.full_name}"
            else:
                action = f"links to {owner.full_name}"
            holder = holders.get(row.role)
            if holder and holder.person and (owner is None or owner.id != holder.person_id):
                action += (
                    f"; {g.code} already has a {row.role} ({holder.person.full_name}): "
                    "importing asks whether to replace them"
                )
            out.append(PreviewRow(row, action))
        return ImportPreview(g.code, tuple(out))


def import_members(
    db: Database,
    path: Path,
    group: str | int,
    skip_invalid: bool = False,
    start: dt.date | None = None,
    dry_run: bool = False,
    replace_chair: bool = False,
) -> ImportResult:
    """Import the file's members into ``group`` in one unit of work: all or nothing."""
    shown = preview(db, path, group)
    problems = shown.problems
    if problems and not skip_invalid:
        lines = "\n".join(problem_lines(problems))
        raise UserError(
            f"Nothing was imported: {len(problems)} row(s) of {path.name} have problems.\n"
            f"{lines}\nFix them in the file, or import the other rows and skip these "
            "(--skip-invalid)."
        )
    start = start or dt.date.today()
    added = linked = memberships = already = 0
    with db.session() as s:
        g = find_group(s, group)
        current = {
            m.person_id
            for m in s.scalars(
                select(Membership).where(Membership.group_id == g.id, member_on_clause(start))
            )
        }
        owners = _people_by_email(s)
        incoming = [
            (row.role, _row_name(row), owner.id if owner else None)
            for row in shown.good
            if (owner := owners.get(row.email.lower())) is None or owner.id not in current
        ]
        settle_single_roles(s, g, incoming, start, replace_chair)
        orgs: dict[str, Organisation | None] = {}
        added_rows: list[tuple[Membership, int]] = []
        with s.no_autoflush:  # one flush for the whole file, not two per row
            for row in shown.good:
                person = owners.get(row.email.lower())
                if person is None:
                    person = Person(email=row.email)
                    s.add(person)
                    owners[row.email.lower()] = person
                    added += 1
                else:
                    linked += 1
                _fill_blanks(s, person, row, orgs)
                if person.id is not None and person.id in current:
                    already += 1
                    continue
                m = Membership(
                    person=person,
                    group_id=g.id,
                    role=row.role,
                    voting=default_voting(row.role),
                    start_date=start,
                )
                s.add(m)
                added_rows.append((m, row.line))
                memberships += 1
        s.flush()
        for m, line in added_rows:
            audit.record(s, "membership", m.id, "imported", f"{path.name} line {line}")
        if dry_run:
            s.rollback()
    return ImportResult(added, linked, memberships, already, tuple(r.line for r in problems))


def _row_name(row: ImportRow) -> str:
    return " ".join(p for p in (row.first_name, row.last_name) if p) or row.email


def _people_by_email(session: Session) -> dict[str, Person]:
    """Everyone with an email, keyed by it in lower case (emails compare case-insensitively)."""
    people = session.scalars(select(Person).where(Person.email.is_not(None)))
    return {str(p.email).lower(): p for p in people}


def _fill_blanks(
    session: Session, person: Person, row: ImportRow, orgs: dict[str, Organisation | None]
) -> None:
    """A new person gets every field; someone already held only their blank ones."""
    for attr in ("title", "first_name", "last_name", "job_title", "phone"):
        if not getattr(person, attr, ""):
            setattr(person, attr, getattr(row, attr))
    if person.organisation_id is None and person.organisation is None and row.organisation:
        key = " ".join(row.organisation.split()).lower()
        if key not in orgs:
            orgs[key] = organisation_named(session, row.organisation, row.sector)
        person.organisation = orgs[key]
    if row.lived_experience and not person.lived_experience:
        person.lived_experience = True
