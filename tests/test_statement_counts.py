"""Every list, Home, register, brief and search read runs the same number of SQL statements
at 10 rows as at 1,000: set-based reads, no query per row (issue 12).

Statements are counted with SQLAlchemy's ``before_cursor_execute`` event on the database's
engine; each read runs once to warm up (a register adds its lines on first sight) and is
then counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from atr_desktop.services import (
    actions,
    attendance,
    brief,
    decisions,
    declarations,
    forward_plan,
    home,
    members,
    people,
    search,
)
from atr_desktop.services.actions import ActionFilter
from atr_desktop.storage.database import Database, open_database
from atr_desktop.storage.models import Group, Meeting
from tests.demo_fixtures import DEMO_TODAY, copy_template
from tests.scale_rows import TODAY, grow

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

SIZES = (10, 1000)


def _reads(db: Database, meeting_id: int) -> dict[str, Callable[[], Any]]:
    return {
        "actions list": lambda: actions.list_actions(db, today=TODAY),
        "actions filtered": lambda: actions.list_actions(
            db,
            ActionFilter(group="SG", owner="a", text="safeguarding", open_only=True),
            today=TODAY,
        ),
        "actions overdue, due within": lambda: actions.list_actions(
            db, ActionFilter(overdue=True, due_within=30), today=TODAY
        ),
        "action ids": lambda: actions.action_ids(db, ActionFilter(text="calderdale"), TODAY),
        "a window of actions": lambda: actions.actions_by_id(
            db, [i for i, _ in actions.action_ids(db, today=TODAY)[:200]], TODAY
        ),
        "decisions list": lambda: decisions.list_decisions(db),
        "decisions search": lambda: decisions.list_decisions(db, "SG", "scale"),
        "people list": lambda: people.list_people(db, TODAY),
        "members": lambda: members.current_members(db, "SG", TODAY),
        "membership history": lambda: members.membership_history(db, "SG"),
        "declarations": lambda: declarations.list_declarations(db, today=TODAY),
        "forward plan": lambda: forward_plan.list_forward_plan(db, "SG"),
        "home": lambda: home.home(db, TODAY),
        "register": lambda: attendance.get_register(db, meeting_id),
        "brief": lambda: brief.brief_data(db, meeting_id, TODAY),
        "search": lambda: search.search(db, "scale"),
    }


@pytest.fixture(scope="module")
def counts(
    tmp_path_factory: pytest.TempPathFactory, demo_template: Path
) -> Iterator[dict[str, list[int]]]:
    assert TODAY == DEMO_TODAY  # the session's demo, copied (building it again took 7 s)
    folder = tmp_path_factory.mktemp("counts")
    out: dict[str, list[int]] = {}
    for n in SIZES:
        db = open_database(copy_template(demo_template, folder / f"rows{n}.db"))
        grow(db, n)
        with db.session() as s:
            sg = s.scalar(select(Group.id).where(Group.code == "SG"))
            meeting_id = s.scalar(
                select(Meeting.id)
                .where(Meeting.group_id == sg, Meeting.date > TODAY)
                .order_by(Meeting.date)
                .limit(1)
            )
        statements = [0]

        def count(*_args: Any, tally: list[int] = statements) -> None:
            tally[0] += 1

        event.listen(db.engine, "before_cursor_execute", count)
        for name, read in _reads(db, meeting_id).items():
            read()
            statements[0] = 0
            result = read()
            out.setdefault(name, []).append(statements[0])
            assert result, f"{name} found nothing at {n} rows: the count would prove nothing"
        event.remove(db.engine, "before_cursor_execute", count)
        db.close()
    yield out


@pytest.mark.parametrize("name", list(_reads(None, 0)))  # type: ignore[arg-type]
def test_statement_count_does_not_grow_with_the_rows(
    counts: dict[str, list[int]], name: str
) -> None:
    small, large = counts[name]
    assert small == large, f"{name}: {small} statements at {SIZES[0]} rows, {large} at {SIZES[1]}"


def test_the_rows_really_grew(demo_db: Database) -> None:
    """The large database holds what the counts claim: 1,000 more of each kind."""
    before = len(actions.list_actions(demo_db))
    grow(demo_db, 1000)
    assert len(actions.list_actions(demo_db)) == before + 1000
    assert len(members.current_members(demo_db, "SG", TODAY)) >= 1000
    assert len(declarations.list_declarations(demo_db, today=TODAY)) >= 1000
