"""A person's rights under UK GDPR: a subject access export, and erasure.

Erasure removes the person's details everywhere and puts a placeholder where their name
stood, so the governance record still reads ("Former member 7 agreed to..."). "Everywhere"
is found from the schema, not from a list kept by hand: every text column of every table
the models declare (a column added later is covered without anyone remembering it), the
audit trail's summaries (through the one redaction path its trigger allows), the search
index (rebuilt), the undo history (cleared) and the log files. The erasure itself is
recorded (who, when, which record, the placeholder) in the database and in the erasure
ledger beside it, which every restore re-applies (services/erasure_ledger.py). No copy is
left in the file: secure_delete zeroes freed pages, the file is vacuumed and the WAL
truncated. Backups keep what they held until rotated out (docs/privacy.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, func, or_, select, text
from sqlalchemy.orm import Session

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.domain.marking import personal_data
from atr_desktop.domain.people import erasure_placeholder
from atr_desktop.errors import UserError
from atr_desktop.services import audit, erasure_ledger
from atr_desktop.services.refs import find_person
from atr_desktop.storage.database import Database
from atr_desktop.storage.erasure import purge_free_space, redact_audit
from atr_desktop.storage.models import (
    Action,
    Attendance,
    AuditEntry,
    Base,
    DbMeta,
    Declaration,
    Erasure,
    ItemDeclaration,
    Meeting,
    Membership,
    Person,
)
from atr_desktop.storage.models.types import holds_text

# Redacted through their own path: the audit trail's trigger allows only its summary to
# change, and only while an erasure is under way.
OWN_PATH = {"audit_log"}
ERASED_INTEREST = "(erased)"


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    placeholder: str
    replaced_mentions: int


class Redactor:
    """The ways one person is written, as one pattern, and what replaces them.

    Full name, title and surname, email and phone always, in any case; the surname alone
    only when nobody else held has it (so erasing one Smith never touches another's
    minutes) and only written as a name.
    """

    def __init__(self, person: Person, shared_surname: bool, placeholder: str) -> None:
        forms: set[str] = set()
        first, last = person.first_name.strip(), person.last_name.strip()
        if first and last:
            forms.add(_spaced(f"{first} {last}"))
        if person.title and last:
            forms.add(_spaced(f"{person.title.strip()} {last}"))
        if last and not shared_surname:
            # Written as a name (as held, Capitalised or in capitals), so that erasing
            # Ms Green leaves "green space" alone.
            spellings = {last, last[:1].upper() + last[1:], last.upper()}
            forms.add("(?-i:" + "|".join(_spaced(s) for s in sorted(spellings)) + ")")
        if person.email:
            forms.add(re.escape(person.email.strip()))
        digits = re.sub(r"\D", "", person.phone or "")
        if len(digits) >= 6:
            forms.add(r"\+?" + r"[\s().-]*".join(digits))
        ordered = sorted(forms, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)", re.IGNORECASE)
            if ordered
            else None
        )
        self.placeholder = placeholder
        self.count = 0

    def matches(self, value: object) -> bool:
        return (
            isinstance(value, str) and self.pattern is not None and bool(self.pattern.search(value))
        )

    def __call__(self, value: object) -> object:
        if not isinstance(value, str) or self.pattern is None:
            return value
        new, n = self.pattern.subn(self.placeholder, value)
        self.count += n
        return new


def _spaced(words: str) -> str:
    """A literal name where any run of spaces (or a line break) may stand between words."""
    return r"\s+".join(re.escape(w) for w in words.split())


def text_columns() -> Iterator[tuple[str, list[str]]]:
    """(table, text columns) for every table the models declare, keys left out."""
    for table in Base.metadata.sorted_tables:
        if table.name in OWN_PATH:
            continue
        columns = [c.name for c in table.columns if holds_text(c.type) and not c.primary_key]
        if columns:
            yield table.name, columns


def _redactor(session: Session, person: Person, placeholder: str) -> Redactor:
    last = person.last_name.strip()
    shared = bool(last) and bool(
        session.scalar(
            select(func.count())
            .select_from(Person)
            .where(
                Person.id != person.id,
                Person.erased_at.is_(None),
                func.lower(func.trim(Person.last_name)) == last.lower(),
            )
        )
    )
    return Redactor(person, shared, placeholder)


def _primary_key(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].primary_key.columns]


def _naming_rows(
    session: Session, redactor: Redactor, table: str, columns: list[str]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(primary key, {column: text}) of the rows of ``table`` that name the person.

    Matched in Python, whichever engine holds the rows (no engine-only SQL functions);
    only rows with some text are read.
    """
    keys = _primary_key(table)
    quoted = ", ".join(f'"{c}"' for c in [*keys, *columns])
    where = " OR ".join(f'"{c}" IS NOT NULL AND "{c}" <> \'\'' for c in columns)
    rows = session.connection().exec_driver_sql(f'SELECT {quoted} FROM "{table}" WHERE {where}')
    for row in rows:
        values = dict(zip(columns, row[len(keys) :], strict=True))
        if any(redactor.matches(v) for v in values.values()):
            yield tuple(row[: len(keys)]), values


def _mentions(session: Session, redactor: Redactor) -> list[dict[str, Any]]:
    """Every text value in the database that names the person, wherever it is."""
    found = []
    for table, columns in text_columns():
        if table == "people":
            continue
        for key, values in _naming_rows(session, redactor, table, columns):
            for column, value in values.items():
                if redactor.matches(value):
                    found.append({"table": table, "column": column, "id": key[0], "text": value})
    return found


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
        mentions = _mentions(s, _redactor(s, person, ""))
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
    """Write the subject access file, readable by the user only (it is all about one person),
    its marking the first thing in the file."""
    data = {"protective_marking": personal_data().label, **subject_access(db, ref)}
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=2))
        os.chmod(out, 0o600)  # an existing file keeps its old mode through O_TRUNC
    except OSError as exc:
        raise UserError(
            f"Cannot write {out} ({exc.strerror}): choose a file name in a folder you can write to."
        ) from None
    return out


def erase(
    db: Database, ref: str, reason: str = "", log_files: Iterable[Path] = ()
) -> ErasureResult:
    """Erase a person's details everywhere; governance records keep a placeholder.

    ``log_files`` are rewritten without the person too (the CLI passes the app's logs).
    """
    if db.readonly:
        raise UserError("This database is open read-only: open it normally to erase a person.")
    ledger = erasure_ledger.read(db.path)
    with db.session() as s:
        person = find_person(s, ref)
        if person.erased_at is not None:
            raise UserError("This person has already been erased.")
        placeholder = erasure_placeholder(person.id)
        redactor = _redactor(s, person, placeholder)
        digest = ledger.digest(person.email, person.first_name, person.last_name)
        _redact_tables(s, redactor)
        _redact_audit(s, redactor)
        s.expire_all()
        person = s.get_one(Person, person.id)
        for declaration in s.scalars(select(Declaration).where(Declaration.person_id == person.id)):
            s.delete(declaration)
        for said in s.scalars(
            select(ItemDeclaration).where(ItemDeclaration.person_id == person.id)
        ):
            said.interest = ERASED_INTEREST
        _blank_person(person, placeholder)
        s.add(
            Erasure(
                user=current_user(), person_id=person.id, placeholder=placeholder, reason=reason
            )
        )
        audit.record(s, "person", person.id, "erased", placeholder)
        person_id = person.id
        uuid = s.get(DbMeta, "uuid")
        # Written before the commit: if the ledger cannot be written, nothing is erased.
        erasure_ledger.add(
            db.path,
            ledger,
            erasure_ledger.Entry(
                person_id, uuid.value if uuid else "", digest, erasure_ledger.today(), ledger.salt
            ),
        )
    for path in log_files:
        redactor.count += _scrub_file(path, redactor)
    _purge_free_space(db)
    return ErasureResult(person_id, placeholder, redactor.count)


def _redact_tables(session: Session, redactor: Redactor) -> None:
    """Every text column of every table: only rows that name the person change."""
    conn = session.connection()
    for table, columns in text_columns():
        keys = _primary_key(table)
        changed = []
        for key, values in _naming_rows(session, redactor, table, columns):
            new = {f"v_{c}": redactor(v) for c, v in values.items()}
            changed.append({**new, **{f"k_{k}": v for k, v in zip(keys, key, strict=True)}})
        if not changed:
            continue
        sets = ", ".join(f'"{c}" = :v_{c}' for c in columns)
        if "updated_at" in Base.metadata.tables[table].columns:
            sets += ", updated_at = CURRENT_TIMESTAMP"
        match = " AND ".join(f'"{k}" = :k_{k}' for k in keys)
        conn.execute(text(f'UPDATE "{table}" SET {sets} WHERE {match}'), changed)


def _redact_audit(session: Session, redactor: Redactor) -> None:
    """The audit trail is append-only in the database; an erasure's redaction of its
    summaries is the one permitted change, through storage's one path for it."""
    rows = session.execute(select(AuditEntry.id, AuditEntry.summary)).all()
    removals = {}
    for entry, summary in rows:
        if redactor.pattern is not None and redactor.matches(summary):
            found = [m.group(0) for m in redactor.pattern.finditer(summary)]
            redactor.count += len(found)
            removals[entry] = found
    redact_audit(session, removals, redactor.placeholder, (current_user(), machine_name()))


def _blank_person(person: Person, placeholder: str) -> None:
    """Every detail of the person's own record, found from the schema, goes."""
    for column in Person.__table__.columns:
        if column.primary_key or column.foreign_keys:
            continue
        if holds_text(column.type):
            blank = placeholder if column.key == "first_name" else None if column.nullable else ""
            setattr(person, column.key, blank)
        elif isinstance(column.type, Boolean):
            setattr(person, column.key, False)
    person.organisation_id = None
    person.erased_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _scrub_file(path: Path, redactor: Redactor) -> int:
    """Rewrite a log file in place without the person (in place, so an open handler that
    appends keeps writing to the same file)."""
    try:
        with path.open("r+", encoding="utf-8", errors="surrogateescape") as fh:
            text = fh.read()
            before = redactor.count
            new = redactor(text)
            found = redactor.count - before
            redactor.count = before
            if found:
                fh.seek(0)
                fh.write(str(new))
                fh.truncate()
            return found
    except FileNotFoundError:
        return 0


def reapply_erasures(db: Database) -> list[int]:
    """Erase again everyone the ledger lists whom this database still holds (after a
    restore of an older backup, or a copy from another store); returns their ids."""
    ledger = erasure_ledger.read(db.path)
    if not ledger.entries or db.readonly:
        return []
    with db.session() as s:
        uuid_row = s.get(DbMeta, "uuid")
        uuid = uuid_row.value if uuid_row else ""
        living = list(s.scalars(select(Person).where(Person.erased_at.is_(None))))
        by_id = {p.id: p for p in living}
        due: list[int] = []
        for entry in ledger.entries:
            if entry.uuid == uuid and entry.person_id in by_id:
                found: int | None = entry.person_id
            else:  # a copy in another store: match who they were, not the id
                found = next(
                    (
                        p.id
                        for p in living
                        if entry.digest
                        and erasure_ledger.digest(entry.salt, p.email, p.first_name, p.last_name)
                        == entry.digest
                    ),
                    None,
                )
            if found is not None and found not in due:
                due.append(found)
    for person_id in due:
        erase(db, str(person_id), "re-applied from the erasure ledger after a restore")
    return due


def reapply_erasures_at(db_path: Path) -> list[int]:
    """:func:`reapply_erasures` on a closed database file (the restore path's call)."""
    if not erasure_ledger.ledger_path(db_path).exists():
        return []
    from atr_desktop.storage.database import open_database

    db = open_database(db_path)
    try:
        return reapply_erasures(db)
    finally:
        db.close()


def _purge_free_space(db: Database) -> None:
    """Leave no copy of what was erased (storage knows how on each engine).

    (The window's undo history forgets everything when it sees an erasure commit.)
    """
    purge_free_space(db)
