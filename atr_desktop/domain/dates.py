"""UK dates and times: wording ("Tuesday 9 February 2027"), reading what officers type
(31/03/2027, 7 Jul 2027, Wed 7 Jul 2027, ISO), and the dates worth a second look (a year
past, five years ahead, a weekend, an England and Wales bank holiday, a weekday that does
not match). One reader for every face, so the window and the command line agree."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

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


# --- Reading dates as officers type them ------------------------------------------------

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
DAY_NAMES = {
    name.lower(): number
    for number in range(7)
    for name in (calendar.day_name[number], calendar.day_abbr[number])
}
DAY_NAMES.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
DATE_HELP = "write it as 31/03/2027, 7 Jul 2027 or 2027-07-07"
NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
WORDED = re.compile(
    r"^(?:([a-z]+),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$"
)


@dataclass(frozen=True)
class TypedDate:
    """A date as read from what was typed, with the weekday the typist named (if any)."""

    day: dt.date
    named_weekday: int | None = None

    def weekday_clash(self) -> str | None:
        """'Wed 8 Jul 2027' names a Wednesday but 8 July 2027 is a Thursday: say so."""
        if self.named_weekday is None or self.named_weekday == self.day.weekday():
            return None
        return (
            f"{medium_date(self.day)} is a {self.day:%A}, not a "
            f"{calendar.day_name[self.named_weekday]}."
        )


def _year(text: str) -> int:
    """Two-digit years mean 20yy (the programme has no records from the last century)."""
    return 2000 + int(text) if len(text) == 2 else int(text)


def read_date(text: str) -> TypedDate:
    """Read dd/mm/yyyy, d/m/yy, '7 Jul 2027', 'Wed 7 Jul 2027' or ISO 2027-07-07.

    Anything else raises ValueError with a message that says how to write it, so a field
    never saves a date other than the one typed.
    """
    cleaned = " ".join(text.strip().lower().split())
    named = None
    try:
        if match := ISO.match(cleaned):
            year, month, day = (int(g) for g in match.groups())
        elif match := NUMERIC.match(cleaned):
            day, month, year = int(match[1]), int(match[2]), _year(match[3])
        elif match := WORDED.match(cleaned):
            if match[1] is not None:
                if match[1] not in DAY_NAMES:
                    raise ValueError
                named = DAY_NAMES[match[1]]
            month = MONTHS[match[3]]
            day, year = int(match[2]), _year(match[4])
        else:
            raise ValueError
        return TypedDate(dt.date(year, month, day), named)
    except (ValueError, KeyError):
        if not text.strip():
            raise ValueError(f"Type a date: {DATE_HELP}.") from None
        raise ValueError(f"'{text.strip()}' is not a date: {DATE_HELP}.") from None


def parse_date(text: str) -> dt.date:
    """The date in ``text`` (any of the forms :func:`read_date` reads)."""
    return read_date(text).day


def parse_iso_date(text: str) -> dt.date:
    """Kept for callers that named the old ISO-only parser; reads every form now."""
    return parse_date(text)


TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_hhmm(text: str) -> dt.time:
    """Parse HH:MM (or HH.MM) in 24-hour time; '2027' is refused, never read as 20:27."""
    match = TIME.match(text.strip())
    try:
        if match is None:
            raise ValueError
        return dt.time(int(match[1]), int(match[2]))
    except ValueError:
        raise ValueError(
            f"'{text.strip()}' is not a time: write it as HH:MM in 24-hour time, for example 14:30."
        ) from None


# --- Dates worth a second look ----------------------------------------------------------


@cache
def _bank_holidays(year: int) -> dict[dt.date, str]:
    """England and Wales bank holidays, substitute days included (the pinned package).

    Imported on first use: the package imports every country's calendar (0.2 s), which
    opening the window need not wait for.
    """
    from holidays.countries.united_kingdom import UnitedKingdom

    return dict(UnitedKingdom(subdiv="ENG", years=year, observed=True).items())


def bank_holiday(day: dt.date) -> str | None:
    """The bank holiday's name (for example "Boxing Day (observed)"), or None."""
    return _bank_holidays(day.year).get(day)


def range_doubt(day: dt.date, today: dt.date, what: str = "The date") -> str | None:
    """A date more than a year past or five years ahead is usually a typing slip."""
    if day < today - dt.timedelta(days=366):
        return f"{what} {long_date(day)} is more than a year ago."
    if day > _years_later(today, 5):
        return f"{what} {long_date(day)} is more than five years ahead."
    return None


def working_day_doubt(day: dt.date, what: str = "The date") -> str | None:
    """Meetings fall on working days: a weekend or a bank holiday is questioned."""
    if day.weekday() >= 5:
        return f"{what} {medium_date(day)} falls on a {day:%A}."
    holiday = bank_holiday(day)
    if holiday:
        return f"{what} {long_date(day)} is a bank holiday ({holiday})."
    return None


def meeting_date_doubts(day: dt.date, today: dt.date, what: str = "The meeting") -> list[str]:
    """What to ask about a meeting's date before saving it."""
    found = [range_doubt(day, today, f"{what} on"), working_day_doubt(day, f"{what} on")]
    return [text for text in found if text]


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def due_before_raised(due: dt.date | None, raised: dt.date | None) -> str | None:
    """An action cannot fall due before the meeting that raised it (a typing slip that once
    saved 31 Dec 2026 for an action raised in 2027)."""
    if due is None or raised is None or due >= raised:
        return None
    return (
        f"the due date {medium_date(due)} is before the meeting that raised the action "
        f"({medium_date(raised)})"
    )
