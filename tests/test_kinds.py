"""Kinds and statuses are enums in domain/; the database keeps their plain strings."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import select

from atr_desktop.domain.kinds import ItemKind, MeetingStatus, TorStatus
from atr_desktop.services import tor
from atr_desktop.storage.models import AgendaItem, Meeting
from tests.meeting_fixtures import add_meeting


def test_enum_members_are_stored_as_their_strings_and_read_back_as_members(db) -> None:
    meeting_id = add_meeting(db, "SG", dt.date(2027, 1, 12))
    with db.session() as s:
        s.get_one(Meeting, meeting_id).status = MeetingStatus.HELD
    raw = sqlite3.connect(db.path)
    try:
        assert raw.execute("SELECT status FROM meetings").fetchone() == ("held",)
        columns = {row[1]: row[2] for row in raw.execute("PRAGMA table_info(meetings)")}
        schema = raw.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone()[0]
    finally:
        raw.close()
    assert columns["status"] == "VARCHAR(20)" and "ENUM" not in schema.upper()
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        kinds = set(s.scalars(select(AgendaItem.kind).where(AgendaItem.meeting_id == meeting_id)))
        assert meeting.status is MeetingStatus.HELD and meeting.status == "held"
        assert s.scalar(select(Meeting.id).where(Meeting.status == "held")) == meeting_id
    assert {ItemKind.APOLOGIES, ItemKind.AOB, ItemKind.STANDARD} <= kinds
    assert all(isinstance(k, ItemKind) for k in kinds)


def test_a_value_from_a_newer_version_is_read_as_text_not_refused(db) -> None:
    meeting_id = add_meeting(db, "SG", dt.date(2027, 1, 12))
    raw = sqlite3.connect(db.path)
    raw.execute("UPDATE meetings SET status = 'postponed' WHERE id = ?", (meeting_id,))
    raw.commit()
    raw.close()
    with db.session() as s:
        assert s.get_one(Meeting, meeting_id).status == "postponed"


def test_services_hand_out_the_members(db) -> None:
    tor.start_draft(db, "SG", {"purpose": "To lead the programme."})
    info = tor.approve(db, "SG", on=dt.date(2026, 4, 1))
    assert info.status is TorStatus.APPROVED and f"{info.status}" == "approved"
