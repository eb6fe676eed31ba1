"""What Home shows: the next meeting of each open group (more arrives with later features)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Meeting


@dataclass(frozen=True)
class NextMeeting:
    id: int | None
    group_code: str
    group_name: str
    date: dt.date | None
    start_time: dt.time | None
    venue: str


def next_meetings(db: Database, today: dt.date | None = None) -> list[NextMeeting]:
    """Each open group's next planned meeting on or after ``today`` (None when none is set)."""
    today = today or dt.date.today()
    with db.session() as s:
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
                (Meeting.group_id == Group.id)
                & (Meeting.date == first.c.day)
                & (Meeting.status != "cancelled"),
            )
            .where(Group.active.is_(True))
            .order_by(Group.id)
        ).all()
        seen: set[int] = set()
        out = []
        for group, meeting in rows:
            if group.id in seen:
                continue
            seen.add(group.id)
            out.append(
                NextMeeting(
                    id=meeting.id if meeting else None,
                    group_code=group.code,
                    group_name=group.name,
                    date=meeting.date if meeting else None,
                    start_time=meeting.start_time if meeting else None,
                    venue=meeting.venue if meeting else "",
                )
            )
        return out
