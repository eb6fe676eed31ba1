"""The audit trail is append-only, enforced by the database itself.

Rows can be added, never deleted; a row's summary may change only during a UK GDPR
erasure (which redacts the person's name there too and is itself recorded).

SQLite: triggers that allow a summary to change only while db_meta holds 'erasing'.
PostgreSQL: one trigger refuses UPDATE, DELETE and TRUNCATE, except an UPDATE of the
summary alone made inside ``audit_redact(id, summary)``, a SECURITY DEFINER function that
runs as the table's owner and flags the change for its own transaction only; so where the
tables belong to a NOLOGIN owner role (docs/storage.md) no officer's role can change a row.

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


POSTGRESQL = [
    "CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'UPDATE' THEN "
    "IF current_setting('atr.audit_redaction', true) = 'on' "
    "AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) "
    'AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW."user" = OLD."user" '
    "AND NEW.machine = OLD.machine AND NEW.entity = OLD.entity "
    "AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.action = OLD.action "
    "THEN RETURN NEW; END IF; END IF; "
    f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_guard()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard()",
    "CREATE FUNCTION audit_redact(entry_id INTEGER, redacted TEXT) RETURNS void "
    "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$ BEGIN "
    "PERFORM set_config('atr.audit_redaction', 'on', true); "
    "UPDATE audit_log SET summary = redacted WHERE id = entry_id; "
    "PERFORM set_config('atr.audit_redaction', 'off', true); END $$",
    "REVOKE ALL ON FUNCTION audit_redact(INTEGER, TEXT) FROM PUBLIC",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRESQL:
            op.execute(statement)
        return
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_redact(INTEGER, TEXT)")
        op.execute("DROP FUNCTION IF EXISTS audit_log_guard()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
