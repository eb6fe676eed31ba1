"""Minutes: taken during the meeting and after it, approved at a later one, then locked.

Typing is never lost: the window autosaves each pause in typing to DraftText in its own
small transaction (:func:`autosave`); :func:`write_item` saves the text for real and drops
the draft; on reopen :func:`pending_drafts` gives back what was typed but not saved. Typing
is kept per officer (the login their lease names): on a shared store the next officer to
hold the minutes is never offered an earlier one's typing as if it were their own.
Confidential (Part B) items are minuted separately and never appear in the public minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import medium_date
from atr_desktop.domain.kinds import MinutesStatus
from atr_desktop.errors import UserError
from atr_desktop.services import audit, forward_plan, leases
from atr_desktop.services.attendance import (
    DeclarationInfo,
    QuorumStatus,
    _register,
    declarations_of,
    person_name,
)
from atr_desktop.services.record_lock import ensure_unlocked, item_of, minutes_of
from atr_desktop.services.refs import find_meeting, meeting_item_numbers
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    Action,
    AgendaItem,
    Decision,
    DraftText,
    Group,
    Meeting,
    MinuteAmendment,
    MinuteEntry,
    Minutes,
    Person,
)


@dataclass(frozen=True)
class DecisionLine:
    id: int
    text: str
    group_code: str
    needs_ratification: bool
    status: str


@dataclass(frozen=True)
class ActionLine:
    id: int
    ref: str
    description: str
    owner: str
    due: dt.date | None
    status: str


@dataclass(frozen=True)
class ItemMinutes:
    item_id: int
    number: str
    title: str
    kind: str
    confidential: bool
    added_on_day: bool
    deferred: bool
    discussion: str
    decisions: tuple[DecisionLine, ...]
    actions: tuple[ActionLine, ...]
    pending_draft: str | None
    carried: tuple[ActionLine, ...] = ()


@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    made_on: dt.date
    item: str
    text: str
    reason: str
    user: str


@dataclass(frozen=True)
class MinutesView:
    meeting_id: int
    group_code: str
    group_name: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time | None
    venue: str
    status: str
    approved_at: dt.date | None
    amendments_agreed: str
    present: tuple[str, ...]
    apologies: tuple[str, ...]
    in_attendance: tuple[str, ...]
    quorum: tuple[QuorumStatus, ...]
    declarations: tuple[DeclarationInfo, ...]
    items: tuple[ItemMinutes, ...]
    amendments: tuple[AmendmentInfo, ...]
    confidential: bool
    approval_withdrawn: str = ""

    @property
    def locked(self) -> bool:
        return self.status == "approved"


def draft_key(meeting_id: int, item_id: int, login: str = "") -> str:
    """'minutes:12:34:alex': one officer's typing under one item ('' for typing kept
    before it was kept per officer, which whoever opens the minutes is offered)."""
    return f"minutes:{meeting_id}:{item_id}" + (f":{login[:60]}" if login else "")


def _login(session: Session, officer: leases.Officer | None) -> str:
    return (officer or leases.me(session)).login


def _drafts(session: Session, meeting_id: int, login: str) -> dict[int, str]:
    """Item id -> this officer's kept typing (or, failing theirs, typing kept before it
    was kept per officer)."""
    mine: dict[int, str] = {}
    older: dict[int, str] = {}
    prefix = f"minutes:{meeting_id}:"
    for d in session.scalars(select(DraftText).where(DraftText.key.startswith(prefix))):
        item, _, whose = d.key.removeprefix(prefix).partition(":")
        if whose == login[:60]:
            mine[int(item)] = d.text
        elif not whose:
            older[int(item)] = d.text
    return older | mine


def _drop_drafts(session: Session, meeting_id: int, item_id: int, login: str) -> None:
    keys = (draft_key(meeting_id, item_id, login), draft_key(meeting_id, item_id))
    session.execute(delete(DraftText).where(DraftText.key.in_(keys)))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


def _owner(session: Session, action: Action) -> str:
    if action.owner_person_id:
        return person_name(session.get(Person, action.owner_person_id))
    return action.owner_text


def _header_lines(session: Session, meeting: Meeting) -> tuple[list[str], list[str], list[str]]:
    """Present, apologies, in attendance; a joint meeting's lists grouped by constituent."""
    register = _register(session, meeting)
    names = {g.code: g.name for g in session.scalars(select(Group))}
    present: dict[str, list[str]] = {}
    apologies: dict[str, list[str]] = {}
    attending: list[str] = []
    deputy_of = {ln.deputy_for_id: ln for ln in register.lines if ln.status == "deputy"}
    for ln in register.lines:
        who = ", ".join(p for p in (ln.name, ln.job_title, ln.organisation) if p)
        timing = "".join(
            (
                f" (from item {ln.arrived_item})" if ln.arrived_item else "",
                f" (left at item {ln.left_item})" if ln.left_item else "",
            )
        )
        key = ln.constituent if register.joint else ""
        if ln.status == "present":
            role = f" ({ln.role.capitalize()})" if ln.role in ("chair", "vice-chair") else ""
            present.setdefault(key, []).append(f"{ln.name}{role}" + who[len(ln.name) :] + timing)
        elif ln.status == "deputy":
            present.setdefault(key, []).append(f"{who} (deputy for {ln.deputy_for}){timing}")
        elif ln.status == "apologies":
            deputy = deputy_of.get(ln.person_id)
            org = f", {ln.organisation}" if ln.organisation else ""
            line = f"{ln.name}{org}" + (f" (deputy: {deputy.name})" if deputy else "")
            apologies.setdefault(key, []).append(line)
        elif ln.status == "in-attendance":
            attending.append(who + timing + (f" ({ln.note})" if ln.note else ""))

    def grouped(lines: dict[str, list[str]]) -> list[str]:
        if not register.joint:
            return lines.get("", [])
        out: list[str] = []
        for code in lines:  # the register's order: the joint group's own, then constituents
            out.append(f"{names.get(code, register.group_name)}:")
            out += lines[code]
        return out

    return grouped(present), grouped(apologies), attending


def _item_minutes(
    session: Session,
    item: AgendaItem,
    number: str,
    codes: dict[int, str],
    saved: str,
    draft: str | None,
) -> ItemMinutes:
    decisions = tuple(
        DecisionLine(d.id, d.text, codes.get(d.group_id, ""), d.needs_ratification, d.status)
        for d in session.scalars(
            select(Decision).where(Decision.agenda_item_id == item.id).order_by(Decision.id)
        )
    )
    actions = tuple(
        ActionLine(a.id, a.ref, a.description, _owner(session, a), a.due_date, a.status)
        for a in session.scalars(
            select(Action).where(Action.agenda_item_id == item.id).order_by(Action.id)
        )
    )
    return ItemMinutes(
        item.id,
        number,
        item.title,
        item.kind,
        item.confidential,
        item.added_on_day,
        item.deferred,
        saved,
        decisions,
        actions,
        draft if draft is not None and draft != saved else None,
    )


def _view(session: Session, meeting: Meeting, confidential: bool, login: str = "") -> MinutesView:
    group = session.get(Group, meeting.group_id)
    assert group is not None
    minutes = minutes_of(session, meeting)
    numbers = meeting_item_numbers(session, meeting.id)
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)).all()
    entries = {}
    amendments: list[AmendmentInfo] = []
    if minutes is not None:
        for entry in session.scalars(
            select(MinuteEntry).where(MinuteEntry.minutes_id == minutes.id)
        ):
            entries[entry.agenda_item_id] = entry.discussion
        for a in session.scalars(
            select(MinuteAmendment)
            .where(MinuteAmendment.minutes_id == minutes.id)
            .order_by(MinuteAmendment.id)
        ):
            amendments.append(
                AmendmentInfo(
                    a.id,
                    a.made_on,
                    numbers.get(a.agenda_item_id or 0, ""),
                    a.text,
                    a.reason,
                    a.user,
                )
            )
    drafts = _drafts(session, meeting.id, login or _login(session, None))
    codes = {g.id: g.code for g in session.scalars(select(Group))}
    out = [
        _item_minutes(
            session,
            item,
            numbers[item.id],
            codes,
            entries.get(item.id, ""),
            drafts.get(item.id),
        )
        for item in sorted(items, key=lambda i: _number_key(numbers[i.id]))
        if item.confidential == confidential
    ]
    present, apologies, attending = _header_lines(session, meeting)
    from atr_desktop.services.attendance import quorum_for

    approved_at = (
        session.get(Meeting, minutes.approved_at_meeting_id)
        if minutes and minutes.approved_at_meeting_id
        else None
    )
    shown = {i.number for i in out}
    declarations = tuple(
        d
        for d in declarations_of(session, meeting)
        if d.item in shown or (not d.item and not confidential)
    )
    return MinutesView(
        meeting_id=meeting.id,
        group_code=group.code,
        group_name=group.name,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        venue=meeting.venue,
        status=minutes.status if minutes else "draft",
        approved_at=approved_at.date if approved_at else None,
        amendments_agreed=minutes.amendments_agreed if minutes else "",
        approval_withdrawn=minutes.withdrawn_reason if minutes else "",
        present=tuple(present),
        apologies=tuple(apologies),
        in_attendance=tuple(attending),
        quorum=tuple(quorum_for(session, meeting)),
        declarations=declarations,
        items=tuple(out),
        amendments=tuple(amendments),
        confidential=confidential,
    )


def show(
    db: Database,
    meeting_ref: str | int,
    confidential: bool = False,
    officer: leases.Officer | None = None,
) -> MinutesView:
    """The minutes as they stand: public items, or only Part B with ``confidential``;
    pending drafts are ``officer``'s (this officer's unless given).

    The action-log item carries the actions brought forward to it (a query, not a copy).
    """
    from dataclasses import replace

    from atr_desktop.services.actions import carried_forward

    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        view = _view(s, meeting, confidential, _login(s, officer))
    if not any(i.kind == "action_log" for i in view.items):
        return view
    carried = tuple(
        ActionLine(a.id, a.ref, a.description, a.owner, a.due, a.status)
        for a in carried_forward(db, view.meeting_id)
        if not a.confidential
    )
    items = tuple(replace(i, carried=carried) if i.kind == "action_log" else i for i in view.items)
    return replace(view, items=items)


def write_item(db: Database, meeting_ref: str | int, item_ref: str | int, text: str) -> ItemMinutes:
    """Save the discussion minuted under one item (replacing what was there)."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "minutes", meeting)
        item = item_of(s, meeting, item_ref)
        minutes = minutes_of(s, meeting, create=True)
        assert minutes is not None
        entry = s.scalar(select(MinuteEntry).where(MinuteEntry.agenda_item_id == item.id))
        if entry is None:
            entry = MinuteEntry(minutes_id=minutes.id, agenda_item_id=item.id, discussion="")
            s.add(entry)
        entry.discussion = text.rstrip()
        _drop_drafts(s, meeting.id, item.id, _login(s, None))
        s.flush()
        audit.record(s, "minutes", minutes.id, "item written", f"item {item.id}")
        codes = {g.id: g.code for g in s.scalars(select(Group))}
        number = meeting_item_numbers(s, meeting.id)[item.id]
        return _item_minutes(s, item, number, codes, entry.discussion, None)


def autosave(
    db: Database,
    meeting_id: int,
    item_id: int,
    text: str,
    officer: leases.Officer | None = None,
) -> None:
    """Keep typing not yet saved, in its own small transaction (survives a crash), as
    ``officer``'s (this officer's unless given)."""
    with db.session() as s:
        key = draft_key(meeting_id, item_id, _login(s, officer))
        row = s.get(DraftText, key)
        if row is None:
            s.add(DraftText(key=key, text=text))
        else:
            row.text = text
            row.saved_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def pending_drafts(
    db: Database, meeting_ref: str | int, officer: leases.Officer | None = None
) -> dict[int, str]:
    """Item id -> text ``officer`` typed but did not save (differs from the saved minutes)."""
    view_public = show(db, meeting_ref, officer=officer)
    view_b = show(db, meeting_ref, confidential=True, officer=officer)
    return {
        i.item_id: i.pending_draft
        for i in (*view_public.items, *view_b.items)
        if i.pending_draft is not None
    }


def discard_draft(
    db: Database, meeting_id: int, item_id: int, officer: leases.Officer | None = None
) -> None:
    """Throw away ``officer``'s kept typing under an item (this officer's unless given)."""
    with db.session() as s:
        _drop_drafts(s, meeting_id, item_id, _login(s, officer))


def approval_state(db: Database, meeting_id: int) -> str:
    """The minutes' approval in a few words (one query), for the meeting header."""
    with db.session() as s:
        row = s.execute(
            select(Minutes.status, Minutes.approved_on, Minutes.withdrawn_reason).where(
                Minutes.meeting_id == meeting_id
            )
        ).first()
    if row is None:
        return "not started"
    if row.status == "approved" and row.approved_on is not None:
        return f"approved at the meeting of {medium_date(row.approved_on)}"
    if row.withdrawn_reason:
        return f"draft (an approval was withdrawn: {row.withdrawn_reason})"
    return "draft"


def has_been_held(meeting: Meeting, now: dt.datetime | None = None) -> bool:
    """Held: not cancelled, and on an earlier date, or today at or after its start time."""
    now = now or dt.datetime.now()
    if meeting.status == "cancelled":
        return False
    return meeting.date < now.date() or (
        meeting.date == now.date() and now.time() >= meeting.start_time
    )


def approval_problem(meeting: Meeting, at: Meeting, now: dt.datetime | None = None) -> str | None:
    """Why ``at`` cannot approve the minutes of ``meeting`` (None when it can)."""
    if at.date <= meeting.date:
        return (
            "Minutes are approved at a later meeting: choose a meeting after "
            f"{medium_date(meeting.date)}."
        )
    if not has_been_held(at, now):
        when = "was cancelled" if at.status == "cancelled" else "has not taken place yet"
        return (
            f"The meeting of {medium_date(at.date)} {when}: minutes are approved at a meeting "
            "that has taken place (or is in progress today)."
        )
    return None


def approval_choices(
    db: Database, meeting_ref: str | int, now: dt.datetime | None = None
) -> list[MeetingChoice]:
    """The group's meetings that can approve these minutes: later, and held (newest first)."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        group = s.get_one(Group, meeting.group_id)
        later = s.scalars(
            select(Meeting)
            .where(Meeting.group_id == meeting.group_id, Meeting.date > meeting.date)
            .order_by(Meeting.date.desc())
        ).all()
        return [
            MeetingChoice(m.id, group.code, group.name, m.date, m.status)
            for m in later
            if approval_problem(meeting, m, now) is None
        ]


def approve(
    db: Database,
    meeting_ref: str | int,
    at_ref: str | int,
    amendments: str = "",
    now: dt.datetime | None = None,
) -> MinutesView:
    """Approve a meeting's minutes at a later meeting that has been held; they are locked
    from then on (until an approval is withdrawn, with a reason, on record)."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        at = find_meeting(s, at_ref)
        problem = approval_problem(meeting, at, now)
        if problem:
            raise UserError(problem)
        minutes = minutes_of(s, meeting)
        if minutes is None:
            raise UserError(
                "There are no minutes of that meeting to approve yet: write them first."
            )
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "minutes", meeting)
        if _drafts(s, meeting.id, _login(s, None)):  # this officer's: another's is theirs
            raise UserError(
                "Some typing in these minutes is not saved yet: save or discard it, then approve."
            )
        minutes.status = MinutesStatus.APPROVED
        minutes.approved_at_meeting_id = at.id
        minutes.approved_on = at.date
        minutes.amendments_agreed = amendments.strip()
        minutes.withdrawn_reason = ""
        audit.record(s, "minutes", minutes.id, "approved", f"at the meeting of {at.date}")
        s.flush()
        return _view(s, meeting, False)


def withdraw_approval(db: Database, meeting_ref: str | int, reason: str) -> MinutesView:
    """Undo an approval given in error: the minutes become a draft again and the reason is
    kept on the minutes and in the audit trail (approval is never silently removed)."""
    if not reason.strip():
        raise UserError("Say why the approval is withdrawn: the reason goes on record.")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        minutes = minutes_of(s, meeting)
        if minutes is None or minutes.status != "approved":
            raise UserError(
                f"The minutes of {medium_date(meeting.date)} are not approved: there is no "
                "approval to withdraw."
            )
        leases.ensure_free(s, "minutes", meeting)
        at = s.get(Meeting, minutes.approved_at_meeting_id or 0)
        was = f"approval at the meeting of {at.date}" if at else "approval"
        minutes.status = MinutesStatus.DRAFT
        minutes.approved_at_meeting_id = None
        minutes.approved_on = None
        minutes.withdrawn_reason = reason.strip()
        audit.record(s, "minutes", minutes.id, "approval withdrawn", f"{was}: {reason.strip()}")
        s.flush()
        return _view(s, meeting, False)


def amend(
    db: Database,
    meeting_ref: str | int,
    text: str,
    reason: str,
    item_ref: str | int | None = None,
    on: dt.date | None = None,
) -> AmendmentInfo:
    """A dated correction to approved minutes, on record; the approved text is untouched."""
    from atr_desktop.adapters.identity import current_user

    if not text.strip() or not reason.strip():
        raise UserError("An amendment needs its text and the reason for it.")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        minutes = minutes_of(s, meeting)
        if minutes is None or minutes.status != "approved":
            raise UserError(
                "These minutes are still a draft: edit them directly instead of amending."
            )
        leases.ensure_free(s, "minutes", meeting)
        item = item_of(s, meeting, item_ref) if item_ref not in (None, "") else None
        row = MinuteAmendment(
            minutes_id=minutes.id,
            agenda_item_id=item.id if item else None,
            made_on=on or dt.date.today(),
            text=text.strip(),
            reason=reason.strip(),
            user=current_user(),
        )
        s.add(row)
        s.flush()
        audit.record(s, "minutes", minutes.id, "amended", reason.strip()[:200])
        numbers = meeting_item_numbers(s, meeting.id)
        return AmendmentInfo(
            row.id,
            row.made_on,
            numbers.get(row.agenda_item_id or 0, ""),
            row.text,
            row.reason,
            row.user,
        )


def add_item_on_the_day(
    db: Database, meeting_ref: str | int, title: str, confidential: bool = False
) -> str:
    """An item raised on the day, under any other business; returns its number ('9.1')."""
    if not title.strip():
        raise UserError("Type the title of the item raised on the day.")
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "minutes", meeting)
        aob = s.scalar(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.kind == "aob")
        )
        parent_id = aob.id if aob else None
        last = s.scalar(
            select(func.max(AgendaItem.position)).where(
                AgendaItem.meeting_id == meeting.id,
                AgendaItem.parent_id.is_(None)
                if parent_id is None
                else AgendaItem.parent_id == parent_id,
            )
        )
        item = AgendaItem(
            meeting_id=meeting.id,
            parent_id=parent_id,
            position=(last or 0) + 1,
            title=title.strip(),
            added_on_day=True,
            confidential=confidential,
            minutes_allotted=0,
        )
        s.add(item)
        s.flush()
        audit.record(s, "agenda_item", item.id, "added on the day", title.strip())
        return meeting_item_numbers(s, meeting.id)[item.id]


def defer_item(db: Database, meeting_ref: str | int, item_ref: str | int, reason: str = "") -> int:
    """Mark an item deferred and put it back on the group's forward plan; returns the plan id."""
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        leases.ensure_free(s, "minutes", meeting)
        item = item_of(s, meeting, item_ref)
        return forward_plan.defer(s, meeting, item, reason).id


@dataclass(frozen=True)
class MeetingChoice:
    """A meeting as choosers list it (stand-in until the meetings helper's list merges)."""

    id: int
    group_code: str
    group_name: str
    date: dt.date
    status: str

    @property
    def label(self) -> str:
        from atr_desktop.domain.dates import long_date

        return f"{self.group_code}  {long_date(self.date)}  ({self.group_name})"


def meeting_choices(db: Database, group: str | None = None) -> list[MeetingChoice]:
    """Meetings newest first (cancelled ones left out), optionally of one group."""
    with db.session() as s:
        query = (
            select(Meeting, Group)
            .join(Group, Group.id == Meeting.group_id)
            .where(Meeting.status != "cancelled")
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        )
        if group:
            query = query.where(Group.code == group.upper())
        return [MeetingChoice(m.id, g.code, g.name, m.date, m.status) for m, g in s.execute(query)]


@dataclass(frozen=True)
class ItemChoice:
    id: int
    number: str
    title: str
    confidential: bool
    kind: str = "standard"


def agenda_items(db: Database, meeting_id: int) -> list[ItemChoice]:
    """A meeting's items in running order, Part B included."""
    with db.session() as s:
        numbers = meeting_item_numbers(s, meeting_id)
        items = s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
        return [
            ItemChoice(i.id, numbers[i.id], i.title, i.confidential, i.kind)
            for i in sorted(items, key=lambda i: _number_key(numbers[i.id]))
        ]
