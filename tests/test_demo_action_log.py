"""``demo --actions N`` grows the action log for stress runs, as a real log looks."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from atr_desktop.services import actions
from atr_desktop.services.actions import ActionFilter
from atr_desktop.storage.models import Action, ActionUpdate

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


@pytest.mark.sqlite_only  # PostgreSQL: grow_actions below; the demo by command in test_pg_store
def test_demo_with_actions_grows_the_log_of_the_demo_there(cli: Any, demo_path: Any) -> None:
    """The demo built and grown in one command: test_cli_groups.test_demo_fills_a_new_database."""
    code, out, err = cli("demo", "--actions", "1000")  # the demo is there: only grows
    assert code == 0, err
    assert "Demo programme" not in out and "1,000 actions" in out, out
    code, out, _ = cli("actions", "list", "--json")
    listed = json.loads(out)["actions"]
    assert len(listed) > 1000
    refs = [a["ref"] for a in listed]
    assert len(set(refs)) == len(refs), "references stay unique per group and year"
    statuses = {a["status"] for a in listed}
    assert {"open", "closed", "superseded"} <= statuses
    assert any(a["overdue"] for a in listed) and any(a["revised_due_date"] for a in listed)
    assert any(a["owner_person_id"] for a in listed) and any(
        not a["owner_person_id"] and a["owner"] for a in listed
    )
    assert any(a["latest_update"] for a in listed)


def test_grown_actions_have_updates_and_words_to_filter_by(demo_db: Any) -> None:
    from atr_desktop.services.demo.action_log import grow_actions

    before = len(actions.list_actions(demo_db))
    added = grow_actions(demo_db, 300)
    assert added["actions"] == 300 and added["action updates"] > 100
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Action)) == before + 300
        assert s.scalar(select(func.count()).select_from(ActionUpdate)) >= added["action updates"]
    narrowed = actions.list_actions(demo_db, ActionFilter(text="calderdale"))
    assert 0 < len(narrowed) < 300
    assert all("Calderdale" in a.description for a in narrowed)


def test_a_wrong_count_is_refused_before_anything_is_written(
    cli: Any, db_path: Any, store_engine: str, request: pytest.FixtureRequest
) -> None:
    code, _, err = cli("demo", "--actions", "0")
    assert code != 0 and "from 1 to" in err
    if store_engine == "sqlite":
        assert not db_path.exists()
    else:  # the server's database is still empty: not even a table was made
        assert inspect(request.getfixturevalue("raw_engine")).get_table_names() == []
