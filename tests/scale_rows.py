"""Grow a demo database by N rows of each kind, by set-based inserts (for scale tests)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select

from atr_desktop.services.demo.action_log import grow_actions
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    Decision,
    Declaration,
    ForwardPlanItem,
    Group,
    Meeting,
    Membership,
    Person,
)

TODAY = dt.date(2026, 11, 25)


def grow(db: Database, n: int) -> None:
    """``n`` more people (members of SG, each with a declaration), decisions, actions and
    forward plan items."""
    with db.session() as s:
        sg = s.scalar(select(Group.id).where(Group.code == "SG"))
        meeting = s.scalar(
            select(Meeting.id).where(Meeting.group_id == sg, Meeting.date <= TODAY).limit(1)
        )
        first = (s.scalar(select(func.max(Person.id))) or 0) + 1
        ids = range(first, first + n)
        s.execute(
            insert(Person),
            [
                {"id": i, "first_name": f"Sam{i}", "last_name": f"Scale{i}", "email": f"s{i}@x.org"}
                for i in ids
            ],
        )
        s.execute(
            insert(Membership),
            [
                {
                    "person_id": i,
                    "group_id": sg,
                    "role": "member",
                    "start_date": dt.date(2020, 1, 1),
                }
                for i in ids
            ],
        )
        s.execute(
            insert(Declaration),
            [
                {
                    "person_id": i,
                    "interest": f"Trustee of charity {i}",
                    "kind": "non-pecuniary",
                    "declared_on": dt.date(2025, 1, 1),
                }
                for i in ids
            ],
        )
        s.execute(
            insert(Decision),
            [
                {
                    "group_id": sg,
                    "meeting_id": meeting,
                    "decided_on": TODAY - dt.timedelta(days=30),
                    "text": f"The Group AGREED scale item {i}.",
                    "needs_ratification": i % 2 == 0,
                }
                for i in range(n)
            ],
        )
        s.execute(
            insert(ForwardPlanItem),
            [
                {
                    "group_id": sg,
                    "title": f"Report {i}",
                    "target_date": TODAY + dt.timedelta(days=i),
                }
                for i in range(n)
            ],
        )
    grow_actions(db, n, today=TODAY)
