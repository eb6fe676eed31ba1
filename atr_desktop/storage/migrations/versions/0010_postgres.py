"""A team's store: record versions, papers in the database, a notice of every change.

Versions (both engines): every editable record carries ``row_version`` (``version`` is a pack's own number), raised by each save
and checked by it, so a save over someone else's change since the record was read is
refused instead of silently overwriting it.

Papers:
A store on a server keeps each paper's bytes once, named by their SHA-256 (deduplicated as
in the folder), in ``paper_blobs``; each computer keeps a cache of what it has opened in
its own folder. SQLite keeps papers in the folder beside the file, as before: nothing
changes there.

Notices: a statement trigger on every table sends ``pg_notify('atr_changes', table)``
when a transaction that changed it commits (PostgreSQL folds repeats into one), so each
officer's window hears what the others changed (storage/notices.py). The tables are those
the store holds when this runs; a later migration that adds a table adds its trigger too.

Revision ID: 0010_postgres
Revises: 0007_paper_letters  (to be re-chained after 0009_marking)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_postgres"
down_revision: str | None = "0009_marking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


VERSIONED = (  # every editable (Stamped) table at this revision
    "actions", "agenda_items", "attendance", "decisions", "declarations", "forward_plan",
    "groups", "item_declarations", "meeting_series", "meetings", "memberships",
    "minute_entries", "minutes", "organisations", "packs", "papers", "people", "tor_versions",
)  # fmt: skip

NOT_NOTIFIED = {"alembic_version", "search_index", "paper_blobs"}


def notified_tables() -> list[str]:
    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    ).all()
    return [r[0] for r in rows if r[0] not in NOT_NOTIFIED]


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(
            table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1")
        )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION atr_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM pg_notify('atr_changes', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in notified_tables():
        op.execute(
            f'CREATE TRIGGER atr_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION atr_notify()"
        )
    op.execute(
        "CREATE TABLE paper_blobs (sha256 CHAR(64) PRIMARY KEY, size BIGINT NOT NULL, "
        "data BYTEA NOT NULL, "
        "added_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), "
        "CONSTRAINT ck_paper_blobs_size CHECK (size = length(data)))"
    )
    # Stored once and never changed: the bytes are already compressed PDFs and Office files.
    op.execute("ALTER TABLE paper_blobs ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
    if op.get_bind().dialect.name == "postgresql":
        for table in notified_tables():
            op.execute(f'DROP TRIGGER IF EXISTS atr_notify ON "{table}"')
        op.execute("DROP FUNCTION IF EXISTS atr_notify()")
        op.execute("DROP TABLE IF EXISTS paper_blobs")
