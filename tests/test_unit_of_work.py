"""One unit of work per user action: services join it, edits commit together or not at all."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from atr_desktop.errors import UserError
from atr_desktop.services import actions, groups
from atr_desktop.storage.undo import Changes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_a_service_inside_a_unit_of_work_joins_it(db) -> None:
    with db.unit_of_work() as outer, db.session() as inner:
        assert inner is outer
        assert db.current_session() is outer
    assert db.current_session() is None


def test_edits_that_belong_together_commit_together_or_not_at_all(db) -> None:
    """The second edit fails half-way: the first, already flushed, is not kept either."""
    with pytest.raises(UserError), db.unit_of_work():
        groups.add_group(db, groups.GroupInput(code="TC", name="Training Collaborative"))
        groups.close_group(db, "MNC", "merged")
        groups.add_group(db, groups.GroupInput(code="TC", name="The same code again"))
    codes = {g.code: g.active for g in groups.list_groups(db)}
    assert "TC" not in codes and codes["MNC"] is True


def test_the_outermost_block_commits(db) -> None:
    with db.unit_of_work():
        with db.unit_of_work():
            groups.add_group(db, groups.GroupInput(code="TC", name="Training Collaborative"))
        assert "TC" in {g.code for g in groups.list_groups(db)}  # seen inside the unit
    assert "TC" in {g.code for g in groups.list_groups(db)}


@pytest.mark.allow_warning_logs
def test_a_second_connection_inside_a_unit_of_work_is_caught(db, caplog) -> None:
    """Every test fails on this warning (conftest), so no service may open one."""
    with db.unit_of_work() as s:
        s.execute(select(1))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    assert db.nested_connections == 1
    assert "second connection was opened inside a unit of work" in caplog.text


def test_one_notice_per_unit_of_work_names_the_kinds_changed(demo_db) -> None:
    db = demo_db
    notices: list[set[str]] = []

    def heard(changes: Changes) -> None:
        notices.append(set(changes.kinds))

    db.on_commit(heard)
    groups.list_groups(db)  # a read changes nothing: no notice
    assert notices == []
    first = actions.list_actions(db)[0]
    with db.unit_of_work():
        groups.close_group(db, "MNC", "merged")
        actions.update_action(
            db, first.ref, actions.ActionChange(status="in progress", note="Chased.")
        )
    assert len(notices) == 1
    assert {"groups", "actions", "action_updates", "audit_log"} <= notices[0]
    assert "meetings" not in notices[0]


def test_a_command_is_one_unit_of_work_that_commits(cli, db) -> None:
    code, _out, _err = cli("groups", "close", "MNC")
    assert code == 0
    assert groups.get_group(db, "MNC").active is False


def test_a_command_that_fails_half_way_keeps_nothing(db_address, db, tmp_path) -> None:
    """The CLI's edge: every edit of one command commits together, or none does."""
    from atr_desktop.cli.common import Context
    from atr_desktop.paths import app_paths

    db.close()
    ctx = Context(app_paths(), tmp_path / "log.txt")
    ctx.db_arg = db_address
    with pytest.raises(UserError), ctx.command():
        groups.add_group(ctx.db(), groups.GroupInput(code="TC", name="Training Collaborative"))
        groups.close_group(ctx.db(), "MNC", "merged")
        groups.add_group(ctx.db(), groups.GroupInput(code="TC", name="The same code again"))
    ctx.close()
    again = Context(app_paths(), tmp_path / "log.txt")
    again.db_arg = db_address
    with again.command():
        codes = {g.code: g.active for g in groups.list_groups(again.db())}
    again.close()
    assert "TC" not in codes and codes["MNC"] is True
