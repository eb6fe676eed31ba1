"""What Home shows chairs and the secretariat, gathered in a handful of indexed queries.

Each line names the record it opens (kind and id). Thresholds come from the settings.
Each section holds its first ``LINES`` lines and, in ``totals``, how many there are in all:
a decade's log can have 42,000 overdue actions, and Home says "and 41,988 more" rather
than reading them. The number of statements is the same whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import short_date
from atr_desktop.services import settings
from atr_desktop.services.actions import open_action
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
LINES = 12


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
    # Lines in all, per section (named as the fields above); the lists hold the first LINES.
    totals: dict[str, int] = field(default_factory=dict)
    overdue_actions: int = 0
    action_days: int = 0  # the actions section: open, overdue or due within this many days

    def more(self, section: str) -> int:
        """How many lines of ``section`` are not in its list."""
        return self.totals.get(section, 0) - len(getattr(self, section))


def home(db: Database, today: dt.date | None = None, lines: int = LINES) -> HomeData:
    today = today or dt.date.today()
    values = settings.all_settings(db)
    totals: dict[str, int] = {}
    with db.session() as s:
        actions, totals["actions"], overdue = _actions(s, today, values["action_amber_days"], lines)
        sections = {
            "minutes_awaiting_approval": _minutes(today),
            "decisions_awaiting_ratification": _ratifications(),
            "tor_reviews": _tor_reviews(today, values["tor_review_warning_days"]),
            "declarations_due": _declarations(today, values["declaration_reconfirm_days"]),
        }
        found: dict[str, list[RecordLine]] = {}
        for name, (query, to_line) in sections.items():
            totals[name] = s.scalar(select(func.count()).select_from(query.subquery())) or 0
            found[name] = [to_line(row) for row in s.execute(query.limit(lines))]
        return HomeData(
            today=today,
            next_meetings=_next_meetings(s, today, values),
            actions=actions,
            totals=totals,
            overdue_actions=overdue,
            action_days=int(values["action_amber_days"]),
            **found,
        )


Section = tuple[Select[*tuple[Any, ...]], Callable[[Any], RecordLine]]


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
    meeting_ids = [m.id for _g, m in rows if m is not None]
    papers = {
        meeting_id: (received, expected)
        for meeting_id, received, expected in s.execute(
            select(
                AgendaItem.meeting_id,
                func.count().filter(Paper.status == "received"),
                func.count(),
            )
            .join(AgendaItem, Paper.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id.in_(meeting_ids), Paper.status != "withdrawn")
            .group_by(AgendaItem.meeting_id)
        )
    }
    out: list[NextMeeting] = []
    seen: set[int] = set()
    for group, meeting in rows:
        if group.id in seen:
            continue
        seen.add(group.id)
        if meeting is None:
            out.append(NextMeeting(None, group.code, group.name, None, None, ""))
            continue
        received, expected = papers.get(meeting.id, (0, 0))
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


def _actions(
    s: Session, today: dt.date, amber_days: int, lines: int
) -> tuple[list[ActionLine], int, int]:
    """The first ``lines`` open actions due by the amber horizon, soonest due first (so
    the longest overdue lead), how many there are, and how many of them are overdue.

    Both queries run on the open-actions-by-due index (migration 0005): a range of it,
    and its first ``lines`` entries, whatever the size of the log.
    """
    due = func.coalesce(Action.revised_due_date, Action.due_date)
    horizon = today + dt.timedelta(days=amber_days)
    where = (open_action(), due <= horizon)  # a date compared is never null

    def counted(*conditions: Any) -> Any:  # an index range, read from the index only
        return select(func.count()).select_from(Action).where(*conditions).scalar_subquery()

    # The overdue range is the long one; the lines due soon are a few weeks' worth, so the
    # total is their sum rather than a second count over every overdue entry.
    overdue, soon = s.execute(
        select(
            counted(open_action(), due < today),
            counted(open_action(), due >= today, due <= horizon),
        )
    ).one()
    total = overdue + soon
    owner = func.coalesce(
        Person.first_name + " " + Person.last_name, func.nullif(Action.owner_text, ""), "No owner"
    )
    rows = s.execute(
        select(Action.id, Action.ref, Group.code, owner, Action.description, due)
        .join(Group, Action.group_id == Group.id)
        .outerjoin(Person, Action.owner_person_id == Person.id)
        .where(*where)
        .order_by(due, Action.ref)
        .limit(lines)
    ).all()
    return [ActionLine(*row, row[5] < today) for row in rows], total, overdue


def _minutes(today: dt.date) -> Section:
    query = (
        select(Meeting.id, Meeting.date, Group.code)
        .join(Minutes, Minutes.meeting_id == Meeting.id)
        .join(Group, Meeting.group_id == Group.id)
        .where(Minutes.status == "draft", Meeting.date <= today)
        .order_by(Meeting.date)
    )
    return query, lambda r: RecordLine(
        "meeting", r.id, r.code, f"Minutes of {short_date(r.date)}", r.date
    )


def _ratifications() -> Section:
    query = (
        select(Decision.id, Decision.text, Decision.decided_on, Group.code)
        .join(Group, Decision.group_id == Group.id)
        .where(
            Decision.needs_ratification.is_(True),
            Decision.ratified_at_meeting_id.is_(None),
            Decision.status == "valid",
        )
        .order_by(Decision.decided_on)
    )
    return query, lambda r: RecordLine("decision", r.id, r.code, r.text, r.decided_on)


def _tor_reviews(today: dt.date, warning_days: int) -> Section:
    latest = (
        select(TorVersion.group_id, func.max(TorVersion.version).label("version"))
        .where(TorVersion.status == "approved")
        .group_by(TorVersion.group_id)
        .subquery()
    )
    query = (
        select(TorVersion.id, TorVersion.version, TorVersion.review_date, Group.code)
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
    )

    def line(r: Any) -> RecordLine:
        state = "overdue" if r.review_date < today else "due"
        text = f"ToR v{r.version} review {state}"
        return RecordLine("tor", r.id, r.code, text, r.review_date)

    return query, line


def _declarations(today: dt.date, every_days: int) -> Section:
    last = func.coalesce(Declaration.confirmed_on, Declaration.declared_on)
    cutoff = today + dt.timedelta(days=DECLARATION_WINDOW_DAYS) - dt.timedelta(days=every_days)
    query = (
        select(Declaration.id, last.label("confirmed"), Person.first_name, Person.last_name)
        .join(Person, Declaration.person_id == Person.id)
        .where(Declaration.ended_on.is_(None), Person.erased_at.is_(None), or_(last <= cutoff))
        .order_by(last)
    )

    def line(r: Any) -> RecordLine:
        name = " ".join(p for p in (r.first_name, r.last_name) if p)
        due = r.confirmed + dt.timedelta(days=every_days)
        return RecordLine("declaration", r.id, "", f"{name}: re-confirm", due)

    return query, line
