"""Reply files as Outlook saves them: a METHOD:REPLY .ics, or an .eml carrying one."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select

from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Meeting


def meeting_uid(db: Database, meeting_id: int) -> str:
    with db.session() as s:
        return s.scalars(select(Meeting.uid).where(Meeting.id == meeting_id)).one()


def reply_ics(uid: str, day: dt.date, who: str, answer: str = "DECLINED") -> bytes:
    from icalendar import Calendar, Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
    cal.add("version", "2.0")
    cal.add("method", "REPLY")
    event = Event()
    event.add("uid", uid)
    event.add("dtstart", dt.datetime.combine(day, dt.time(10, 0)))
    event.add("summary", "Declined: ATR Strategy Group")
    attendee = vCalAddress(f"mailto:{who.upper()}")
    attendee.params["PARTSTAT"] = answer
    event.add("attendee", attendee)
    event.add("comment", "On leave that week")
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def write_eml(folder: Path, name: str, ics: bytes) -> Path:
    message = EmailMessage()
    message["Subject"] = "Declined: ATR Strategy Group"
    message["From"] = "someone@example.org"
    message.set_content("I cannot attend, sorry.")
    message.add_attachment(ics, maintype="text", subtype="calendar", filename="invite.ics")
    path = folder / name
    path.write_bytes(message.as_bytes())
    return path
