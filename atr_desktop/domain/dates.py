"""UK date and time wording: "Tuesday 9 February 2027", 24-hour times, Europe/London."""

from __future__ import annotations

import datetime as dt

LONDON = "Europe/London"


def long_date(day: dt.date) -> str:
    """'Tuesday 9 February 2027'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date | None) -> str:
    """'9 Feb 2027', for tables; blank for no date."""
    return "" if day is None else f"{day.day} {day:%b %Y}"


def medium_date(day: dt.date) -> str:
    """'9 February 2027'."""
    return f"{day.day} {day:%B %Y}"


def hhmm(t: dt.time | None) -> str:
    """'10:00' (24-hour); blank for no time."""
    return "" if t is None else f"{t:%H:%M}"


def parse_iso_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD; raises ValueError with a plain message for a date that does not exist."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"'{text}' is not a date: write it as YYYY-MM-DD, for example 2027-02-09."
        ) from None


def parse_hhmm(text: str) -> dt.time:
    """Parse HH:MM in 24-hour time."""
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(
            f"'{text}' is not a time: write it as HH:MM in 24-hour time, for example 14:30."
        ) from None
