"""Undo and redo as service operations: steps read from the unit of work, reversed by rules."""

from __future__ import annotations

import datetime as dt

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import audit, groups, search, settings, tor
from atr_desktop.services.undo import History, step_of
from atr_desktop.storage.database import Database
from atr_desktop.storage.undo import Changes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def recorder(db: Database) -> History:
    """What the window does: every unit of work that is not itself an undo becomes a step."""
    history = History()

    def committed(changes: Changes) -> None:
        if not changes.undoing:
            step = step_of(db, changes)
            if step is not None:
                history.push(step)

    db.on_commit(committed)
    return history


def test_undo_and_redo_an_edit_an_add_and_a_setting(db) -> None:
    history = recorder(db)
    base = groups.get_group(db, "NET")
    groups.update_group(
        db, "NET", groups.GroupInput(code="NET", name="ATR Network 0-25", kind="network")
    )
    assert history.undo_label == "edit group NET"
    assert groups.get_group(db, "NET").name == "ATR Network 0-25"
    history.undo(db)
    assert groups.get_group(db, "NET") == base
    assert history.redo_label == "edit group NET"
    history.redo(db)
    assert groups.get_group(db, "NET").name == "ATR Network 0-25"
    history.undo(db)
    assert groups.get_group(db, "NET") == base

    groups.add_group(db, groups.GroupInput(code="TC", name="Training Collaborative"))
    assert history.undo_label == "add group TC"
    history.undo(db)
    assert "TC" not in {g.code for g in groups.list_groups(db)}
    history.redo(db)
    assert "TC" in {g.code for g in groups.list_groups(db)}

    settings.update(db, {"action_amber_days": 3})
    history.undo(db)
    assert settings.get(db, "action_amber_days") == 14


def test_each_undo_writes_its_own_audit_line(db) -> None:
    history = recorder(db)
    group = groups.close_group(db, "MNC", "merged")
    assert history.undo_label == "close group MNC"
    history.undo(db)
    lines = audit.history(db, "group", group.id)
    assert [line.action for line in lines][-2:] == ["closed", "undone"]
    assert lines[-1].summary == "Undo: close group MNC"
    assert groups.get_group(db, "MNC").active


def test_undo_refuses_to_unapprove_a_tor_and_the_audit_stays_true(db) -> None:
    history = recorder(db)
    tor.start_draft(db, "NET", {"purpose": "To join up the work."})
    tor.approve(db, "NET", on=dt.date(2026, 11, 2))
    assert history.undo_label == "approve tor NET v1"
    with pytest.raises(UserError, match="approved Terms of Reference change only"):
        history.undo(db)
    assert tor.get_version(db, "NET").status == "approved"
    assert history.undo_label == "approve tor NET v1"  # the history is left as it was
    info = tor.get_version(db, "NET")
    assert [line.action for line in audit.history(db, "tor", info.id)][-1] == "approved"


def test_undo_refuses_when_the_record_changed_since(db) -> None:
    history = recorder(db)
    groups.update_group(db, "NET", groups.GroupInput(code="NET", name="First", kind="network"))
    groups.update_group(db, "NET", groups.GroupInput(code="NET", name="Third", kind="network"))
    history.done.pop()  # the second edit was someone else's: not in this window's history
    with pytest.raises(UserError, match="has been changed since"):
        history.undo(db)
    assert groups.get_group(db, "NET").name == "Third"
    assert history.undo_label == "edit group NET"


def test_search_index_follows_an_undo(db) -> None:
    from atr_desktop.storage.models import Person

    history = recorder(db)
    with db.session() as s:
        s.add(Person(first_name="Zoë", last_name="Clarke", email="zoe@example.org"))
    assert len(search.search(db, "zoe", kind="person")) == 1
    history.undo(db)
    assert search.search(db, "zoe", kind="person") == []


def test_the_old_trigger_undo_is_gone_after_migration_0006(db_path) -> None:
    import sqlite3

    from atr_desktop.storage import migrate
    from atr_desktop.storage.database import APPLICATION_ID, make_engine

    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
    raw.close()
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0004_audit_append_only")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER undo_trg_groups_u AFTER UPDATE ON groups "
            "BEGIN INSERT INTO undo_log(step, statement) VALUES (1, 'x'); END"
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        names = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'undo%'"
            ).all()
        }
    engine.dispose()
    assert names == set()
