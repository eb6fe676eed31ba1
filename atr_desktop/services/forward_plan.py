"""The forward plan: items promised to a future meeting of a group (a date, or simply the
next meeting). ToR reviews falling due land here by themselves; deferred items come back.

An item is 'placed' once an agenda item points at it (AgendaItem.forward_plan_id).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import long_date
from atr_desktop.errors import UserError
from atr_desktop.services import audit, settings, versions
from atr_desktop.services.agenda import PURPOSES, pull_forward_plan
from atr_desktop.services.groups import find_group
from atr_desktop.services.meetings import next_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, ForwardPlanItem, Group, Meeting, TorVersion


@dataclass(frozen=True)
class ForwardPlanInfo:
    id: int
    group_code: str
    title: str
    purpose: str
    lead: str
    target_date: dt.date | None
    source: str
    placed_on: str  # 'NET:2027-03-03' once on an agenda, else ''
    withdrawn_reason: str
    row_version: int = field(default=0, compare=False)  # read by a page, sent back (versions.py)

    @property
    def target_text(self) -> str:
        return self.target_date.isoformat() if self.target_date else "next meeting"


def sync_tor_reviews(session: Session, group_id: int, warning_days: int = 60) -> int:
    """Add a 'Terms of Reference review' item for each approved ToR whose review date is set
    and not yet planned; it targets the first meeting within the warning window."""
    versions = session.scalars(
        select(TorVersion).where(
            TorVersion.group_id == group_id,
            TorVersion.status == "approved",
            TorVersion.review_date.is_not(None),
        )
    ).all()
    added = 0
    for version in versions:
        ref = f"tor:{version.id}"
        exists = session.scalar(
            select(ForwardPlanItem.id).where(
                ForwardPlanItem.source == "tor_review", ForwardPlanItem.source_ref == ref
            )
        )
        if exists or version.review_date is None:
            continue
        session.add(
            ForwardPlanItem(
                group_id=group_id,
                title=f"Terms of Reference review (version {version.version} is due for review "
                f"by {long_date(version.review_date)})",
                purpose="decision",
                lead="Chair",
                target_date=version.review_date - dt.timedelta(days=warning_days),
                source="tor_review",
                source_ref=ref,
            )
        )
        added += 1
    session.flush()
    return added


def _placed(session: Session, item_ids: list[int] | Select[Any]) -> dict[int, dt.date]:
    """Forward plan item id -> the date of the meeting whose agenda holds it: one query."""
    rows = session.execute(
        select(AgendaItem.forward_plan_id, Meeting.date)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.forward_plan_id.in_(item_ids))
        .order_by(Meeting.date)  # the latest placing wins
    )
    return {item_id: date for item_id, date in rows if item_id is not None}


def _info(
    session: Session, item: ForwardPlanItem, code: str, placed_on: dict[int, dt.date] | None = None
) -> ForwardPlanInfo:
    if placed_on is None:
        placed_on = _placed(session, [item.id])
    placed = placed_on.get(item.id)
    return ForwardPlanInfo(
        id=item.id,
        group_code=code,
        title=item.title,
        purpose=item.purpose,
        lead=item.lead,
        target_date=item.target_date,
        source=item.source,
        placed_on=f"{code}:{placed.isoformat()}" if placed else "",
        withdrawn_reason=item.withdrawn_reason,
        row_version=item.row_version,
    )


def list_forward_plan(db: Database, group: str | None = None) -> list[ForwardPlanInfo]:
    warning = int(settings.get(db, "tor_review_warning_days"))
    with db.session() as s:
        groups = [find_group(s, group)] if group else list(s.scalars(select(Group)))
        for g in groups:
            sync_tor_reviews(s, g.id, warning)
        codes = {g.id: g.code for g in groups}
        query = select(ForwardPlanItem).where(ForwardPlanItem.group_id.in_(codes))
        items = s.scalars(
            query.order_by(ForwardPlanItem.target_date.is_(None), ForwardPlanItem.target_date)
        ).all()
        placed = _placed(s, query.with_only_columns(ForwardPlanItem.id))
        return [_info(s, item, codes[item.group_id], placed) for item in items]


def add_forward_plan_item(
    db: Database,
    group: str,
    title: str,
    target_date: dt.date | None = None,
    purpose: str = "",
    lead: str = "",
) -> ForwardPlanInfo:
    if not title.strip():
        raise UserError("A forward plan item needs a title.")
    purpose = purpose.strip().lower()
    if purpose and purpose not in PURPOSES:
        raise UserError(f"'{purpose}' is not a purpose: use one of {', '.join(PURPOSES)}.")
    with db.session() as s:
        g = find_group(s, group)
        item = ForwardPlanItem(
            group_id=g.id,
            title=title.strip(),
            purpose=purpose,
            lead=lead.strip(),
            target_date=target_date,
            source="manual",
        )
        s.add(item)
        s.flush()
        audit.record(s, "forward_plan", item.id, "added", title.strip())
        return _info(s, item, g.code)


def withdraw_forward_plan_item(
    db: Database, item_id: int, reason: str, expected_version: int | None = None
) -> ForwardPlanInfo:
    """Withdraw an item with a reason (it stays on record); ``expected_version``: the
    row_version the caller read (services/versions.py)."""
    with db.session() as s:
        item = s.get(ForwardPlanItem, item_id)
        if item is None:
            raise UserError(f"There is no forward plan item {item_id}.")
        versions.check(s, item, expected_version, "forward_plan", "forward plan item")
        item.withdrawn_reason = reason.strip() or "withdrawn"
        audit.record(s, "forward_plan", item.id, "withdrawn", item.withdrawn_reason)
        s.flush()  # the version the save gave it, for whoever shows it next
        return _info(s, item, s.get_one(Group, item.group_id).code)


def defer_item(db: Database, item_id: int) -> ForwardPlanInfo:
    """An item deferred at a meeting: marked deferred, and back on the forward plan for the
    group's next meeting (so it appears when that agenda is built)."""
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise UserError("That agenda item no longer exists: refresh the agenda.")
        meeting = s.get_one(Meeting, item.meeting_id)
        fp = defer(s, meeting, item)
        return _info(s, fp, s.get_one(Group, meeting.group_id).code)


def defer(
    session: Session, meeting: Meeting, item: AgendaItem, reason: str = ""
) -> ForwardPlanItem:
    """For services sharing a session (minutes): the one place a deferral is made."""
    if item.deferred:
        raise UserError(f"'{item.title}' is already deferred to the forward plan.")
    item.deferred = True
    fp = ForwardPlanItem(
        group_id=meeting.group_id,
        title=item.title,
        purpose=item.purpose,
        lead=item.lead,
        target_date=meeting.date + dt.timedelta(days=1),
        source="deferred",
        source_ref=f"item:{item.id}" + (f": {reason.strip()}" if reason.strip() else ""),
    )
    session.add(fp)
    session.flush()
    audit.record(session, "agenda_item", item.id, "deferred", reason.strip() or item.title)
    following = next_meeting(session, meeting)
    if following is not None and following.status == "planned":
        pull_forward_plan(session, following)
    return fp
