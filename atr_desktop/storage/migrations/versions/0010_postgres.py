"""Papers kept in the database on PostgreSQL, so a team needs nothing but the server.

A store on a server keeps each paper's bytes once, named by their SHA-256 (deduplicated as
in the folder), in ``paper_blobs``; each computer keeps a cache of what it has opened in
its own folder. SQLite keeps papers in the folder beside the file, as before: nothing
changes there.

Revision ID: 0010_postgres
Revises: 0007_paper_letters  (to be re-chained after 0009_marking)
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_postgres"
down_revision: str | None = "0007_paper_letters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE paper_blobs (sha256 CHAR(64) PRIMARY KEY, size BIGINT NOT NULL, "
        "data BYTEA NOT NULL, "
        "added_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), "
        "CONSTRAINT ck_paper_blobs_size CHECK (size = length(data)))"
    )
    # Stored once and never changed: the bytes are already compressed PDFs and Office files.
    op.execute("ALTER TABLE paper_blobs ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS paper_blobs")
