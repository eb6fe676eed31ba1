"""The store: pragmas, identity, refusal of foreign and newer files, migrations in step."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from atr_desktop.errors import StoreError
from atr_desktop.storage.database import APPLICATION_ID, open_database
from atr_desktop.storage.models import Base
from atr_desktop.storage.search_schema import is_search_table


def test_every_connection_has_the_safety_pragmas(db) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID


def test_database_has_a_uuid_and_generation(db) -> None:
    assert len(db.uuid) == 36
    assert db.meta("generation") == "1"


def test_migrations_match_the_models(db) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, kind, parent: (
                    not (kind == "table" and is_search_table(name))
                )
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], "models changed without a migration: run tools/new_migration.py"


def test_reopen_keeps_data(db, db_path: Path) -> None:
    uuid = db.uuid
    db.close()
    again = open_database(db_path)
    assert again.uuid == uuid
    again.close()


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("minutes of the meeting\n" * 20)
    with pytest.raises(StoreError, match="is not an ATR Desktop database"):
        open_database(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(StoreError, match="is not an ATR Desktop database"):
        open_database(path)


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table t(x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="another program"):
        open_database(path)


def test_newer_database_is_refused(db, db_path: Path) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='9999_from_the_future'"))
    db.close()
    with pytest.raises(StoreError, match="newer version of ATR Desktop"):
        open_database(db_path)


def test_missing_database_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="init"):
        open_database(tmp_path / "nowhere.db")


def test_blob_store_is_content_addressed(db, tmp_path: Path) -> None:
    source = tmp_path / "paper.pdf"
    source.write_bytes(b"%PDF-1.4 example")
    sha, size = db.blobs.put_file(source)
    assert size == 16 and db.blobs.exists(sha)
    assert db.blobs.put_file(source) == (sha, size)
    assert db.blobs.read_bytes(sha) == source.read_bytes()
    assert db.blobs.path_for(sha).parent.parent == db_path_papers(db.path) / db.uuid
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    assert db.blobs.sweep([], later).quarantined == [sha]
    assert not db.blobs.exists(sha) and sha in db.blobs.quarantined()


def db_path_papers(path: Path) -> Path:
    return path.with_name(path.name + "-papers")


def test_head_read_without_alembic_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    from atr_desktop.storage import migrate

    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.head() == script.get_current_head()
    assert set(migrate.revisions()) == {s.revision for s in script.walk_revisions()}


def test_audit_trail_is_append_only(db) -> None:
    import sqlalchemy.exc

    from atr_desktop.services import groups

    groups.close_group(db, "NET", "Paused")
    for statement in ("DELETE FROM audit_log", "UPDATE audit_log SET summary = 'x'"):
        with (
            pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"),
            db.engine.begin() as c,
        ):
            c.execute(text(statement))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() >= 5
