"""Full-text search index (FTS5) with triggers that keep it in step.

Revision ID: 0002_search
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

from atr_desktop.storage.search_schema import create_statements, drop_statements

revision: str = "0002_search"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in create_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements():
        op.execute(statement)
