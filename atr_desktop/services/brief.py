"""The chair's brief for a meeting: gathered here, written by documents/brief.py.

What the meeting is asked to decide, overdue actions by owner (the group's and, for a
joint group, its constituents'), who is expected and whether that will be quorate given
the apologies so far, declarations on record for those expected, items carried from the
forward plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from atr_desktop.documents import brief as document
from atr_desktop.errors import UserError
from atr_desktop.services import actions, attendance, members
from atr_desktop.services.agenda import rows_for
from atr_desktop.services.house import house
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    AgendaItem,
    Attendance,
    Declaration,
    ForwardPlanItem,
    Group,
)


def brief_data(
    db: Database, meeting_ref: str | int, today: dt.date | None = None
) -> document.BriefData:
    today = today or dt.date.today()
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        group = s.get_one(Group, meeting.group_id)
        codes = [group.code, *(g.code for g in group.constituents)]
        rows = rows_for(s, meeting)
        decisions = [
            (r.number, r.title, r.lead)
            for r in rows
            if r.purpose == "decision" and not r.confidential and not r.deferred
        ]
        quorum = []
        for q in attendance.quorum_for(s, meeting, expected=True):
            if q.quorate is None:
                quorum.append(q.reason)
            else:
                verdict = "Expected to be quorate" if q.quorate else "NOT expected to be quorate"
                detail = q.reason.split(": ", 1)[-1]
                quorum.append(f"{q.group_name}: {verdict}: {detail}")
        statuses = {
            line.person_id: line.status
            for line in s.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))
            if line.person_id is not None
        }
        people = [
            m for m in members.members_in(s, group, meeting.date) if m.role not in ("secretariat",)
        ]
        attendees = [
            document.Attendee(
                m.name,
                m.role + (f" ({m.via})" if m.via else ""),
                m.organisation,
                "apologies" if statuses.get(m.person_id) == "apologies" else "expected",
            )
            for m in people
        ]
        expected_ids = {m.person_id for m in people if statuses.get(m.person_id) != "apologies"}
        names = {m.person_id: m.name for m in people}
        declarations = [
            (names[d.person_id], d.interest)
            for d in s.scalars(
                select(Declaration)
                .where(Declaration.person_id.in_(expected_ids), Declaration.ended_on.is_(None))
                .order_by(Declaration.person_id)
            )
        ]
        carried_items = s.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.forward_plan_id.is_not(None)
            )
        ).all()
        carried = [(i.title, i.purpose) for i in carried_items]
        placed = {i.forward_plan_id for i in carried_items}
        waiting = s.scalars(
            select(ForwardPlanItem).where(
                ForwardPlanItem.group_id == group.id,
                ForwardPlanItem.withdrawn_reason == "",
                (ForwardPlanItem.target_date.is_(None))
                | (ForwardPlanItem.target_date <= meeting.date),
            )
        ).all()
        placed_anywhere = set(
            s.scalars(
                select(AgendaItem.forward_plan_id).where(AgendaItem.forward_plan_id.is_not(None))
            )
        )
        carried += [
            (f"{p.title} (not yet on the agenda)", p.purpose)
            for p in waiting
            if p.id not in placed and p.id not in placed_anywhere
        ]
        header = (group.name, meeting.date, meeting.start_time, meeting.venue)
    overdue = [
        document.OverdueAction(a.ref, a.owner, a.description, a.due)
        for code in codes
        for a in actions.list_actions(db, actions.ActionFilter(group=code, overdue=True), today)
        if not a.confidential
    ]
    return document.BriefData(
        group_name=header[0],
        meeting_date=header[1],
        start=header[2],
        venue=header[3],
        decisions=decisions,
        overdue=overdue,
        attendees=attendees,
        quorum=quorum,
        declarations=declarations,
        carried=carried,
    )


def write_brief(
    db: Database, meeting_ref: str | int, out: Path, today: dt.date | None = None
) -> Path:
    """The brief as Word (.docx) or PDF (.pdf), chosen by the file's extension."""
    data = brief_data(db, meeting_ref, today)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        return document.to_docx(data, house(db), out)
    if suffix == ".pdf":
        return document.to_pdf(data, house(db), out)
    raise UserError(f"The brief can be a .docx or a .pdf file, not '{out.name}'.")
