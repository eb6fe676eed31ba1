"""People, organisations and sectors: list, add and edit; an email is unique in any case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from atr_desktop.domain.people import SECTORS, display_name, email_problem
from atr_desktop.errors import UserError
from atr_desktop.services import audit, versions
from atr_desktop.services.members import member_on_clause
from atr_desktop.services.refs import find_person
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Membership, Organisation, Person, Sector


@dataclass(frozen=True)
class PersonInfo:
    id: int
    title: str
    first_name: str
    last_name: str
    name: str
    job_title: str
    organisation: str
    sector: str
    email: str
    phone: str
    notes: str
    lived_experience: bool
    preferences: str
    groups: tuple[str, ...]
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)


@dataclass
class PersonInput:
    """What the user types in the person editor or on the command line."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    title: str = ""
    job_title: str = ""
    organisation: str = ""
    sector: str = ""
    phone: str = ""
    notes: str = ""
    lived_experience: bool = False
    preferences: str = ""


def person_info(person: Person, groups: tuple[str, ...] = ()) -> PersonInfo:
    org = person.organisation
    return PersonInfo(
        id=person.id,
        title=person.title,
        first_name=person.first_name,
        last_name=person.last_name,
        name=display_name("", person.first_name, person.last_name),
        job_title=person.job_title,
        organisation=org.name if org else "",
        sector=org.sector.name if org and org.sector else "",
        email=person.email or "",
        phone=person.phone,
        notes=person.notes,
        lived_experience=person.lived_experience,
        preferences=person.preferences,
        groups=groups,
        row_version=person.row_version,
    )


def _current_groups(session: Session, today: dt.date) -> dict[int, tuple[str, ...]]:
    rows = session.execute(
        select(Membership.person_id, Group.code)
        .join(Group, Group.id == Membership.group_id)
        .where(member_on_clause(today))
        .order_by(Group.id)
    ).all()
    out: dict[int, list[str]] = {}
    for person_id, code in rows:
        if code not in out.setdefault(person_id, []):
            out[person_id].append(code)
    return {k: tuple(v) for k, v in out.items()}


def list_people(db: Database, today: dt.date | None = None) -> list[PersonInfo]:
    with db.session() as s:
        groups = _current_groups(s, today or dt.date.today())
        people = s.scalars(
            select(Person)
            .where(Person.erased_at.is_(None))
            .options(joinedload(Person.organisation).joinedload(Organisation.sector))
            .order_by(Person.last_name, Person.first_name)
        )
        return [person_info(p, groups.get(p.id, ())) for p in people]


def get_person(db: Database, ref: str | int) -> PersonInfo:
    with db.session() as s:
        person = find_person(s, ref)
        return person_info(person, _current_groups(s, dt.date.today()).get(person.id, ()))


def sector_named(session: Session, name: str) -> Sector | None:
    """The sector called ``name`` (any case), added if new; None for a blank name."""
    name = " ".join(name.split())
    if not name:
        return None
    sector = session.scalar(select(Sector).where(func.lower(Sector.name) == name.lower()))
    if sector is None:
        sector = Sector(name=name, builtin=False)
        session.add(sector)
        session.flush()
    return sector


def organisation_named(session: Session, name: str, sector: str = "") -> Organisation | None:
    """The organisation called ``name`` (any case), added if new; its blank sector is filled."""
    name = " ".join(name.split())
    if not name:
        return None
    org = session.scalar(select(Organisation).where(func.lower(Organisation.name) == name.lower()))
    if org is None:
        org = Organisation(name=name, sector=sector_named(session, sector))
        session.add(org)
        session.flush()
    elif sector and org.sector is None:
        org.sector = sector_named(session, sector)
    return org


def email_owner(session: Session, email: str) -> Person | None:
    if not email.strip():
        return None
    return session.scalar(select(Person).where(func.lower(Person.email) == email.strip().lower()))


def _check(session: Session, data: PersonInput, person_id: int | None) -> None:
    if not (data.first_name.strip() or data.last_name.strip()):
        raise UserError("A person needs a name: type a first name or a surname.")
    if data.email.strip():
        problem = email_problem(data.email)
        if problem:
            raise UserError(f"{problem[0].upper()}{problem[1:]}: check it and try again.")
        owner = email_owner(session, data.email)
        if owner is not None and owner.id != person_id:
            raise UserError(
                f"{data.email.strip()} already belongs to {owner.full_name}: "
                "each person has their own email address."
            )


def _apply(session: Session, person: Person, data: PersonInput) -> None:
    person.title = data.title.strip()
    person.first_name = data.first_name.strip()
    person.last_name = data.last_name.strip()
    person.email = data.email.strip() or None
    person.job_title = data.job_title.strip()
    person.organisation = organisation_named(session, data.organisation, data.sector)
    if person.organisation is not None and data.sector.strip():
        person.organisation.sector = sector_named(session, data.sector)
    person.phone = data.phone.strip()
    person.notes = data.notes.strip()
    person.lived_experience = data.lived_experience
    person.preferences = data.preferences.strip()


def add_person(db: Database, data: PersonInput) -> PersonInfo:
    with db.session() as s:
        _check(s, data, None)
        person = Person()
        _apply(s, person, data)
        s.add(person)
        s.flush()
        audit.record(s, "person", person.id, "added", person.full_name)
        return person_info(person)


def update_person(
    db: Database, ref: str | int, data: PersonInput, expected_version: int | None = None
) -> PersonInfo:
    """Save a person's details; ``expected_version`` is the row_version the caller read (a
    dialog), refused with ChangedSince if someone saved them since (None: no check)."""
    with db.session() as s:
        person = find_person(s, ref)
        versions.check(s, person, expected_version, "person", "person's details")
        _check(s, data, person.id)
        _apply(s, person, data)
        audit.record(s, "person", person.id, "edited", person.full_name)
        s.flush()
        return person_info(person, _current_groups(s, dt.date.today()).get(person.id, ()))


def input_from(info: PersonInfo) -> PersonInput:
    """The editable fields of ``info``, to change a few and save."""
    names = {f.name for f in fields(PersonInput)}
    return PersonInput(**{k: getattr(info, k) for k in names})


def list_sectors(db: Database) -> list[str]:
    """The built-in sectors (added on first use) then the user's own."""
    with db.session() as s:
        for name in SECTORS:
            sector = sector_named(s, name)
            if sector is not None and not sector.builtin:
                sector.builtin = True
        return list(s.scalars(select(Sector.name).order_by(Sector.builtin.desc(), Sector.id)))


def add_sector(db: Database, name: str) -> str:
    if not name.strip():
        raise UserError("Type the new sector's name.")
    with db.session() as s:
        sector = sector_named(s, name)
        assert sector is not None
        return sector.name


def list_organisations(db: Database) -> list[tuple[str, str]]:
    """(organisation, sector) pairs, by name."""
    with db.session() as s:
        orgs = s.scalars(select(Organisation).order_by(Organisation.name))
        return [(o.name, o.sector.name if o.sector else "") for o in orgs]
