"""Demo declarations of interest (some due for re-confirmation) and approved ToRs for SG,
NET and MNC; the Strategy Group's current ToR falls due for review soon.

Over several years every member declares on joining and re-confirms yearly until they
leave, and each group reviews its ToR every year (a new approved version each time).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from atr_desktop.services import declarations, tor
from atr_desktop.services.demo.people import programme_start
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Declaration, Group, Meeting, Membership, Person

# (person's first name, interest, type, days ago declared)
DECLARATIONS = (
    ("Siân", "Trustee of Forum Central", "non-financial professional", 420),
    ("Zoë", "Spouse employed by Barnardo's", "indirect", 200),
    ("Hannah", "Chief Executive of Forum Central, which receives ATR grant funding",
     "financial", 500),
    ("Marcus", "Barnardo's holds an ATR service contract", "financial", 380),
    ("Tariq", "None", "nil return", 90),
    ("Gareth", "School governor, Leeds primary school", "non-financial personal", 30),
    ("Grace", "Member of the ATR Lived Experience Panel (paid sessional role)", "financial", 370),
    ("Piotr", "None", "nil return", 150),
)  # fmt: skip

COMMON = {
    "declarations": "Members declare any interest at the start of each meeting and on the "
    "register, which is re-confirmed every year. A member with a conflict on an item takes "
    "no part in the decision and may be asked to leave for that item.",
    "decision_making": "Decisions are reached by consensus. Where consensus cannot be "
    "reached, the chair may call a vote of the voting members present; the chair has a "
    "casting vote.",
}

TORS = {
    "SG": {
        "purpose": "To lead the West Yorkshire Adversity, Trauma and Resilience Programme: to "
        "set its strategy, agree its priorities and budget, and hold partners to account for "
        "delivery.",
        "scope": "The whole life course, across the five West Yorkshire places.",
        "membership": "- Director of Public Health (chair)\n- NHS West Yorkshire ICB\n"
        "- Each local authority\n- West Yorkshire Police and the Violence Reduction Unit\n"
        "- Housing, education and youth justice partners\n- Voluntary and community sector\n"
        "- Two lived-experience members",
        "chair": "The chair is a Director of Public Health nominated by the partnership; the "
        "vice-chair is elected by the Group each year.",
        "frequency": "Quarterly, with extraordinary meetings called by the chair.",
        "reporting_line": "The West Yorkshire Health and Care Partnership Board.",
        "quorum": {
            "fraction": "1/2",
            "chair_required": True,
            "sectors": ["NHS", "Local authority"],
        },
    },
    "NET": {
        "purpose": "A practice and learning network for everyone working with children and "
        "young people aged 0 to 25 affected by adversity and trauma.",
        "scope": "Children and young people aged 0 to 25.",
        "membership": "Practitioners and managers from the partner organisations, open to new "
        "members; lived-experience members are paid for their time.",
        "chair": "Chair and vice-chair are elected by the Network for two years.",
        "frequency": "Bi-monthly.",
        "reporting_line": "The ATR Strategy Group.",
        "quorum": {"count": 5, "chair_required": True},
    },
    "MNC": {
        "purpose": "To join up services for adults facing multiple disadvantage.",
        "scope": "Adults aged 18 and over.",
        "membership": "Commissioners and providers of housing, substance use, mental health "
        "and criminal justice services, and lived-experience members.",
        "chair": "Chair and vice-chair are elected by the Consortium.",
        "frequency": "Bi-monthly.",
        "reporting_line": "The ATR Strategy Group.",
        "quorum": {"count": 4, "sectors": ["Housing"]},
    },
}


def _meeting_before(db: Database, code: str, day: dt.date) -> tuple[int | None, dt.date]:
    """The group's last meeting on or before ``day`` (its id and date), else (None, day)."""
    with db.session() as s:
        row = s.execute(
            select(Meeting.id, Meeting.date)
            .join(Group, Group.id == Meeting.group_id)
            .where(Group.code == code, Meeting.date <= day)
            .order_by(Meeting.date.desc())
            .limit(1)
        ).first()
        return (row.id, row.date) if row else (None, day)


def add_governance(
    db: Database, today: dt.date, rng: random.Random, years: int = 1
) -> dict[str, int]:
    with db.session() as s:
        emails = {p.first_name: p.email for p in s.scalars(select(Person))}
    added = 0
    for first, interest, kind, days in DECLARATIONS:
        if first in emails:
            declarations.add_declaration(
                db, str(emails[first]), interest, kind, on=today - dt.timedelta(days=days)
            )
            added += 1
    versions = 0
    if years > 1:
        added += _yearly_declarations(db, today, rng)
    for code, text in TORS.items():
        sections = dict(COMMON, **text)
        if years > 1:
            versions += _yearly_reviews(db, code, sections, today, years)
        if code == "SG":  # an older version, superseded when the current one was approved
            tor.start_draft(db, code, dict(sections, frequency="Every two months."))
            tor.approve(db, code, on=today - dt.timedelta(days=700), by="ATR Strategy Group")
            tor.start_draft(db, code)
            tor.edit_draft(db, code, sections)
            versions += 1
        else:
            tor.start_draft(db, code, sections)
        meeting, approved_on = _meeting_before(
            db, code, today - dt.timedelta(days=330 if code == "SG" else 120)
        )
        review = approved_on + dt.timedelta(days=365)
        tor.edit_draft(db, code, {"review_date": review})
        tor.approve(db, code, meeting=meeting, on=approved_on, by=f"{code} members")
        versions += 1
    return {"declarations": added, "ToR versions": versions}


INTERESTS = (
    ("None", "nil return"),
    ("None", "nil return"),
    ("None", "nil return"),
    ("Trustee of a local charity working with young people", "non-financial professional"),
    ("Partner works for a partner organisation", "indirect"),
    ("Shareholding in a training company", "financial"),
    ("Governor of a local school", "non-financial personal"),
)

REVIEW_CHANGES = (
    "The lived-experience seats were confirmed.",
    "The reporting line was confirmed.",
    "Deputies may attend with voting rights.",
    "Papers are circulated a week before each meeting.",
    "Members re-confirm declarations every year.",
)


def _yearly_declarations(db: Database, today: dt.date, rng: random.Random) -> int:
    """Each membership's declaration on joining, re-confirmed yearly until the member left."""
    with db.session() as s:
        rows = s.execute(
            select(Membership.person_id, Membership.start_date, Membership.end_date)
            .where(Membership.role != "secretariat")
            .order_by(Membership.id)
        ).all()
        added = 0
        for person_id, start, end in rows:
            if start > today - dt.timedelta(days=365):
                continue  # the current year's declarations come from DECLARATIONS
            interest, kind = rng.choice(INTERESTS)
            last = min(end or today, today)
            years_in = (last - start).days // 365
            s.add(
                Declaration(
                    person_id=person_id,
                    interest=interest,
                    kind=kind,
                    declared_on=start,
                    confirmed_on=start + dt.timedelta(days=365 * years_in) if years_in else None,
                    ended_on=end,
                )
            )
            added += 1
    return added


def _yearly_reviews(
    db: Database, code: str, sections: Mapping[str, Any], today: dt.date, years: int
) -> int:
    """A ToR reviewed at each year's last meeting (to March) from the programme's start until
    the current versions."""
    recent = today - dt.timedelta(days=700 if code == "SG" else 365)
    count = 0
    for year in range(programme_start(today, years).year, recent.year):
        meeting, on = _meeting_before(db, code, dt.date(year + 1, 3, 31))  # year's last
        if meeting is None:
            continue
        change = REVIEW_CHANGES[count % len(REVIEW_CHANGES)]
        tor.start_draft(db, code, dict(sections, scope=f"{sections['scope']} {change}"))
        tor.edit_draft(db, code, {"review_date": on + dt.timedelta(days=365)})
        tor.approve(db, code, meeting=meeting, on=on, by=f"{code} members")
        count += 1
    return count
