"""Approved minutes lock the meeting's record: register, declarations, minutes, decisions.

Every edit path of a meeting's record calls :func:`ensure_unlocked` first, so no path can
change what the group approved; a later correction is a dated amendment on record.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import medium_date
from atr_desktop.errors import UserError
from atr_desktop.services.refs import find_item
from atr_desktop.storage.models import AgendaItem, Meeting, Minutes


def minutes_of(session: Session, meeting: Meeting, create: bool = False) -> Minutes | None:
    minutes = session.scalar(select(Minutes).where(Minutes.meeting_id == meeting.id))
    if minutes is None and create:
        minutes = Minutes(meeting_id=meeting.id, status="draft")
        session.add(minutes)
        session.flush()
    return minutes


def ensure_unlocked(session: Session, meeting: Meeting) -> None:
    """Refuse, in one plain sentence, to change the record of approved minutes."""
    minutes = minutes_of(session, meeting)
    if minutes is not None and minutes.status == "approved":
        at = session.get(Meeting, minutes.approved_at_meeting_id or 0)
        when = f" at the meeting of {medium_date(at.date)}" if at else ""
        raise UserError(
            f"The minutes of {medium_date(meeting.date)} were approved{when} and are locked: "
            "record a correction as an amendment ('minutes amend') instead."
        )


def item_of(session: Session, meeting: Meeting, ref: str | int) -> AgendaItem:
    """An item of the meeting: an ``int`` is its id (the window), text its number (typed).

    The window passes ids, so an id is never mistaken for a number ('11' in a long agenda).
    """
    if isinstance(ref, int):
        item = session.get(AgendaItem, ref)
        if item is None or item.meeting_id != meeting.id:
            raise UserError("That agenda item is no longer on this meeting: reopen the record.")
        return item
    return find_item(session, meeting, ref)
