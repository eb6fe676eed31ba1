"""Calendar invites (RFC 5545) with the icalendar package.

Times are UK local (TZID=Europe/London with a VTIMEZONE), so a 10:00 meeting is 10:00 in
July and January alike. Each meeting keeps its UID and a SEQUENCE bumped on every change,
so a re-sent invite updates the event rather than adding a second one. One meeting goes
as METHOD:REQUEST (or METHOD:CANCEL when cancelled); a series as METHOD:PUBLISH with
cancelled meetings marked STATUS:CANCELLED.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class InviteEvent:
    uid: str
    sequence: int
    summary: str
    date: dt.date
    start: dt.time
    end: dt.time | None
    location: str
    url: str
    description: str
    cancelled: bool
    stamp: dt.datetime  # when the meeting record last changed (UTC)
    attendees: Sequence[tuple[str, str]] = ()  # (name, email) of the members invited


def build(
    events: Sequence[InviteEvent],
    organiser: str,
    method: str | None = None,
    organiser_name: str = "",
) -> bytes:
    """The .ics bytes; ``method`` defaults to REQUEST/CANCEL for one event, PUBLISH else.

    The organiser and every member as an attendee let Outlook send a change or a
    cancellation to every diary the invite reached."""
    from icalendar import Calendar, Event, vCalAddress, vText

    cal = Calendar()
    cal.add("prodid", "-//ATR Desktop//West Yorkshire ATR Programme//EN")
    cal.add("version", "2.0")
    if method is None and len(events) == 1:
        method = "CANCEL" if events[0].cancelled else "REQUEST"
    cal.add("method", method or "PUBLISH")
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("sequence", item.sequence)
        event.add("dtstamp", item.stamp.replace(tzinfo=dt.UTC))
        start = dt.datetime.combine(item.date, item.start, tzinfo=LONDON)
        end_time = (
            item.end or (dt.datetime.combine(item.date, item.start) + dt.timedelta(hours=1)).time()
        )
        event.add("dtstart", start)
        event.add("dtend", dt.datetime.combine(item.date, end_time, tzinfo=LONDON))
        event.add("summary", item.summary)
        if item.location:
            event.add("location", vText(item.location))
        if item.url:
            event.add("url", item.url)
        event.add("description", item.description)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if organiser:
            who = vCalAddress(f"mailto:{organiser}")
            if organiser_name:
                who.params["CN"] = vText(organiser_name)
            event.add("organizer", who)
        for name, email in item.attendees:
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["CN"] = vText(name)
            attendee.params["ROLE"] = vText("REQ-PARTICIPANT")
            attendee.params["PARTSTAT"] = vText("NEEDS-ACTION")
            attendee.params["RSVP"] = vText("TRUE")
            event.add("attendee", attendee, encode=False)
        cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def save(data: bytes, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
