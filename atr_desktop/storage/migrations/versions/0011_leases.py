"""Leases: who is editing a meeting's minutes or register, and until when.

A team's officers edit at once; the minutes and the register are long edits, so one officer
holds a lease on each while editing (5 minutes, renewed every minute, taken over after it
expires). One row per (kind, meeting); ``expires_at`` is UTC (the server's clock on
PostgreSQL). Both engines get the table, so the same services and tests run on both. On
PostgreSQL the table sends its change notice (``atr_notify``, migration 0010) like every
other, so other officers' windows hear a lease taken or released at once.

Revision ID: 0011_leases
Revises: 0010_postgres
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_leases"
down_revision: str | None = "0010_postgres"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "leases",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("machine", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name="pk_leases"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            'CREATE TRIGGER atr_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "leases" '
            "FOR EACH STATEMENT EXECUTE FUNCTION atr_notify()"
        )


def downgrade() -> None:
    op.drop_table("leases")  # its trigger goes with it
