"""The declarations of interest register: add, re-confirm yearly, end, export.

A declaration is due for re-confirmation ``declaration_reconfirm_days`` (a setting) after
it was last confirmed (or declared); ended declarations stay on the register, marked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from atr_desktop.domain.dates import long_date, short_date
from atr_desktop.domain.marking import personal_data
from atr_desktop.domain.people import DECLARATION_KINDS, display_name
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, settings
from atr_desktop.services.house import house
from atr_desktop.services.refs import find_person
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Declaration, Person


@dataclass(frozen=True)
class DeclarationInfo:
    id: int
    person_id: int
    person: str
    email: str
    organisation: str
    interest: str
    kind: str
    declared_on: dt.date
    confirmed_on: dt.date | None
    ended_on: dt.date | None
    reconfirm_by: dt.date | None
    due: bool


def _info(d: Declaration, every_days: int, today: dt.date) -> DeclarationInfo:
    p = d.person
    last = d.confirmed_on or d.declared_on
    by = None if d.ended_on else last + dt.timedelta(days=every_days)
    return DeclarationInfo(
        id=d.id,
        person_id=p.id,
        person=display_name("", p.first_name, p.last_name),
        email=p.email or "",
        organisation=p.organisation.name if p.organisation else "",
        interest=d.interest,
        kind=d.kind,
        declared_on=d.declared_on,
        confirmed_on=d.confirmed_on,
        ended_on=d.ended_on,
        reconfirm_by=by,
        due=by is not None and by <= today,
    )


def list_declarations(
    db: Database,
    due_only: bool = False,
    person: str | int | None = None,
    today: dt.date | None = None,
) -> list[DeclarationInfo]:
    """The register by person; ``due_only``: those due (or overdue) for re-confirmation."""
    today = today or dt.date.today()
    every = int(settings.get(db, "declaration_reconfirm_days"))
    with db.session() as s:
        # The people and their organisations come with the declarations, not one by one.
        query = select(Declaration).options(
            joinedload(Declaration.person).joinedload(Person.organisation)
        )
        if person is not None:
            query = query.where(Declaration.person_id == find_person(s, person).id)
        rows = [_info(d, every, today) for d in s.scalars(query)]
    if due_only:
        rows = [r for r in rows if r.due]
    return sorted(rows, key=lambda r: (r.person.split(" ")[-1].lower(), r.person, r.declared_on))


def _kind(kind: str) -> str:
    key = kind.strip().lower()
    if key not in DECLARATION_KINDS:
        kinds = ", ".join(DECLARATION_KINDS)
        raise UserError(f"'{kind}' is not a type of interest: use one of {kinds}.")
    return key


def add_declaration(
    db: Database, person: str | int, interest: str, kind: str, on: dt.date | None = None
) -> DeclarationInfo:
    if not interest.strip():
        raise UserError("Say what the interest is: the text cannot be blank.")
    on = on or dt.date.today()
    every = int(settings.get(db, "declaration_reconfirm_days"))
    with db.session() as s:
        p = find_person(s, person)
        d = Declaration(person_id=p.id, interest=interest.strip(), kind=_kind(kind), declared_on=on)
        s.add(d)
        s.flush()
        audit.record(s, "declaration", d.id, "declared", f"{p.full_name}: {d.interest}")
        return _info(d, every, dt.date.today())


def _get(s: Session, declaration_id: int) -> Declaration:
    d = s.get(Declaration, declaration_id)
    if d is None:
        raise NotFound(
            f"There is no declaration {declaration_id}: 'declarations list' shows their ids."
        )
    return d


def confirm_declaration(
    db: Database, declaration_id: int, on: dt.date | None = None
) -> DeclarationInfo:
    """Record that the person re-confirmed the interest still stands."""
    on = on or dt.date.today()
    every = int(settings.get(db, "declaration_reconfirm_days"))
    with db.session() as s:
        d = _get(s, declaration_id)
        if d.ended_on:
            raise UserError("That declaration has ended: add a new one if the interest is back.")
        d.confirmed_on = on
        audit.record(s, "declaration", d.id, "re-confirmed", on.isoformat())
        s.flush()
        return _info(d, every, on)


def end_declaration(
    db: Database, declaration_id: int, on: dt.date | None = None
) -> DeclarationInfo:
    """The interest no longer applies: it stays on the register, marked ended."""
    on = on or dt.date.today()
    every = int(settings.get(db, "declaration_reconfirm_days"))
    with db.session() as s:
        d = _get(s, declaration_id)
        d.ended_on = on
        audit.record(s, "declaration", d.id, "ended", on.isoformat())
        s.flush()
        return _info(d, every, on)


REGISTER_HEADERS = (
    "Id",
    "Name",
    "Organisation",
    "Interest",
    "Type",
    "Declared",
    "Last confirmed",
    "Re-confirm by",
    "Status",
)


def register_rows(rows: list[DeclarationInfo], iso: bool = False) -> list[list[Any]]:
    """The register's rows; ``iso`` (for Excel) keeps dates real dates."""
    fmt: Callable[[dt.date | None], Any] = (lambda d: d) if iso else short_date
    return [
        [
            str(r.id),
            r.person,
            r.organisation,
            r.interest,
            r.kind,
            fmt(r.declared_on),
            fmt(r.confirmed_on),
            fmt(r.reconfirm_by),
            "ended " + short_date(r.ended_on) if r.ended_on else ("due" if r.due else "current"),
        ]
        for r in rows
    ]


def export_register(db: Database, out: Path, today: dt.date | None = None) -> Path:
    """The register to Word (.docx) or Excel (.xlsx), by the file's extension."""
    from atr_desktop.documents import tables

    rows = list_declarations(db, today=today)
    suffix = out.suffix.lower()
    title = "Register of declarations of interest"
    if suffix == ".docx":
        every = int(settings.get(db, "declaration_reconfirm_days"))
        due = sum(1 for r in rows if r.due)
        intro = (
            f"Each declaration is re-confirmed every {every} days; {due} of {len(rows)} are "
            f"due for re-confirmation as at {long_date(today or dt.date.today())}."
        )
        widths = (0.9, 3.0, 3.8, 5.9, 2.9, 2.4, 2.4, 2.4, 1.9)
        return tables.table_docx(
            house(db, personal_data()),
            title,
            REGISTER_HEADERS,
            register_rows(rows),
            out,
            intro,
            widths,
        )
    if suffix == ".xlsx":
        return tables.table_xlsx(
            "Declarations",
            REGISTER_HEADERS,
            register_rows(rows, True),
            out,
            house(db, personal_data()),
            title,
        )
    raise UserError(f"{out.name}: export the register to a .docx or .xlsx file.")
