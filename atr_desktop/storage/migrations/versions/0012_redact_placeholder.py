"""The audit trail's one permitted change only ever puts the erasure placeholder in.

Before, ``audit_redact(id, summary)`` (PostgreSQL) and the SQLite trigger's ``erasing``
flag accepted any new summary: an officer allowed to erase could have rewritten history.
Now the database itself allows only this: every occurrence of one text in an entry's
summary replaced by an erasure placeholder ("Former member 7", nothing else), and it adds
an audit line saying it did ("redacted", the entry's id, the placeholder).

PostgreSQL: ``audit_redact(entry_id, removed, placeholder)`` (SECURITY DEFINER, owned by
the audit trail's owner, as 0004's was) checks the placeholder, replaces the text and
records the redaction; ``audit_redact(integer, text)`` goes. A store whose roles were set
up by ``init --roles`` keeps the secretariat's right to run it.

SQLite: the update trigger allows a summary to change only to
``replace(old summary, db_meta 'erasing_text', db_meta 'erasing')`` where ``erasing``
holds the placeholder (checked by its form); an AFTER trigger records it, naming the user
in db_meta 'erasing_by'. The one Python path (storage/erasure.py) writes those rows for
the length of the redaction only.

Revision ID: 0012_redact_placeholder
Revises: 0011_leases
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_redact_placeholder"
down_revision: str | None = "0011_leases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "The audit trail is append-only: its entries cannot be changed or removed."
NOT_A_PLACEHOLDER = (
    "An audit entry can only be redacted to an erasure placeholder (Former member N)."
)

POSTGRESQL = [
    "DROP FUNCTION IF EXISTS audit_redact(INTEGER, TEXT)",
    "CREATE FUNCTION audit_redact(entry_id INTEGER, removed TEXT, placeholder TEXT) "
    "RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public "
    "AS $$ DECLARE old_summary TEXT; BEGIN "
    "IF placeholder IS NULL OR placeholder !~ '^Former member [1-9][0-9]*$' THEN "
    f"RAISE EXCEPTION '{NOT_A_PLACEHOLDER}' USING ERRCODE = 'insufficient_privilege'; END IF; "
    "IF removed IS NULL OR removed = '' OR strpos(placeholder, removed) > 0 THEN "
    "RAISE EXCEPTION 'Nothing to remove: name the text an erasure takes out.' "
    "USING ERRCODE = 'invalid_parameter_value'; END IF; "
    "SELECT summary INTO old_summary FROM audit_log WHERE id = entry_id; "
    "IF old_summary IS NULL OR strpos(old_summary, removed) = 0 THEN RETURN 0; END IF; "
    "PERFORM set_config('atr.audit_redaction', 'on', true); "
    "UPDATE audit_log SET summary = replace(old_summary, removed, placeholder) "
    "WHERE id = entry_id; "
    "PERFORM set_config('atr.audit_redaction', 'off', true); "
    'INSERT INTO audit_log ("user", machine, entity, entity_id, action, summary) '
    "VALUES (session_user, coalesce(host(inet_client_addr()), ''), 'audit_log', entry_id, "
    "'redacted', placeholder); "
    "RETURN 1; END $$",
    "REVOKE ALL ON FUNCTION audit_redact(INTEGER, TEXT, TEXT) FROM PUBLIC",
    # Owned by whoever owns the audit trail (the guard lets only that role redact), and
    # runnable by the secretariat where 'init --roles' made it.
    "DO $$ BEGIN "
    "EXECUTE format('ALTER FUNCTION audit_redact(INTEGER, TEXT, TEXT) OWNER TO %I', "
    "(SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
    "AND tablename = 'audit_log')); "
    "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atr_secretariat') THEN "
    "GRANT EXECUTE ON FUNCTION audit_redact(INTEGER, TEXT, TEXT) TO atr_secretariat; "
    "END IF; END $$",
]

POSTGRESQL_DOWN = [
    "DROP FUNCTION IF EXISTS audit_redact(INTEGER, TEXT, TEXT)",
    "CREATE FUNCTION audit_redact(entry_id INTEGER, redacted TEXT) RETURNS void "
    "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$ BEGIN "
    "PERFORM set_config('atr.audit_redaction', 'on', true); "
    "UPDATE audit_log SET summary = redacted WHERE id = entry_id; "
    "PERFORM set_config('atr.audit_redaction', 'off', true); END $$",
    "REVOKE ALL ON FUNCTION audit_redact(INTEGER, TEXT) FROM PUBLIC",
]


def _meta(key: str) -> str:
    return f"coalesce((SELECT value FROM db_meta WHERE key = '{key}'), '')"


SQLITE = [
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN "
    "NOT EXISTS (SELECT 1 FROM db_meta WHERE key = 'erasing') "
    "OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user IS NOT OLD.user "
    "OR NEW.machine IS NOT OLD.machine OR NEW.entity IS NOT OLD.entity "
    "OR NEW.entity_id IS NOT OLD.entity_id OR NEW.action IS NOT OLD.action "
    f"OR {_meta('erasing')} NOT GLOB 'Former member [1-9]*' "
    f"OR substr({_meta('erasing')}, 15) GLOB '*[^0-9]*' "
    f"OR {_meta('erasing_text')} = '' "
    f"OR instr({_meta('erasing')}, {_meta('erasing_text')}) > 0 "
    f"OR NEW.summary IS NOT replace(OLD.summary, {_meta('erasing_text')}, {_meta('erasing')}) "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER audit_log_redacted AFTER UPDATE OF summary ON audit_log "
    "WHEN NEW.summary IS NOT OLD.summary BEGIN "
    "INSERT INTO audit_log (at, user, machine, entity, entity_id, action, summary) VALUES "
    f"(CURRENT_TIMESTAMP, {_meta('erasing_by')}, {_meta('erasing_on')}, "
    "'audit_log', OLD.id, 'redacted', "
    f"{_meta('erasing')}); END",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_log_redacted",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN "
    "NOT EXISTS (SELECT 1 FROM db_meta WHERE key = 'erasing') "
    "OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user IS NOT OLD.user "
    "OR NEW.machine IS NOT OLD.machine OR NEW.entity IS NOT OLD.entity "
    "OR NEW.entity_id IS NOT OLD.entity_id OR NEW.action IS NOT OLD.action "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL if postgresql else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
