"""The append-only audit trail: who changed what and when, recorded in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.storage.database import Database, server_role
from atr_desktop.storage.models import AuditEntry


@cache
def _who() -> tuple[str, str]:
    return current_user(), machine_name()


def who(session: Session) -> str:
    """Who is making this unit of work's change: on a server store the officer's own
    PostgreSQL role (the login the server vouches for), on a file the computer's user."""
    return server_role(session) or _who()[0]


def record(session: Session, entity: str, entity_id: int, action: str, summary: str = "") -> None:
    """Add an audit line to ``session``'s unit of work, so it lands only if the change does.

    On a server store the line names the officer's own PostgreSQL role (the login the
    server vouches for); on a file, the computer's user.
    """
    session.add(
        AuditEntry(
            user=who(session),
            machine=_who()[1],
            entity=entity,
            entity_id=entity_id,
            action=action,
            summary=summary,
        )
    )


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    user: str
    machine: str
    action: str
    summary: str


def history(db: Database, entity: str, entity_id: int) -> list[AuditLine]:
    """The audit trail of one record, oldest first."""
    with db.session() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id)
        ).all()
        return [AuditLine(r.at, r.user, r.machine, r.action, r.summary) for r in rows]
