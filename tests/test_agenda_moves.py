"""Whatever sequence of moves a user makes, the agenda stays well formed: numbers run
1, 2, 3 (and 2.1, 2.2) without gaps, times never go backwards, any other business is last."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atr_desktop.errors import UserError
from atr_desktop.services import agenda, meetings

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

OPS = st.lists(
    st.tuples(
        st.sampled_from(["up", "down", "in", "out", "move"]), st.integers(0, 20), st.integers(1, 9)
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_any_moves_keep_the_agenda_well_formed(db, ops) -> None:
    day = dt.date(2027, 1, 1) + dt.timedelta(days=len(meetings.list_meetings(db)))
    [m] = meetings.schedule_meetings(
        db, meetings.MeetingInput("SG", day, dt.time(10, 0)), confirmed=True
    )
    for title in "ABCD":
        agenda.add_item(db, m.id, agenda.ItemInput(title, minutes=7))
    for op, pick, target in ops:
        rows = agenda.agenda(db, m.id)
        row = rows[pick % len(rows)]
        try:
            if op == "up":
                agenda.shift_item(db, row.id, -1)
            elif op == "down":
                agenda.shift_item(db, row.id, 1)
            elif op == "in":
                agenda.indent_item(db, row.id)
            elif op == "out":
                agenda.outdent_item(db, row.id)
            else:
                agenda.move_item(db, m.id, row.number, str(target))
        except UserError:
            pass
    rows = agenda.agenda(db, m.id)
    assert len(rows) == 9
    assert rows[-1].kind == "aob" and rows[-1].number == str(len([r for r in rows if r.level == 0]))
    seen: dict[str, int] = {}
    for r in rows:
        parent = r.number.rsplit(".", 1)[0] if "." in r.number else ""
        seen[parent] = seen.get(parent, 0) + 1
        assert r.number.rsplit(".", 1)[-1] == str(seen[parent])
    starts = [r.start for r in rows]
    assert starts == sorted(starts)
