"""Demo: issue the pack for the most recent held SG meeting, if it has papers.

The meetings branch adds the demo papers; without them this step adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import random

from sqlalchemy import select

from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Group, Meeting, Paper, PaperFile

log = logging.getLogger(__name__)


def issue_demo_pack(db: Database, today: dt.date, rng: random.Random) -> dict[str, int]:
    from atr_desktop.services import pack_issue

    with db.session() as s:
        meeting = s.scalar(
            select(Meeting)
            .join(Group, Group.id == Meeting.group_id)
            .where(Group.code == "SG", Meeting.status == "held", Meeting.date <= today)
            .order_by(Meeting.date.desc())
            .limit(1)
        )
        if meeting is None:
            return {"packs": 0}
        has_papers = s.scalar(
            select(PaperFile.id)
            .join(Paper, Paper.id == PaperFile.paper_id)
            .join(AgendaItem, AgendaItem.id == Paper.agenda_item_id)
            .where(AgendaItem.meeting_id == meeting.id)
            .limit(1)
        )
        meeting_id = meeting.id
        issue_day = meeting.date - dt.timedelta(days=7)
    if has_papers is None:
        return {"packs": 0}
    try:
        pack_issue.issue(db, meeting_id, "main", placeholders=True, today=issue_day)
    except UserError as exc:
        log.info("demo pack not issued: %s", exc)
        return {"packs": 0}
    return {"packs": 1}
