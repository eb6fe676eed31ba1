"""Agendas: items and sub-items, numbered and timed from their order; standing items,
the forward plan, reordering, copying from the previous meeting.

Order is kept as ``position`` among siblings; any other-business (kind 'aob') is always
last. Times run on through items and sub-items in order: a parent's own minutes (often
an introduction, or 0) come before its sub-items.
Papers are lettered A, B, C... in agenda order until the agenda is issued, then keep
their letters (domain.paper_refs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from atr_desktop.domain.agenda import Purpose, part_b_ids, start_times
from atr_desktop.domain.marking import exemption_problem
from atr_desktop.domain.paper_refs import assign_letters
from atr_desktop.errors import UserError
from atr_desktop.services import audit, versions
from atr_desktop.services.refs import find_item, find_meeting, meeting_item_numbers
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    Paper,
    StandingItem,
)

PURPOSES = tuple(p.value for p in Purpose)


@dataclass(frozen=True)
class AgendaRow:
    id: int
    number: str
    level: int
    parent_id: int | None
    title: str
    lead: str
    purpose: str
    minutes: int
    start: dt.time
    has_papers: bool
    confidential: bool
    kind: str
    deferred: bool
    papers: tuple[str, ...]
    exemption: str = ""
    exemption_note: str = ""
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)

    @property
    def paper_text(self) -> str:
        return ", ".join(self.papers) if self.papers else ("Paper" if self.has_papers else "Verbal")


@dataclass
class ItemInput:
    title: str
    lead: str = ""
    purpose: str = ""
    minutes: int = 10
    confidential: bool = False
    has_papers: bool = False
    exemption: str = ""  # why a Part B item is exempt: domain.marking.EXEMPTIONS
    exemption_note: str = ""


def ordered_items(session: Session, meeting_id: int) -> list[tuple[AgendaItem, int]]:
    """Items depth-first in agenda order, with their level (0 top, 1 sub-item ...); their
    papers and files are loaded with them (three queries, however long the agenda)."""
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .options(selectinload(AgendaItem.papers).selectinload(Paper.files))
    ).all()
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    out: list[tuple[AgendaItem, int]] = []

    def walk(parent: int | None, level: int) -> None:
        for item in sorted(children.get(parent, []), key=lambda i: (i.position, i.id)):
            out.append((item, level))
            walk(item.id, level + 1)

    walk(None, 0)
    return out


def part_b(rows: list[AgendaRow]) -> set[int]:
    """The ids of the rows that are Part B, by their own flag or a parent's."""
    return part_b_ids({r.id: r.parent_id for r in rows}, {r.id for r in rows if r.confidential})


def rows_for(session: Session, meeting: Meeting) -> list[AgendaRow]:
    ordered = ordered_items(session, meeting.id)
    numbers = meeting_item_numbers(session, meeting.id)
    times = start_times(meeting.start_time, [item.minutes_allotted for item, _ in ordered])
    assigned = assign_letters(
        (paper.id, paper.letter, paper.status == "withdrawn")
        for item, _ in ordered
        for paper in item.papers
    )
    letters: dict[int, list[str]] = {}
    for item, _ in ordered:
        for paper in item.papers:
            if paper.status != "withdrawn" and paper.id in assigned:
                letters.setdefault(item.id, []).append(assigned[paper.id])
    return [
        AgendaRow(
            id=item.id,
            number=numbers[item.id],
            level=level,
            parent_id=item.parent_id,
            title=item.title,
            lead=item.lead,
            purpose=item.purpose,
            minutes=item.minutes_allotted,
            start=start,
            has_papers=item.has_papers,
            confidential=item.confidential,
            kind=item.kind,
            deferred=item.deferred,
            papers=tuple(letters.get(item.id, ())),
            exemption=item.exemption,
            exemption_note=item.exemption_note,
            row_version=item.row_version,
        )
        for (item, level), start in zip(ordered, times, strict=True)
    ]


def agenda(db: Database, meeting_ref: str | int) -> list[AgendaRow]:
    with db.session() as s:
        return rows_for(s, find_meeting(s, meeting_ref))


def _siblings(session: Session, meeting_id: int, parent_id: int | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    query = query.where(
        AgendaItem.parent_id.is_(None) if parent_id is None else AgendaItem.parent_id == parent_id
    )
    return sorted(session.scalars(query).all(), key=lambda i: (i.position, i.id))


def _renumber(items: list[AgendaItem]) -> None:
    """Positions 0..n in list order, any other business moved to the end."""
    ordered = [i for i in items if i.kind != "aob"] + [i for i in items if i.kind == "aob"]
    for position, item in enumerate(ordered):
        item.position = position


def _check_purpose(purpose: str) -> str:
    purpose = purpose.strip().lower()
    if purpose.startswith("for "):
        purpose = purpose[4:]
    if purpose and purpose not in PURPOSES:
        raise UserError(f"'{purpose}' is not a purpose: use one of {', '.join(PURPOSES)}.")
    return purpose


def _check_input(data: ItemInput) -> None:
    if not data.title.strip():
        raise UserError("An agenda item needs a title.")
    if data.minutes < 0 or data.minutes > 600:
        raise UserError("Minutes allotted must be between 0 and 600.")
    data.exemption = data.exemption.strip().lower()
    if not data.confidential:
        data.exemption, data.exemption_note = "", ""
    elif data.exemption != "other":
        data.exemption_note = ""
    problem = exemption_problem(data.exemption, data.exemption_note)
    if problem:
        raise UserError(problem)


def apply_standing_items(session: Session, meeting: Meeting) -> None:
    """Give a meeting with no items its group's standing items."""
    if session.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)):
        return
    standing = session.scalars(
        select(StandingItem)
        .where(StandingItem.group_id == meeting.group_id)
        .order_by(StandingItem.position)
    ).all()
    for position, spec in enumerate(standing):
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=spec.title,
                lead=spec.lead,
                purpose=spec.purpose,
                minutes_allotted=spec.minutes,
                has_papers=spec.has_papers,
                kind=spec.kind,
            )
        )
    session.flush()
    _renumber(_siblings(session, meeting.id, None))


def pull_forward_plan(session: Session, meeting: Meeting) -> int:
    """Put on this agenda the forward-plan items due for it (dated on or before the
    meeting, or 'next meeting') that are not on an agenda yet; returns how many."""
    if meeting.status == "cancelled":
        return 0
    placed = select(AgendaItem.forward_plan_id).where(AgendaItem.forward_plan_id.is_not(None))
    due = session.scalars(
        select(ForwardPlanItem)
        .where(
            ForwardPlanItem.group_id == meeting.group_id,
            ForwardPlanItem.withdrawn_reason == "",
            ForwardPlanItem.id.not_in(placed),
            (ForwardPlanItem.target_date.is_(None)) | (ForwardPlanItem.target_date <= meeting.date),
        )
        .order_by(ForwardPlanItem.target_date, ForwardPlanItem.id)
    ).all()
    top = _siblings(session, meeting.id, None)
    for fp in due:
        item = AgendaItem(
            meeting_id=meeting.id,
            position=len(top),
            title=fp.title,
            lead=fp.lead,
            purpose=fp.purpose,
            minutes_allotted=15,
            has_papers=True,
            forward_plan_id=fp.id,
        )
        session.add(item)
        top.append(item)
    session.flush()
    _renumber(top)
    return len(due)


def build_agenda(db: Database, meeting_ref: str | int) -> tuple[list[AgendaRow], int]:
    """Standing items (if the agenda is empty) and the forward plan items due; returns the
    agenda and how many forward-plan items were added."""
    from atr_desktop.services import settings
    from atr_desktop.services.forward_plan import sync_tor_reviews

    warning = int(settings.get(db, "tor_review_warning_days"))
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        sync_tor_reviews(s, meeting.group_id, warning)
        apply_standing_items(s, meeting)
        added = pull_forward_plan(s, meeting)
        return rows_for(s, meeting), added


def _editable(meeting: Meeting) -> None:
    if meeting.status in ("held", "cancelled"):
        raise UserError(
            f"The meeting of {meeting.date.isoformat()} is {meeting.status}: its agenda "
            "cannot be changed."
        )


def add_item(
    db: Database, meeting_ref: str | int, data: ItemInput, under: str | None = None
) -> AgendaRow:
    """Add an item before any other business, or a sub-item at the end of ``under``."""
    _check_input(data)
    purpose = _check_purpose(data.purpose)
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        _editable(meeting)
        parent = find_item(s, meeting, under) if under else None
        if parent is not None and parent.kind == "aob":
            raise UserError("Items cannot go under any other business: add them as items.")
        siblings = _siblings(s, meeting.id, parent.id if parent else None)
        item = AgendaItem(
            meeting_id=meeting.id,
            parent_id=parent.id if parent else None,
            position=len(siblings),
            title=data.title.strip(),
            lead=data.lead.strip(),
            purpose=purpose,
            minutes_allotted=data.minutes,
            confidential=data.confidential,
            has_papers=data.has_papers,
            exemption=data.exemption,
            exemption_note=data.exemption_note.strip(),
        )
        s.add(item)
        s.flush()
        _renumber([*siblings, item])
        s.flush()
        return _row(s, meeting, item.id)


def _row(session: Session, meeting: Meeting, item_id: int) -> AgendaRow:
    return next(r for r in rows_for(session, meeting) if r.id == item_id)


def get_item(db: Database, item_id: int) -> AgendaRow:
    """One agenda item as the editor shows it (a dialog's Reload)."""
    with db.session() as s:
        item = _get_item(s, item_id)
        return _row(s, s.get_one(Meeting, item.meeting_id), item.id)


def update_item(
    db: Database, item_id: int, data: ItemInput, expected_version: int | None = None
) -> AgendaRow:
    """Save an item's details; ``expected_version``: the row_version the caller read
    (services/versions.py)."""
    _check_input(data)
    purpose = _check_purpose(data.purpose)
    with db.session() as s:
        item = _get_item(s, item_id)
        versions.check(s, item, expected_version, "agenda_item", "agenda item")
        meeting = s.get_one(Meeting, item.meeting_id)
        _editable(meeting)
        item.title = data.title.strip()
        item.lead = data.lead.strip()
        item.purpose = purpose
        item.minutes_allotted = data.minutes
        item.confidential = data.confidential
        item.exemption = data.exemption
        item.exemption_note = data.exemption_note.strip()
        item.has_papers = data.has_papers or bool(item.papers)
        audit.record(s, "agenda_item", item.id, "edited", item.title[:200])
        s.flush()
        return _row(s, meeting, item.id)


def _get_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise UserError("That agenda item no longer exists: refresh the agenda.")
    return item


def remove_item(db: Database, item_id: int) -> None:
    """Delete an item (and its sub-items) from a draft agenda; never one with papers."""
    with db.session() as s:
        item = _get_item(s, item_id)
        meeting = s.get_one(Meeting, item.meeting_id)
        if meeting.status != "planned":
            raise UserError(
                "Items can be deleted only while the agenda is a draft (before papers are "
                "issued): mark it deferred or withdraw its papers instead."
            )
        doomed = [item]
        index = 0
        while index < len(doomed):
            doomed.extend(
                s.scalars(select(AgendaItem).where(AgendaItem.parent_id == doomed[index].id))
            )
            index += 1
        if s.scalar(select(Paper.id).where(Paper.agenda_item_id.in_([d.id for d in doomed]))):
            raise UserError(
                f"'{item.title}' has papers: move or withdraw them before deleting the item."
            )
        parent_id = item.parent_id
        for victim in reversed(doomed):  # sub-items first: the parent link is a foreign key
            s.delete(victim)
            s.flush()
        _renumber(_siblings(s, meeting.id, parent_id))


def move_item(db: Database, meeting_ref: str | int, item_ref: str, to_number: str) -> AgendaRow:
    """Move an item so that it becomes number ``to_number`` ('4', or '2.1' to make it a
    sub-item of 2); the numbers and times of the rest follow."""
    parts = to_number.strip().split(".")
    if not all(p.isdigit() and int(p) > 0 for p in parts):
        raise UserError(f"'{to_number}' is not an item number: write it like 4 or 2.1.")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        _editable(meeting)
        item = find_item(s, meeting, item_ref)
        if item.kind == "aob":
            raise UserError("Any other business is always the last item and cannot be moved.")
        parent: AgendaItem | None = None
        if len(parts) > 1:
            parent = find_item(s, meeting, ".".join(parts[:-1]))
            walker: AgendaItem | None = parent
            while walker is not None:
                if walker.id == item.id:
                    raise UserError("An item cannot be moved under itself.")
                walker = s.get(AgendaItem, walker.parent_id) if walker.parent_id else None
            if parent.kind == "aob":
                raise UserError("Items cannot go under any other business.")
        _place(s, meeting, item, parent.id if parent else None, int(parts[-1]) - 1)
        return _row(s, meeting, item.id)


def _place(
    session: Session, meeting: Meeting, item: AgendaItem, parent_id: int | None, index: int
) -> None:
    old_parent = item.parent_id
    old = [i for i in _siblings(session, meeting.id, old_parent) if i.id != item.id]
    item.parent_id = parent_id
    new = old if old_parent == parent_id else _siblings(session, meeting.id, parent_id)
    new = [i for i in new if i.id != item.id]
    index = max(0, min(index, len([i for i in new if i.kind != "aob"])))
    new.insert(index, item)
    _renumber(new)
    if old_parent != parent_id:
        _renumber(old)
    session.flush()


def shift_item(db: Database, item_id: int, delta: int) -> AgendaRow:
    """Move an item up (-1) or down (+1) among its siblings (keyboard reordering)."""
    with db.session() as s:
        item = _get_item(s, item_id)
        meeting = s.get_one(Meeting, item.meeting_id)
        _editable(meeting)
        if item.kind == "aob":
            raise UserError("Any other business is always the last item and cannot be moved.")
        siblings = _siblings(s, meeting.id, item.parent_id)
        index = next(i for i, x in enumerate(siblings) if x.id == item.id)
        _place(s, meeting, item, item.parent_id, index + delta)
        return _row(s, meeting, item.id)


def indent_item(db: Database, item_id: int) -> AgendaRow:
    """Make an item a sub-item of the item above it (the last of that item's sub-items)."""
    with db.session() as s:
        item = _get_item(s, item_id)
        meeting = s.get_one(Meeting, item.meeting_id)
        _editable(meeting)
        siblings = _siblings(s, meeting.id, item.parent_id)
        index = next(i for i, x in enumerate(siblings) if x.id == item.id)
        if index == 0 or item.kind == "aob":
            raise UserError("There is no item above this one to put it under.")
        above = siblings[index - 1]
        if above.kind == "aob":
            raise UserError("Items cannot go under any other business.")
        _place(s, meeting, item, above.id, len(_siblings(s, meeting.id, above.id)))
        return _row(s, meeting, item.id)


def outdent_item(db: Database, item_id: int) -> AgendaRow:
    """Make a sub-item an item of its own, just after its former parent."""
    with db.session() as s:
        item = _get_item(s, item_id)
        meeting = s.get_one(Meeting, item.meeting_id)
        _editable(meeting)
        if item.parent_id is None:
            raise UserError("This item is not a sub-item.")
        parent = s.get_one(AgendaItem, item.parent_id)
        siblings = _siblings(s, meeting.id, parent.parent_id)
        index = next(i for i, x in enumerate(siblings) if x.id == parent.id)
        _place(s, meeting, item, parent.parent_id, index + 1)
        return _row(s, meeting, item.id)


def copy_from_previous(db: Database, meeting_ref: str | int) -> list[AgendaRow]:
    """Replace this (paperless) agenda with a copy of the group's previous meeting's items."""
    from atr_desktop.services.meetings import previous_meeting

    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        _editable(meeting)
        previous = previous_meeting(s, meeting)
        source = ordered_items(s, previous.id) if previous else []
        if not source:
            raise UserError("The group has no earlier meeting with an agenda to copy.")
        current = ordered_items(s, meeting.id)
        if any(item.papers for item, _ in current):
            raise UserError(
                "This agenda already has papers: copying would replace it, so add items one "
                "by one instead."
            )
        for item, _ in reversed(current):  # sub-items first
            s.delete(item)
            s.flush()
        new_ids: dict[int, int] = {}
        for item, _ in source:
            copy = AgendaItem(
                meeting_id=meeting.id,
                parent_id=new_ids.get(item.parent_id) if item.parent_id else None,
                position=item.position,
                title=item.title,
                lead=item.lead,
                purpose=item.purpose,
                minutes_allotted=item.minutes_allotted,
                has_papers=item.has_papers,
                confidential=item.confidential,
                exemption=item.exemption,
                exemption_note=item.exemption_note,
                kind=item.kind,
            )
            s.add(copy)
            s.flush()
            new_ids[item.id] = copy.id
        assert previous is not None
        audit.record(s, "meeting", meeting.id, "agenda copied", f"from meeting {previous.id}")
        return rows_for(s, meeting)
