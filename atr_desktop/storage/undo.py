"""Undo and redo for edits made in the window, at the storage level.

The technique from sqlite.org/undoredo.html: triggers on every record table write the
inverse SQL of each change into ``undo_log``, tagged with the step being recorded. Undoing
a step replays its inverse statements newest first in one transaction; the triggers record
*their* inverses under a new step, which is the redo. So every edit the window makes,
through whichever service, is undoable without each service knowing about undo.

Triggers fire only while ``undo_state.current_step`` is set, which only the window does
(the CLI records nothing). Not recorded: the audit trail (append-only), the database's
identity, unsaved typing, the search index (its own triggers follow the replay), erasures.
The history is cleared when the window opens a database, and by an erasure.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

from atr_desktop.storage.database import Database

NOT_RECORDED = {"alembic_version", "audit_log", "db_meta", "draft_text", "erasures"}
PREFIX = "undo_trg_"


def _tables(conn: object) -> list[str]:
    rows = conn.exec_driver_sql(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_index%' AND name NOT LIKE 'undo_%'"
    ).all()
    return [r[0] for r in rows if r[0] not in NOT_RECORDED]


def _columns(conn: object, table: str) -> list[str]:
    rows = conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all()  # type: ignore[attr-defined]
    return [r[1] for r in rows]


def _record(expression: str) -> str:
    return (
        "INSERT INTO undo_log(step, statement) "
        f"SELECT current_step, {expression} FROM undo_state WHERE id = 1;"
    )


def trigger_statements(table: str, columns: list[str]) -> list[str]:
    when = "WHEN (SELECT current_step FROM undo_state WHERE id = 1) IS NOT NULL"
    quoted = ", ".join(f'"{c}"' for c in columns)
    values = " || ',' || ".join(f'quote(OLD."{c}")' for c in columns)
    sets = " || ',' || ".join(f'\'"{c}"=\' || quote(OLD."{c}")' for c in columns)
    insert = f"'DELETE FROM \"{table}\" WHERE rowid=' || NEW.rowid"
    update = f"'UPDATE \"{table}\" SET ' || {sets} || ' WHERE rowid=' || OLD.rowid"
    delete = (
        f"'INSERT INTO \"{table}\"(rowid, {quoted}) VALUES(' || OLD.rowid || ',' || {values} || ')'"
    )
    return [
        f'CREATE TRIGGER {PREFIX}{table}_i AFTER INSERT ON "{table}" {when} '
        f"BEGIN {_record(insert)} END",
        f'CREATE TRIGGER {PREFIX}{table}_u AFTER UPDATE ON "{table}" {when} '
        f"BEGIN {_record(update)} END",
        f'CREATE TRIGGER {PREFIX}{table}_d BEFORE DELETE ON "{table}" {when} '
        f"BEGIN {_record(delete)} END",
    ]


def install(engine: Engine) -> None:
    """(Re)create the triggers for the current schema and start an empty history."""
    with engine.begin() as conn:
        old = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (PREFIX + "%",),
        ).all()
        for (name,) in old:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        for table in _tables(conn):
            for statement in trigger_statements(table, _columns(conn, table)):
                conn.exec_driver_sql(statement)
        _reset(conn)


def _reset(conn: object) -> None:
    for sql in (
        "DELETE FROM undo_log",
        "DELETE FROM undo_steps",
        "INSERT OR REPLACE INTO undo_state(id, current_step) VALUES (1, NULL)",
    ):
        conn.exec_driver_sql(sql)  # type: ignore[attr-defined]


def clear(db: Database) -> None:
    """Forget the history (after an erasure: it must not keep what was erased)."""
    with db.engine.begin() as conn:
        _reset(conn)


def _set_current(db: Database, step: int | None) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE undo_state SET current_step = :s WHERE id = 1"), {"s": step})


def _new_step(db: Database, label: str) -> int:
    with db.engine.begin() as conn:
        result = conn.execute(text("INSERT INTO undo_steps(label) VALUES (:l)"), {"l": label})
        step = result.lastrowid
    assert step is not None
    return int(step)


def begin_step(db: Database, label: str = "") -> int:
    """Start recording a new step (the window does this after each edit it keeps)."""
    step = _new_step(db, label)
    _set_current(db, step)
    return step


def step_size(db: Database, step: int) -> int:
    with db.engine.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM undo_log WHERE step = :s"), {"s": step}
        ).scalar()
    return int(count or 0)


def last_audit_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar() or 0)


def describe_since(db: Database, audit_id: int) -> str:
    """What the audit trail says was done since ``audit_id``: 'closed group', for a label."""
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT action, entity FROM audit_log WHERE id > :a ORDER BY id DESC LIMIT 1"),
            {"a": audit_id},
        ).first()
    return f"{row[0]} {row[1].replace('_', ' ')}" if row else "edit"


@contextmanager
def recording(db: Database, label: str) -> Iterator[list[int]]:
    """Record what the block changes as one step; yields [step id], or [] if nothing changed."""
    step = _new_step(db, label)
    _set_current(db, step)
    holder: list[int] = []
    try:
        yield holder
    finally:
        _set_current(db, None)
        with db.engine.connect() as conn:
            count = conn.execute(
                text("SELECT count(*) FROM undo_log WHERE step = :s"), {"s": step}
            ).scalar()
        if count:
            holder.append(step)


def replay(db: Database, step: int, label: str = "") -> int:
    """Undo ``step`` (or redo it: a redo step is an undo step too); returns its inverse."""
    inverse = _new_step(db, label)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE undo_state SET current_step = :s WHERE id = 1"), {"s": inverse})
        statements = conn.execute(
            text("SELECT statement FROM undo_log WHERE step = :s ORDER BY id DESC"), {"s": step}
        ).all()
        for (statement,) in statements:
            conn.exec_driver_sql(statement)
        conn.execute(text("DELETE FROM undo_log WHERE step = :s"), {"s": step})
        conn.execute(text("UPDATE undo_state SET current_step = NULL WHERE id = 1"))
    return inverse
