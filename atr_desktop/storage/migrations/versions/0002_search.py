"""Full-text search index kept in step with every change by triggers, on either engine.

SQLite: an FTS5 table. PostgreSQL: a table with a stored ``tsvector`` (titles weighted A,
bodies B) under a GIN index, in the text search configuration ``atr_search`` (English
stemming, and ``unaccent`` where the server offers that extension), kept by PL/pgSQL
triggers. Frozen: the SQL is written out here, not imported from the app, so a later
change to the live search code can never change what this revision made.

Revision ID: 0002_search
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "search_index"

# kind -> (source table, title SQL, body SQL, meeting id SQL); NEW. is the changed row.
# The SQLite spelling; PostgreSQL's differs only in string_agg for group_concat.
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "meeting": (
        "meetings",
        "(SELECT name || ' (' || code || ')' FROM groups WHERE id = NEW.group_id)"
        " || ' ' || NEW.date",
        "NEW.venue || ' ' || NEW.notes || ' ' || NEW.status",
        "NEW.id",
    ),
    "item": ("agenda_items", "NEW.title", "NEW.lead || ' ' || NEW.purpose", "NEW.meeting_id"),
    "minutes": (
        "minute_entries",
        "(SELECT title FROM agenda_items WHERE id = NEW.agenda_item_id)",
        "NEW.discussion",
        "(SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id)",
    ),
    "decision": ("decisions", "'Decision ' || NEW.decided_on", "NEW.text", "NEW.meeting_id"),
    "action": (
        "actions",
        "NEW.ref",
        "NEW.description || ' ' || NEW.owner_text || ' ' || coalesce((SELECT first_name || ' '"
        " || last_name FROM people WHERE id = NEW.owner_person_id), '')",
        "NEW.meeting_id",
    ),
    "person": (
        "people",
        "NEW.title || ' ' || NEW.first_name || ' ' || NEW.last_name",
        "NEW.job_title || ' ' || coalesce(NEW.email, '') || ' ' || coalesce((SELECT name FROM"
        " organisations WHERE id = NEW.organisation_id), '')",
        "NULL",
    ),
    "organisation": ("organisations", "NEW.name", "''", "NULL"),
    "paper": (
        "papers",
        "trim(NEW.reference || ' ' || NEW.title)",
        "NEW.author || ' ' || NEW.summary || ' ' || NEW.recommendation || ' ' || coalesce("
        "(SELECT group_concat(filename || ' ' || text, ' ') FROM paper_files"
        " WHERE paper_id = NEW.id), '')",
        "(SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id)",
    ),
}


def _insert(kind: str, title: str, body: str, meeting: str) -> str:
    return (
        f"INSERT INTO {TABLE}(title, body, kind, ref_id, meeting_id) "
        f"VALUES (coalesce({title}, ''), coalesce({body}, ''), '{kind}', NEW.id, {meeting});"
    )


def _delete(kind: str, row: str) -> str:
    return f"DELETE FROM {TABLE} WHERE kind = '{kind}' AND ref_id = {row}.id;"


def _fill(kind: str, table: str, title: str, body: str, meeting: str) -> str:
    src = [part.replace("NEW.", "src.") for part in (title, body, meeting)]
    return (
        f"INSERT INTO {TABLE}(title, body, kind, ref_id, meeting_id) "
        f"SELECT coalesce({src[0]}, ''), coalesce({src[1]}, ''), '{kind}', "
        f"src.id, {src[2]} FROM {table} AS src"
    )


def sqlite_statements() -> list[str]:
    out = [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        "title, body, kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    ]
    for kind, (table, title, body, meeting) in SOURCES.items():
        out.append(
            f"CREATE TRIGGER {TABLE}_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"{_insert(kind, title, body, meeting)} END"
        )
        out.append(
            f"CREATE TRIGGER {TABLE}_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"{_delete(kind, 'OLD')} {_insert(kind, title, body, meeting)} END"
        )
        out.append(
            f"CREATE TRIGGER {TABLE}_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"{_delete(kind, 'OLD')} END"
        )
        out.append(_fill(kind, table, title, body, meeting))
    for event in ("INSERT", "UPDATE"):
        out.append(
            f"CREATE TRIGGER {TABLE}_paper_files_{event.lower()[0]} AFTER {event} ON paper_files "
            f"BEGIN UPDATE papers SET title = title WHERE id = NEW.paper_id; END"
        )
    return out


def postgresql_statements(unaccent: bool) -> list[str]:
    mapping = "unaccent, english_stem" if unaccent else "english_stem"
    out = [
        "CREATE TEXT SEARCH CONFIGURATION atr_search (COPY = pg_catalog.english)",
        "ALTER TEXT SEARCH CONFIGURATION atr_search ALTER MAPPING FOR "
        f"hword, hword_part, word WITH {mapping}",
        f"CREATE TABLE {TABLE} (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, "
        "ref_id INTEGER NOT NULL, meeting_id INTEGER, title TEXT NOT NULL, body TEXT NOT NULL, "
        # Punctuation parts words, as FTS5's unicode61 does: PostgreSQL's own parser would
        # read SG-2026-001 as 'sg', '-2026', '-001' and paths and hosts as single words.
        "document TSVECTOR GENERATED ALWAYS AS ("
        "setweight(to_tsvector('atr_search'::regconfig, "
        "regexp_replace(title, '[[:punct:]]+', ' ', 'g')), 'A') || "
        "setweight(to_tsvector('atr_search'::regconfig, "
        "regexp_replace(body, '[[:punct:]]+', ' ', 'g')), 'B')) STORED)",
        f"CREATE INDEX ix_{TABLE}_document ON {TABLE} USING gin (document)",
        f"CREATE INDEX ix_{TABLE}_kind_ref ON {TABLE} (kind, ref_id)",
    ]
    for kind, (table, title, body, meeting) in SOURCES.items():
        body = body.replace("group_concat(", "string_agg(")
        out.append(
            f"CREATE FUNCTION {TABLE}_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN {_delete(kind, 'OLD')} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_insert(kind, title, body, meeting)} END IF; "
            "RETURN NULL; END $$"
        )
        out.append(
            f"CREATE TRIGGER {TABLE}_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_{table}()"
        )
        out.append(_fill(kind, table, title, body, meeting))
    out.append(
        f"CREATE FUNCTION {TABLE}_paper_files() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE papers SET title = title WHERE id = NEW.paper_id; RETURN NULL; END $$"
    )
    out.append(
        f"CREATE TRIGGER {TABLE}_paper_files AFTER INSERT OR UPDATE ON paper_files "
        f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_paper_files()"
    )
    return out


def _unaccent_available() -> bool:
    """unaccent is a contrib extension (trusted since PostgreSQL 13): used when the server
    has it and we may create it; without it accents must be typed as written."""
    bind = op.get_bind()
    offered = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'"
    ).first()
    if offered is None:
        return False
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:  # not allowed to create it: search still works, accents as typed
        return False
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        statements = postgresql_statements(_unaccent_available())
    else:
        statements = sqlite_statements()
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, *_ in SOURCES.values():
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {TABLE}_{table}()")
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_paper_files ON paper_files")
        op.execute(f"DROP FUNCTION IF EXISTS {TABLE}_paper_files()")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS atr_search")
        return
    for table, *_ in SOURCES.values():
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{suffix}")
    for suffix in ("i", "u"):
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_paper_files_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
