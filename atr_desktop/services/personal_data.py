"""A person's rights under UK GDPR: a subject access export, and erasure.

Erasure removes the person's details everywhere and puts a placeholder where their name
stood in minutes, decisions, actions and updates, so the governance record still reads
("Former member 7 agreed to…"). The erasure itself is recorded (who, when, which record,
the placeholder), and no copy is left in the file: the undo history is cleared, the search
index rebuilt, the free pages overwritten (secure_delete is on for every connection), the
file vacuumed and the WAL truncated. Backups keep what they held until rotated out
(docs/privacy.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from atr_desktop.adapters.identity import current_user
from atr_desktop.domain.marking import personal_data
from atr_desktop.errors import UserError
from atr_desktop.services import audit
from atr_desktop.services.refs import find_person
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    Action,
    ActionUpdate,
    Attendance,
    AuditEntry,
    DbMeta,
    Decision,
    Declaration,
    DraftText,
    Erasure,
    ItemDeclaration,
    Meeting,
    Membership,
    MinuteAmendment,
    MinuteEntry,
    Person,
)
from atr_desktop.storage.search_schema import refill_statements


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    placeholder: str
    replaced_mentions: int


def _row(obj: Any) -> dict[str, Any]:
    out = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        out[column.key] = value.isoformat() if isinstance(value, dt.date | dt.time) else value
    return out


def subject_access(db: Database, ref: str) -> dict[str, Any]:
    """Everything held about one person, as plain data ready for JSON."""
    with db.session() as s:
        person = find_person(s, ref)
        names = _name_patterns(person)
        mentions = []
        for entry in s.scalars(select(MinuteEntry)):
            if any(p.search(entry.discussion) for p in names):
                mentions.append({"minute_entry": entry.id, "text": entry.discussion})
        for decision in s.scalars(select(Decision)):
            if any(p.search(decision.text) for p in names):
                mentions.append({"decision": decision.id, "text": decision.text})
        return {
            "exported_on": dt.date.today().isoformat(),
            "person": _row(person),
            "organisation": person.organisation.name if person.organisation else None,
            "memberships": [
                _row(m)
                for m in s.scalars(select(Membership).where(Membership.person_id == person.id))
            ],
            "declarations": [
                _row(d)
                for d in s.scalars(select(Declaration).where(Declaration.person_id == person.id))
            ],
            "meeting_declarations": [
                _row(d)
                for d in s.scalars(
                    select(ItemDeclaration).where(ItemDeclaration.person_id == person.id)
                )
            ],
            "attendance": [
                {**_row(a), "meeting_date": s.get(Meeting, a.meeting_id).date.isoformat()}  # type: ignore[union-attr]
                for a in s.scalars(
                    select(Attendance).where(
                        or_(
                            Attendance.person_id == person.id, Attendance.deputy_for_id == person.id
                        )
                    )
                )
            ],
            "actions_owned": [
                _row(a)
                for a in s.scalars(select(Action).where(Action.owner_person_id == person.id))
            ],
            "mentions_in_records": mentions,
            "audit": [
                _row(e)
                for e in s.scalars(
                    select(AuditEntry).where(
                        AuditEntry.entity == "person", AuditEntry.entity_id == person.id
                    )
                )
            ],
        }


def export_subject_access(db: Database, ref: str, out: Path) -> Path:
    """The subject-access copy as JSON, its marking the first thing in the file."""
    data = {"protective_marking": personal_data().label, **subject_access(db, ref)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def _name_patterns(person: Person) -> list[re.Pattern[str]]:
    """The ways a person is written in records: full name, title and surname, email."""
    forms = set()
    if person.first_name and person.last_name:
        forms.add(f"{person.first_name} {person.last_name}")
    if person.title and person.last_name:
        forms.add(f"{person.title} {person.last_name}")
    if person.email:
        forms.add(person.email)
    return [re.compile(re.escape(f), re.IGNORECASE) for f in sorted(forms, key=len, reverse=True)]


def _redact(text_value: str, patterns: list[re.Pattern[str]], placeholder: str) -> tuple[str, int]:
    count = 0
    for pattern in patterns:
        text_value, n = pattern.subn(placeholder, text_value)
        count += n
    return text_value, count


def erase(db: Database, ref: str, reason: str = "") -> ErasureResult:
    """Erase a person's details everywhere; governance records keep a placeholder."""
    if db.readonly:
        raise UserError("This database is open read-only: open it normally to erase a person.")
    with db.session() as s:
        person = find_person(s, ref)
        if person.erased_at is not None:
            raise UserError("This person has already been erased.")
        placeholder = f"Former member {person.id}"
        patterns = _name_patterns(person)
        replaced = _redact_records(s, patterns, placeholder, person)
        # The audit trail is append-only; an erasure is its one documented exception.
        s.add(DbMeta(key="erasing", value="1"))
        s.flush()
        for entry in s.scalars(select(AuditEntry)):
            new, n = _redact(entry.summary, patterns, placeholder)
            if n:
                entry.summary = new
                replaced += n
        s.flush()
        s.delete(s.get_one(DbMeta, "erasing"))
        for declaration in s.scalars(select(Declaration).where(Declaration.person_id == person.id)):
            s.delete(declaration)
        for said in s.scalars(
            select(ItemDeclaration).where(ItemDeclaration.person_id == person.id)
        ):
            said.interest = "(erased)"
        for draft in s.scalars(select(DraftText)):
            draft.text, n = _redact(draft.text, patterns, placeholder)
            replaced += n
        person.title = ""
        person.first_name = placeholder
        person.last_name = ""
        person.job_title = ""
        person.email = None
        person.phone = ""
        person.notes = ""
        person.preferences = ""
        person.lived_experience = False
        person.erased_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        s.add(
            Erasure(
                user=current_user(), person_id=person.id, placeholder=placeholder, reason=reason
            )
        )
        audit.record(s, "person", person.id, "erased", placeholder)
        person_id = person.id
    _purge_free_space(db)
    return ErasureResult(person_id, placeholder, replaced)


def _redact_records(
    s: Session, patterns: list[re.Pattern[str]], placeholder: str, person: Person
) -> int:
    count = 0
    for model, field in (
        (MinuteEntry, "discussion"),
        (MinuteAmendment, "text"),
        (Decision, "text"),
        (Action, "description"),
        (Action, "owner_text"),
        (ActionUpdate, "text"),
        (Attendance, "note"),
        (Attendance, "guest_name"),
    ):
        for row in s.scalars(select(model)):
            value = getattr(row, field)
            if value:
                new, n = _redact(value, patterns, placeholder)
                if n:
                    setattr(row, field, new)
                    count += n
    return count


def _purge_free_space(db: Database) -> None:
    """Leave no copy of what was erased in free pages, the index, the undo log or the WAL."""
    from atr_desktop.storage import undo

    undo.clear(db)
    raw = db.engine.raw_connection()  # VACUUM cannot run inside a transaction
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        for statement in refill_statements():
            cursor.execute(statement)
        cursor.execute("COMMIT")
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()
