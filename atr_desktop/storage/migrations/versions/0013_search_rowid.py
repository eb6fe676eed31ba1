"""SQLite's search index keyed by record: rowid = kind number * 2**32 + the record's id.

The triggers removed a record's old entry with ``WHERE kind = ? AND ref_id = ?``, columns
FTS5 cannot index, so every save scanned the whole index (40-60 ms an action at 100,000
actions); a filter read each hit's ``ref_id`` from the content table (16-22 ms for a
prefix with 8,470 hits). Keyed, the delete is a rowid lookup and a filter takes a kind's
ids off the rowids in its range without reading the rows. kind, ref_id and meeting_id stay
(search results read them).

Kind numbers (stored in every row, so never changed): meeting 1, item 2, minutes 3,
decision 4, action 5, person 6, organisation 7, paper 8.

SQLite: the index and its triggers are dropped, made again keyed, and filled from the
tables (the paper_files triggers only touch papers, so they stay). PostgreSQL: nothing (its
index is a plain table with ``(kind, ref_id)`` under a B-tree already). Frozen: the SQL is
written out here, not imported from the app.

Revision ID: 0013_search_rowid
Revises: 0012_redact_placeholder
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_search_rowid"
down_revision: str | None = "0012_redact_placeholder"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "search_index"
KIND_NUMBER = {
    "meeting": 1,
    "item": 2,
    "minutes": 3,
    "decision": 4,
    "action": 5,
    "person": 6,
    "organisation": 7,
    "paper": 8,
}

# kind -> (source table, title SQL, body SQL, meeting id SQL); NEW. is the changed row.
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

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, body, kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)


def _statements(keyed: bool) -> list[str]:
    """The index, its triggers and its fill: keyed (this revision) or as 0002 made them."""
    out = [CREATE_TABLE]
    for kind, (table, title, body, meeting) in SOURCES.items():
        base = KIND_NUMBER[kind] * 2**32
        columns = (
            "rowid, title, body, kind, ref_id, meeting_id"
            if keyed
            else ("title, body, kind, ref_id, meeting_id")
        )
        key = f"{base} + NEW.id, " if keyed else ""
        insert = (
            f"INSERT INTO {TABLE}({columns}) VALUES ({key}coalesce({title}, ''), "
            f"coalesce({body}, ''), '{kind}', NEW.id, {meeting});"
        )
        delete = (
            f"DELETE FROM {TABLE} WHERE rowid = {base} + OLD.id;"
            if keyed
            else f"DELETE FROM {TABLE} WHERE kind = '{kind}' AND ref_id = OLD.id;"
        )
        out.append(f"CREATE TRIGGER {TABLE}_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        out.append(
            f"CREATE TRIGGER {TABLE}_{table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )
        out.append(f"CREATE TRIGGER {TABLE}_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        src = [part.replace("NEW.", "src.") for part in (title, body, meeting)]
        out.append(
            f"INSERT INTO {TABLE}({columns}) SELECT {key.replace('NEW.', 'src.')}"
            f"coalesce({src[0]}, ''), coalesce({src[1]}, ''), '{kind}', src.id, {src[2]} "
            f"FROM {table} AS src"
        )
    out.append(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
    return out


def _drop() -> list[str]:
    out = [
        f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{suffix}"
        for table, *_ in SOURCES.values()
        for suffix in ("ai", "au", "ad")
    ]
    return [*out, f"DROP TABLE IF EXISTS {TABLE}"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for statement in [*_drop(), *_statements(keyed=True)]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for statement in [*_drop(), *_statements(keyed=False)]:
        op.execute(statement)
