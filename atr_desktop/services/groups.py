"""Groups: list, view, add, edit, close and reopen; joint groups and their constituents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain.agenda import DEFAULT_STANDING_ITEMS
from atr_desktop.domain.groups import GroupKind, code_problem, normalise_code
from atr_desktop.domain.text import LONG_TEXT_LIMIT, NAME_LIMIT, text_problem
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, versions
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, GroupConstituent, StandingItem


@dataclass(frozen=True)
class GroupInfo:
    id: int
    code: str
    name: str
    kind: str
    age_focus: str
    rhythm: str
    description: str
    active: bool
    closed_on: dt.date | None
    constituents: tuple[str, ...]
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)


@dataclass
class GroupInput:
    """What the user types when adding or editing a group."""

    code: str
    name: str
    kind: str = GroupKind.OTHER.value
    age_focus: str = ""
    rhythm: str = ""
    description: str = ""
    constituents: list[str] = field(default_factory=list)


def _info(group: Group) -> GroupInfo:
    return GroupInfo(
        id=group.id,
        code=group.code,
        name=group.name,
        kind=group.kind,
        age_focus=group.age_focus,
        rhythm=group.rhythm,
        description=group.description,
        active=group.active,
        closed_on=group.closed_on,
        constituents=tuple(g.code for g in group.constituents),
        row_version=group.row_version,
    )


def find_group(session: Session, ref: str | int) -> Group:
    """A group by code (case-insensitive) or id; NotFound names the codes that exist."""
    group: Group | None = None
    text = str(ref).strip()
    if text.isdigit():
        group = session.get(Group, int(text))
    if group is None:
        group = session.scalar(select(Group).where(Group.code == normalise_code(text)))
    if group is None:
        codes = ", ".join(session.scalars(select(Group.code).order_by(Group.code)))
        hint = f" The groups are: {codes}." if codes else " There are no groups yet."
        raise NotFound(f"There is no group '{text}'.{hint}")
    return group


def list_groups(db: Database, include_closed: bool = True) -> list[GroupInfo]:
    with db.session() as s:
        query = select(Group).order_by(Group.active.desc(), Group.id)
        if not include_closed:
            query = query.where(Group.active.is_(True))
        return [_info(g) for g in s.scalars(query)]


def get_group(db: Database, ref: str | int) -> GroupInfo:
    with db.session() as s:
        return _info(find_group(s, ref))


def _validate(session: Session, data: GroupInput, group_id: int | None) -> str:
    code = normalise_code(data.code)
    problem = code_problem(code)
    if problem:
        raise UserError(problem)
    if not data.name.strip():
        raise UserError("A group needs a name: type the group's full name.")
    for label, value, limit in (
        ("The name", data.name, NAME_LIMIT),
        ("The age focus", data.age_focus, NAME_LIMIT),
        ("The rhythm", data.rhythm, NAME_LIMIT),
        ("The description", data.description, LONG_TEXT_LIMIT),
    ):
        problem = text_problem(label, value, limit)
        if problem:
            raise UserError(problem)
    if data.kind not in {k.value for k in GroupKind}:
        kinds = ", ".join(k.value for k in GroupKind)
        raise UserError(f"'{data.kind}' is not a kind of group: choose one of {kinds}.")
    clash = session.scalar(select(Group).where(Group.code == code))
    if clash is not None and clash.id != group_id:
        raise UserError(f"The code {code} is already used by {clash.name}: choose another code.")
    if data.kind == GroupKind.JOINT and len(data.constituents) < 2:
        raise UserError("A joint group needs at least two constituent groups.")
    return code


def _set_constituents(session: Session, group: Group, codes: list[str]) -> None:
    links = []
    for position, ref in enumerate(codes):
        member = find_group(session, ref)
        if member.id == group.id:
            raise UserError("A joint group cannot be one of its own constituents.")
        if member.kind == GroupKind.JOINT:
            raise UserError(f"{member.code} is itself a joint group and cannot be a constituent.")
        links.append(GroupConstituent(constituent=member, position=position))
    group.constituent_links = links


def add_group(db: Database, data: GroupInput) -> GroupInfo:
    """Add a group with the default standing agenda items."""
    with db.session() as s:
        code = _validate(s, data, None)
        group = Group(
            code=code,
            name=data.name.strip(),
            kind=data.kind,
            age_focus=data.age_focus.strip(),
            rhythm=data.rhythm.strip(),
            description=data.description.strip(),
            active=True,
        )
        s.add(group)
        s.flush()
        if data.kind == GroupKind.JOINT:
            _set_constituents(s, group, data.constituents)
        for position, spec in enumerate(DEFAULT_STANDING_ITEMS):
            s.add(
                StandingItem(
                    group_id=group.id,
                    position=position,
                    title=spec.title,
                    kind=spec.kind,
                    purpose=spec.purpose,
                    lead=spec.lead,
                    minutes=spec.minutes,
                    has_papers=spec.has_papers,
                )
            )
        audit.record(s, "group", group.id, "added", code)
        s.flush()
        return _info(group)


def update_group(
    db: Database, ref: str | int, data: GroupInput, expected_version: int | None = None
) -> GroupInfo:
    """Save a group's details; ``expected_version``: the row_version the caller read
    (services/versions.py)."""
    with db.session() as s:
        group = find_group(s, ref)
        versions.check(s, group, expected_version, "group")
        code = _validate(s, data, group.id)
        group.code = code
        group.name = data.name.strip()
        group.kind = GroupKind(data.kind)
        group.age_focus = data.age_focus.strip()
        group.rhythm = data.rhythm.strip()
        group.description = data.description.strip()
        if data.kind == GroupKind.JOINT:
            _set_constituents(s, group, data.constituents)
        else:
            group.constituent_links = []
        audit.record(s, "group", group.id, "edited", code)
        s.flush()
        return _info(group)


def close_group(
    db: Database, ref: str | int, reason: str = "", on: dt.date | None = None
) -> GroupInfo:
    """Close a group: it stays on record (with its meetings and decisions), marked closed."""
    with db.session() as s:
        group = find_group(s, ref)
        if not group.active:
            raise UserError(f"{group.name} is already closed.")
        group.active = False
        group.closed_on = on or dt.date.today()
        group.closed_reason = reason.strip()
        audit.record(s, "group", group.id, "closed", reason.strip())
        s.flush()
        return _info(group)


def reopen_group(db: Database, ref: str | int) -> GroupInfo:
    with db.session() as s:
        group = find_group(s, ref)
        if group.active:
            raise UserError(f"{group.name} is open already.")
        group.active = True
        group.closed_on = None
        group.closed_reason = ""
        audit.record(s, "group", group.id, "reopened")
        s.flush()
        return _info(group)
