"""The demo programme fills every area a newcomer will look at."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from atr_desktop.storage.models import Meeting, Membership, Organisation, Person

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_demo_has_people_organisations_memberships_and_a_year_of_meetings(demo_db) -> None:
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) >= 30
        assert s.scalar(select(func.count()).select_from(Organisation)) >= 15
        assert s.scalar(select(func.count()).select_from(Membership)) >= 30
        dates = s.scalars(select(Meeting.date)).all()
    assert len(dates) >= 16
    assert (max(dates) - min(dates)).days >= 300
    with demo_db.session() as s:
        names = {p.full_name for p in s.scalars(select(Person))}
    assert "Siân Evans" in names and "Zoë Clarke" in names


def test_demo_meetings_have_agendas_papers_and_a_forward_plan(demo_db) -> None:
    import datetime as dt

    from atr_desktop.services import agenda, forward_plan, meetings, papers

    upcoming = meetings.list_meetings(demo_db, group="SG", since=dt.date(2026, 11, 25))[0]
    rows = agenda.agenda(demo_db, upcoming.id)
    assert rows[0].title.startswith("Welcome") and rows[-1].kind == "aob"
    assert any(r.purpose == "decision" for r in rows) and all(r.lead for r in rows)
    listed = papers.list_papers(demo_db, upcoming.id, today=dt.date(2026, 11, 25))
    assert {"received", "expected", "late"} <= {p.status for p in listed}
    received = [p for p in listed if p.status == "received"]
    assert all(demo_db.blobs.exists(p.sha256) for p in received)
    assert {p.filename.rsplit(".", 1)[1] for p in papers.list_papers(demo_db, "SG:2026-10-13")} >= {
        "pdf",
        "docx",
    }
    plan = forward_plan.list_forward_plan(demo_db, "SG")
    assert any(p.placed_on == upcoming.ref for p in plan)
    assert any(not p.placed_on for p in plan)
