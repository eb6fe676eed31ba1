"""Demo: issue the pack for the most recent held SG meeting, if it has papers; over several
years, the pack of each group's most recent held meeting with papers.

Issuing fixes the papers' references (SG/2026-10-13/A ...). A paper that was to follow
then arrives at the SG meeting and goes out in a supplementary pack: it takes the next
unused letter, and its pages number on from the pack. The meetings branch adds the demo
papers; without them this step adds nothing. A decade's older packs are left unissued:
each takes seconds, ~200 would make the demo take minutes.
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
    if "SG" in latest and issued:
        sg_id, sg_day = latest["SG"]
        issued += _late_paper(db, sg_id, sg_day - dt.timedelta(days=4))
    return {"packs": issued}


def _late_paper(db: Database, meeting_id: int, day: dt.date) -> int:
    """A paper that was to follow arrives after issue and goes out in supplement 1."""
    import tempfile
    from pathlib import Path

    from atr_desktop.services import pack_issue, papers
    from atr_desktop.services.demo.agendas import _pdf

    with db.session() as s:
        waiting = [
            item
            for item in s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))
            if item.has_papers and item.kind == "standard" and not item.papers
        ]
        if not waiting:
            return 0
        item_id, title, lead = waiting[0].id, waiting[0].title, waiting[0].lead or "Chair"
    with tempfile.TemporaryDirectory(prefix="atr-demo-") as work:
        path = _pdf(
            Path(work) / "late-paper.pdf",
            title,
            "This paper arrived after the pack was issued.\n"
            "It went out in supplementary pack 1, numbered on from the pack.",
        )
        try:
            expected = papers.expect_paper(db, meeting_id, item_id, title, lead)
            papers.attach_file(db, meeting_id, item_id, path, paper_id=expected.id, today=day)
            pack_issue.issue(db, meeting_id, "supplement", placeholders=True, today=day)
        except UserError as exc:
            log.info("demo supplement not issued: %s", exc)
            return 0
    return 1
