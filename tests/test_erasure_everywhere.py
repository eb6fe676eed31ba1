"""Erasure reaches everywhere: one distinctive person written into every text field of every
table, erased, then looked for in the database file, its WAL, the search index, the logs
and the newest backup; and a restore of a backup taken before the erasure erases again."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from pathlib import Path

from atr_desktop.app import main
from atr_desktop.logs import setup_logging
from atr_desktop.paths import app_paths
from atr_desktop.services import audit, search
from atr_desktop.services import backup as backups
from atr_desktop.services.erasure_ledger import ledger_path
from atr_desktop.storage.database import open_database
from atr_desktop.storage.models import (
    DraftText,
    Erasure,
    ItemDeclaration,
    Lease,
    Meeting,
    MeetingSeries,
    MinuteAmendment,
    Minutes,
    Person,
    Setting,
)

EMAIL = "o.quennevais-xu@example.org"
# Every way the records write her, cycled through the columns.
FORMS = (
    "Dr Ottoline Quennevais-Xu",
    "Ottoline  Quennevais-Xu",  # two spaces, as typed in a hurry
    "Dr Quennevais-Xu",
    "QUENNEVAIS-XU",
    EMAIL,
    "07700 900123",
    "Ottoline\nQuennevais-Xu",
)
SECRETS = (b"quennevais", b"ottoline", EMAIL.encode(), b"07700 900123", b"07700900123")
# Written by the app, never by a person: hashes of files and calendar ids.
MACHINE_COLUMNS = {"sha256", "uid"}


def _vocabulary_columns() -> set[tuple[str, str]]:
    """Statuses and kinds: a fixed vocabulary (domain/kinds.py) the models refuse anything
    else in, so no name can be written there through the app."""
    from atr_desktop.storage.models import Base
    from atr_desktop.storage.models.types import StrEnumType

    return {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, StrEnumType)
    }


def _text_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Read from the file itself (not the models), so a table the models forget shows up."""
    out = {}
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_index%'"
    ).fetchall()
    for (table,) in tables:
        columns = [
            r[1]
            for r in conn.execute(f'PRAGMA table_info("{table}")')
            if any(k in (r[2] or "").upper() for k in ("CHAR", "TEXT", "CLOB")) and not r[5]
        ]
        out[table] = columns
    return out


def _seed(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        person = Person(
            title="Dr",
            first_name="Ottoline",
            last_name="Quennevais-Xu",
            email=EMAIL,
            phone="07700 900123",
            notes="Ottoline prefers calls",
            preferences="large print",
            job_title="Head of Quennevais-Xu Associates",
        )
        s.add(person)
        s.flush()
        meeting = s.query(Meeting).filter(Meeting.status == "held").first()
        minutes = s.query(Minutes).first()
        # Rows for the tables the demo leaves empty, so that every table is filled below.
        s.add(DraftText(key="minutes:erase-test", text="notes"))
        s.add(Setting(key="chase_sender", value=json.dumps("secretariat")))
        s.add(MeetingSeries(group_id=meeting.group_id, rule="monthly", uid="series@erase"))
        s.add(ItemDeclaration(meeting_id=meeting.id, person_id=person.id, interest="a trustee"))
        s.add(MinuteAmendment(minutes_id=minutes.id, made_on=dt.date(2026, 11, 1), text="x"))
        s.add(Erasure(user="admin", person_id=1, placeholder="Former member 1", reason="r"))
        at = dt.datetime(2026, 11, 1, 9, 0)  # an officer's lease names them as they edit
        s.add(Lease(kind="minutes", record_id=meeting.id, holder="sam", holder_name="Sam",
                    machine="LAPTOP-3", taken_at=at, expires_at=at))  # fmt: skip
        for n in range(3):
            audit.record(s, "person", person.id, "edited", f"{FORMS[n]} changed their email")
        return person.id


def _fill_every_text_field(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO db_meta(key, value) VALUES ('last_contact', ?)", (EMAIL,))
    filled = []
    n = 0
    for table, columns in _text_columns(conn).items():
        if table in ("db_meta", "audit_log") or not columns:  # identity; append-only (above)
            continue
        rowid = conn.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
        assert rowid is not None, f"{table} is empty: give it a row in _seed"
        vocabulary = _vocabulary_columns()
        for column in (
            c for c in columns if c not in MACHINE_COLUMNS and (table, c) not in vocabulary
        ):
            conn.execute(
                f'UPDATE "{table}" SET "{column}" = coalesce("{column}", \'\') || \' \' || ?'
                " WHERE rowid = ?",
                (FORMS[n % len(FORMS)], rowid),
            )
            n += 1
            filled.append(f"{table}.{column}")
    conn.commit()
    conn.close()
    return filled


def _files_holding_secrets(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        if path.is_file():
            data = path.read_bytes().lower()
            found += [f"{path.name}: {s.decode()}" for s in SECRETS if s.lower() in data]
    return found


def test_a_person_written_everywhere_is_erased_everywhere(demo_db, db_path: Path) -> None:
    person_id = _seed(demo_db)
    demo_db.close()
    filled = _fill_every_text_field(db_path)
    assert "papers.author" in filled and "paper_files.text" in filled and len(filled) > 80
    db = open_database(db_path)
    assert search.search(db, "Quennevais")  # found before
    before = backups.back_up(db, "manual").backup
    db.close()
    setup_logging(app_paths().logs)
    logging.getLogger("atr_desktop.test").info("an old line naming %s", FORMS[0])

    code = main(["--db", str(db_path), "person", "erase", EMAIL, "--yes"])
    assert code == 0

    db = open_database(db_path)
    for word in ("Quennevais", "Quennevais-Xu", "Ottoline", EMAIL, "07700"):
        assert search.search(db, word) == [], word
    with db.session() as s:
        person = s.get_one(Person, person_id)
        assert person.first_name == f"Former member {person_id}" and person.email is None
        assert s.get_one(ItemDeclaration, 1).interest == "(erased)"
    after = backups.back_up(db, "manual").backup
    db.close()
    logs = sorted(app_paths().logs.glob("*"))
    assert logs and b"an old line naming" in logs[0].read_bytes()
    newest = [after.path, after.path.with_name(after.path.name + ".json")]
    wal = db_path.with_name(db_path.name + "-wal")
    assert _files_holding_secrets([db_path, wal, *logs, *newest]) == []
    # The ledger names nobody: ids and a keyed hash only.
    assert _files_holding_secrets([ledger_path(db_path)]) == []
    assert oct(os.stat(ledger_path(db_path)).st_mode & 0o777) == "0o600"

    # A backup from before the erasure brings her back only until the restore finishes.
    backups.restore(db_path, before.path)
    assert _files_holding_secrets([db_path, wal]) == []
    db = open_database(db_path)
    try:
        assert search.search(db, "Quennevais") == []
        with db.session() as s:
            assert s.get_one(Person, person_id).erased_at is not None
    finally:
        db.close()


def test_erasures_travel_with_a_hand_over_copy(cli, db, db_path: Path, tmp_path: Path) -> None:
    """A colleague who takes the database on, then restores a backup from before the
    erasure, still finds the person erased: the ledger went with the copy."""
    with db.session() as s:
        s.add(Person(first_name="Ottoline", last_name="Quennevais-Xu", email=EMAIL))
    before = backups.back_up(db, "manual", out=tmp_path / "stick").backup
    db.close()
    assert cli("person", "erase", EMAIL, "--yes")[0] == 0
    shared = tmp_path / "shared"
    code, _, err = cli("handover", "export", "--to", str(shared))
    assert code == 0, err
    assert _files_holding_secrets([ledger_path(shared / "atr.db")]) == []
    colleague = tmp_path / "colleague" / "atr.db"
    code, _, err = cli("handover", "import", str(shared / "atr.db"), db=colleague)
    assert code == 0, err
    assert ledger_path(colleague).exists()

    backups.restore(colleague, before.path)
    again = open_database(colleague)
    try:
        assert search.search(again, "Quennevais") == []
    finally:
        again.close()
    assert _files_holding_secrets([colleague]) == []
