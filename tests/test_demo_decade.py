"""`demo --years N`: several years of a programme's records, the same every time.

Built once for the module with two years (a decade is the same code over more meetings;
tools/bench_scale.py builds the ten-year one).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from atr_desktop.services import attendance, members, tor
from atr_desktop.storage.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    Meeting,
    Membership,
    Minutes,
    Pack,
    Paper,
)
from tests.demo_fixtures import DEMO_TODAY

YEARS = 2
pytestmark = pytest.mark.slow  # builds two years of records (about a minute on 2 cores)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATR_DESKTOP_HOME", str(tmp_path_factory.mktemp("home")))
        db = init_database(tmp_path_factory.mktemp("decade") / "atr.db")
        lines: list[str] = []
        summary = build_demo(db, today=DEMO_TODAY, years=YEARS, progress=lines.append)
        yield db, summary, lines
        db.close()


def test_the_summary_is_the_same_every_time_and_progress_is_reported(built) -> None:
    _db, summary, lines = built
    assert summary == {
        "organisations": 20,
        "people": 105,
        "memberships": 45,
        "meetings": 54,
        "declarations": 48,
        "ToR versions": 6,
        "agenda items": 162,
        "papers": 144,
        "forward plan items": 8,
        "registers": 44,
        "minutes": 44,
        "decisions": 146,
        "actions": 261,
        "packs": 5,  # the latest of each group, and the SG supplement
    }
    assert len(lines) == 6 and lines[0].startswith("[1/6] add_people")


def test_every_held_meeting_has_papers_register_minutes_decisions_and_actions(built) -> None:
    db, _summary, _lines = built
    with db.session() as s:
        held = s.scalars(select(Meeting.id).where(Meeting.date < DEMO_TODAY)).all()
        days = s.scalars(select(Meeting.date)).all()
        decided = Counter(s.scalars(select(Decision.meeting_id)))
        raised = Counter(s.scalars(select(Action.meeting_id)))
        minuted = set(s.scalars(select(Minutes.meeting_id)))
        registered = set(s.scalars(select(Attendance.meeting_id)))
        with_papers = set(
            s.scalars(
                select(AgendaItem.meeting_id)
                .join(Paper, Paper.agenda_item_id == AgendaItem.id)
                .where(Paper.status == "received", Paper.author != "")
            )
        )
    assert (max(days) - min(days)).days > 365 * YEARS
    assert set(held) <= minuted and set(held) <= registered and set(held) <= with_papers
    old = [m for m in held if m not in set(held[-8:])]  # the last months follow the 1-year demo
    assert all(2 <= decided[m] <= 5 for m in old)
    assert all(4 <= raised[m] <= 8 for m in old)


def test_members_turn_over_and_past_registers_name_former_members(built) -> None:
    db, _summary, _lines = built
    with db.session() as s:
        ended = s.scalar(select(func.count()).where(Membership.end_date.is_not(None)))
        first = s.scalar(select(Meeting.id).order_by(Meeting.date).limit(1))
    assert ended and ended >= 3
    current = {m.name for m in members.current_members(db, "SG", DEMO_TODAY)}
    first_register = {line.name for line in attendance.get_register(db, first).lines}
    assert first_register - current  # people who have since left


def test_yearly_tor_versions_declarations_updates_and_packs(built) -> None:
    db, _summary, _lines = built
    assert len(tor.list_versions(db, "NET")) >= YEARS  # one a year
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Declaration.ended_on.is_not(None)))
        assert s.scalar(select(func.count()).select_from(ActionUpdate)) > 100
        statuses = Counter(s.scalars(select(Action.status)))
        assert s.scalar(select(func.count()).select_from(Pack)) >= 4
    assert statuses["closed"] > statuses["open"] and statuses["superseded"]


def test_years_out_of_range_are_refused(tmp_path: Path) -> None:
    from atr_desktop.errors import UserError
    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database

    db = init_database(tmp_path / "x.db")
    with pytest.raises(UserError, match="1 to 15 years"):
        build_demo(db, years=0)
    db.close()
