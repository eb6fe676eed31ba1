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


@dataclass(frozen=True)
class ItemPosition:
    """What numbering needs of an agenda item: its id, parent and position among siblings."""

    id: int
    parent_id: int | None
    position: int


def item_numbers(items: list[ItemPosition]) -> dict[int, str]:
    """Number items '1', '2', '2.1' ... from their positions; returns id -> number.

    Siblings are numbered in position order (ties by id), sub-items under their parent.
    """
    children: dict[int | None, list[ItemPosition]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    numbers: dict[int, str] = {}

    def walk(parent: int | None, prefix: str) -> None:
        for index, item in enumerate(
            sorted(children.get(parent, []), key=lambda i: (i.position, i.id)), start=1
        ):
            number = f"{prefix}{index}"
            numbers[item.id] = number
            walk(item.id, number + ".")

    walk(None, "")
    return numbers


def part_b_ids(parents: dict[int, int | None], marked: set[int]) -> set[int]:
    """Items that are Part B themselves or sit beneath one that is: a sub-item of a
    confidential item is confidential too, whatever its own flag says."""
    out = set()
    for item_id in parents:
        node: int | None = item_id
        seen: set[int] = set()
        while node is not None and node not in seen:
            if node in marked:
                out.add(item_id)
                break
            seen.add(node)
            node = parents.get(node)
    return out
