"""The decision log: every decision with the group it binds, its meeting, item and wording.

A decision taken while the binding group was not quorate (for that item) is flagged for
ratification at the group's next quorate meeting. Decisions are withdrawn or superseded
with a reason, never deleted.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.kinds import DecisionStatus
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, leases, versions
from atr_desktop.services.attendance import ensure_register, quorum_for, quorum_groups
from atr_desktop.services.groups import find_group
from atr_desktop.services.record_lock import ensure_unlocked, item_of
from atr_desktop.services.refs import find_meeting, item_numbers_of
from atr_desktop.services.search import matching_ids
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Decision, Group, Meeting


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    group_code: str
    group_name: str
    meeting_id: int
    meeting: str
    item: str
    item_title: str
    decided_on: dt.date
    text: str
    quorate: bool
    needs_ratification: bool
    ratified_at: dt.date | None
    status: str
    status_reason: str
    confidential: bool
    row_version: int = field(default=0, compare=False)  # read by a page, sent back (versions.py)


@functools.cache  # built once: fresh aliases each call would miss SQLAlchemy's cache
def _rows() -> Select[*tuple[Any, ...]]:
    """One row per decision with its group, meeting, item and ratifying meeting, joined."""
    mgroup = aliased(Group)
    ratified = aliased(Meeting)
    return (
        select(
            Decision,
            Group.code,
            Group.name,
            Meeting.date,
            mgroup.code,
            AgendaItem.title,
            AgendaItem.confidential,
            ratified.date,
        )
        .join(Group, Decision.group_id == Group.id)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .join(mgroup, Meeting.group_id == mgroup.id)
        .outerjoin(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
        .outerjoin(ratified, Decision.ratified_at_meeting_id == ratified.id)
    )


def _infos(session: Session, query: Select[*tuple[Any, ...]]) -> list[DecisionInfo]:
    """The decisions ``query`` (over :func:`_rows`) finds: two statements whatever the count."""
    rows = session.execute(query).all()
    numbers = item_numbers_of(session, {r[0].meeting_id for r in rows})
    out = []
    for d, code, name, meeting_date, mcode, title, confidential, ratified_on in rows:
        out.append(
            DecisionInfo(
                id=d.id,
                group_code=code,
                group_name=name,
                meeting_id=d.meeting_id,
                meeting=f"{mcode}:{meeting_date.isoformat()}",
                item=numbers.get(d.agenda_item_id or 0, ""),
                item_title=title or "",
                decided_on=d.decided_on,
                text=d.text,
                quorate=d.quorate,
                needs_ratification=d.needs_ratification and d.ratified_at_meeting_id is None,
                ratified_at=ratified_on,
                status=d.status,
                status_reason=d.status_reason,
                confidential=bool(confidential),
                row_version=d.row_version,
            )
        )
    return out


def _info(session: Session, d: Decision) -> DecisionInfo:
    session.flush()
    return _infos(session, _rows().where(Decision.id == d.id))[0]


def binding_group(session: Session, meeting: Meeting, binds: str | None) -> Group:
    """The group a record binds: the meeting's group, or (joint meeting) one constituent."""
    group = session.get(Group, meeting.group_id)
    assert group is not None
    if not binds:
        return group
    chosen = find_group(session, binds)
    allowed = [group, *group.constituents]
    if chosen.id not in {g.id for g in allowed}:
        codes = ", ".join(g.code for g in allowed)
        raise UserError(f"A decision or action at this meeting binds one of: {codes}.")
    return chosen


def quorate_for(session: Session, meeting: Meeting, group: Group, item_id: int | None) -> bool:
    """False only when the rule is known and not met, for the binding group(s)."""
    ensure_register(session, meeting)
    statuses = quorum_for(session, meeting, item_id)
    counted = {g.id for g in quorum_groups(session, meeting)}
    relevant = [q for q in statuses if group.id not in counted or q.group_code == group.code]
    return not any(q.quorate is False for q in relevant)


def add_decision(
    db: Database,
    meeting_ref: str | int,
    item_ref: str | int,
    text: str,
    binds: str | None = None,
) -> DecisionInfo:
    if not text.strip():
        raise UserError("Type the decision's wording (for example 'The Group APPROVED ...').")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "minutes", meeting)  # raised in the minutes: their lease
        item = item_of(s, meeting, item_ref)
        group = binding_group(s, meeting, binds)
        quorate = quorate_for(s, meeting, group, item.id)
        d = Decision(
            group_id=group.id,
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            decided_on=meeting.date,
            text=text.strip(),
            quorate=quorate,
            needs_ratification=not quorate,
            status="valid",
        )
        s.add(d)
        s.flush()
        audit.record(s, "decision", d.id, "added", text.strip()[:200])
        return _info(s, d)


def _find(session: Session, decision_id: int | str) -> Decision:
    d = session.get(Decision, int(decision_id)) if str(decision_id).isdigit() else None
    if d is None:
        raise NotFound(f"There is no decision {decision_id}: 'decisions list' shows their ids.")
    return d


def list_decisions(
    db: Database,
    group: str | None = None,
    search: str = "",
    include_withdrawn: bool = True,
    awaiting_ratification: bool = False,
) -> list[DecisionInfo]:
    """Newest first; ``search`` matches words of the wording or the item title."""
    with db.session() as s:
        query = _rows().order_by(Decision.decided_on.desc(), Decision.id.desc())
        if group:
            query = query.where(Decision.group_id == find_group(s, group).id)
        if not include_withdrawn:
            query = query.where(Decision.status == "valid")
        if search.strip():
            # Word prefixes through the search index, as the search box and the tracker do.
            query = query.where(
                or_(
                    Decision.id.in_(matching_ids("decision", search)),
                    Decision.agenda_item_id.in_(matching_ids("item", search)),
                )
            )
        if awaiting_ratification:
            query = query.where(
                Decision.needs_ratification.is_(True), Decision.ratified_at_meeting_id.is_(None)
            )
        return _infos(s, query)


def withdraw(
    db: Database,
    decision_id: int | str,
    reason: str,
    superseded: bool = False,
    expected_version: int | None = None,
) -> DecisionInfo:
    """Withdraw (or mark superseded) with a reason; the decision stays on the log.
    ``expected_version``: the row_version the caller read (services/versions.py)."""
    if not reason.strip():
        raise UserError("Say why the decision is withdrawn or superseded (--reason).")
    with db.session() as s:
        d = _find(s, decision_id)
        versions.check(s, d, expected_version, "decision")
        if d.status != "valid":
            raise UserError(f"Decision {d.id} is already {d.status}.")
        d.status = DecisionStatus.SUPERSEDED if superseded else DecisionStatus.WITHDRAWN
        d.status_reason = reason.strip()
        audit.record(s, "decision", d.id, d.status, reason.strip()[:200])
        s.flush()
        return _info(s, d)


def ratify(
    db: Database, decision_id: int | str, at_ref: str | int, expected_version: int | None = None
) -> DecisionInfo:
    """Ratify a decision taken while not quorate, at a later quorate meeting.
    ``expected_version``: the row_version the caller read (services/versions.py)."""
    with db.session() as s:
        d = _find(s, decision_id)
        versions.check(s, d, expected_version, "decision")
        if not d.needs_ratification or d.ratified_at_meeting_id:
            raise UserError(f"Decision {d.id} does not need ratifying.")
        at = find_meeting(s, at_ref)
        original = s.get(Meeting, d.meeting_id)
        group = s.get(Group, d.group_id)
        assert original is not None and group is not None
        if at.date <= original.date:
            raise UserError("A decision is ratified at a later meeting: choose one after it.")
        if not quorate_for(s, at, group, None):
            raise UserError("That meeting is not quorate either: ratify at a quorate meeting.")
        d.ratified_at_meeting_id = at.id
        audit.record(s, "decision", d.id, "ratified", f"at meeting {at.id}")
        s.flush()
        return _info(s, d)


# Id, Date, Group, Meeting, Item, Decision, Status, Ratification on A4 landscape (25.7 cm):
# the decision gets the room, so a decision reads in a line or two, not eight.
DECISION_WIDTHS = (0.9, 2.1, 1.7, 2.6, 3.8, 10.2, 1.7, 2.7)


def export(
    db: Database,
    out: Path,
    group: str | None = None,
    search: str = "",
    confidential: bool = False,
    meeting: str | int | None = None,
) -> Path:
    """The decision log to Excel (.xlsx) or Word (.docx), by the file's extension.

    Decisions under Part B items are left out unless ``confidential`` is asked for;
    ``meeting`` keeps only one meeting's decisions (its published decision log).
    """
    from atr_desktop.documents import logs
    from atr_desktop.services.house import house
    from atr_desktop.services.marking import part_b_note, records_marking

    only: int | None = None
    if meeting is not None:
        with db.session() as s:
            only = find_meeting(s, meeting).id
    rows = [
        d
        for d in list_decisions(db, group, search)
        if (confidential or not d.confidential) and (only is None or d.meeting_id == only)
    ]
    headers = ["Id", "Date", "Group", "Meeting", "Item", "Decision", "Status", "Ratification"]
    excel = out.suffix.lower() == ".xlsx"
    table = [
        [
            d.id,
            d.decided_on if excel else short_date(d.decided_on),
            d.group_code,
            f"{d.meeting.split(':')[0]} {short_date(d.decided_on)}",
            f"{d.item} {d.item_title}".strip(),
            d.text,
            d.status.capitalize() + (f": {d.status_reason}" if d.status_reason else ""),
            _ratification(d),
        ]
        for d in rows
    ]
    title = "Decision log" + (f": {rows[0].group_name}" if group and rows else "")
    mark = records_marking(db, Decision, confidential, [d.id for d in rows if d.confidential])
    note = part_b_note(confidential, "decisions")
    if only is not None and rows:
        title = f"Decision log: {rows[0].group_name}, {short_date(rows[0].decided_on)}"
    if out.suffix.lower() == ".xlsx":
        return logs.table_xlsx(
            out, [(title[:31].replace(":", ""), headers, table, None)], house(db, mark), note
        )
    if out.suffix.lower() == ".docx":
        return logs.table_docx(
            house(db, mark),
            out,
            title,
            [("", headers, table, None)],
            landscape=True,
            subtitle=note + ".",
            widths_cm=DECISION_WIDTHS,
        )
    raise UserError("Export the decision log to a .xlsx or .docx file.")


def _ratification(d: DecisionInfo) -> str:
    if d.ratified_at:
        return f"Ratified {short_date(d.ratified_at)}"
    return "Needs ratification (not quorate)" if d.needs_ratification else ""
