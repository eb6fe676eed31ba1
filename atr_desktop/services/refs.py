"""Resolving the references users type (CLI.md): meetings, people, agenda items.

A meeting is its id or 'CODE:YYYY-MM-DD'; a person their email or id; an agenda item its
current number within a meeting ('3', '2.1') or its id. Each miss is a NotFound that says
what exists.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from atr_desktop.domain.agenda import ItemPosition, item_numbers
from atr_desktop.domain.dates import parse_iso_date
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services.groups import find_group
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Meeting, MinuteEntry, Paper, Person


def find_meeting(session: Session, ref: str | int) -> Meeting:
    """A meeting by id or by 'CODE:YYYY-MM-DD' (the group's meeting that day)."""
    text = str(ref).strip()
    if text.isdigit():
        meeting = session.get(Meeting, int(text))
        if meeting is None:
            raise NotFound(f"There is no meeting with id {text}: 'meetings list' shows them.")
        return meeting
    if ":" not in text:
        raise UserError(
            f"'{text}' is not a meeting reference: use its id or GROUP:YYYY-MM-DD, "
            "for example SG:2027-02-09."
        )
    code, _, day_text = text.partition(":")
    group = find_group(session, code)
    try:
        day = parse_iso_date(day_text)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    meetings = session.scalars(
        select(Meeting).where(Meeting.group_id == group.id, Meeting.date == day)
    ).all()
    if not meetings:
        raise NotFound(
            f"{group.name} has no meeting on {day.isoformat()}: 'meetings list --group "
            f"{group.code}' shows its dates."
        )
    if len(meetings) > 1:
        ids = ", ".join(str(m.id) for m in meetings)
        raise UserError(f"{group.code} has more than one meeting that day: use an id ({ids}).")
    return meetings[0]


def find_person(session: Session, ref: str | int) -> Person:
    """A person by email (case-insensitive) or id."""
    text = str(ref).strip()
    person: Person | None = None
    if text.isdigit():
        person = session.get(Person, int(text))
    elif "@" in text:
        person = session.scalar(select(Person).where(func.lower(Person.email) == text.lower()))
    if person is None:
        raise NotFound(f"There is no person '{text}': use their email address or id.")
    return person


def meeting_item_numbers(session: Session, meeting_id: int) -> dict[int, str]:
    """Every agenda item of a meeting: id -> its current number."""
    rows = session.execute(
        select(AgendaItem.id, AgendaItem.parent_id, AgendaItem.position).where(
            AgendaItem.meeting_id == meeting_id
        )
    ).all()
    return item_numbers([ItemPosition(r.id, r.parent_id, r.position) for r in rows])


def item_numbers_of(session: Session, meeting_ids: set[int]) -> dict[int, str]:
    """Agenda item id -> its current number, for every item of the meetings: one query."""
    rows = session.execute(
        select(
            AgendaItem.meeting_id, AgendaItem.id, AgendaItem.parent_id, AgendaItem.position
        ).where(AgendaItem.meeting_id.in_(meeting_ids))
    ).all()
    by_meeting: dict[int, list[ItemPosition]] = {}
    for meeting_id, item_id, parent_id, position in rows:
        by_meeting.setdefault(meeting_id, []).append(ItemPosition(item_id, parent_id, position))
    numbers: dict[int, str] = {}
    for positions in by_meeting.values():
        numbers.update(item_numbers(positions))
    return numbers


def find_item(session: Session, meeting: Meeting, ref: str | int) -> AgendaItem:
    """An agenda item of ``meeting`` by its number ('2.1') or its id."""
    text = str(ref).strip()
    numbers = meeting_item_numbers(session, meeting.id)
    by_number = {number: item_id for item_id, number in numbers.items()}
    item_id = by_number.get(text)
    if item_id is None and text.isdigit() and int(text) in numbers:
        item_id = int(text)  # not a current number, but the id of one of its items
    if item_id is None:
        shown = ", ".join(sorted(by_number, key=_number_key)) or "none yet"
        raise NotFound(
            f"The meeting of {meeting.date.isoformat()} has no item '{text}': its items are "
            f"{shown}."
        )
    item = session.get(AgendaItem, item_id)
    assert item is not None
    return item


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def meeting_label(meeting: Meeting, code: str) -> str:
    """'SG:2027-02-09', the reference users type."""
    return f"{code}:{meeting.date.isoformat()}"


def meeting_of_record(db: Database, kind: str, record_id: int) -> tuple[int | None, int | None]:
    """(meeting id, agenda item id) that a meeting, item, minutes entry or paper belongs to."""
    with db.session() as s:
        if kind == "meeting":
            return (record_id if s.get(Meeting, record_id) else None), None
        item_id: int | None = None
        if kind == "item":
            item_id = record_id
        elif kind == "minutes":
            entry = s.get(MinuteEntry, record_id)
            item_id = entry.agenda_item_id if entry else None
        elif kind == "paper":
            paper = s.get(Paper, record_id)
            item_id = paper.agenda_item_id if paper else None
        item = s.get(AgendaItem, item_id) if item_id else None
        return (item.meeting_id, item.id) if item else (None, None)
