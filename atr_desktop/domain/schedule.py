"""Scheduling a series of meetings in one step: a repeat rule, a count, and exceptions.

Rules: 'monthly', 'bimonthly', 'quarterly' (same day of the month, clipped to the month's
end), or 'second tuesday' style ('first'..'fourth' or 'last' + weekday), which falls each
month, or every N months with ``every``. Exceptions skip months (August) or move one date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

STEPS = {"monthly": 1, "bimonthly": 2, "bi-monthly": 2, "quarterly": 3}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS.update({"fourth": 4, "4th": 4, "last": -1})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


@dataclass(frozen=True)
class Rule:
    """A parsed repeat rule: every ``months`` months, on a day or an nth weekday."""

    months: int
    nth: int | None = None
    weekday: int | None = None

    def describe(self) -> str:
        if self.nth is None or self.weekday is None:
            return {1: "monthly", 2: "bimonthly", 3: "quarterly"}.get(
                self.months, f"every {self.months} months"
            )
        names = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
        every = "" if self.months == 1 else f", every {self.months} months"
        return f"{names[self.nth]} {calendar.day_name[self.weekday].lower()}{every}"


def parse_rule(text: str, every: int | None = None) -> Rule:
    """'monthly' | 'bimonthly' | 'quarterly' | 'second tuesday' (+ optional every N months)."""
    words = text.strip().lower().replace(" of the month", "").split()
    if len(words) == 1 and words[0] in STEPS:
        return Rule(every or STEPS[words[0]])
    if len(words) == 2 and words[0] in ORDINALS and words[1].rstrip("s") in WEEKDAYS:
        return Rule(every or 1, ORDINALS[words[0]], WEEKDAYS[words[1].rstrip("s")])
    raise ValueError(
        f"'{text}' is not a repeat rule: use monthly, bimonthly, quarterly or a rule such "
        "as 'second tuesday'."
    )


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-4, or -1 for last) given weekday of a month."""
    if nth == -1:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Exceptions:
    skip_months: frozenset[int] = frozenset()
    moves: dict[dt.date, dt.date] = field(default_factory=dict)


def series_dates(
    first: dt.date, rule: Rule, count: int, exceptions: Exceptions | None = None
) -> list[dt.date]:
    """``count`` dates from ``first`` (for a weekday rule, its first date on or after
    ``first``); skipped months are not counted as meetings.

    A skipped month is simply passed over (the next meeting keeps the rhythm); a moved date
    replaces its original. Dates come back in order.
    """
    if count < 1:
        raise ValueError("A series needs at least one meeting: give a count of 1 or more.")
    if count > 60:
        raise ValueError("A series can hold at most 60 meetings: schedule fewer at once.")
    exc = exceptions or Exceptions()
    out: list[dt.date] = []
    step = 0
    if rule.nth is not None and rule.weekday is not None:
        # A weekday rule starts on its first date on or after the date given.
        if nth_weekday(first.year, first.month, rule.weekday, rule.nth) < first:
            year, month = _add_months(first.year, first.month, 1)
            first = dt.date(year, month, 1)
        first = nth_weekday(first.year, first.month, rule.weekday, rule.nth)
    while len(out) < count and step < count * 4 + 24:
        year, month = _add_months(first.year, first.month, step * rule.months)
        step += 1
        if month in exc.skip_months:
            continue
        if rule.nth is not None and rule.weekday is not None:
            day = nth_weekday(year, month, rule.weekday, rule.nth)
        else:
            day = dt.date(year, month, min(first.day, calendar.monthrange(year, month)[1]))
        if not out and step == 1:
            day = first
        out.append(exc.moves.get(day, day))
    return sorted(out)


def offset_date(meeting: dt.date, days_before: int) -> dt.date:
    """A deadline this many days before the meeting (papers due, pack issue)."""
    return meeting - dt.timedelta(days=days_before)
