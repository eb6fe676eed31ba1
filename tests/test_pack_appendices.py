"""The previous meeting's draft minutes and the action log, drawn by the app into the pack;
nothing from a Part B item reaches the main pack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_minutes_and_action_log_are_appended_and_linked(db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack
    from atr_desktop.storage.models import (
        Action,
        ActionUpdate,
        AgendaItem,
        Attendance,
        Decision,
        Group,
        MinuteEntry,
        Minutes,
        Person,
    )

    previous = make_meeting(db, dt.date(2026, 11, 10))
    open_item = add_item(db, previous, "Schools pilot")
    secret_item = add_item(db, previous, "Contract dispute", confidential=True)
    with db.session() as s:
        group = s.scalar(select(Group).where(Group.code == "SG"))
        asha = Person(first_name="Asha", last_name="Patel", email="asha@nhs.net")
        ben = Person(first_name="Ben", last_name="Jones", email="ben@nhs.net")
        s.add_all([asha, ben])
        s.flush()
        s.add_all(
            [
                Attendance(meeting_id=previous, person_id=asha.id, status="present"),
                Attendance(meeting_id=previous, person_id=ben.id, status="apologies"),
            ]
        )
        minutes = Minutes(meeting_id=previous, status="draft")
        s.add(minutes)
        s.flush()
        s.add_all(
            [
                MinuteEntry(minutes_id=minutes.id, agenda_item_id=open_item,
                            discussion="The pilot reached 12 schools.\n- Evaluation due"),
                MinuteEntry(minutes_id=minutes.id, agenda_item_id=secret_item,
                            discussion="SECRET DISCUSSION"),
                Decision(group_id=group.id, meeting_id=previous, agenda_item_id=open_item,
                         decided_on=dt.date(2026, 11, 10), text="Extend the pilot to 20 schools."),
                Action(ref="SG-2026-001", group_id=group.id, meeting_id=previous,
                       agenda_item_id=open_item, description="Write the evaluation plan",
                       owner_person_id=asha.id, raised_on=dt.date(2026, 11, 10),
                       due_date=dt.date(2027, 1, 10)),
                Action(ref="SG-2026-002", group_id=group.id, meeting_id=previous,
                       agenda_item_id=secret_item, description="SECRET ACTION",
                       owner_text="Legal", raised_on=dt.date(2026, 11, 10)),
                Action(ref="SG-2026-003", group_id=group.id, meeting_id=previous,
                       description="Closed already", owner_text="X",
                       raised_on=dt.date(2026, 11, 10), status="closed"),
            ]
        )  # fmt: skip
        s.flush()
        first = s.scalar(select(Action).where(Action.ref == "SG-2026-001"))
        s.add(ActionUpdate(action_id=first.id, on_date=dt.date(2026, 12, 1), text="Draft shared"))
    meeting = make_meeting(db)
    add_paper(db, add_item(db, meeting, "Workforce"), "Plan", pdf_bytes(1), "plan.pdf")
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out, today=dt.date(2027, 2, 1))
    reader = PdfReader(out)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Draft minutes of the meeting held on Tuesday 10 November 2026" in text
    assert "Asha Patel" in text and "Ben Jones" in text
    assert "The pilot reached 12 schools." in text
    assert "Extend the pilot to 20 schools." in text
    assert "SG-2026-001" in text and "Write the evaluation plan" in text
    assert "Draft shared" in text
    assert "SECRET" not in text and "Contract dispute" not in text
    assert "Closed already" not in text
    # The standing items link to their appendices.
    with db.session() as s:
        kinds = {
            i.kind: i.position
            for i in s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting))
        }
    minutes_page = result.item_pages[str(kinds["minutes"])]
    actions_page = result.item_pages[str(kinds["action_log"])]
    assert "Draft minutes" in reader.pages[minutes_page - 1].extract_text()
    assert "Action log" in reader.pages[actions_page - 1].extract_text()
