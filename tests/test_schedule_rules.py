"""Series rules hold for any start, rule and skipped months (property-based)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from atr_desktop.domain.schedule import Exceptions, parse_rule, series_dates

RULES = ["monthly", "bimonthly", "quarterly", "second tuesday", "last friday", "first monday"]


@given(
    first=st.dates(dt.date(2025, 1, 1), dt.date(2035, 12, 31)),
    rule=st.sampled_from(RULES),
    count=st.integers(1, 24),
    skip=st.sets(st.integers(1, 12), max_size=4),
)
def test_series_dates_keep_the_rule(first, rule, count, skip) -> None:
    parsed = parse_rule(rule)
    days = series_dates(first, parsed, count, Exceptions(frozenset(skip)))
    assert days == sorted(days) and len(set(days)) == len(days)
    assert len(days) <= count
    if len(skip) < 12 and parsed.months == 1:
        assert len(days) == count
    assert all(d.month not in skip for d in days[1:])
    assert all(d >= first for d in days)
    if parsed.weekday is not None:
        assert {d.weekday() for d in days} == {parsed.weekday}
