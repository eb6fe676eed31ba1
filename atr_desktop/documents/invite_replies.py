"""Replies to an invite, read from the files Outlook saves: a reply .ics, or an .eml that
carries one.

Only the files the officer dropped are read; nothing here touches mail or the network.
Each reply says who answered (the ATTENDEE's address), how (PARTSTAT: ACCEPTED, DECLINED,
TENTATIVE) and to which event (UID and start date), so the register can take apologies
from the declines.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from dataclasses import dataclass
from pathlib import Path

REPLY_SUFFIXES = (".ics", ".eml")


@dataclass(frozen=True)
class InviteReply:
    file: str  # the file's name, for messages
    email: str
    answer: str  # PARTSTAT upper-cased: DECLINED, ACCEPTED, TENTATIVE, NEEDS-ACTION
    uid: str
    date: dt.date | None
    comment: str


class UnreadableReply(ValueError):
    """The file is not a calendar reply (or an email carrying one)."""


def _calendars_in_email(data: bytes) -> list[bytes]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    found: list[bytes] = []
    for part in message.walk():
        name = (part.get_filename() or "").lower()
        if part.get_content_type() == "text/calendar" or name.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                found.append(payload)
    return found


def _address(value: object) -> str:
    text = str(value).strip()
    return text[7:] if text.lower().startswith("mailto:") else text


def _replies_in_calendar(data: bytes, file: str) -> list[InviteReply]:
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        raise UnreadableReply(f"{file} is not a calendar file that can be read.") from exc
    replies: list[InviteReply] = []
    for event in calendar.walk("VEVENT"):
        start = event.get("dtstart")
        day = start.dt if start is not None else None
        if isinstance(day, dt.datetime):
            day = day.date()
        attendees = event.get("attendee") or []
        if not isinstance(attendees, list):
            attendees = [attendees]
        for attendee in attendees:
            answer = str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).upper()
            replies.append(
                InviteReply(
                    file=file,
                    email=_address(attendee).lower(),
                    answer=answer,
                    uid=str(event.get("uid", "")),
                    date=day if isinstance(day, dt.date) else None,
                    comment=str(event.get("comment", "")),
                )
            )
    return replies


def read_replies(path: Path) -> list[InviteReply]:
    """Every attendee answer in a reply .ics (or in the .ics an .eml carries)."""
    suffix = path.suffix.lower()
    if suffix not in REPLY_SUFFIXES:
        raise UnreadableReply(
            f"{path.name} is not a reply to an invite: drop the .ics or .eml files saved from "
            "the replies."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableReply(f"{path.name} could not be read ({exc.strerror}).") from exc
    calendars = _calendars_in_email(data) if suffix == ".eml" else [data]
    if not calendars:
        raise UnreadableReply(f"{path.name} is an email without a calendar reply in it.")
    replies = [r for c in calendars for r in _replies_in_calendar(c, path.name)]
    if not replies:
        raise UnreadableReply(f"{path.name} holds no answer to an invite.")
    return replies
