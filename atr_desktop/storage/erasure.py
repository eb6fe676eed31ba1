"""What an erasure needs of the engine: the audit trail's one permitted change, and no copy
of the erased text left behind.

The audit trail is append-only in the database on both engines (migration 0004). An
erasure's redaction of summaries is its one exception: on SQLite the trigger allows a
summary to change while db_meta holds 'erasing'; on PostgreSQL only through
``audit_redact(id, summary)``, a SECURITY DEFINER function owned by the tables' owner.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.orm import Session

from atr_desktop.storage.database import Database
from atr_desktop.storage.search_schema import refill_statements


def redact_audit(session: Session, summaries: Mapping[int, str]) -> None:
    """Replace the summaries of these audit entries (id -> redacted summary), nothing else."""
    if not summaries:
        return
    conn = session.connection()
    rows = [{"id": entry, "summary": summary} for entry, summary in summaries.items()]
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT audit_redact(:id, :summary)"), rows)
        return
    conn.exec_driver_sql("INSERT INTO db_meta(key, value) VALUES ('erasing', '1')")
    conn.execute(text("UPDATE audit_log SET summary = :summary WHERE id = :id"), rows)
    conn.exec_driver_sql("DELETE FROM db_meta WHERE key = 'erasing'")


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
