"""Leases on long edits: one officer at a time edits a meeting's minutes or its register.

A lease lasts 5 minutes from its last renewal; the window renews it every minute while its
holder edits, and releases it when the record is closed. A crash simply leaves it to
expire, after which another officer may take it over (the window warns first, with the
wording of the laptop's live-copy lock). Saves of minutes and register lines call
:func:`ensure_free`, so no path (window, command line, another copy of the app) can
change them under someone else's live lease. Times are UTC from the database's clock
(the server's, on PostgreSQL), so officers' laptops need not agree on the time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from atr_desktop.adapters.identity import current_user, display_name, machine_name
from atr_desktop.domain.dates import hhmm, medium_date
from atr_desktop.errors import UserError
from atr_desktop.services import audit
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database, database_now, server_role
from atr_desktop.storage.models import Lease, Meeting

log = logging.getLogger(__name__)

LEASE_FOR = dt.timedelta(minutes=5)
RENEW_EVERY = dt.timedelta(minutes=1)
# kind -> (what the window calls it, what a sentence about a meeting calls it)
KINDS = {"minutes": ("these minutes", "the minutes"), "register": ("this register", "the register")}
LEASES: Table = Lease.__table__  # type: ignore[assignment]  # a Table, typed as FromClause


@dataclass(frozen=True)
class Officer:
    """Who holds a lease: a login (the server role, or the computer's user), a name, a computer."""

    login: str
    name: str
    machine: str


@dataclass(frozen=True)
class LeaseState:
    """A lease as one officer sees it: free, theirs, someone else's live one, or lapsed."""

    kind: str
    meeting_id: int
    holder: Officer | None
    expires_at: dt.datetime | None  # UTC, no zone
    mine: bool = False
    live: bool = False
    taken_now: bool = False  # this call took it (so the caller releases it)

    @property
    def elsewhere(self) -> bool:
        """Someone else holds it and it has not expired: look, do not edit."""
        return self.holder is not None and not self.mine and self.live

    @property
    def lapsed(self) -> bool:
        """Someone else held it and it has expired: it may be taken over, with a warning."""
        return self.holder is not None and not self.mine and not self.live

    @property
    def until(self) -> str:
        """The expiry in this computer's local time, '14:37'."""
        if self.expires_at is None:
            return ""
        return hhmm(self.expires_at.replace(tzinfo=dt.UTC).astimezone().time())

    def banner(self) -> str:
        """'Sam Patel is editing these minutes until 14:37.' (empty when it is not another's)."""
        these = KINDS[self.kind][0]
        if self.holder is None or self.mine:
            return ""
        if self.live:
            return f"{self.holder.name} is editing {these} until {self.until}."
        return (
            f"{self.holder.name} was editing {these} until {self.until} and has not been heard "
            "from since: take over to edit them."
        )


@cache
def _here() -> tuple[str, str, str]:
    user = current_user()
    return user, display_name(user), machine_name()


def me(session: Session) -> Officer:
    """This officer: on a server the role they logged in as (the login the server vouches
    for, as the audit trail names it), on a file the computer's user."""
    user, name, machine = _here()
    return Officer(server_role(session) or user, name, machine)


def _row(session: Session, kind: str, meeting_id: int) -> Any:
    if kind not in KINDS:
        raise ValueError(f"no lease kind {kind!r}")
    return session.execute(select(LEASES).where(_one(kind, meeting_id))).first()


def _state(
    session: Session, kind: str, meeting_id: int, officer: Officer, now: dt.datetime
) -> LeaseState:
    row = _row(session, kind, meeting_id)
    if row is None:
        return LeaseState(kind, meeting_id, None, None)
    holder = Officer(row.holder, row.holder_name, row.machine)
    mine = (holder.login, holder.machine) == (officer.login, officer.machine)
    return LeaseState(kind, meeting_id, holder, row.expires_at, mine, row.expires_at > now)


def _theirs(holder: Officer) -> Any:
    return (LEASES.c.holder == holder.login) & (LEASES.c.machine == holder.machine)


def _one(kind: str, meeting_id: int) -> Any:
    return (LEASES.c.kind == kind) & (LEASES.c.record_id == meeting_id)


def _meeting_id(session: Session, meeting_ref: str | int) -> int:
    return meeting_ref if isinstance(meeting_ref, int) else find_meeting(session, meeting_ref).id


def _context(
    session: Session, meeting_ref: str | int, officer: Officer | None, now: dt.datetime | None
) -> tuple[int, Officer, dt.datetime]:
    """What every public call is about: the meeting's id, the officer (this one unless a test
    names another) and the time (the database's unless given), read in that order."""
    meeting_id = _meeting_id(session, meeting_ref)
    return meeting_id, officer or me(session), now or database_now(session)


def _ours(
    kind: str, meeting_id: int, officer: Officer, now: dt.datetime, taken_now: bool = False
) -> LeaseState:
    """The lease as its holder sees it just after taking or renewing it: 5 minutes from now."""
    return LeaseState(kind, meeting_id, officer, now + LEASE_FOR, True, True, taken_now)


def _refuse_if_elsewhere(
    session: Session, held: LeaseState, meeting: Meeting | None = None
) -> None:
    """Raise the one-sentence refusal when another officer's live lease covers the change."""
    if not held.elsewhere:
        return
    if meeting is None:
        meeting = session.get(Meeting, held.meeting_id)
    raise UserError(refusal(held, meeting.date if meeting else None))


def who_holds(
    db: Database,
    kind: str,
    meeting_ref: str | int,
    now: dt.datetime | None = None,
    officer: Officer | None = None,
) -> LeaseState:
    """The lease as it stands, seen by ``officer`` (this officer unless given)."""
    with db.session() as s:
        return _state(s, kind, *_context(s, meeting_ref, officer, now))


def take(
    db: Database,
    kind: str,
    meeting_ref: str | int,
    now: dt.datetime | None = None,
    officer: Officer | None = None,
) -> LeaseState:
    """Take the lease, or renew it when it is already ours. Someone else's lease, live or
    lapsed, is left as it is and returned (a lapsed one is taken only by :func:`take_over`)."""
    with db.session() as s:
        meeting_id, officer, now = _context(s, meeting_ref, officer, now)
        held = _state(s, kind, meeting_id, officer, now)
        if held.mine:
            return _extend(s, held, officer, now)
        if held.holder is not None:
            return held
        try:
            with s.begin_nested():  # two officers taking at once: one insert wins
                s.execute(insert(LEASES).values(_values(kind, meeting_id, officer, now)))
        except IntegrityError:
            return _state(s, kind, meeting_id, officer, now)
        return _ours(kind, meeting_id, officer, now, taken_now=True)


def _values(kind: str, meeting_id: int, officer: Officer, now: dt.datetime) -> dict[str, Any]:
    return {
        "kind": kind,
        "record_id": meeting_id,
        "holder": officer.login,
        "holder_name": officer.name,
        "machine": officer.machine,
        "taken_at": now,
        "expires_at": now + LEASE_FOR,
    }


def _extend(s: Session, held: LeaseState, officer: Officer, now: dt.datetime) -> LeaseState:
    found = s.execute(
        update(LEASES)
        .where(_one(held.kind, held.meeting_id) & _theirs(officer))
        .values(expires_at=now + LEASE_FOR)
    )
    if getattr(found, "rowcount", 0) != 1:  # taken over since it was read
        return _state(s, held.kind, held.meeting_id, officer, now)
    return _ours(held.kind, held.meeting_id, officer, now)


def renew(
    db: Database,
    kind: str,
    meeting_ref: str | int,
    now: dt.datetime | None = None,
    officer: Officer | None = None,
) -> LeaseState:
    """Another 5 minutes from now. A lease lost meanwhile (taken over after it lapsed) is
    not taken back: the state returned names its new holder."""
    return take(db, kind, meeting_ref, now, officer)


def take_over(
    db: Database,
    kind: str,
    meeting_ref: str | int,
    now: dt.datetime | None = None,
    officer: Officer | None = None,
) -> LeaseState:
    """Take a lapsed lease from its holder (the window has warned); refused while it is live."""
    with db.session() as s:
        meeting_id, officer, now = _context(s, meeting_ref, officer, now)
        held = take(db, kind, meeting_id, now, officer)
        _refuse_if_elsewhere(s, held)
        if held.mine or held.holder is None:
            return held
        done = s.execute(
            update(LEASES)
            .where(_one(kind, meeting_id) & (LEASES.c.expires_at <= now))
            .values(_values(kind, meeting_id, officer, now))
        )
        if getattr(done, "rowcount", 0) != 1:  # another officer took it over first
            return _state(s, kind, meeting_id, officer, now)
        audit.record(s, "lease", meeting_id, "taken over", f"{kind} from {held.holder.login}")
        log.info("took over a lapsed lease on a meeting's %s", kind)
        return _ours(kind, meeting_id, officer, now, taken_now=True)


def release(
    db: Database, kind: str, meeting_ref: str | int, officer: Officer | None = None
) -> None:
    """Give the lease up (the record was closed); someone else's is left alone."""
    with db.session() as s:
        meeting_id = _meeting_id(s, meeting_ref)
        s.execute(delete(LEASES).where(_one(kind, meeting_id) & _theirs(officer or me(s))))


def refusal(held: LeaseState, day: dt.date | None) -> str:
    """The one sentence that refuses a change under someone else's live lease."""
    assert held.holder is not None
    what = KINDS[held.kind][1] + (f" of {medium_date(day)}" if day else "")
    return (
        f"{held.holder.name} is editing {what} until {held.until}, so this change was not "
        "saved: try again when they have closed them (or after that time)."
    )


def ensure_free(session: Session, kind: str, meeting: Meeting) -> None:
    """Refuse, in one plain sentence, a change under another officer's live lease."""
    held = _state(session, kind, meeting.id, me(session), database_now(session))
    _refuse_if_elsewhere(session, held, meeting)


@contextmanager
def editing(db: Database, kind: str, meeting_ref: str | int) -> Iterator[list[str]]:
    """A command's lease around its write: refused while another officer's is live; a
    lapsed one is taken over with a warning (yielded for the command to print); released
    afterwards unless it was already this officer's (their own window keeps it)."""
    held = take(db, kind, meeting_ref)
    warnings: list[str] = []
    if held.elsewhere:  # a session is opened only to name the meeting's date
        with db.session() as s:
            _refuse_if_elsewhere(s, held)
    if held.lapsed:
        assert held.holder is not None
        warnings.append(
            f"{held.holder.name} on {held.holder.machine} was editing "
            f"{KINDS[kind][1]} until {held.until} and was not heard from since, so this "
            "command took over."
        )
        held = take_over(db, kind, held.meeting_id)
    try:
        yield warnings
    except BaseException:
        if held.taken_now and db.current_session() is None:  # else the rollback drops it
            release(db, kind, held.meeting_id)
        raise
    if held.taken_now:
        release(db, kind, held.meeting_id)
