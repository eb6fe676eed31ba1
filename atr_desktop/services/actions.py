"""The action tracker: raise, update, carry forward, close at a meeting, export, remind.

References are GROUPCODE-YEAR-NNN, numbered per group per year. RAG follows domain.rag
with the amber window from the settings. Open actions carry forward by a query (the next
meeting's action-log item lists them); closed and superseded actions stay on record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from atr_desktop.domain import rag as rules
from atr_desktop.domain.dates import due_before_raised
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, settings
from atr_desktop.services.attendance import person_name
from atr_desktop.services.decisions import binding_group
from atr_desktop.services.groups import find_group
from atr_desktop.services.record_lock import ensure_unlocked, item_of
from atr_desktop.services.refs import find_meeting, find_person, meeting_item_numbers
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Action, ActionUpdate, AgendaItem, Group, Meeting, Person


@dataclass(frozen=True)
class UpdateInfo:
    on_date: dt.date
    text: str
    user: str


@dataclass(frozen=True)
class ActionInfo:
    id: int
    ref: str
    group_code: str
    meeting_id: int | None
    meeting: str
    meeting_date: dt.date | None
    item: str
    item_title: str
    raised_on: dt.date
    description: str
    owner: str
    owner_email: str
    owner_person_id: int | None
    due_date: dt.date | None
    revised_due_date: dt.date | None
    status: str
    rag: str
    rag_override_reason: str
    overdue: bool
    closed_at: dt.date | None
    status_reason: str
    latest_update: str
    latest_update_on: dt.date | None
    updates: tuple[UpdateInfo, ...]
    confidential: bool = False

    @property
    def due(self) -> dt.date | None:
        return self.revised_due_date or self.due_date

    @property
    def raised_at(self) -> str:
        """'SG 10 Nov 2026, item 5' (UK style, for people; ``meeting`` is for typing)."""
        if not self.meeting or self.meeting_date is None:
            return "Imported" if self.meeting_id is None else ""
        from atr_desktop.domain.dates import short_date

        code = self.meeting.split(":")[0]
        return f"{code} {short_date(self.meeting_date)}" + (
            f", item {self.item}" if self.item else ""
        )

    @property
    def is_open(self) -> bool:
        return rules.is_open(self.status)


@dataclass
class ActionFilter:
    group: str | None = None
    owner: str = ""
    status: str | None = None
    overdue: bool = False
    due_within: int | None = None
    text: str = ""
    open_only: bool = False


@dataclass
class ActionChange:
    """What an update sets; None leaves a field as it is."""

    status: str | None = None
    due: dt.date | None = None
    note: str = ""
    rag: str | None = None
    reason: str = ""
    at_meeting: str | int | None = None
    owner: str | None = None
    description: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _amber(db: Database) -> int:
    return int(settings.get(db, "action_amber_days"))


def _info(
    session: Session, a: Action, today: dt.date, amber: int, numbers: dict[int, str] | None = None
) -> ActionInfo:
    group = session.get(Group, a.group_id)
    meeting = session.get(Meeting, a.meeting_id) if a.meeting_id else None
    mgroup = session.get(Group, meeting.group_id) if meeting else None
    item = session.get(AgendaItem, a.agenda_item_id) if a.agenda_item_id else None
    if meeting and numbers is None:
        numbers = meeting_item_numbers(session, meeting.id)
    owner = session.get(Person, a.owner_person_id) if a.owner_person_id else None
    closed_at = session.get(Meeting, a.closed_at_meeting_id) if a.closed_at_meeting_id else None
    updates = tuple(UpdateInfo(u.on_date, u.text, u.user) for u in a.updates)
    latest = updates[-1] if updates else None
    return ActionInfo(
        id=a.id,
        ref=a.ref,
        group_code=group.code if group else "",
        meeting_id=a.meeting_id,
        meeting=f"{mgroup.code}:{meeting.date.isoformat()}" if meeting and mgroup else "",
        meeting_date=meeting.date if meeting else None,
        item=(numbers or {}).get(a.agenda_item_id or 0, ""),
        item_title=item.title if item else "",
        raised_on=a.raised_on,
        description=a.description,
        owner=person_name(owner) if owner else a.owner_text,
        owner_email=(owner.email or "") if owner else "",
        owner_person_id=a.owner_person_id,
        due_date=a.due_date,
        revised_due_date=a.revised_due_date,
        status=a.status,
        rag=rules.rag(a.status, a.due_date, a.revised_due_date, today, amber, a.rag_override),
        rag_override_reason=a.rag_override_reason,
        overdue=rules.is_overdue(a.status, a.due_date, a.revised_due_date, today),
        closed_at=closed_at.date if closed_at else None,
        status_reason=a.status_reason,
        latest_update=latest.text if latest else "",
        latest_update_on=latest.on_date if latest else None,
        updates=updates,
        confidential=bool(item and item.confidential),
    )


def find_action(session: Session, ref: str | int) -> Action:
    text = str(ref).strip()
    action = session.scalar(select(Action).where(func.upper(Action.ref) == text.upper()))
    if action is None and text.isdigit():
        action = session.get(Action, int(text))
    if action is None:
        raise NotFound(f"There is no action '{text}': use its reference, for example SG-2026-014.")
    return action


def resolve_owner(session: Session, text: str) -> tuple[int | None, str]:
    """An email names a person; a name that matches exactly one person links them; else text."""
    text = text.strip()
    if not text:
        raise UserError("Every action needs an owner: a person's email or a name.")
    if "@" in text:
        return find_person(session, text).id, ""
    matches = [
        p
        for p in session.scalars(select(Person).where(Person.erased_at.is_(None)))
        if p.full_name.casefold() == text.casefold()
    ]
    if len(matches) == 1:
        return matches[0].id, ""
    return None, text


def new_ref(session: Session, group: Group, year: int) -> str:
    existing = session.scalars(select(Action.ref).where(Action.ref.like(f"{group.code}-{year}-%")))
    return rules.next_ref(group.code, year, existing)


def add_action(
    db: Database,
    meeting_ref: str | int,
    item_ref: str | int,
    text: str,
    owner: str,
    due: dt.date | None,
    binds: str | None = None,
    today: dt.date | None = None,
) -> ActionInfo:
    """Raise an action at a meeting, under an item; it is numbered for the group's year."""
    if not text.strip():
        raise UserError("Type what the action is.")
    amber = _amber(db)
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        ensure_unlocked(s, meeting)
        item = item_of(s, meeting, item_ref)
        group = binding_group(s, meeting, binds)
        person_id, owner_text = resolve_owner(s, owner)
        _check_due(due, meeting.date)
        action = Action(
            ref=new_ref(s, group, meeting.date.year),
            group_id=group.id,
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            description=text.strip(),
            owner_person_id=person_id,
            owner_text=owner_text,
            raised_on=meeting.date,
            due_date=due,
            status="open",
        )
        s.add(action)
        s.flush()
        audit.record(s, "action", action.id, "raised", action.ref)
        return _info(s, action, _today(today), amber)


def _check_due(due: dt.date | None, raised: dt.date | None, ref: str = "") -> None:
    """The service's rule, so the window, the command line and imports all obey it."""
    problem = due_before_raised(due, raised)
    if problem:
        who = f"{ref}: t" if ref else "T"
        raise UserError(f"{who}{problem[1:]}: choose a later date.")


def _apply(session: Session, action: Action, change: ActionChange, today: dt.date) -> None:
    from atr_desktop.adapters.identity import current_user

    notes = []
    if change.description is not None and change.description.strip():
        action.description = change.description.strip()
    if change.owner is not None and change.owner.strip():
        action.owner_person_id, action.owner_text = resolve_owner(session, change.owner)
    if change.due is not None:
        _check_due(change.due, action.raised_on, action.ref)
        if action.due_date is None:
            action.due_date = change.due
        elif change.due != (action.revised_due_date or action.due_date):
            action.revised_due_date = change.due
            notes.append(f"Due date moved to {change.due:%d/%m/%Y}.")
    if change.rag is not None:
        try:
            value = rules.normalise_rag(change.rag)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        if value and not change.reason.strip():
            raise UserError("Overriding the RAG rating needs a reason (--reason).")
        action.rag_override = value
        action.rag_override_reason = change.reason.strip() if value else ""
    if change.status is not None:
        try:
            status = rules.normalise_status(change.status)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        if status == "closed" and action.status != "closed":
            if change.at_meeting in (None, ""):
                raise UserError(
                    f"Closing {action.ref} is agreed at a meeting: say which (--at MEETING), "
                    "or propose it with the status 'proposed for closure'."
                )
            at = find_meeting(session, change.at_meeting)
            action.closed_at_meeting_id = at.id
            action.closed_on = at.date
        if status == "superseded" and not (change.reason.strip() or change.note.strip()):
            raise UserError(f"Say why {action.ref} is superseded (--reason).")
        if status == "proposed for closure":
            action.closure_proposed_on = today
        if status in rules.OPEN_STATUSES:
            action.closed_at_meeting_id = None
            action.closed_on = None
        if status != action.status:
            notes.append(f"Status: {status}.")
        action.status = status
        if status == "superseded":
            action.status_reason = (change.reason or change.note).strip()
    if change.note.strip():
        notes.insert(0, change.note.strip())
    if notes:
        session.add(
            ActionUpdate(
                action_id=action.id, on_date=today, text=" ".join(notes), user=current_user()
            )
        )
    audit.record(session, "action", action.id, "updated", " ".join(notes)[:200])


def update_action(
    db: Database, ref: str | int, change: ActionChange, today: dt.date | None = None
) -> ActionInfo:
    return update_many(db, [ref], change, today)[0]


def update_many(
    db: Database, refs: Sequence[str | int], change: ActionChange, today: dt.date | None = None
) -> list[ActionInfo]:
    """The same change to several actions at once: all of them, or none if one refuses."""
    amber = _amber(db)
    day = _today(today)
    with db.session() as s:
        actions = [find_action(s, r) for r in refs]
        for action in actions:
            _apply(s, action, change, day)
        s.flush()
        for action in actions:
            s.refresh(action)
        return [_info(s, a, day, amber) for a in actions]


def get_action(db: Database, ref: str | int, today: dt.date | None = None) -> ActionInfo:
    amber = _amber(db)
    with db.session() as s:
        return _info(s, find_action(s, ref), _today(today), amber)


def list_actions(
    db: Database, filters: ActionFilter | None = None, today: dt.date | None = None
) -> list[ActionInfo]:
    """Open first by due date, then closed; filtered as the chairs' tracker filters."""
    f = filters or ActionFilter()
    amber = _amber(db)
    day = _today(today)
    with db.session() as s:
        query = select(Action)
        if f.group:
            query = query.where(Action.group_id == find_group(s, f.group).id)
        if f.status:
            try:
                query = query.where(Action.status == rules.normalise_status(f.status))
            except ValueError as exc:
                raise UserError(str(exc)) from None
        if f.open_only or f.overdue or f.due_within is not None:
            query = query.where(Action.status.in_(rules.OPEN_STATUSES))
        if f.text.strip():
            like = f"%{f.text.strip()}%"
            query = query.where(or_(Action.description.ilike(like), Action.ref.ilike(like)))
        out = [_info(s, a, day, amber) for a in s.scalars(query)]
    if f.owner.strip():
        needle = f.owner.strip().casefold()
        out = [a for a in out if needle in a.owner.casefold() or needle in a.owner_email.casefold()]
    if f.overdue:
        out = [a for a in out if a.overdue]
    if f.due_within is not None:
        limit = day + dt.timedelta(days=f.due_within)
        out = [a for a in out if a.due is not None and a.due <= limit]
    return sorted(out, key=_order)


def _order(a: ActionInfo) -> tuple[int, dt.date, str]:
    return (0 if a.is_open else 1, a.due or dt.date.max, a.ref)


def carried_forward(
    db: Database, meeting_ref: str | int, today: dt.date | None = None
) -> list[ActionInfo]:
    """What the meeting's action-log item lists: the group's actions raised before it that
    were still open when it met (open now, or closed on or after its date)."""
    amber = _amber(db)
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        group = s.get(Group, meeting.group_id)
        assert group is not None
        joint_meetings = select(Meeting.id).where(Meeting.group_id == group.id)
        query = select(Action).where(
            or_(
                Action.status.in_(rules.OPEN_STATUSES),
                (Action.status == "closed") & (Action.closed_on >= meeting.date),
            ),
            Action.raised_on < meeting.date,
            or_(Action.group_id == group.id, Action.meeting_id.in_(joint_meetings)),
        )
        out = [_info(s, a, _today(today or meeting.date), amber) for a in s.scalars(query)]
    return sorted(out, key=_order)


def owners(db: Database) -> list[str]:
    return sorted({a.owner for a in list_actions(db) if a.owner}, key=str.casefold)
