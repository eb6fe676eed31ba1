"""Calendar invites: one event per meeting, UK local time across the clock change, stable
UIDs and a SEQUENCE that rises on change, and cancellations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from atr_desktop.services import meeting_outputs, meetings

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _events(path: Path) -> tuple[Calendar, list]:
    cal = Calendar.from_ical(path.read_bytes())
    return cal, [c for c in cal.walk("VEVENT")]


def test_series_ics_keeps_10_00_uk_time_in_july_and_january(db, tmp_path: Path) -> None:
    made = meetings.schedule_meetings(
        db,
        meetings.MeetingInput(
            group="SG",
            date=dt.date(2027, 1, 12),
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            venue="Wellington House",
            repeat="quarterly",
            count=4,
        ),
    )
    out = tmp_path / "sg.ics"
    assert meeting_outputs.export_ics(db, out, group="SG") == 4
    cal, events = _events(out)
    assert len(events) == 4 and str(cal["METHOD"]) == "PUBLISH"
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    assert "DTSTART;TZID=Europe/London:20270712T100000" in out.read_text()
    by_date = {e.decoded("DTSTART").date(): e for e in events}
    january = by_date[dt.date(2027, 1, 12)].decoded("DTSTART")
    july = by_date[dt.date(2027, 7, 12)].decoded("DTSTART")
    assert january.hour == 10 and july.hour == 10
    assert january.astimezone(dt.UTC).hour == 10  # GMT
    assert july.astimezone(dt.UTC).hour == 9  # BST
    assert {str(e["UID"]) for e in events} == {m.uid for m in made}


def test_a_changed_meeting_updates_and_a_cancelled_one_cancels(db, tmp_path: Path) -> None:
    from atr_desktop.services import settings

    settings.update(db, {"invite_organiser_email": "atr.secretariat@nhs.net"})
    [m] = meetings.schedule_meetings(
        db, meetings.MeetingInput("NET", dt.date(2027, 3, 3), dt.time(13, 30))
    )
    first = tmp_path / "one.ics"
    meeting_outputs.export_ics(db, first, meeting_ref=m.ref)
    cal, [event] = _events(first)
    assert str(cal["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == "mailto:atr.secretariat@nhs.net"
    meetings.edit_meeting(db, m.id, meetings.MeetingChanges(start_time=dt.time(14, 0)))
    second = tmp_path / "two.ics"
    meeting_outputs.export_ics(db, second, meeting_ref=m.id)
    _, [event2] = _events(second)
    assert str(event2["UID"]) == str(event["UID"]) and int(event2["SEQUENCE"]) == 1
    assert event2.decoded("DTSTART").hour == 14
    meetings.cancel_meeting(db, m.id, "Room unavailable")
    third = tmp_path / "three.ics"
    meeting_outputs.export_ics(db, third, meeting_ref=m.id)
    cal3, [event3] = _events(third)
    assert str(cal3["METHOD"]) == "CANCEL" and str(event3["STATUS"]) == "CANCELLED"
    assert int(event3["SEQUENCE"]) == 2 and str(event3["UID"]) == m.uid


def test_ics_cli(cli, tmp_path: Path) -> None:
    cli("init")
    cli(
        "meetings",
        "add",
        "--group",
        "JNC",
        "--date",
        "2027-01-28",
        "--start",
        "14:00",
        "--repeat",
        "quarterly",
        "--count",
        "4",
    )
    code, _out, err = cli("meetings", "ics", "--group", "JNC", "--out", str(tmp_path / "j.ics"))
    assert code == 0, err
    assert len(_events(tmp_path / "j.ics")[1]) == 4
    code, _, err = cli("meetings", "ics", "--out", str(tmp_path / "x.ics"))
    assert code == 1 and "--group" in err
