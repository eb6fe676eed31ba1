"""A database made at revision 0001 and full of hostile text upgrades to head intact.

While 0001 is the head this proves the open path leaves such a file untouched; once the
areas' 0002 migrations are chained in, it proves they carry every byte across, and that a
backup was taken first.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from atr_desktop.services.backup import folder_for, list_backups
from atr_desktop.services.groups import list_groups
from atr_desktop.storage import migrate
from atr_desktop.storage.database import APPLICATION_ID, make_engine, open_database
from atr_desktop.storage.models import Group

HOSTILE = [
    "Robert'); DROP TABLE groups;--",
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(1,2)",
    "@cmd",
    "<script>alert('x')</script> & <w:t>",
    "\u202eRTL override\u202c and 🧒🏽 emoji and ﷽",
    "line one\r\nline two\ttabbed\x0bvertical",
    "nul\x00inside",
    "ß" * 5000,
    "\ud7ff\ue000\uffff",
]


def make_0001(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.close()
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO db_meta(key, value) VALUES (?, ?)",
        [("uuid", str(uuid.uuid4())), ("generation", "1")],
    )
    conn.executemany(
        "INSERT INTO groups(code, name, kind, age_focus, rhythm, description, active, "
        "closed_reason) VALUES (?, ?, 'other', ?, '', ?, 1, ?)",
        [(f"H{i}", text[:200], text[:100], text, text) for i, text in enumerate(HOSTILE)],
    )
    conn.executemany(
        "INSERT INTO audit_log(user, machine, entity, entity_id, action, summary) "
        "VALUES (?, ?, 'group', ?, 'added', ?)",
        [(text[:200], "M", i, text) for i, text in enumerate(HOSTILE)],
    )
    conn.commit()
    conn.close()


def test_hostile_text_survives_the_upgrade(db_path: Path) -> None:
    make_0001(db_path)
    db = open_database(db_path)
    try:
        assert migrate.current(db.engine) == migrate.head()
        with db.session() as s:
            rows = {g.code: g for g in s.query(Group)}
        for i, text in enumerate(HOSTILE):
            group = rows[f"H{i}"]
            assert group.description == text and group.closed_reason == text
            assert group.name == text[:200]
        assert len(list_groups(db)) == len(HOSTILE)
    finally:
        db.close()
    conn = sqlite3.connect(db_path)
    summaries = [r[0] for r in conn.execute("SELECT summary FROM audit_log ORDER BY entity_id")]
    conn.close()
    assert summaries == HOSTILE
    if migrate.head() != "0001":
        assert [b.reason for b in list_backups(folder_for(db_path))] == ["before-upgrade"]
