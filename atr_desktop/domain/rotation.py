"""Which backups to keep: the newest of each of the last days, weeks and months.

Grandfather-father-son rotation. A backup survives if it is the newest of its day among
the ``daily`` most recent days that have a backup, or the newest of its ISO week among the
``weekly`` most recent such weeks, or the newest of its month among the ``monthly`` most
recent such months, or one of the ``recent`` newest of all (so a backup taken before a
restore is not rotated away by the next automatic one). Pure: dates in, dates out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    daily: int = 7
    weekly: int = 5
    monthly: int = 12
    recent: int = 10  # the newest few, whatever their day: today's work in several steps


DEFAULT_POLICY = Policy()


def _newest_per(
    stamps: list[dt.datetime], key: Callable[[dt.datetime], Hashable], count: int
) -> set[dt.datetime]:
    newest: dict[Hashable, dt.datetime] = {}
    for stamp in stamps:  # sorted newest first, so the first seen per bucket wins
        newest.setdefault(key(stamp), stamp)
    return set(list(newest.values())[:count])


def to_keep(stamps: Iterable[dt.datetime], policy: Policy = DEFAULT_POLICY) -> set[dt.datetime]:
    """The backup times to keep; every other backup may be deleted."""
    ordered = sorted(set(stamps), reverse=True)
    if not ordered:
        return set()
    keep = set(ordered[: max(policy.recent, 1)])
    keep |= _newest_per(ordered, lambda t: t.date(), policy.daily)
    keep |= _newest_per(ordered, lambda t: t.isocalendar()[:2], policy.weekly)
    keep |= _newest_per(ordered, lambda t: (t.year, t.month), policy.monthly)
    return keep
