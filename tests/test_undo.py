"""Undo and redo at the storage level: every window edit, through any service."""

from __future__ import annotations

from atr_desktop.services import groups, search, settings
from atr_desktop.storage import undo


def test_undo_and_redo_an_edit_an_add_and_a_setting(db) -> None:
    undo.install(db.engine)
    base = groups.get_group(db, "NET")
    with undo.recording(db, "Edit group") as step:
        groups.update_group(
            db, "NET", groups.GroupInput(code="NET", name="ATR Network 0-25", kind="network")
        )
    assert groups.get_group(db, "NET").name == "ATR Network 0-25"
    redo = undo.replay(db, step[0])
    assert groups.get_group(db, "NET") == base
    again = undo.replay(db, redo)
    assert groups.get_group(db, "NET").name == "ATR Network 0-25"
    undo.replay(db, again)
    assert groups.get_group(db, "NET") == base

    with undo.recording(db, "Add group") as step:
        groups.add_group(db, groups.GroupInput(code="TC", name="Training Collaborative"))
    undo.replay(db, step[0])
    assert "TC" not in {g.code for g in groups.list_groups(db)}

    with undo.recording(db, "Settings") as step:
        settings.update(db, {"action_amber_days": 3})
    undo.replay(db, step[0])
    assert settings.get(db, "action_amber_days") == 14


def test_nothing_is_recorded_outside_a_window_step(db) -> None:
    undo.install(db.engine)
    groups.close_group(db, "MNC")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM undo_log").scalar() == 0
    with undo.recording(db, "Nothing") as step:
        pass
    assert step == []


def test_search_index_follows_an_undo(db) -> None:
    from atr_desktop.storage.models import Person

    undo.install(db.engine)
    with undo.recording(db, "Add person") as step, db.session() as s:
        s.add(Person(first_name="Zoë", last_name="Clarke", email="zoe@example.org"))
    assert len(search.search(db, "zoe", kind="person")) == 1
    undo.replay(db, step[0])
    assert search.search(db, "zoe", kind="person") == []
