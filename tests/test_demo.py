"""The demo programme fills every area a newcomer will look at."""

from __future__ import annotations

from sqlalchemy import func, select

from atr_desktop.storage.models import Meeting, Membership, Organisation, Person


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
