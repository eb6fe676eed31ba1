"""What an erasure needs of the engine: the audit trail's one permitted change, and no copy
of the erased text left behind.

The audit trail is append-only in the database on both engines (migrations 0004, 0012). An
erasure's redaction of summaries is its one exception, and the database allows only that:
every occurrence of one text in an entry replaced by an erasure placeholder ("Former
member 7"), recorded by the database as an audit line ("redacted"). On SQLite the trigger
checks the change against db_meta's 'erasing' rows, written here for the redaction's
length only; on PostgreSQL ``audit_redact(id, text, placeholder)``, a SECURITY DEFINER
function owned by the tables' owner, checks and makes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from atr_desktop.domain.people import is_erasure_placeholder
from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.storage.search_schema import refill_statements


def redact_audit(
    session: Session,
    removals: Mapping[int, Sequence[str]],
    placeholder: str,
    by: tuple[str, str] = ("", ""),
) -> int:
    """In each audit entry (id -> texts to take out), replace every occurrence of each text
    by ``placeholder``, nothing else; returns how many entries changed. ``by`` (user,
    machine) names who redacted on SQLite; a server names the login's role itself."""
    if not is_erasure_placeholder(placeholder):
        raise UserError(f"'{placeholder}' is not an erasure placeholder: nothing was redacted.")
    rows = [
        {"id": entry, "removed": removed, "placeholder": placeholder}
        for entry, texts in removals.items()
        # Longest first, so 'Ms Green' goes whole before 'Green'; never a piece of the
        # placeholder itself (the database refuses that).
        for removed in sorted(set(texts), key=len, reverse=True)
        if removed and removed not in placeholder
    ]
    if not rows:
        return 0
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        changed = 0
        for row in rows:
            changed += int(
                conn.execute(text("SELECT audit_redact(:id, :removed, :placeholder)"), row).scalar()
                or 0
            )
        return changed
    conn.execute(
        text(
            "INSERT INTO db_meta(key, value) VALUES ('erasing', :placeholder), "
            "('erasing_text', ''), ('erasing_by', :user), ('erasing_on', :machine)"
        ),
        {"placeholder": placeholder, "user": by[0], "machine": by[1]},
    )
    changed = 0
    for row in rows:
        conn.execute(text("UPDATE db_meta SET value = :removed WHERE key = 'erasing_text'"), row)
        changed += conn.execute(
            text(
                "UPDATE audit_log SET summary = replace(summary, :removed, :placeholder) "
                "WHERE id = :id AND instr(summary, :removed) > 0"
            ),
            row,
        ).rowcount
    conn.exec_driver_sql("DELETE FROM db_meta WHERE key LIKE 'erasing%'")
    return changed


def purge_free_space(db: Database) -> None:
    """Leave no copy of what was erased in free pages, the index or the log.

    SQLite: the FTS index rebuilt, the file vacuumed and its WAL truncated (secure_delete
    has zeroed freed pages). PostgreSQL: the search index already followed every change
    (a plain table, no segments); dead row versions are the server's VACUUM's, run here on
    the tables an erasure touches so they are not left until autovacuum comes by.
    """
    raw = db.engine.raw_connection()  # VACUUM cannot run inside a transaction
    try:
        if db.on_server:
            driver = raw.driver_connection
            assert driver is not None
            driver.autocommit = True  # type: ignore[attr-defined]
            cursor = driver.cursor()  # type: ignore[attr-defined]
            cursor.execute("VACUUM")
            cursor.close()
            return
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
