"""Demo: issue the pack for the most recent held SG meeting, if it has papers; over several
years, the pack of each group's most recent held meeting with papers.

The meetings branch adds the demo papers; without them this step adds nothing. A decade's
older packs are left unissued: each takes seconds, ~200 would make the demo take minutes.
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


def issue_demo_pack(
    db: Database, today: dt.date, rng: random.Random, years: int = 1
) -> dict[str, int]:
    from atr_desktop.services import pack_issue

    with_papers = (
        select(PaperFile.id)
        .join(Paper, Paper.id == PaperFile.paper_id)
        .join(AgendaItem, AgendaItem.id == Paper.agenda_item_id)
        .where(AgendaItem.meeting_id == Meeting.id)
        .exists()
    )
    query = (
        select(Meeting.id, Meeting.date)
        .join(Group, Group.id == Meeting.group_id)
        .where(Meeting.status == "held", Meeting.date <= today, with_papers)
        .order_by(Meeting.date.desc())
    )
    if years == 1:
        query = query.where(Group.code == "SG").limit(1)
    with db.session() as s:
        rows = s.execute(query.add_columns(Group.code)).all()
    latest: dict[str, tuple[int, dt.date]] = {}
    for meeting_id, day, code in rows:
        latest.setdefault(code, (meeting_id, day))
    chosen = sorted(latest.values(), key=lambda m: m[1], reverse=True)
    issued = 0
    for meeting_id, day in reversed(chosen):
        try:
            pack_issue.issue(
                db, meeting_id, "main", placeholders=True, today=day - dt.timedelta(days=7)
            )
        except UserError as exc:
            log.info("demo pack not issued: %s", exc)
            continue
        issued += 1
    return {"packs": issued}
