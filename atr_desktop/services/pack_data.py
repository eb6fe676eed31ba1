"""Gathering a pack's plain data from the store: header, agenda, papers, appendices.

Part B (confidential) items, their sub-items, papers, minutes, decisions and actions never
reach a main pack; a restricted pack holds only them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.documents.pack.spec import (
    ActionRow,
    AgendaRow,
    Appendices,
    CoverSheet,
    Header,
    MinuteItem,
    MinutesData,
)
from atr_desktop.domain.agenda import start_times
from atr_desktop.domain.dates import hhmm, long_date, medium_date, short_date
from atr_desktop.domain.rag import rag
from atr_desktop.domain.settings import COVER_SHEET_FIELDS
from atr_desktop.services.meetings import previous_meeting
from atr_desktop.services.refs import meeting_item_numbers
from atr_desktop.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Group,
    Meeting,
    MinuteEntry,
    Minutes,
    Paper,
    PaperFile,
    Person,
)

CLOSED_ACTIONS = {"closed", "superseded"}


@dataclass(frozen=True)
class PaperPlan:
    """A paper as the pack sees it: its cover sheet and its latest file (if any)."""

    paper_id: int
    item: str
    item_id: int
    cover: CoverSheet
    filename: str = ""
    sha256: str = ""
    added_at: dt.datetime | None = None
    revised: bool = False  # an earlier version of the file exists
    values: dict[str, str] = field(default_factory=dict)  # cover fields, for the checks


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def confidential_ids(items: list[AgendaItem]) -> set[int]:
    """Items that are Part B themselves or sit beneath one that is."""
    by_id = {i.id: i for i in items}
    out: set[int] = set()
    for item in items:
        node: AgendaItem | None = item
        while node is not None:
            if node.confidential:
                out.add(item.id)
                break
            node = by_id.get(node.parent_id) if node.parent_id else None
    return out


def header_for(
    session: Session, meeting: Meeting, organisation: str, marking: str, version_line: str
) -> Header:
    group = session.get(Group, meeting.group_id)
    assert group is not None
    time = hhmm(meeting.start_time) + (f" to {hhmm(meeting.end_time)}" if meeting.end_time else "")
    return Header(
        programme=organisation,
        group=group.name,
        meeting=f"Meeting of the {group.name}",
        day=long_date(meeting.date),
        short_day=medium_date(meeting.date),
        time=time,
        venue=meeting.venue,
        link=meeting.online_link,
        marking=marking,
        version_line=version_line,
    )


def agenda_items(session: Session, meeting: Meeting) -> tuple[list[AgendaItem], dict[int, str]]:
    """The meeting's items (deferred ones left out) in agenda order, with their numbers."""
    numbers = meeting_item_numbers(session, meeting.id)
    items = list(
        session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)).all()
    )
    items = [i for i in items if not i.deferred]
    items.sort(key=lambda i: number_key(numbers[i.id]))
    return items, numbers


def agenda_rows(
    meeting: Meeting,
    items: list[AgendaItem],
    numbers: dict[int, str],
    secret: set[int],
    restricted: bool,
    with_pages: set[str],
) -> list[AgendaRow]:
    """The agenda as printed: a main pack shows Part B items without their titles."""
    top = [i for i in items if i.parent_id is None]
    times = dict(
        zip(
            (i.id for i in top),
            start_times(meeting.start_time, [i.minutes_allotted for i in top]),
            strict=True,
        )
    )
    rows = []
    for item in items:
        number = numbers[item.id]
        hidden = item.id in secret
        if restricted and not hidden:
            continue
        title, lead, purpose = item.title, item.lead, item.purpose
        if hidden and not restricted:
            title, lead, purpose = "Part B: confidential item (in the Part B pack)", "", ""
        rows.append(
            AgendaRow(
                number=number,
                title=title,
                lead=lead,
                purpose=purpose,
                time=hhmm(times[item.id]) if item.id in times else "",
                has_pack_pages=number in with_pages,
                depth=number.count("."),
            )
        )
    return rows


def paper_plans(
    session: Session,
    items: list[AgendaItem],
    numbers: dict[int, str],
    references: dict[int, str] | None = None,
) -> list[PaperPlan]:
    """Every paper of ``items`` (withdrawn ones left out) in agenda order; ``references``
    (paper id -> 'SG/2027-02-09/C') fill the cover sheets' Reference. An item that expects
    papers and has none gets a stand-in (``paper_id`` 0), so it can be shown 'to follow'."""
    references = references or {}
    out = []
    for item in items:
        papers = session.scalars(
            select(Paper).where(Paper.agenda_item_id == item.id).order_by(Paper.id)
        ).all()
        expects = item.has_papers and item.kind == "standard"
        if expects and all(p.status == "withdrawn" for p in papers):
            out.append(expected_paper(item, numbers[item.id]))
        for paper in papers:
            if paper.status == "withdrawn":
                continue
            files = session.scalars(
                select(PaperFile).where(PaperFile.paper_id == paper.id).order_by(PaperFile.version)
            ).all()
            latest = files[-1] if files else None
            number = numbers[item.id]
            cover = CoverSheet(
                item=number,
                item_title=item.title,
                reference=references.get(paper.id, ""),
                title=paper.title,
                author=paper.author,
                sponsor=paper.sponsor,
                purpose=paper.purpose,
                summary=paper.summary,
                recommendation=paper.recommendation,
                risks=paper.risks,
                equality_impact=paper.equality_impact,
                previously_considered=paper.previously_considered,
                appendices=paper.appendices,
            )
            values = {
                "title": paper.title,
                "agenda_reference": number,
                "author": paper.author,
                "sponsor": paper.sponsor,
                "purpose": paper.purpose,
                "summary": paper.summary,
                "recommendation": paper.recommendation,
                "risks": paper.risks,
                "equality_impact": paper.equality_impact,
                "previously_considered": paper.previously_considered,
            }
            out.append(
                PaperPlan(
                    paper_id=paper.id,
                    item=number,
                    item_id=item.id,
                    cover=cover,
                    filename=latest.filename if latest else "",
                    sha256=latest.sha256 if latest else "",
                    added_at=latest.added_at if latest else None,
                    revised=len(files) > 1,
                    values=values,
                )
            )
    return out


def expected_paper(item: AgendaItem, number: str) -> PaperPlan:
    """The stand-in for a paper an item expects but nobody has recorded yet."""
    named = ("title", "agenda_reference")  # given below, from the item
    blank = dict.fromkeys((*(f for f in COVER_SHEET_FIELDS if f not in named), "appendices"), "")
    cover = CoverSheet(item=number, item_title=item.title, reference="", title=item.title, **blank)
    return PaperPlan(paper_id=0, item=number, item_id=item.id, cover=cover)


def _names(session: Session, rows: list[Attendance]) -> list[str]:
    out = []
    for row in rows:
        person = session.get(Person, row.person_id) if row.person_id else None
        out.append(person.full_name if person else row.guest_name)
    return [n for n in out if n]


def minutes_data(session: Session, meeting: Meeting) -> MinutesData | None:
    """The previous meeting's minutes (Part B items left out), or None without a meeting."""
    prev = previous_meeting(session, meeting)
    if prev is None:
        return None
    minutes = session.scalar(select(Minutes).where(Minutes.meeting_id == prev.id))
    status = minutes.status if minutes else "not yet drafted"
    word = "Draft minutes" if status == "draft" else "Minutes"
    title = f"{word} of the meeting held on {long_date(prev.date)}"
    register = list(session.scalars(select(Attendance).where(Attendance.meeting_id == prev.id)))
    items, numbers = agenda_items(session, prev)
    secret = confidential_ids(items)
    entries = (
        {
            e.agenda_item_id: e
            for e in session.scalars(
                select(MinuteEntry).where(MinuteEntry.minutes_id == minutes.id)
            )
        }
        if minutes
        else {}
    )
    decisions = list(session.scalars(select(Decision).where(Decision.meeting_id == prev.id)))
    actions = list(session.scalars(select(Action).where(Action.meeting_id == prev.id)))
    rows = []
    for item in items:
        if item.id in secret:
            continue
        entry = entries.get(item.id)
        ds = [d.text for d in decisions if d.agenda_item_id == item.id and d.status == "valid"]
        acts = [
            f"{a.ref}: {a.description} ({_owner(session, a)}"
            + (f", due {short_date(a.due_date)})" if a.due_date else ")")
            for a in actions
            if a.agenda_item_id == item.id
        ]
        if entry is None and not ds and not acts:
            continue
        rows.append(
            MinuteItem(numbers[item.id], item.title, entry.discussion if entry else "", ds, acts)
        )
    return MinutesData(
        title=title,
        status=status.capitalize(),
        present=_names(session, [r for r in register if r.status in {"present", "deputy"}]),
        apologies=_names(session, [r for r in register if r.status == "apologies"]),
        in_attendance=_names(session, [r for r in register if r.status == "in-attendance"]),
        items=rows,
    )


def _owner(session: Session, action: Action) -> str:
    person = session.get(Person, action.owner_person_id) if action.owner_person_id else None
    return person.full_name if person else action.owner_text


def action_rows(
    session: Session, meeting: Meeting, secret_items: set[int], today: dt.date, amber_days: int
) -> list[ActionRow]:
    """The group's open actions, oldest first; those raised under Part B items left out."""
    actions = session.scalars(
        select(Action).where(Action.group_id == meeting.group_id).order_by(Action.raised_on)
    ).all()
    hidden = set(secret_items)
    hidden |= {
        i.id for i in session.scalars(select(AgendaItem).where(AgendaItem.confidential.is_(True)))
    }
    out = []
    for action in actions:
        if action.status in CLOSED_ACTIONS or action.agenda_item_id in hidden:
            continue
        latest = action.updates[-1] if action.updates else None
        out.append(
            ActionRow(
                ref=action.ref,
                description=action.description,
                owner=_owner(session, action),
                due=short_date(action.revised_due_date or action.due_date),
                status=action.status,
                rag=rag(
                    action.status,
                    action.due_date,
                    action.revised_due_date,
                    today,
                    amber_days,
                    action.rag_override,
                ),
                latest_update=f"{short_date(latest.on_date)}: {latest.text}" if latest else "",
            )
        )
    return out


def appendices(
    session: Session,
    meeting: Meeting,
    items: list[AgendaItem],
    numbers: dict[int, str],
    today: dt.date,
    amber_days: int,
) -> Appendices:
    """The previous minutes and the action log, linked to their standing items if present."""
    minutes_item = next((numbers[i.id] for i in items if i.kind == "minutes"), "")
    actions_item = next((numbers[i.id] for i in items if i.kind == "action_log"), "")
    secret = confidential_ids(items)
    return Appendices(
        minutes=minutes_data(session, meeting),
        minutes_item=minutes_item,
        actions=action_rows(session, meeting, secret, today, amber_days),
        actions_title=f"Action log at {medium_date(today)}",
        actions_item=actions_item,
    )
