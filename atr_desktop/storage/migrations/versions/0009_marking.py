"""Each Part B agenda item says why it is exempt, for its OFFICIAL-SENSITIVE marking.

Government Security Classifications mark confidential business OFFICIAL-SENSITIVE with the
reason (commercial, personal information, legal advice, negotiations, security, other);
'' until the secretariat chooses one.

Revision ID: 0009_marking
Revises: 0007_paper_letters (becomes 0008_window_rules when that branch is merged)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_marking"
down_revision: str | None = "0007_paper_letters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(
            sa.Column("exemption", sa.String(length=20), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("exemption_note", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_column("exemption_note")
        batch.drop_column("exemption")
