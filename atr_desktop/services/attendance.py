"""A meeting's register, its live quorum and declarations of interest at the meeting.

The register is prefilled from the membership on the meeting's date; a joint meeting's
register is grouped by constituent group and its quorum is counted per constituent.
Quorum follows the group's approved ToR rule (domain.quorum); deputies count for the
member they replace; a member who declared an interest and left the room for an item does
not count towards that item's quorum.
Who is a member on a date, and which quorum rule is in force, come from the membership
and ToR services, so the register and the members list can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain.kinds import AttendanceStatus
from atr_desktop.domain.people import erasure_placeholder
from atr_desktop.domain.quorum import Voter, evaluate
from atr_desktop.errors import UserError
from atr_desktop.services import audit, leases, members, tor
from atr_desktop.services.record_lock import ensure_unlocked, item_of
from atr_desktop.services.refs import find_item, find_meeting, find_person, meeting_item_numbers
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    AgendaItem,
    Attendance,
    Group,
    ItemDeclaration,
    Meeting,
    Membership,
    Person,
)

STATUSES: tuple[str, ...] = ("present", "apologies", "deputy", "absent", "in-attendance")
STATUS_LABELS = {
    "present": "Present",
    "apologies": "Apologies",
    "deputy": "Deputy attending",
    "absent": "Absent",
    "in-attendance": "In attendance",
}
CHAIR_ROLES = ("chair", "vice-chair")


# --- membership on the meeting's date ---------------------------------------------------


def _members_on(session: Session, group_id: int, day: dt.date) -> list[Membership]:
    """The group's own memberships on ``day`` (the membership service's rule)."""
    group = session.get(Group, group_id)
    return [] if group is None else members.memberships_on(session, group, day)


# --- what the register shows -----------------------------------------------------------


@dataclass(frozen=True)
class RegisterLine:
    id: int
    person_id: int | None
    name: str
    email: str
    job_title: str
    organisation: str
    role: str
    voting: bool
    status: str
    deputy_for_id: int | None
    deputy_for: str
    constituent: str
    arrived_item: str
    left_item: str
    note: str


@dataclass(frozen=True)
class QuorumStatus:
    """Quorate True/False, or None when no approved ToR sets a rule to check."""

    group_code: str
    group_name: str
    quorate: bool | None
    reason: str
    rule: str


@dataclass(frozen=True)
class Register:
    meeting_id: int
    group_code: str
    group_name: str
    date: dt.date
    joint: bool
    locked: bool
    lines: tuple[RegisterLine, ...]
    quorum: tuple[QuorumStatus, ...]

    @property
    def quorate(self) -> bool | None:
        values = [q.quorate for q in self.quorum]
        if any(v is False for v in values):
            return False
        return None if not values or any(v is None for v in values) else True


@dataclass(frozen=True)
class DeclarationInfo:
    id: int
    person_id: int
    name: str
    interest: str
    item: str
    item_title: str
    left_room: bool


def person_name(person: Person | None) -> str:
    if person is None:
        return ""
    return display_name(
        person.id, person.first_name, person.last_name, person.email, person.erased_at
    )


def display_name(
    person_id: int, first: str, last: str, email: str | None, erased_at: object | None
) -> str:
    """How a person is named on screen, from the columns (for set-based reads)."""
    full = " ".join(p for p in (first, last) if p)
    if erased_at is not None:
        return full or erasure_placeholder(person_id)
    return full or email or f"Person {person_id}"


def quorum_groups(session: Session, meeting: Meeting) -> list[Group]:
    """The groups whose quorum a meeting counts: its constituents when joint, else itself."""
    group = session.get(Group, meeting.group_id)
    assert group is not None
    return list(group.constituents) if group.kind == "joint" and group.constituents else [group]


def ensure_register(session: Session, meeting: Meeting) -> None:
    """Add a line for each member on the meeting's date who is not on the register yet."""
    from atr_desktop.services.record_lock import minutes_of
    from atr_desktop.storage.database import opened_read_only

    minutes = minutes_of(session, meeting)
    if minutes is not None and minutes.status == "approved":
        return
    if opened_read_only(session):
        return  # a read-only copy (handed over): show the register as it was kept
    listed = set(
        session.scalars(
            select(Attendance.person_id).where(
                Attendance.meeting_id == meeting.id, Attendance.person_id.is_not(None)
            )
        )
    )
    group = session.get(Group, meeting.group_id)
    assert group is not None
    sources: list[tuple[Group, int | None]] = [(group, None)]
    if group.kind == "joint":
        sources += [(g, g.id) for g in group.constituents]
    for source, constituent_id in sources:
        for membership in _members_on(session, source.id, meeting.date):
            if membership.person_id in listed:
                continue
            listed.add(membership.person_id)
            session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=membership.person_id,
                    status="absent",
                    constituent_group_id=constituent_id,
                )
            )
    session.flush()


def _item_order(session: Session, meeting_id: int) -> dict[int, int]:
    """Item id -> its place in the running order (1, 2, 2.1, 3 ...)."""
    numbers = meeting_item_numbers(session, meeting_id)
    ordered = sorted(numbers, key=lambda i: tuple(int(p) for p in numbers[i].split(".")))
    return {item_id: place for place, item_id in enumerate(ordered)}


def _lines(session: Session, meeting: Meeting) -> list[Attendance]:
    return list(
        session.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting.id).order_by(Attendance.id)
        )
    )


def _present_for(
    line: Attendance, item_id: int | None, order: dict[int, int], left: set[int]
) -> bool:
    """Was this line in the room (for ``item_id``, or at the meeting when None)?"""
    if line.status not in ("present", "deputy"):
        return False
    if item_id is None:
        return True
    place = order.get(item_id, 0)
    if line.arrived_item_id is not None and place < order.get(line.arrived_item_id, 0):
        return False
    if line.left_item_id is not None and place >= order.get(line.left_item_id, 10**6):
        return False
    return line.person_id not in left


def _sectors(session: Session, person_ids: set[int]) -> dict[int, str]:
    """Each person's sector (through their organisation), in one query."""
    from atr_desktop.storage.models import Organisation, Sector

    rows = session.execute(
        select(Person.id, Sector.name)
        .join(Organisation, Organisation.id == Person.organisation_id)
        .join(Sector, Sector.id == Organisation.sector_id)
        .where(Person.id.in_(person_ids))
    )
    return {pid: name for pid, name in rows}


def quorum_for(
    session: Session, meeting: Meeting, item_id: int | None = None, expected: bool = False
) -> list[QuorumStatus]:
    """Quorum per counted group, for the whole meeting or one item.

    ``expected``: before the meeting, everyone who has not sent apologies counts as coming
    (the chair's brief asks "will it be quorate given the apologies so far?").
    """
    lines = _lines(session, meeting)
    order = _item_order(session, meeting.id)
    left: set[int] = set()
    if item_id is not None:
        left = set(
            session.scalars(
                select(ItemDeclaration.person_id).where(
                    ItemDeclaration.meeting_id == meeting.id,
                    ItemDeclaration.agenda_item_id == item_id,
                    ItemDeclaration.left_room.is_(True),
                )
            )
        )
    by_person = {line.person_id: line for line in lines if line.person_id is not None}
    deputies = {
        line.deputy_for_id: line
        for line in lines
        if line.status == "deputy" and line.deputy_for_id is not None
    }
    out = []
    for group in quorum_groups(session, meeting):
        rule = tor.rule_in_force(session, group.id, meeting.date)
        if rule is None:
            out.append(
                QuorumStatus(
                    group.code,
                    group.name,
                    None,
                    f"{group.name} has no approved Terms of Reference with a quorum rule, "
                    "so quorum is not checked.",
                    "",
                )
            )
            continue
        members = _members_on(session, group.id, meeting.date)
        non_voting = {m.person_id for m in members if not m.voting}
        sectors = _sectors(
            session,
            {m.person_id for m in members}
            | {d.person_id for d in deputies.values() if d.person_id},
        )
        voters: dict[int, Voter] = {}
        for m in members:
            if not m.voting or m.role == "deputy" or m.person_id in voters:
                continue
            line = by_person.get(m.person_id)
            if expected:
                present = line is None or line.status not in ("apologies", "deputy")
            else:
                present = (
                    line is not None
                    and line.status == "present"
                    and _present_for(line, item_id, order, left)
                )
            sector = sectors.get(m.person_id, "")
            deputy = deputies.get(m.person_id)
            if (
                not present
                and deputy is not None
                and deputy.person_id not in non_voting
                and _present_for(deputy, item_id, order, left)
            ):
                present = True
                sector = sectors.get(deputy.person_id or 0, "")
            voters[m.person_id] = Voter(m.person_id, present, sector, m.role in CHAIR_ROLES)
        result = evaluate(rule, list(voters.values()))
        out.append(
            QuorumStatus(group.code, group.name, result.quorate, result.reason, rule.describe())
        )
    return out


def _line_info(
    session: Session,
    line: Attendance,
    numbers: dict[int, str],
    memberships: dict[int, Membership],
) -> RegisterLine:
    person = session.get(Person, line.person_id) if line.person_id else None
    membership = memberships.get(person.id) if person is not None else None
    constituent = (
        session.get(Group, line.constituent_group_id) if line.constituent_group_id else None
    )
    deputy_for = session.get(Person, line.deputy_for_id) if line.deputy_for_id else None
    org = person.organisation.name if person and person.organisation else ""
    return RegisterLine(
        id=line.id,
        person_id=line.person_id,
        name=person_name(person) or line.guest_name,
        email=(person.email or "") if person else "",
        job_title=person.job_title if person else "",
        organisation=org,
        role=membership.role if membership else ("guest" if person is None else "not a member"),
        voting=bool(membership and membership.voting and membership.role != "deputy"),
        status=line.status,
        deputy_for_id=line.deputy_for_id,
        deputy_for=person_name(deputy_for),
        constituent=constituent.code if constituent else "",
        arrived_item=numbers.get(line.arrived_item_id or 0, ""),
        left_item=numbers.get(line.left_item_id or 0, ""),
        note=line.note,
    )


def _memberships(session: Session, meeting: Meeting) -> dict[int, Membership]:
    """Person id -> their membership on the meeting's date (joint: any constituent's)."""
    out: dict[int, Membership] = {}
    for group_id in [g.id for g in quorum_groups(session, meeting)] + [meeting.group_id]:
        for m in _members_on(session, group_id, meeting.date):
            out.setdefault(m.person_id, m)
    return out


def _register(session: Session, meeting: Meeting) -> Register:
    from atr_desktop.services.record_lock import minutes_of

    ensure_register(session, meeting)
    group = session.get(Group, meeting.group_id)
    assert group is not None
    numbers = meeting_item_numbers(session, meeting.id)
    minutes = minutes_of(session, meeting)
    memberships = _memberships(session, meeting)
    return Register(
        meeting_id=meeting.id,
        group_code=group.code,
        group_name=group.name,
        date=meeting.date,
        joint=group.kind == "joint",
        locked=minutes is not None and minutes.status == "approved",
        lines=tuple(
            _line_info(session, line, numbers, memberships) for line in _lines(session, meeting)
        ),
        quorum=tuple(quorum_for(session, meeting)),
    )


def register_in(session: Session, meeting: Meeting) -> Register:
    """The register as it stands inside a unit of work another service opened."""
    return _register(session, meeting)


def get_register(db: Database, meeting_ref: str | int) -> Register:
    with db.session() as s:
        return _register(s, find_meeting(s, meeting_ref))


def item_quorum(db: Database, meeting_ref: str | int, item_ref: str | int) -> list[QuorumStatus]:
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_register(s, meeting)
        return quorum_for(s, meeting, item_of(s, meeting, item_ref).id)


def normalise_status(text: str) -> str:
    value = text.strip().lower().replace(" ", "-").replace("_", "-")
    if value not in STATUSES:
        raise UserError(f"'{text}' is not a register status: use one of {', '.join(STATUSES)}.")
    return value


@dataclass(frozen=True)
class LineChange:
    """What the user sets on a register line; None leaves a field as it is ('' clears)."""

    status: str | None = None
    deputy_for: str | None = None
    arrived: str | None = None
    left: str | None = None
    note: str | None = None


def _apply(session: Session, meeting: Meeting, line: Attendance, change: LineChange) -> None:
    if change.status is not None:
        line.status = AttendanceStatus(normalise_status(change.status))
    if change.deputy_for is not None:
        if change.deputy_for.strip():
            member = find_person(session, change.deputy_for)
            if member.id == line.person_id:
                raise UserError("A deputy attends for someone else: name the member they replace.")
            line.deputy_for_id = member.id
            member_line = session.scalar(
                select(Attendance).where(
                    Attendance.meeting_id == meeting.id, Attendance.person_id == member.id
                )
            )
            if member_line is not None and member_line.status == "absent":
                member_line.status = AttendanceStatus.APOLOGIES
        else:
            line.deputy_for_id = None
    if line.status == "deputy" and line.deputy_for_id is None:
        raise UserError("A deputy attends for a named member: say whom they replace (--for EMAIL).")
    if line.status != "deputy":
        line.deputy_for_id = None
    for field, value in (("arrived_item_id", change.arrived), ("left_item_id", change.left)):
        if value is not None:
            setattr(line, field, find_item(session, meeting, value).id if value.strip() else None)
    if change.note is not None:
        line.note = change.note.strip()
    audit.record(session, "attendance", line.id, "set", line.status)


def set_attendance(
    db: Database, meeting_ref: str | int, person_ref: str | int, change: LineChange
) -> Register:
    """Mark one person on the register (added to it when not a member: a guest or new member)."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        ensure_register(s, meeting)
        person = find_person(s, person_ref)
        line = s.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting.id, Attendance.person_id == person.id
            )
        )
        if line is None:
            line = Attendance(meeting_id=meeting.id, person_id=person.id, status="in-attendance")
            s.add(line)
            s.flush()
        _apply(s, meeting, line, change)
        s.flush()
        return _register(s, meeting)


def set_line(db: Database, line_id: int, change: LineChange) -> Register:
    """Change one register line by its id (the window's table)."""
    with db.session() as s:
        line = s.get(Attendance, line_id)
        if line is None:
            raise UserError("That register line no longer exists: reopen the register.")
        meeting = s.get(Meeting, line.meeting_id)
        assert meeting is not None
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        _apply(s, meeting, line, change)
        s.flush()
        return _register(s, meeting)


def add_guest(db: Database, meeting_ref: str | int, name: str, note: str = "") -> Register:
    """Someone in attendance who is not in the database (a presenter from another body)."""
    if not name.strip():
        raise UserError("Type the guest's name (and organisation).")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        line = Attendance(
            meeting_id=meeting.id,
            guest_name=name.strip(),
            status="in-attendance",
            note=note.strip(),
        )
        s.add(line)
        s.flush()
        audit.record(s, "attendance", line.id, "guest added", name.strip())
        return _register(s, meeting)


# --- declarations of interest at a meeting ---------------------------------------------


def _declaration_info(
    session: Session, row: ItemDeclaration, numbers: dict[int, str]
) -> DeclarationInfo:
    item = session.get(AgendaItem, row.agenda_item_id) if row.agenda_item_id else None
    return DeclarationInfo(
        id=row.id,
        person_id=row.person_id,
        name=person_name(session.get(Person, row.person_id)),
        interest=row.interest,
        item=numbers.get(row.agenda_item_id or 0, ""),
        item_title=item.title if item else "",
        left_room=row.left_room,
    )


def declare(
    db: Database,
    meeting_ref: str | int,
    person_ref: str | int,
    interest: str,
    item_ref: str | int | None = None,
    left_room: bool = False,
) -> DeclarationInfo:
    """Record an interest declared at the meeting, for one item or the whole meeting."""
    if not interest.strip():
        raise UserError("Say what the interest is (for example 'Trustee of Touchstone').")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        person = find_person(s, person_ref)
        item = item_of(s, meeting, item_ref) if item_ref not in (None, "") else None
        if left_room and item is None:
            raise UserError("Leaving the room is for an item: say which item (--item).")
        row = ItemDeclaration(
            meeting_id=meeting.id,
            agenda_item_id=item.id if item else None,
            person_id=person.id,
            interest=interest.strip(),
            left_room=left_room,
        )
        s.add(row)
        s.flush()
        audit.record(s, "declaration", row.id, "declared", interest.strip()[:200])
        return _declaration_info(s, row, meeting_item_numbers(s, meeting.id))


def declarations_of(session: Session, meeting: Meeting) -> list[DeclarationInfo]:
    numbers = meeting_item_numbers(session, meeting.id)
    rows = session.scalars(
        select(ItemDeclaration)
        .where(ItemDeclaration.meeting_id == meeting.id)
        .order_by(ItemDeclaration.id)
    )
    return [_declaration_info(session, r, numbers) for r in rows]


def list_declarations(db: Database, meeting_ref: str | int) -> list[DeclarationInfo]:
    with db.session() as s:
        return declarations_of(s, find_meeting(s, meeting_ref))
