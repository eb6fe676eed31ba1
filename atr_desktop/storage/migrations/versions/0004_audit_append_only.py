"""The audit trail is append-only, enforced by the database itself.

Rows can be added, never deleted; a row's summary may change only during a UK GDPR
erasure (which redacts the person's name there too and is itself recorded).

Revision ID: 0004_audit_append_only
Revises: 0003_undo
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_audit_append_only"
down_revision: str | None = "0003_undo"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "The audit trail is append-only: its entries cannot be changed or removed."


def upgrade() -> None:
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN "
        "NOT EXISTS (SELECT 1 FROM db_meta WHERE key = 'erasing') "
        "OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user IS NOT OLD.user "
        "OR NEW.machine IS NOT OLD.machine OR NEW.entity IS NOT OLD.entity "
        "OR NEW.entity_id IS NOT OLD.entity_id OR NEW.action IS NOT OLD.action "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
