"""The demo shows registers, minutes, decisions and a lively action log."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from atr_desktop.services import actions, decisions, minutes
from atr_desktop.storage.models import Attendance, Meeting, Minutes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

DEMO_TODAY = dt.date(2026, 11, 25)


def test_demo_has_registers_minutes_decisions_and_actions(demo_db) -> None:
    with demo_db.session() as s:
        held = s.scalars(select(Meeting).where(Meeting.date < DEMO_TODAY)).all()
        registered = set(s.scalars(select(Attendance.meeting_id)))
        statuses = Counter(s.scalars(select(Minutes.status)))
    assert held and {m.id for m in held} <= registered
    assert statuses["approved"] >= 6 and statuses["draft"] >= 3  # the latest of each group
    log = decisions.list_decisions(demo_db)
    assert len(log) >= 10 and any(d.needs_ratification for d in log)
    tracker = actions.list_actions(demo_db, today=DEMO_TODAY)
    assert 20 <= len(tracker) <= 30
    assert {a.group_code for a in tracker} == {"SG", "NET", "MNC", "JNC"}
    kinds = Counter(a.status for a in tracker)
    assert {"open", "in progress", "proposed for closure", "closed", "superseded"} <= set(kinds)
    assert 2 <= sum(a.overdue for a in tracker) <= 10
    assert any(a.revised_due_date for a in tracker)
    latest_sg = minutes.meeting_choices(demo_db, "SG")
    held_sg = [m for m in latest_sg if m.date < DEMO_TODAY]
    assert minutes.show(demo_db, held_sg[0].id).status == "draft"
    assert minutes.show(demo_db, held_sg[-1].id).status == "approved"


def test_demo_shows_an_approval_withdrawn_and_given_again(demo_db) -> None:
    from sqlalchemy import select

    from atr_desktop.services import audit
    from atr_desktop.storage.models import Minutes

    with demo_db.session() as s:
        ids = list(s.scalars(select(Minutes.id)))
    histories = {i: [e.action for e in audit.history(demo_db, "minutes", i)] for i in ids}
    [again] = [i for i, h in histories.items() if "approval withdrawn" in h]
    assert histories[again][-2:] == ["approval withdrawn", "approved"]
