"""Records with papers for the safety tests (the papers feature belongs to another area)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Group, Meeting, Paper, PaperFile


def make_item(db: Database, uid: str = "safety-test") -> int:
    """A meeting of the first group with one agenda item; returns the item's id."""
    with db.session() as s:
        group_id = s.scalars(select(Group.id).order_by(Group.id)).first()
        assert group_id is not None
        meeting = Meeting(
            group_id=group_id, date=dt.date(2027, 2, 9), start_time=dt.time(10, 0), uid=uid
        )
        s.add(meeting)
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, position=1, title="Papers", has_papers=True)
        s.add(item)
        s.flush()
        return item.id


def attach(db: Database, item_id: int, data: bytes, title: str = "A paper") -> tuple[int, str]:
    """Store the bytes and the Paper + PaperFile rows in ONE unit of work: (paper id, sha)."""
    with db.session() as s:
        sha = db.blobs.put_bytes(data)
        paper = Paper(agenda_item_id=item_id, title=title, status="received")
        s.add(paper)
        s.flush()
        s.add(
            PaperFile(
                paper_id=paper.id,
                version=1,
                filename=f"{title}.pdf",
                sha256=sha,
                size=len(data),
                added_at=dt.datetime(2027, 1, 1),
            )
        )
        return paper.id, sha
