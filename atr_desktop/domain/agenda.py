"""Agenda rules: the default standing items, item numbering and computed start times."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Purpose(StrEnum):
    DECISION = "decision"
    DISCUSSION = "discussion"
    ASSURANCE = "assurance"
    INFORMATION = "information"
    APPROVAL = "approval"


@dataclass(frozen=True)
class StandingItemSpec:
    title: str
    kind: str
    minutes: int
    purpose: str = ""
    lead: str = "Chair"
    has_papers: bool = False


DEFAULT_STANDING_ITEMS: tuple[StandingItemSpec, ...] = (
    StandingItemSpec("Welcome, introductions and apologies", "apologies", 5),
    StandingItemSpec("Declarations of interest", "declarations", 5),
    StandingItemSpec(
        "Minutes of the last meeting and matters arising", "minutes", 10, "approval", "Chair", True
    ),
    StandingItemSpec("Action log", "action_log", 10, "assurance", "Secretariat", True),
    StandingItemSpec("Any other business", "aob", 5),
)


def start_times(start: dt.time, minutes: list[int]) -> list[dt.time]:
    """Each item's start, running on from the meeting's start by the minutes allotted."""
    clock = dt.datetime.combine(dt.date(2000, 1, 1), start)
    out = []
    for m in minutes:
        out.append(clock.time())
        clock += dt.timedelta(minutes=max(0, m))
    return out
