"""The full-text index (SQLite FTS5), kept in step with every change by triggers.

Triggers rather than service code: whichever service (or migration, or erasure) changes a
row, the index follows in the same transaction, so it can never drift. Each indexed row is
(kind, ref_id, meeting_id, title, body); ``kind`` is meeting, item, minutes, decision,
action, person, organisation or paper.

Each row's FTS5 rowid is its record's key, :func:`key` (``KIND_NUMBER[kind] * 2**32 +
id``; migration 0013): the triggers remove a record's old entry by rowid, a lookup where
``kind`` and ``ref_id`` (UNINDEXED) would be a scan of the whole index, and a filter reads
a kind's matching ids off the rowids (a range FTS5 answers from its index) without reading
each hit's row.
"""

from __future__ import annotations

TABLE = "search_index"

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, body, kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

# A kind's number in the rowid key. Stored in every index row: never change or reuse one.
KIND_NUMBER: dict[str, int] = {
    "meeting": 1,
    "item": 2,
    "minutes": 3,
    "decision": 4,
    "action": 5,
    "person": 6,
    "organisation": 7,
    "paper": 8,
}
KEY_SPAN = 2**32  # ids of one kind: 0 .. 2**32 - 1


def key_base(kind: str) -> int:
    """The rowid of ``kind``'s record 0: its records' rowids are base + id."""
    return KIND_NUMBER[kind] * KEY_SPAN


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


def _insert(kind: str, title: str, body: str, meeting: str) -> str:
    return (
        f"INSERT INTO {TABLE}(rowid, title, body, kind, ref_id, meeting_id) "
        f"VALUES ({key_base(kind)} + NEW.id, coalesce({title}, ''), coalesce({body}, ''), "
        f"'{kind}', NEW.id, {meeting});"
    )


def _delete(kind: str, row: str) -> str:
    return f"DELETE FROM {TABLE} WHERE rowid = {key_base(kind)} + {row}.id;"


def create_statements() -> list[str]:
    """The FTS table, its triggers, and the index filled from what the tables hold now."""
    out = [CREATE_TABLE]
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
        select_title = title.replace("NEW.", "src.")
        select_body = body.replace("NEW.", "src.")
        select_meeting = meeting.replace("NEW.", "src.")
        out.append(
            f"INSERT INTO {TABLE}(rowid, title, body, kind, ref_id, meeting_id) "
            f"SELECT {key_base(kind)} + src.id, coalesce({select_title}, ''), "
            f"coalesce({select_body}, ''), '{kind}', src.id, {select_meeting} FROM {table} AS src"
        )
    # A paper's files change its indexed text: refresh the paper's row.
    for event in ("INSERT", "UPDATE"):
        out.append(
            f"CREATE TRIGGER {TABLE}_paper_files_{event.lower()[0]} AFTER {event} ON paper_files "
            f"BEGIN UPDATE papers SET title = title WHERE id = NEW.paper_id; END"
        )
    return out


def refill_statements() -> list[str]:
    """Empty the index and fill it again from the tables (after an erasure, for instance)."""
    fills = [st for st in create_statements() if st.startswith(f"INSERT INTO {TABLE}")]
    return [f"DELETE FROM {TABLE}", *fills, f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')"]


def drop_statements() -> list[str]:
    out = []
    for table, *_ in SOURCES.values():
        for suffix in ("ai", "au", "ad"):
            out.append(f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{suffix}")
    out += [f"DROP TRIGGER IF EXISTS {TABLE}_paper_files_{s}" for s in ("i", "u")]
    out.append(f"DROP TABLE IF EXISTS {TABLE}")
    return out


def is_search_table(name: str | None) -> bool:
    """For Alembic's comparisons: the FTS table and its shadow tables are not models."""
    return bool(name) and str(name).startswith(TABLE)


SERVER_ONLY_TABLES = frozenset({"paper_blobs"})  # papers in the database (migration 0010)


def is_storage_table(name: str | None) -> bool:
    """For Alembic's comparisons: tables storage keeps for itself, not models (the search
    index on either engine, papers' bytes on a server)."""
    return is_search_table(name) or str(name) in SERVER_ONLY_TABLES
