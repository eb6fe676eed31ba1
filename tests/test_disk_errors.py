"""Disk full and read-only media: a plain message, nothing saved, nothing damaged."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from atr_desktop.errors import UserError
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.services.safety import full_check
from atr_desktop.storage.database import Database, open_database, plain_error


def test_disk_full_is_a_plain_message_and_damages_nothing(db: Database) -> None:
    before = [g.code for g in list_groups(db)]
    pages = db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _cap(conn: sqlite3.Connection, _record: object) -> None:
        conn.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(UserError, match="disk is full") as caught:
        add_group(db, GroupInput(code="BIG", name="Big", description="y" * 900_000))
    assert "nothing was damaged" in str(caught.value)
    assert [g.code for g in list_groups(db)] == before  # all or nothing
    event.remove(db.engine, "connect", _cap)
    db.engine.dispose()
    assert full_check(db.path) == []
    add_group(db, GroupInput(code="SMALL", name="fits once space is free"))
    assert "SMALL" in [g.code for g in list_groups(db)]


def test_saving_to_a_read_only_database_says_so(db: Database) -> None:
    path = db.path
    db.close()
    reader = open_database(path, readonly=True)
    try:
        with pytest.raises(UserError, match="read-only"):
            add_group(reader, GroupInput(code="RO", name="cannot be saved"))
    finally:
        reader.close()
    again = open_database(path)
    assert "RO" not in [g.code for g in list_groups(again)]
    again.close()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file modes")
def test_a_read_only_file_says_so(db: Database) -> None:  # pragma: no cover - not as root
    path = db.path
    db.close()
    path.chmod(0o444)
    try:
        opened = open_database(path)
        with pytest.raises(UserError, match="read-only"):
            add_group(opened, GroupInput(code="RO", name="cannot be saved"))
        opened.close()
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
        (OSError(errno.EACCES, "Permission denied", "/x/papers"), "not allowed to write"),
        (sqlite3.OperationalError("database or disk is full"), "disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    ],
)
def test_failures_are_mapped_in_one_place(error: BaseException, words: str) -> None:
    message = plain_error(error, Path("/data/atr.db"))
    assert message is not None and words in str(message)
    assert plain_error(ValueError("a bug"), Path("/data/atr.db")) is None


def test_a_paper_that_cannot_be_written_saves_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.safety_helpers import attach, make_item

    item = make_item(db)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserError, match="disk is full"):
        attach(db, item, b"a paper on a full disk")
    monkeypatch.undo()
    with db.session() as s:
        from sqlalchemy import func, select

        from atr_desktop.storage.models import Paper

        assert s.scalar(select(func.count()).select_from(Paper)) == 0
    assert list(db.blobs.root.glob("*.part")) == []
