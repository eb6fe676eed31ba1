"""The version a face read travels to its save: one check for every edit service.

Every editable record carries ``row_version`` (storage/models/base.py), raised by each save.
A dialog reads a record in one unit of work and saves it minutes later in another; the
version it read is passed back as ``expected_version``, and :func:`check` refuses the save
if someone saved the record in between, naming who and when from the audit trail. None
means the caller read nothing to compare (the command line), so nothing is checked.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import LONDON, short_date
from atr_desktop.errors import ChangedSince
from atr_desktop.storage.models import AuditEntry
from atr_desktop.storage.models.base import Stamped


def check(
    session: Session,
    record: Stamped,
    expected_version: int | None,
    entity: str,
    what: str = "",
) -> None:
    """Refuse (ChangedSince) if ``record`` was saved since the caller read version
    ``expected_version``; ``entity`` is the record's name in the audit trail, ``what`` the
    word for it in the sentence (the entity's own name by default)."""
    if expected_version is None or record.row_version == expected_version:
        return
    who, when = _last_change(session, record, entity)
    raise ChangedSince(changed_sentence(what or entity.replace("_", " "), who, when), who, when)


def check_same(session: Session, record: Stamped, same: bool, entity: str, did: str) -> None:
    """Refuse (ChangedSince) unless ``record`` is the ``same`` one the caller read: one
    thrown away and started again (a ToR draft) starts at version 1 again, so its version
    alone cannot tell; ``did`` says what happened ('discarded that draft and started
    another'), who and when from the audit trail's last line for the new one."""
    if same:
        return
    who, when = _last_change(session, record, entity)
    raise ChangedSince(changed_sentence("", who, when, did=did), who, when)


def _last_change(session: Session, record: Stamped, entity: str) -> tuple[str, dt.datetime | None]:
    """Who changed ``record`` last and when (UTC), from the audit trail's last line for it."""
    (rid,) = inspect(record).identity or (None,)  # its primary key, as the trail names it
    last = session.execute(
        select(AuditEntry.user, AuditEntry.at)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == rid)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return (last.user, last.at) if last is not None else ("", None)


def changed_sentence(
    what: str,
    who: str,
    when: dt.datetime | None,
    today: dt.date | None = None,
    did: str = "",
) -> str:
    """'Sam Patel changed this action at 14:32 while you had it open, ...' (UK time);
    ``did`` in place of 'changed this action' when it was more than a change."""
    at = ""
    if when is not None:
        utc = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
        local = utc.astimezone(ZoneInfo(LONDON))
        day = today or dt.datetime.now(ZoneInfo(LONDON)).date()
        on = "" if local.date() == day else f" on {short_date(local.date())}"
        at = f" at {local:%H:%M}{on}"
    return (
        f"{who or 'Someone else'} {did or f'changed this {what}'}{at} while you had it open, "
        "so your change was not saved: reload to see theirs, then make yours again."
    )
