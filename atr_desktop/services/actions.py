"""The action tracker: raise, update, carry forward, close at a meeting, export, remind.

References are GROUPCODE-YEAR-NNN, numbered per group per year. RAG follows domain.rag
with the amber window from the settings. Open actions carry forward by a query (the next
meeting's action-log item lists them); closed and superseded actions stay on record.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from atr_desktop.domain import rag as rules
from atr_desktop.domain.dates import due_before_raised
from atr_desktop.domain.kinds import ActionStatus
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, leases, settings, versions
from atr_desktop.services.attendance import display_name
from atr_desktop.services.decisions import binding_group
from atr_desktop.services.groups import find_group
from atr_desktop.services.record_lock import ensure_unlocked, item_of
from atr_desktop.services.refs import find_meeting, find_person, item_numbers_of
from atr_desktop.services.search import matching_ids
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
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)

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
    sort: str = ""  # one of SORTS; the tracker's own order otherwise (and after it)
    descending: bool = False


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
        leases.ensure_free(s, "minutes", meeting)  # raised in the minutes: their lease
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
        return _read(s, [action.id], _today(today), amber)[0]


def _check_due(due: dt.date | None, raised: dt.date | None, ref: str = "") -> None:
    """The service's rule, so the window, the command line and imports all obey it."""
    problem = due_before_raised(due, raised)
    if problem:
        who = f"{ref}: t" if ref else "T"
        raise UserError(f"{who}{problem[1:]}: choose a later date.")


def _apply(session: Session, action: Action, change: ActionChange, today: dt.date) -> None:
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
        action.status = ActionStatus(status)
        if status == "superseded":
            action.status_reason = (change.reason or change.note).strip()
    if change.note.strip():
        notes.insert(0, change.note.strip())
    if notes:
        session.add(
            ActionUpdate(
                action_id=action.id, on_date=today, text=" ".join(notes), user=audit.who(session)
            )
        )
    audit.record(session, "action", action.id, "updated", " ".join(notes)[:200])


def update_action(
    db: Database,
    ref: str | int,
    change: ActionChange,
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> ActionInfo:
    """Change one action; ``expected_version`` is the row_version the caller read (a dialog),
    refused with ChangedSince if someone saved the action since (None: no check)."""
    return update_many(db, [ref], change, today, [expected_version])[0]


def update_many(
    db: Database,
    refs: Sequence[str | int],
    change: ActionChange,
    today: dt.date | None = None,
    expected_versions: Sequence[int | None] = (),
) -> list[ActionInfo]:
    """The same change to several actions at once: all of them, or none if one refuses."""
    amber = _amber(db)
    day = _today(today)
    with db.session() as s:
        actions = [find_action(s, r) for r in refs]
        for action, expected in zip(actions, expected_versions, strict=False):
            versions.check(s, action, expected, "action")
        for action in actions:
            _apply(s, action, change, day)
        s.flush()
        return _read(s, [a.id for a in actions], day, amber)


def get_action(db: Database, ref: str | int, today: dt.date | None = None) -> ActionInfo:
    amber = _amber(db)
    with db.session() as s:
        return _read(s, [find_action(s, ref).id], _today(today), amber)[0]


def list_actions(
    db: Database, filters: ActionFilter | None = None, today: dt.date | None = None
) -> list[ActionInfo]:
    """Open first by due date, then closed; filtered as the chairs' tracker filters.

    A fixed handful of statements whatever the size of the log: the filters run in SQL
    (text through the search index), the rows come in one query and their updates and
    item numbers in one more each.
    """
    f = filters or ActionFilter()
    amber = _amber(db)
    day = _today(today)
    with db.session() as s:
        where = _conditions(s, f, day)
        rows = s.execute(_rows().where(*where).order_by(*_ordering(f))).all()
        return _infos(s, rows, day, amber, select(Action.id).where(*where))


def action_ids(
    db: Database, filters: ActionFilter | None = None, today: dt.date | None = None
) -> list[tuple[int, bool]]:
    """(id, overdue) of every action the filters match, in the tracker's order: one query.

    For tables that fetch their rows in windows (:func:`actions_by_id`) as they scroll.
    """
    f = filters or ActionFilter()
    day = _today(today)
    with db.session() as s:
        query = select(Action.id, _overdue(day)).where(*_conditions(s, f, day))
        # Through the connection: plain rows, not the ORM's (2 ms of 2,500 ids' 20 ms).
        rows = s.connection().execute(query.order_by(*_ordering(f)))
        return [(action_id, bool(overdue)) for action_id, overdue in rows]


def actions_by_id(
    db: Database, ids: Sequence[int], today: dt.date | None = None, history: bool = True
) -> list[ActionInfo]:
    """The actions with ``ids``, in that order (a window of a table): a fixed few queries.

    Without ``history`` each action's ``updates`` are left empty: a table shows only the
    latest update, and reading every update of every row of its window took a third of
    the window's time at 100,000 actions. The edit dialog reads its one action whole.
    """
    amber = _amber(db)
    with db.session() as s:
        return _read(s, list(ids), _today(today), amber, history)


def _effective_due() -> ColumnElement[Any]:
    return func.coalesce(Action.revised_due_date, Action.due_date)


def open_action() -> ColumnElement[bool]:
    """The action is open, written out with its values (not bound) so SQLite sees that it is
    the condition of the open-actions-by-due index (migration 0005) and may use it."""
    statuses: BindParameter[list[str]] = bindparam(
        "open_statuses", list(rules.OPEN_STATUSES), expanding=True
    )
    return Action.status.in_(statuses.render_literal_execute())


def _overdue(day: dt.date) -> ColumnElement[bool]:
    return and_(open_action(), _effective_due() < day)


_ORDER = (
    case((Action.status.in_(rules.OPEN_STATUSES), 0), else_=1),
    _effective_due().is_(None),
    _effective_due(),
    Action.ref,
)


def _owner_sort() -> ColumnElement[Any]:
    person = (
        select(Person.first_name + " " + Person.last_name)
        .where(Person.id == Action.owner_person_id)
        .scalar_subquery()
    )
    return func.lower(func.coalesce(person, Action.owner_text))


# What a tracker column sorts by, in SQL (so a 100,000-row table sorts without loading).
SORTS: dict[str, Callable[[], Any]] = {
    "ref": lambda: Action.ref,
    "group": lambda: select(Group.code).where(Group.id == Action.group_id).scalar_subquery(),
    "description": lambda: func.lower(Action.description),
    "owner": _owner_sort,
    "due": lambda: Action.due_date,
    "revised": lambda: Action.revised_due_date,
    "status": lambda: Action.status,
    "rag": _effective_due,
    "raised": lambda: Action.raised_on,
}


def _ordering(f: ActionFilter) -> list[Any]:
    # Open actions only: "open first" says nothing, and without it the order is the
    # open-actions index's own (migration 0005), so the rows come sorted, unsorted by SQL.
    only_open = f.open_only or f.overdue or f.due_within is not None
    order = list(_ORDER[1:] if only_open else _ORDER)
    if f.sort not in SORTS:
        return order
    key = SORTS[f.sort]()
    return [key.desc() if f.descending else key.asc(), *order]


def _conditions(s: Session, f: ActionFilter, day: dt.date) -> list[ColumnElement[bool]]:
    """What the filters ask of an action, as SQL conditions: every filter runs in SQL."""
    where: list[ColumnElement[bool]] = []
    if f.group:
        where.append(Action.group_id == find_group(s, f.group).id)
    if f.status:
        try:
            where.append(Action.status == rules.normalise_status(f.status))
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if f.open_only or f.overdue or f.due_within is not None:
        where.append(open_action())
    if f.overdue:
        where.append(_effective_due() < day)
    if f.due_within is not None:
        where.append(_effective_due() <= day + dt.timedelta(days=f.due_within))
    if f.owner.strip():
        like = f"%{f.owner.strip()}%"
        people = select(Person.id).where(
            or_(
                (Person.first_name + " " + Person.last_name).ilike(like),
                Person.email.ilike(like),
            )
        )
        where.append(or_(Action.owner_person_id.in_(people), Action.owner_text.ilike(like)))
    if f.text.strip():
        where.append(Action.id.in_(matching_ids("action", f.text)))
    return where


@functools.cache  # built once: fresh aliases each call would miss SQLAlchemy's cache
def _rows() -> Select[*tuple[Any, ...]]:
    """One row per action with everything the tracker shows (joined, not looked up).

    Plain columns, not ORM objects: nothing lands in the session's identity map, so a
    list of 100,000 costs no more than its rows (and joins a caller's session harmlessly).
    """
    mgroup = aliased(Group)
    closed = aliased(Meeting)
    later = aliased(ActionUpdate)
    latest = (
        select(later.id)
        .where(later.action_id == Action.id)
        .order_by(later.on_date.desc(), later.id.desc())
        .limit(1)
        .correlate(Action)
        .scalar_subquery()
    )
    return (
        select(
            Action.id,
            Action.ref,
            Action.meeting_id,
            Action.agenda_item_id,
            Action.raised_on,
            Action.description,
            Action.owner_person_id,
            Action.owner_text,
            Action.due_date,
            Action.revised_due_date,
            Action.status,
            Action.rag_override,
            Action.rag_override_reason,
            Action.status_reason,
            Action.row_version,
            Group.code.label("group_code"),
            Meeting.date.label("meeting_date"),
            mgroup.code.label("meeting_group"),
            AgendaItem.title.label("item_title"),
            AgendaItem.confidential,
            Person.first_name,
            Person.last_name,
            Person.email,
            Person.erased_at,
            closed.date.label("closed_at"),
            ActionUpdate.text.label("latest_text"),
            ActionUpdate.on_date.label("latest_on"),
        )
        .join(Group, Action.group_id == Group.id)
        .outerjoin(Meeting, Action.meeting_id == Meeting.id)
        .outerjoin(mgroup, Meeting.group_id == mgroup.id)
        .outerjoin(AgendaItem, Action.agenda_item_id == AgendaItem.id)
        .outerjoin(Person, Action.owner_person_id == Person.id)
        .outerjoin(closed, Action.closed_at_meeting_id == closed.id)
        .outerjoin(ActionUpdate, ActionUpdate.id == latest)
    )


def _infos(
    s: Session,
    rows: Sequence[Any],
    day: dt.date,
    amber: int,
    with_updates: Select[int] | list[int] | None,
) -> list[ActionInfo]:
    """Rows of :func:`_rows` as ActionInfo: item numbers (and updates) in one query each."""
    numbers = item_numbers_of(s, {r.meeting_id for r in rows if r.meeting_id})
    updates: dict[int, list[UpdateInfo]] = {}
    if with_updates is not None:
        for action_id, on_date, text, user in s.execute(
            select(
                ActionUpdate.action_id, ActionUpdate.on_date, ActionUpdate.text, ActionUpdate.user
            )
            .where(ActionUpdate.action_id.in_(with_updates))
            .order_by(ActionUpdate.on_date, ActionUpdate.id)
        ):
            updates.setdefault(action_id, []).append(UpdateInfo(on_date, text, user))
    return [_info(r, numbers, updates, day, amber) for r in rows]


def _info(
    r: Any, numbers: dict[int, str], updates: dict[int, list[UpdateInfo]], day: dt.date, amber: int
) -> ActionInfo:
    owned = r.owner_person_id is not None
    return ActionInfo(
        id=r.id,
        ref=r.ref,
        group_code=r.group_code,
        meeting_id=r.meeting_id,
        meeting=f"{r.meeting_group}:{r.meeting_date.isoformat()}" if r.meeting_date else "",
        meeting_date=r.meeting_date,
        item=numbers.get(r.agenda_item_id or 0, ""),
        item_title=r.item_title or "",
        raised_on=r.raised_on,
        description=r.description,
        owner=(
            display_name(r.owner_person_id, r.first_name, r.last_name, r.email, r.erased_at)
            if owned
            else r.owner_text
        ),
        owner_email=(r.email or "") if owned else "",
        owner_person_id=r.owner_person_id,
        due_date=r.due_date,
        revised_due_date=r.revised_due_date,
        status=r.status,
        rag=rules.rag(r.status, r.due_date, r.revised_due_date, day, amber, r.rag_override),
        rag_override_reason=r.rag_override_reason,
        overdue=rules.is_overdue(r.status, r.due_date, r.revised_due_date, day),
        closed_at=r.closed_at,
        status_reason=r.status_reason,
        latest_update=r.latest_text or "",
        latest_update_on=r.latest_on,
        updates=tuple(updates.get(r.id, ())),
        confidential=bool(r.confidential),
        row_version=r.row_version,
    )


def _read(
    s: Session, ids: list[int], day: dt.date, amber: int, history: bool = True
) -> list[ActionInfo]:
    """Actions with ``ids`` in that order (with every update, or ``history``'s none), inside
    an open session."""
    rows = s.execute(_rows().where(Action.id.in_(ids))).all()
    infos = {a.id: a for a in _infos(s, rows, day, amber, ids if history else None)}
    return [infos[i] for i in ids if i in infos]


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
        query = select(Action.id).where(
            or_(
                Action.status.in_(rules.OPEN_STATUSES),
                (Action.status == "closed") & (Action.closed_on >= meeting.date),
            ),
            Action.raised_on < meeting.date,
            or_(Action.group_id == group.id, Action.meeting_id.in_(joint_meetings)),
        )
        rows = s.execute(_rows().where(Action.id.in_(query)).order_by(*_ORDER)).all()
        return _infos(s, rows, _today(today or meeting.date), amber, query)


def owners(db: Database) -> list[str]:
    with db.session() as s:
        rows = s.execute(
            select(
                Action.owner_person_id,
                Action.owner_text,
                Person.first_name,
                Person.last_name,
                Person.email,
                Person.erased_at,
            )
            .outerjoin(Person, Action.owner_person_id == Person.id)
            .distinct()
        ).all()
    names = {
        display_name(person_id, first, last, email, erased) if person_id is not None else text
        for person_id, text, first, last, email, erased in rows
    }
    return sorted((n for n in names if n), key=str.casefold)
