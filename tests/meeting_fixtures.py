"""Small fixture helpers for the register and minutes tests: people, a ToR rule, meetings.

They write through the models directly (the people and meetings services arrive with
other branches).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from atr_desktop.domain.agenda import DEFAULT_STANDING_ITEMS
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    AgendaItem,
    Group,
    Meeting,
    Membership,
    Organisation,
    Person,
    Sector,
    TorVersion,
)

# (first, last, organisation, sector, role)
SG_PEOPLE = (
    ("Siân", "Evans", "Leeds City Council", "Local authority", "chair"),
    ("Zoë", "Clarke", "West Yorkshire ICB", "NHS", "vice-chair"),
    ("Tariq", "Haddad", "West Yorkshire Police", "Police", "member"),
    ("Niamh", "Byrne", "Bradford District Care NHS FT", "NHS", "member"),
    ("Piotr", "Nowak", "Leeds Youth Justice Service", "Youth justice", "member"),
    ("Grace", "Mensah", "ATR Lived Experience Panel", "Lived experience", "member"),
)


def email(first: str, last: str) -> str:
    return f"{first.lower().replace('â', 'a').replace('ë', 'e')}.{last.lower()}@example.org"


def add_person(
    db: Database, first: str, last: str, org: str = "Forum Central", sector: str = "Voluntary"
) -> int:
    with db.session() as s:
        sec = s.scalar(select(Sector).where(Sector.name == sector)) or Sector(name=sector)
        organisation = s.scalar(select(Organisation).where(Organisation.name == org))
        if organisation is None:
            organisation = Organisation(name=org, sector=sec)
            s.add(organisation)
        person = Person(
            first_name=first,
            last_name=last,
            job_title="Lead",
            organisation=organisation,
            email=email(first, last),
        )
        s.add(person)
        s.flush()
        return person.id


def add_member(
    db: Database,
    group: str,
    person_id: int,
    role: str = "member",
    voting: bool = True,
    deputy_for: int | None = None,
) -> None:
    with db.session() as s:
        g = s.scalar(select(Group).where(Group.code == group))
        assert g is not None
        s.add(
            Membership(
                person_id=person_id,
                group_id=g.id,
                role=role,
                voting=voting,
                deputy_for_id=deputy_for,
                start_date=dt.date(2025, 1, 1),
            )
        )


def approve_rule(
    db: Database,
    group: str,
    count: int | None = None,
    chair: bool = False,
    sectors: tuple[str, ...] = (),
    numerator: int | None = None,
    denominator: int | None = None,
) -> None:
    with db.session() as s:
        g = s.scalar(select(Group).where(Group.code == group))
        assert g is not None
        s.add(
            TorVersion(
                group_id=g.id,
                version=1,
                status="approved",
                quorum_count=count,
                quorum_numerator=numerator,
                quorum_denominator=denominator,
                quorum_chair_required=chair,
                quorum_sectors=json.dumps(list(sectors)),
                approved_on=dt.date(2025, 1, 1),
            )
        )


def add_meeting(
    db: Database,
    group: str,
    day: dt.date,
    extra: tuple[str, ...] = ("Training Collaborative",),
    confidential: tuple[str, ...] = (),
) -> int:
    """A meeting with the standing items and ``extra`` items before AOB; returns its id."""
    with db.session() as s:
        g = s.scalar(select(Group).where(Group.code == group))
        assert g is not None
        meeting = Meeting(
            group_id=g.id,
            date=day,
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            venue="Wellington House, Leeds",
            status="planned",
            uid=f"{uuid.uuid4()}@test",
        )
        s.add(meeting)
        s.flush()
        specs = [(x.title, x.kind, False) for x in DEFAULT_STANDING_ITEMS[:-1]]
        specs += [(t, "standard", False) for t in extra]
        specs += [(t, "standard", True) for t in confidential]
        specs.append((DEFAULT_STANDING_ITEMS[-1].title, "aob", False))
        for position, (title, kind, secret) in enumerate(specs, start=1):
            s.add(
                AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    title=title,
                    kind=kind,
                    confidential=secret,
                )
            )
        return meeting.id


@dataclass
class StrategyGroup:
    """SG with six voting members (quorum 4, chair or vice-chair, NHS and local authority)."""

    people: dict[str, int]
    meeting: int
    next_meeting: int

    def ref(self, name: str) -> str:
        first = next(p for p in SG_PEOPLE if p[0] == name)
        return email(first[0], first[1])


def strategy_group(db: Database) -> StrategyGroup:
    people = {}
    for first, last, org, sector, role in SG_PEOPLE:
        pid = add_person(db, first, last, org, sector)
        add_member(db, "SG", pid, role)
        people[first] = pid
    secretary = add_person(db, "Sophie", "Armitage", "West Yorkshire ICB", "NHS")
    add_member(db, "SG", secretary, "secretariat", voting=False)
    people["Sophie"] = secretary
    approve_rule(db, "SG", count=4, chair=True, sectors=("NHS", "Local authority"))
    first = add_meeting(
        db,
        "SG",
        dt.date(2026, 11, 10),
        ("Training Collaborative", "Budget"),
        confidential=("Commissioning (Part B)",),
    )
    second = add_meeting(db, "SG", dt.date(2027, 2, 9))
    return StrategyGroup(people, first, second)
