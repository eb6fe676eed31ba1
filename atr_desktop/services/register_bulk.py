"""Marking many on the register at once: everyone present, or apologies from the replies
to the invite.

Both only fill lines not marked yet ('absent', the register's starting state): a person
already marked present, deputised for or sending apologies is never changed by a bulk
step, so one click cannot undo what the officer chose line by line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from atr_desktop.documents.invite_replies import InviteReply, UnreadableReply, read_replies
from atr_desktop.domain.dates import medium_date
from atr_desktop.domain.kinds import AttendanceStatus
from atr_desktop.errors import UserError
from atr_desktop.services import audit, leases
from atr_desktop.services.attendance import (
    STATUS_LABELS,
    Register,
    ensure_register,
    person_name,
    register_in,
)
from atr_desktop.services.record_lock import ensure_unlocked
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Attendance, Group, Meeting, Person

UNMARKED = "absent"


@dataclass
class BulkResult:
    """Who was marked, and one plain sentence for each reply that was not used."""

    register: Register
    marked: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def mark_all_present(db: Database, meeting_ref: str | int) -> BulkResult:
    """Everyone on the register not marked yet is marked present."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        ensure_register(s, meeting)
        marked: list[str] = []
        lines = s.execute(
            select(Attendance, Person)
            .join(Person, Attendance.person_id == Person.id)
            .where(Attendance.meeting_id == meeting.id, Attendance.status == UNMARKED)
        ).all()
        for line, person in lines:
            line.status = AttendanceStatus.PRESENT
            audit.record(s, "attendance", line.id, "set", "present (all present)")
            marked.append(person_name(person))
        s.flush()
        return BulkResult(register_in(s, meeting), marked)


def _other_meeting(session: Session, uid: str) -> str:
    row = session.execute(
        select(Group.code, Meeting.date)
        .join(Group, Meeting.group_id == Group.id)
        .where(Meeting.uid == uid)
    ).first()
    return f"the {row.code} meeting of {medium_date(row.date)}" if row else "another meeting"


def _apply_reply(session: Session, meeting: Meeting, reply: InviteReply) -> tuple[str, str]:
    """(name marked, '') or ('', why the reply was not used)."""
    if reply.uid != meeting.uid:
        known = reply.uid and session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.uid == reply.uid)
        )
        if known:
            other = _other_meeting(session, reply.uid)
            return "", f"{reply.file}: a reply about {other}, not this one."
        if reply.date is not None and reply.date != meeting.date:
            return "", f"{reply.file}: a reply about a meeting on another day, not this one."
    row = session.execute(
        select(Attendance, Person)
        .join(Person, Attendance.person_id == Person.id)
        .where(Attendance.meeting_id == meeting.id, func.lower(Person.email) == reply.email)
    ).first()
    if row is None:
        return "", f"{reply.file}: {reply.email} is not on this meeting's register."
    line, person = row
    name = person_name(person)
    if reply.answer != "DECLINED":
        answer = {"ACCEPTED": "accepted", "TENTATIVE": "accepted tentatively"}.get(
            reply.answer, "has not answered"
        )
        return "", f"{name} {answer}: nothing to record until the day."
    if line.status == "apologies":
        return "", f"{name}: apologies were already recorded."
    if line.status != UNMARKED:
        shown = STATUS_LABELS.get(line.status, line.status).lower()
        return "", f"{name} declined but is marked '{shown}': left as it is."
    line.status = AttendanceStatus.APOLOGIES
    if reply.comment and not line.note:
        line.note = reply.comment[:200]
    audit.record(session, "attendance", line.id, "set", "apologies (declined the invite)")
    return name, ""


def apologies_from_replies(
    db: Database, meeting_ref: str | int, files: Sequence[Path]
) -> BulkResult:
    """Apologies for each member who declined the invite, from reply files the officer saved.

    A reply to another meeting, from someone not on the register, or an acceptance changes
    nothing and is reported; if no file could be read at all, that is the user's mistake.
    """
    readings: list[InviteReply] = []
    notes: list[str] = []
    for path in files:
        try:
            readings += read_replies(path)
        except UnreadableReply as exc:
            notes.append(str(exc))
    if not readings:
        raise UserError(" ".join(notes) or "Choose the reply files (.ics or .eml) to read.")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "register", meeting)
        ensure_register(s, meeting)
        marked: list[str] = []
        for reply in readings:
            name, note = _apply_reply(s, meeting, reply)
            if name:
                marked.append(name)
            if note:
                notes.append(note)
        s.flush()
        return BulkResult(register_in(s, meeting), marked, notes)
