"""Papers keep the letter they had when their meeting's agenda was first issued.

References (SG/2027-02-09/C) were worked out from agenda order every time, so a late paper
renamed B to C to D after the pack had gone out. The letter is stored once issued ('' until
then) and never reused.

Revision ID: 0007_paper_letters
Revises: 0004_audit_append_only
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_paper_letters"
down_revision: str | None = "0006_undo_in_services"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "papers",
        sa.Column("letter", sa.String(length=4), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("papers") as batch:
        batch.drop_column("letter")
