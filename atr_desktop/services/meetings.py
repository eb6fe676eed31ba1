"""Meetings: schedule one or a series in one step, list, show, edit and cancel.

A new meeting gets its group's standing items and any forward-plan items due for it.
Editing one meeting of a series leaves the others alone. A change to what a calendar shows
(date, times, venue, link, status) bumps ``ics_sequence`` so a re-sent invite updates.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain import schedule
from atr_desktop.domain.dates import long_date, meeting_date_doubts
from atr_desktop.domain.kinds import MeetingStatus
from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.services import audit, settings, versions
from atr_desktop.services.groups import find_group
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Meeting, MeetingSeries

STATUSES = ("planned", "papers_issued", "held", "cancelled")
STATUS_LABELS = {
    "planned": "Planned",
    "papers_issued": "Papers issued",
    "held": "Held",
    "cancelled": "Cancelled",
}


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    ref: str
    group_code: str
    group_name: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time | None
    venue: str
    online_link: str
    status: str
    cancel_reason: str
    papers_due: dt.date
    pack_issue: dt.date
    series_id: int | None
    uid: str
    ics_sequence: int
    notes: str
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)


@dataclass
class MeetingInput:
    """What the user gives when scheduling; ``repeat``/``count`` make a series."""

    group: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time | None = None
    venue: str = ""
    online_link: str = ""
    repeat: str = ""
    count: int = 1
    skip_months: list[int] = field(default_factory=list)
    moves: dict[dt.date, dt.date] = field(default_factory=dict)
    notes: str = ""


@dataclass(frozen=True)
class Deadlines:
    papers_due_days: int
    pack_issue_days: int


def deadlines(db: Database) -> Deadlines:
    values = settings.all_settings(db)
    return Deadlines(int(values["papers_due_days"]), int(values["pack_issue_days"]))


def info(meeting: Meeting, group: Group, rules: Deadlines) -> MeetingInfo:
    return MeetingInfo(
        id=meeting.id,
        ref=f"{group.code}:{meeting.date.isoformat()}",
        group_code=group.code,
        group_name=group.name,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        venue=meeting.venue,
        online_link=meeting.online_link,
        status=meeting.status,
        cancel_reason=meeting.cancel_reason,
        papers_due=meeting.papers_due or schedule.offset_date(meeting.date, rules.papers_due_days),
        pack_issue=meeting.pack_issue or schedule.offset_date(meeting.date, rules.pack_issue_days),
        series_id=meeting.series_id,
        uid=meeting.uid,
        ics_sequence=meeting.ics_sequence,
        notes=meeting.notes,
        row_version=meeting.row_version,
    )


def _check_times(start: dt.time, end: dt.time | None) -> None:
    if end is not None and end <= start:
        raise UserError("A meeting must end after it starts: check the start and end times.")


def date_questions(dates: list[dt.date], today: dt.date | None = None) -> list[str]:
    """What to ask about meeting dates that are likely slips: a weekend, a bank holiday
    (England and Wales), more than a year past or five years ahead; every such date of a
    series is named."""
    today = today or dt.date.today()
    return [text for day in dates for text in meeting_date_doubts(day, today)]


def check_dates(dates: list[dt.date], confirmed: bool) -> None:
    if not confirmed and (doubts := date_questions(dates)):
        raise NeedsConfirmation(doubts)


def planned_dates(data: MeetingInput) -> list[dt.date]:
    """The dates ``data`` would schedule: one, or the whole series."""
    if not data.repeat:
        return [data.date]
    try:
        return schedule.series_dates(
            data.date,
            schedule.parse_rule(data.repeat),
            data.count,
            schedule.Exceptions(frozenset(data.skip_months), dict(data.moves)),
        )
    except ValueError as exc:
        raise UserError(str(exc)) from None


def new_uid() -> str:
    return f"{uuid.uuid4()}@atr-desktop"


def schedule_meetings(
    db: Database, data: MeetingInput, confirmed: bool = False
) -> list[MeetingInfo]:
    """Add one meeting, or a whole series when ``repeat`` is given, in one unit of work.

    Dates worth a second look raise :class:`NeedsConfirmation` unless ``confirmed``.
    """
    from atr_desktop.services import agenda
    from atr_desktop.services.forward_plan import sync_tor_reviews

    _check_times(data.start_time, data.end_time)
    dates = planned_dates(data)
    rule = schedule.parse_rule(data.repeat) if data.repeat else None
    check_dates(dates, confirmed)
    rules = deadlines(db)
    warning = int(settings.get(db, "tor_review_warning_days"))
    with db.session() as s:
        group = find_group(s, data.group)
        if not group.active:
            raise UserError(f"{group.name} is closed: reopen it before scheduling meetings.")
        sync_tor_reviews(s, group.id, warning)
        _check_free(s, group, dates, None)
        series_id = None
        if rule is not None and len(dates) > 1:
            series = MeetingSeries(
                group_id=group.id,
                rule=_rule_text(rule, data),
                uid=new_uid(),
            )
            s.add(series)
            s.flush()
            series_id = series.id
        made = []
        for day in dates:
            meeting = Meeting(
                group_id=group.id,
                series_id=series_id,
                date=day,
                start_time=data.start_time,
                end_time=data.end_time,
                venue=data.venue.strip(),
                online_link=data.online_link.strip(),
                status="planned",
                uid=new_uid(),
                ics_sequence=0,
                notes=data.notes.strip(),
            )
            s.add(meeting)
            s.flush()
            agenda.apply_standing_items(s, meeting)
            agenda.pull_forward_plan(s, meeting)
            made.append(meeting)
        audit.record(s, "meeting", made[0].id, "scheduled", f"{group.code}: {len(made)} meeting(s)")
        return [info(m, group, rules) for m in made]


def _check_free(
    session: Session, group: Group, dates: list[dt.date], meeting_id: int | None
) -> None:
    """One meeting per group per day, so 'CODE:YYYY-MM-DD' always names one meeting."""
    clash = session.scalar(
        select(Meeting.date)
        .where(
            Meeting.group_id == group.id,
            Meeting.date.in_(dates),
            Meeting.status != "cancelled",
            Meeting.id != (meeting_id or 0),
        )
        .limit(1)
    )
    if clash is not None:
        raise UserError(
            f"{group.code} already has a meeting on {long_date(clash)}: edit that meeting, or "
            "choose another date."
        )


def _rule_text(rule: schedule.Rule, data: MeetingInput) -> str:
    parts = [rule.describe(), f"{data.count} meetings from {data.date.isoformat()}"]
    if data.skip_months:
        parts.append("skipping months " + ",".join(str(m) for m in sorted(data.skip_months)))
    for old, new in data.moves.items():
        parts.append(f"{old.isoformat()} moved to {new.isoformat()}")
    return "; ".join(parts)


def list_meetings(
    db: Database,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[MeetingInfo]:
    rules = deadlines(db)
    with db.session() as s:
        query = select(Meeting, Group).join(Group, Meeting.group_id == Group.id)
        if group:
            query = query.where(Meeting.group_id == find_group(s, group).id)
        if since:
            query = query.where(Meeting.date >= since)
        if until:
            query = query.where(Meeting.date <= until)
        query = query.order_by(Meeting.date, Meeting.start_time, Meeting.id)
        return [info(m, g, rules) for m, g in s.execute(query).all()]


def get_meeting(db: Database, ref: str | int) -> MeetingInfo:
    rules = deadlines(db)
    with db.session() as s:
        meeting = find_meeting(s, ref)
        return info(meeting, s.get_one(Group, meeting.group_id), rules)


@dataclass
class MeetingChanges:
    """Fields to change; None leaves a field as it is."""

    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    clear_end: bool = False
    venue: str | None = None
    online_link: str | None = None
    status: str | None = None
    papers_due: dt.date | None = None
    pack_issue: dt.date | None = None
    notes: str | None = None


def edit_meeting(
    db: Database,
    ref: str | int,
    changes: MeetingChanges,
    confirmed: bool = False,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Change one meeting; a new date worth a second look needs ``confirmed``.
    ``expected_version``: the row_version the caller read (services/versions.py)."""
    rules = deadlines(db)
    with db.session() as s:
        meeting = find_meeting(s, ref)
        versions.check(s, meeting, expected_version, "meeting")
        if changes.date is not None and changes.date != meeting.date:
            check_dates([changes.date], confirmed)
        before = (
            meeting.date,
            meeting.start_time,
            meeting.end_time,
            meeting.venue,
            meeting.online_link,
            meeting.status,
        )
        if changes.status is not None and changes.status not in STATUSES:
            raise UserError(
                f"'{changes.status}' is not a meeting status: use one of {', '.join(STATUSES)}."
            )
        if changes.status == "cancelled":
            raise UserError("To cancel a meeting use Cancel, which records the reason.")
        for name in ("date", "start_time", "end_time", "venue", "online_link", "status"):
            value = getattr(changes, name)
            if value is not None:
                setattr(meeting, name, value.strip() if isinstance(value, str) else value)
        if changes.clear_end:
            meeting.end_time = None
        if changes.date is not None:
            _check_free(s, s.get_one(Group, meeting.group_id), [meeting.date], meeting.id)
        if changes.status and meeting.cancel_reason and changes.status != "cancelled":
            meeting.cancel_reason = ""
        if changes.papers_due is not None:
            meeting.papers_due = changes.papers_due
        if changes.pack_issue is not None:
            meeting.pack_issue = changes.pack_issue
        if changes.notes is not None:
            meeting.notes = changes.notes
        _check_times(meeting.start_time, meeting.end_time)
        after = (
            meeting.date,
            meeting.start_time,
            meeting.end_time,
            meeting.venue,
            meeting.online_link,
            meeting.status,
        )
        if after != before:
            meeting.ics_sequence += 1
        group = s.get_one(Group, meeting.group_id)
        audit.record(s, "meeting", meeting.id, "edited", f"{group.code}:{meeting.date}")
        s.flush()
        return info(meeting, group, rules)


def cancel_meeting(
    db: Database, ref: str | int, reason: str = "", expected_version: int | None = None
) -> MeetingInfo:
    """Cancel a meeting: it stays on record, and its invite becomes a cancellation.
    ``expected_version``: the row_version the caller read (services/versions.py)."""
    rules = deadlines(db)
    with db.session() as s:
        meeting = find_meeting(s, ref)
        versions.check(s, meeting, expected_version, "meeting")
        if meeting.status == "cancelled":
            raise UserError(f"The meeting of {long_date(meeting.date)} is already cancelled.")
        if meeting.status == "held":
            raise UserError(
                f"The meeting of {long_date(meeting.date)} has been held and cannot be cancelled."
            )
        meeting.status = MeetingStatus.CANCELLED
        meeting.cancel_reason = reason.strip()
        meeting.ics_sequence += 1
        audit.record(s, "meeting", meeting.id, "cancelled", reason.strip())
        s.flush()
        return info(meeting, s.get_one(Group, meeting.group_id), rules)


def next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The group's next meeting after this one that is not cancelled."""
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.group_id == meeting.group_id,
            Meeting.date > meeting.date,
            Meeting.status != "cancelled",
        )
        .order_by(Meeting.date, Meeting.start_time)
        .limit(1)
    )


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The group's last meeting before this one that was not cancelled (its minutes are the
    ones this meeting approves; the agenda copies from it)."""
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.group_id == meeting.group_id,
            Meeting.date < meeting.date,
            Meeting.status != "cancelled",
        )
        .order_by(Meeting.date.desc(), Meeting.start_time.desc())
        .limit(1)
    )
