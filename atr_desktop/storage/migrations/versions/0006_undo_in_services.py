"""Undo moves into the service layer: drop the trigger-based undo history.

Undo used to be recorded by SQLite triggers (installed when the window opened a database)
writing inverse SQL built with rowid and quote() into ``undo_log``. The services now record
each unit of work's row changes from the session itself (storage/undo.py), so the triggers
and the three tables go. The history was only ever the open window's, so nothing is lost.

Revision ID: 0006_undo_in_services
Revises: 0004_audit_append_only
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_undo_in_services"
down_revision: str | None = "0005_reads_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        names = bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo_trg_%'"
        ).all()
        for (name,) in names:
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.execute("DROP INDEX IF EXISTS ix_undo_log_step")
    op.execute("DROP TABLE IF EXISTS undo_log")
    op.execute("DROP TABLE IF EXISTS undo_steps")
    op.execute("DROP TABLE IF EXISTS undo_state")


def downgrade() -> None:
    op.execute(
        "CREATE TABLE undo_state (id INTEGER NOT NULL, current_step INTEGER, "
        "CONSTRAINT pk_undo_state PRIMARY KEY (id))"
    )
    op.execute(
        "CREATE TABLE undo_steps (id INTEGER NOT NULL, label VARCHAR(200) NOT NULL, "
        "CONSTRAINT pk_undo_steps PRIMARY KEY (id))"
    )
    op.execute(
        "CREATE TABLE undo_log (id INTEGER NOT NULL, step INTEGER NOT NULL, "
        "statement TEXT NOT NULL, CONSTRAINT pk_undo_log PRIMARY KEY (id))"
    )
    op.execute("CREATE INDEX ix_undo_log_step ON undo_log (step)")
