"""Memberships: who sits on a group on a day, adding and ending (never deleting) them.

A membership runs from ``start_date`` through ``end_date``, both inclusive: the end date is
the last day of membership ("Member until"; domain.people.member_on is the rule, and
:func:`member_on_clause` the same rule in SQL for every query that asks it). A joint group's
members are its own plus each constituent group's, tagged with the constituent (``via``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, joinedload

from atr_desktop.domain.dates import medium_date
from atr_desktop.domain.people import (
    ROLES,
    default_voting,
    display_name,
    member_on,
    normalise_role,
    role_order,
)
from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.services import audit, versions
from atr_desktop.services.groups import find_group
from atr_desktop.services.refs import find_person
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Membership, Organisation, Person


@dataclass(frozen=True)
class MemberInfo:
    """A membership, with the person's details as the members table shows them."""

    id: int
    person_id: int
    group: str
    via: str
    title: str
    name: str
    email: str
    organisation: str
    sector: str
    job_title: str
    phone: str
    role: str
    voting: bool
    deputy_for: str
    deputy_for_id: int | None
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str
    lived_experience: bool
    notes: str
    row_version: int = 1  # as read: an ending or a hand-over sends it back (services/versions)

    @property
    def current(self) -> bool:
        return member_on(self.start_date, self.end_date, dt.date.today())


def _info(m: Membership, code: str, via: str = "") -> MemberInfo:
    p = m.person
    org = p.organisation
    return MemberInfo(
        id=m.id,
        person_id=p.id,
        group=code,
        via=via,
        title=p.title,
        name=display_name("", p.first_name, p.last_name),
        email=p.email or "",
        organisation=org.name if org else "",
        sector=org.sector.name if org and org.sector else "",
        job_title=p.job_title,
        phone=p.phone,
        role=m.role,
        voting=m.voting,
        deputy_for=m.deputy_for.full_name if m.deputy_for else "",
        deputy_for_id=m.deputy_for_id,
        start_date=m.start_date,
        end_date=m.end_date,
        end_reason=m.end_reason,
        lived_experience=p.lived_experience,
        notes=p.notes,
        row_version=m.row_version,
    )


def _sort_key(m: MemberInfo) -> tuple[str, int, str, str]:
    return (m.via, role_order(m.role), m.name.split(" ")[-1].lower(), m.name.lower())


def member_on_clause(day: dt.date) -> ColumnElement[bool]:
    """domain.people.member_on in SQL: started on or before ``day``, ending on or after it."""
    return and_(
        Membership.start_date <= day,
        or_(Membership.end_date.is_(None), Membership.end_date >= day),
    )


def memberships_on(session: Session, group: Group, on_date: dt.date | None) -> list[Membership]:
    """A group's own memberships current on ``on_date`` (all of them for None)."""
    query = (
        select(Membership)
        .where(Membership.group_id == group.id)
        .options(
            # Joined, not select-in: select-in loads in batches of 500, one more statement
            # for every 500 members; these are many-to-one, so one joined query holds all.
            joinedload(Membership.person)
            .joinedload(Person.organisation)
            .joinedload(Organisation.sector),
            joinedload(Membership.deputy_for),
        )
    )
    if on_date is not None:
        query = query.where(member_on_clause(on_date))
    return list(session.scalars(query))


def members_in(session: Session, group: Group, on_date: dt.date | None) -> list[MemberInfo]:
    """For services sharing a session: ``on_date`` None means every membership, ended too."""
    rows = [_info(m, group.code) for m in memberships_on(session, group, on_date)]
    for constituent in group.constituents:
        rows += [
            _info(m, constituent.code, via=constituent.code)
            for m in memberships_on(session, constituent, on_date)
        ]
    return sorted(rows, key=_sort_key)


def current_members(
    db: Database, group: str | int, on_date: dt.date | None = None
) -> list[MemberInfo]:
    """Members on ``on_date`` (today by default), with role, voting, sector and deputy_for;
    a joint group's include its constituents' members, each tagged with ``via``."""
    with db.session() as s:
        return members_in(s, find_group(s, group), on_date or dt.date.today())


def membership_history(db: Database, group: str | int) -> list[MemberInfo]:
    """Every membership the group has had, ended ones too (newest end last)."""
    with db.session() as s:
        return members_in(s, find_group(s, group), None)


SINGLE_ROLES = ("chair", "vice-chair")


class SecondChair(NeedsConfirmation):
    """Adding would give a group a second chair or vice-chair: the window asks whether to
    hand the role over; the command line needs ``--replace-chair``."""

    def __init__(self, clashes: list[str], on: dt.date, holders: Mapping[int, int]) -> None:
        self.holders = dict(holders)  # membership id -> version, as the question named them
        super().__init__(
            [
                *clashes,
                "A group has one chair and one vice-chair: to hand the role over, the current "
                f"holder's term ends on {medium_date(on)} (it stays on record).",
            ],
            flag="--replace-chair",
        )


def settle_single_roles(
    session: Session,
    group: Group,
    incoming: list[tuple[str, str, int | None]],
    on: dt.date,
    replace: bool,
    expected: Mapping[int, int] | None = None,
) -> None:
    """One chair and one vice-chair per group: ``incoming`` (role, name, person id) would
    be added on ``on``. Refuses a second holder unless ``replace``, which ends the current
    holder's term then (on record, with the reason). ``expected`` holds the holders' versions
    the question was asked about (SecondChair.holders): a holder changed or replaced since
    is refused (ChangedSince) rather than ended unseen."""
    holders = {m.role: m for m in memberships_on(session, group, on) if m.role in SINGLE_ROLES}
    clashes: list[str] = []
    replaced: list[tuple[Membership, str]] = []
    for role in SINGLE_ROLES:
        named = [(name, pid) for r, name, pid in incoming if r == role]
        if len(named) > 1:
            names = " and ".join(n for n, _ in named)
            raise UserError(f"{names} are each named {role} of {group.code}: name only one.")
        holder = holders.get(role)
        if not named or holder is None or holder.person_id == named[0][1]:
            continue
        current = holder.person.full_name if holder.person else "someone"
        clashes.append(
            f"{group.code} already has a {role}, {current}: {named[0][0]} would be a second one."
        )
        replaced.append((holder, f"replaced as {role} by {named[0][0]}"))
    if clashes and not replace:
        raise SecondChair(clashes, on, {h.id: h.row_version for h, _ in replaced})
    for holder, reason in replaced:
        if expected is not None:  # not asked about (another holder since): never matches
            versions.check(session, holder, expected.get(holder.id, 0), "membership")
        # 'Member until' is inclusive (domain.people.member_on): the day before the new
        # holder starts. A holder who started that same day is left never current (kept on
        # record, not deleted).
        holder.end_date = on - dt.timedelta(days=1)
        holder.end_reason = reason
        audit.record(session, "membership", holder.id, "ended", f"{on.isoformat()} {reason}")


def add_membership(
    db: Database,
    group: str | int,
    person: str | int,
    role: str,
    voting: bool | None = None,
    deputy_for: str | int | None = None,
    start: dt.date | None = None,
    replace_chair: bool = False,
    expected_holders: Mapping[int, int] | None = None,
) -> MemberInfo:
    """Add a membership from ``start``; a second chair or vice-chair is refused (SecondChair)
    unless ``replace_chair``, checked against ``expected_holders`` when the window asked."""
    start = start or dt.date.today()
    clean_role = normalise_role(role)
    if clean_role is None:
        raise UserError(f"'{role}' is not a role: choose one of {', '.join(ROLES)}.")
    with db.session() as s:
        g = find_group(s, group)
        p = find_person(s, person)
        current = [m for m in memberships_on(s, g, start) if m.person_id == p.id]
        if current:
            raise UserError(
                f"{p.full_name} is already a member of {g.code} ({current[0].role}): "
                "end that membership first to change their role."
            )
        deputy = None
        if clean_role == "deputy":
            if deputy_for is None:
                raise UserError("A deputy stands in for a named member: give --deputy-for EMAIL.")
            deputy = find_person(s, deputy_for)
            if not any(m.person_id == deputy.id for m in memberships_on(s, g, start)):
                raise UserError(f"{deputy.full_name} is not a member of {g.code} to deputise for.")
        elif deputy_for is not None:
            raise UserError("Only a deputy stands in for someone: use --role deputy.")
        settle_single_roles(
            s,
            g,
            [(clean_role, p.full_name or str(p.email), p.id)],
            start,
            replace_chair,
            expected_holders,
        )
        m = Membership(
            person_id=p.id,
            group_id=g.id,
            role=clean_role,
            voting=default_voting(clean_role) if voting is None else voting,
            deputy_for_id=deputy.id if deputy else None,
            start_date=start,
        )
        s.add(m)
        s.flush()
        audit.record(s, "membership", m.id, "added", f"{p.full_name} {clean_role} of {g.code}")
        return _info(m, g.code)


def get_membership(db: Database, membership_id: int) -> MemberInfo:
    """One membership as the members table shows it (a dialog's reload reads it again)."""
    with db.session() as s:
        m = s.get(Membership, membership_id)
        if m is None:
            raise UserError("That membership is no longer on record: refresh the members list.")
        return _info(m, s.get_one(Group, m.group_id).code)


def end_membership(
    db: Database,
    group: str | int,
    person: str | int,
    on: dt.date | None = None,
    reason: str = "",
    read: MemberInfo | None = None,
) -> list[MemberInfo]:
    """End the person's membership(s) of the group current on ``on``, their last day as a
    member (the end date is inclusive); history stays. ``read`` is the membership as the
    window showed it: one changed since (ended by a colleague) is refused with ChangedSince."""
    on = on or dt.date.today()
    with db.session() as s:
        g = find_group(s, group)
        p = find_person(s, person)
        if read is not None:
            shown = s.get(Membership, read.id)
            if shown is not None:
                versions.check(s, shown, read.row_version, "membership")
        open_rows = [
            m
            for m in s.scalars(
                select(Membership).where(
                    Membership.group_id == g.id,
                    Membership.person_id == p.id,
                    # not yet ended by ``on`` (one starting later is refused below)
                    or_(Membership.end_date.is_(None), Membership.end_date >= on),
                )
            )
        ]
        if not open_rows:
            raise UserError(f"{p.full_name} has no current membership of {g.code} to end.")
        for m in open_rows:
            if on < m.start_date:
                raise UserError(
                    f"{p.full_name}'s membership starts on {m.start_date.isoformat()}: "
                    "it cannot end before it starts."
                )
            m.end_date = on
            m.end_reason = reason.strip()
            audit.record(s, "membership", m.id, "ended", f"{on.isoformat()} {reason}".strip())
        s.flush()
        return [_info(m, g.code) for m in open_rows]
