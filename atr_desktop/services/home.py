"""What Home shows chairs and the secretariat, gathered in a handful of indexed queries.

Each line names the record it opens (kind and id). Thresholds come from the settings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import OPEN_STATUSES
from atr_desktop.services import settings
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    Action,
    AgendaItem,
    Decision,
    Declaration,
    Group,
    Meeting,
    Minutes,
    Paper,
    Person,
    TorVersion,
)

DECLARATION_WINDOW_DAYS = 30


@dataclass(frozen=True)
class NextMeeting:
    id: int | None
    group_code: str
    group_name: str
    date: dt.date | None
    start_time: dt.time | None
    venue: str
    papers_received: int = 0
    papers_expected: int = 0
    papers_due: dt.date | None = None
    pack_issue: dt.date | None = None
    days_to_papers_due: int | None = None
    days_to_issue: int | None = None


@dataclass(frozen=True)
class ActionLine:
    id: int
    ref: str
    group_code: str
    owner: str
    description: str
    due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class RecordLine:
    """A line naming one record: ``kind`` and ``id`` say what it opens."""

    kind: str
    id: int
    group_code: str
    text: str
    date: dt.date | None


@dataclass(frozen=True)
class HomeData:
    today: dt.date
    next_meetings: list[NextMeeting] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)
    minutes_awaiting_approval: list[RecordLine] = field(default_factory=list)
    decisions_awaiting_ratification: list[RecordLine] = field(default_factory=list)
    tor_reviews: list[RecordLine] = field(default_factory=list)
    declarations_due: list[RecordLine] = field(default_factory=list)


def home(db: Database, today: dt.date | None = None) -> HomeData:
    today = today or dt.date.today()
    values = settings.all_settings(db)
    with db.session() as s:
        return HomeData(
            today=today,
            next_meetings=_next_meetings(s, today, values),
            actions=_actions(s, today, values["action_amber_days"]),
            minutes_awaiting_approval=_minutes(s, today),
            decisions_awaiting_ratification=_ratifications(s),
            tor_reviews=_tor_reviews(s, today, values["tor_review_warning_days"]),
            declarations_due=_declarations(s, today, values["declaration_reconfirm_days"]),
        )


def _next_meetings(s: Session, today: dt.date, values: dict[str, object]) -> list[NextMeeting]:
    first = (
        select(Meeting.group_id, func.min(Meeting.date).label("day"))
        .where(Meeting.date >= today, Meeting.status != "cancelled")
        .group_by(Meeting.group_id)
        .subquery()
    )
    rows = s.execute(
        select(Group, Meeting)
        .outerjoin(first, first.c.group_id == Group.id)
        .outerjoin(
            Meeting,
            and_(
                Meeting.group_id == Group.id,
                Meeting.date == first.c.day,
                Meeting.status != "cancelled",
            ),
        )
        .where(Group.active.is_(True))
        .order_by(Group.id, Meeting.start_time)
    ).all()
    papers_due_days = int(values["papers_due_days"])  # type: ignore[call-overload]
    issue_days = int(values["pack_issue_days"])  # type: ignore[call-overload]
    out: list[NextMeeting] = []
    seen: set[int] = set()
    for group, meeting in rows:
        if group.id in seen:
            continue
        seen.add(group.id)
        if meeting is None:
            out.append(NextMeeting(None, group.code, group.name, None, None, ""))
            continue
        received, expected = s.execute(
            select(
                func.count().filter(Paper.status == "received"),
                func.count(),
            )
            .join(AgendaItem, Paper.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting.id, Paper.status != "withdrawn")
        ).one()
        due = meeting.papers_due or meeting.date - dt.timedelta(days=papers_due_days)
        issue = meeting.pack_issue or meeting.date - dt.timedelta(days=issue_days)
        out.append(
            NextMeeting(
                meeting.id,
                group.code,
                group.name,
                meeting.date,
                meeting.start_time,
                meeting.venue,
                received,
                expected,
                due,
                issue,
                (due - today).days,
                (issue - today).days,
            )
        )
    return out


def owner_name(action: Action, person: Person | None) -> str:
    if person is not None:
        return person.full_name
    return action.owner_text or "No owner"


def _actions(s: Session, today: dt.date, amber_days: int) -> list[ActionLine]:
    due = func.coalesce(Action.revised_due_date, Action.due_date)
    horizon = today + dt.timedelta(days=amber_days)
    rows = s.execute(
        select(Action, Group.code, Person)
        .join(Group, Action.group_id == Group.id)
        .outerjoin(Person, Action.owner_person_id == Person.id)
        .where(Action.status.in_(OPEN_STATUSES), due.is_not(None), due <= horizon)
        .order_by(Group.code, due)
    ).all()
    out = []
    for action, code, person in rows:
        effective = action.revised_due_date or action.due_date
        out.append(
            ActionLine(
                action.id,
                action.ref,
                code,
                owner_name(action, person),
                action.description,
                effective,
                effective is not None and effective < today,
            )
        )
    out.sort(key=lambda a: (not a.overdue, a.group_code, a.owner.casefold(), a.due or today))
    return out


def _minutes(s: Session, today: dt.date) -> list[RecordLine]:
    rows = s.execute(
        select(Minutes, Meeting, Group.code)
        .join(Meeting, Minutes.meeting_id == Meeting.id)
        .join(Group, Meeting.group_id == Group.id)
        .where(Minutes.status == "draft", Meeting.date <= today)
        .order_by(Meeting.date)
    ).all()
    return [
        RecordLine(
            "meeting", meeting.id, code, f"Minutes of {short_date(meeting.date)}", meeting.date
        )
        for _minutes, meeting, code in rows
    ]


def _ratifications(s: Session) -> list[RecordLine]:
    rows = s.execute(
        select(Decision, Group.code)
        .join(Group, Decision.group_id == Group.id)
        .where(
            Decision.needs_ratification.is_(True),
            Decision.ratified_at_meeting_id.is_(None),
            Decision.status == "valid",
        )
        .order_by(Decision.decided_on)
    ).all()
    return [RecordLine("decision", d.id, code, d.text, d.decided_on) for d, code in rows]


def _tor_reviews(s: Session, today: dt.date, warning_days: int) -> list[RecordLine]:
    latest = (
        select(TorVersion.group_id, func.max(TorVersion.version).label("version"))
        .where(TorVersion.status == "approved")
        .group_by(TorVersion.group_id)
        .subquery()
    )
    rows = s.execute(
        select(TorVersion, Group.code)
        .join(
            latest,
            and_(latest.c.group_id == TorVersion.group_id, latest.c.version == TorVersion.version),
        )
        .join(Group, TorVersion.group_id == Group.id)
        .where(
            Group.active.is_(True),
            TorVersion.review_date.is_not(None),
            TorVersion.review_date <= today + dt.timedelta(days=warning_days),
        )
        .order_by(TorVersion.review_date)
    ).all()
    out = []
    for tor, code in rows:
        assert tor.review_date is not None
        state = "overdue" if tor.review_date < today else "due"
        out.append(
            RecordLine("tor", tor.id, code, f"ToR v{tor.version} review {state}", tor.review_date)
        )
    return out


def _declarations(s: Session, today: dt.date, every_days: int) -> list[RecordLine]:
    last = func.coalesce(Declaration.confirmed_on, Declaration.declared_on)
    cutoff = today + dt.timedelta(days=DECLARATION_WINDOW_DAYS) - dt.timedelta(days=every_days)
    rows = s.execute(
        select(Declaration, Person)
        .join(Person, Declaration.person_id == Person.id)
        .where(Declaration.ended_on.is_(None), Person.erased_at.is_(None), or_(last <= cutoff))
        .order_by(last)
    ).all()
    out = []
    for declaration, person in rows:
        confirmed = declaration.confirmed_on or declaration.declared_on
        due = confirmed + dt.timedelta(days=every_days)
        out.append(
            RecordLine("declaration", declaration.id, "", f"{person.full_name}: re-confirm", due)
        )
    return out
