"""The audit trail's one permitted change, on both engines: an erasure replaces a text with
its placeholder ("Former member 7") and the database records that it did; a direct attempt
to put anything else in an entry is refused by the database itself (migration 0012)."""

from __future__ import annotations

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from atr_desktop.domain.people import erasure_placeholder, is_erasure_placeholder
from atr_desktop.errors import UserError
from atr_desktop.services import audit, people
from atr_desktop.storage.erasure import redact_audit
from atr_desktop.storage.models import AuditEntry

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _entry(db, summary: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        audit.record(s, "meeting", 1, "edited", summary)
        s.flush()
        return int(s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)))


def _summary(db, entry: int) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return str(s.scalar(select(AuditEntry.summary).where(AuditEntry.id == entry)))


def test_the_placeholder_has_one_form() -> None:
    assert erasure_placeholder(7) == "Former member 7"
    assert is_erasure_placeholder("Former member 12")
    for other in ("Former member", "Former member 0", "Former member 7 lied", "Someone", ""):
        assert not is_erasure_placeholder(other)


def test_redaction_replaces_only_the_text_and_records_that_it_did(db) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(db, "Minutes: Kit Marlow presented; Kit Marlow took questions.")
    with db.session() as s:
        changed = redact_audit(s, {entry: ["Kit Marlow"]}, "Former member 9", ("sam", "pc1"))
    assert changed == 1
    assert _summary(db, entry) == (
        "Minutes: Former member 9 presented; Former member 9 took questions."
    )
    with db.session() as s:
        said = s.execute(
            select(AuditEntry.action, AuditEntry.summary).where(
                AuditEntry.entity == "audit_log", AuditEntry.entity_id == entry
            )
        ).all()
    assert [tuple(r) for r in said] == [("redacted", "Former member 9")]


def test_a_placeholder_that_is_not_an_erasures_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(db, "Approved by Kit Marlow.")
    with pytest.raises(UserError, match="not an erasure placeholder"), db.session() as s:
        redact_audit(s, {entry: ["Approved"]}, "Rejected")
    assert _summary(db, entry) == "Approved by Kit Marlow."


def test_the_database_refuses_any_other_rewrite(db, store_engine: str) -> None:  # type: ignore[no-untyped-def]
    """Past the Python path: straight at the function (PostgreSQL) or the trigger's flag
    (SQLite), an arbitrary summary or a text that is not a placeholder is refused."""
    entry = _entry(db, "Approved by Kit Marlow.")
    if store_engine == "postgresql":
        attempts = [
            ("SELECT audit_redact(:i, 'Approved', 'Rejected')", "erasure placeholder"),
            ("SELECT audit_redact(:i, 'Kit Marlow', 'Former member 9 lied')", "placeholder"),
            ("SELECT audit_redact(:i, '', 'Former member 9')", "Nothing to remove"),
            ("SELECT audit_redact(:i, 'Rewritten')", "does not exist"),  # the old form is gone
        ]
        for statement, words in attempts:
            with pytest.raises(sqlalchemy.exc.DBAPIError, match=words), db.engine.begin() as c:
                c.execute(text(statement), {"i": entry})
    else:
        flags = [
            ("Former member 9", "Kit Marlow", "Approved by someone else."),  # not a replacement
            ("Rejected", "Approved", "Rejected by Kit Marlow."),  # not a placeholder
            ("Former member 9x", "Kit Marlow", "Approved by Former member 9x."),
            ("Former member 9", "", "Approved by Kit Marlow!"),
        ]
        for placeholder, removed, summary in flags:
            with (
                pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"),
                db.engine.begin() as c,
            ):
                c.execute(
                    text(
                        "INSERT INTO db_meta(key, value) VALUES ('erasing', :p), "
                        "('erasing_text', :r)"
                    ),
                    {"p": placeholder, "r": removed},
                )
                c.execute(
                    text("UPDATE audit_log SET summary = :s WHERE id = :i"),
                    {"s": summary, "i": entry},
                )
    assert _summary(db, entry) == "Approved by Kit Marlow."


def test_an_erasure_redacts_the_trail_through_the_one_path(db) -> None:  # type: ignore[no-untyped-def]
    from atr_desktop.services.personal_data import erase

    person = people.add_person(
        db, people.PersonInput(first_name="Kit", last_name="Marlowe", email="kit@example.org")
    )
    entry = _entry(db, "Kit Marlowe (kit@example.org) presented.")
    result = erase(db, "kit@example.org", reason="asked")
    placeholder = erasure_placeholder(person.id)
    assert result.placeholder == placeholder
    assert _summary(db, entry) == f"{placeholder} ({placeholder}) presented."
    with db.session() as s:
        summaries = s.scalars(select(AuditEntry.summary)).all()
        redacted = s.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.action == "redacted")
        ).all()
        meta = s.execute(text("SELECT key FROM db_meta WHERE key LIKE 'erasing%'")).all()
    assert not [t for t in summaries if "Marlowe" in t or "kit@example.org" in t]
    assert entry in redacted
    assert meta == []  # the flag lasts for the redaction only
