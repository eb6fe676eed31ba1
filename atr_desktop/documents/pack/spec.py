"""What a pack is made of, as plain data (JSON-friendly, so it can cross to the worker)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Header:
    """The meeting as the front cover shows it."""

    programme: str
    group: str
    meeting: str  # 'Meeting of the ATR Strategy Group'
    day: str  # 'Tuesday 9 February 2027'
    short_day: str  # '9 February 2027', for the stamps
    time: str  # '10:00 to 12:30'
    venue: str
    link: str
    marking: str  # 'OFFICIAL', or 'OFFICIAL-SENSITIVE: COMMERCIAL' for a Part B pack
    version_line: str  # 'Pack version 1, issued 2 February 2027'
    title: str = "Meeting pack"  # or 'Supplementary pack 1' / 'Part B pack (confidential)'
    restricted: bool = False
    supplement: int = 0
    note: str = ""  # what changed (supplements)
    exempt_line: str = ""  # 'Exempt from publication: commercial' (Part B pack)


@dataclass(frozen=True)
class AgendaRow:
    number: str
    title: str
    lead: str
    purpose: str
    time: str
    has_pack_pages: bool  # True when papers (or an appendix) for it are in this pack
    depth: int = 0
    to_follow: bool = False  # a paper it expects has not been received: '(to follow)'


@dataclass(frozen=True)
class CoverSheet:
    """A paper's cover sheet fields, as typed by the officer."""

    item: str  # '5'
    item_title: str
    reference: str
    title: str
    author: str
    sponsor: str
    purpose: str
    summary: str
    recommendation: str
    risks: str
    equality_impact: str
    previously_considered: str
    appendices: str


@dataclass(frozen=True)
class Entry:
    """One paper in the pack: its cover sheet, then its PDF (or a placeholder page).

    ``source`` is a PDF path once prepared; ``placeholder`` says why the paper is missing.
    ``to_follow``: not received yet, so the placeholder says it will follow; with no paper
    recorded at all (``paper_id`` 0, an item that expects one) that page is all there is.
    """

    item: str
    cover: CoverSheet
    source: str = ""
    placeholder: str = ""
    paper_id: int = 0
    to_follow: bool = False

    @property
    def page_only(self) -> bool:
        """No cover sheet: the 'to follow' page stands alone for an item with no paper."""
        return self.to_follow and not self.paper_id


@dataclass(frozen=True)
class MinuteItem:
    number: str
    title: str
    discussion: str
    decisions: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MinutesData:
    """The draft minutes of the previous meeting, for the appendix."""

    title: str  # 'Draft minutes of the meeting held on ...'
    status: str
    present: list[str]
    apologies: list[str]
    in_attendance: list[str]
    items: list[MinuteItem]


@dataclass(frozen=True)
class ActionRow:
    ref: str
    description: str
    owner: str
    due: str
    status: str
    rag: str
    latest_update: str


@dataclass(frozen=True)
class Appendices:
    """Generated appendices and the agenda items they belong to ('' when not on the agenda)."""

    minutes: MinutesData | None = None
    minutes_item: str = ""
    actions: list[ActionRow] | None = None
    actions_title: str = "Action log"
    actions_item: str = ""


@dataclass(frozen=True)
class PackSpec:
    header: Header
    agenda: list[AgendaRow]
    entries: list[Entry]
    appendices: Appendices = field(default_factory=Appendices)
    first_page: int = 1
    author: str = ""

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> PackSpec:
        app = data.get("appendices") or {}
        minutes = app.get("minutes")
        return PackSpec(
            header=Header(**data["header"]),
            agenda=[AgendaRow(**row) for row in data["agenda"]],
            entries=[Entry(**{**e, "cover": CoverSheet(**e["cover"])}) for e in data["entries"]],
            appendices=Appendices(
                minutes=None
                if minutes is None
                else MinutesData(
                    **{**minutes, "items": [MinuteItem(**i) for i in minutes["items"]]}
                ),
                minutes_item=app.get("minutes_item", ""),
                actions=None
                if app.get("actions") is None
                else [ActionRow(**a) for a in app["actions"]],
                actions_title=app.get("actions_title", "Action log"),
                actions_item=app.get("actions_item", ""),
            ),
            first_page=data.get("first_page", 1),
            author=data.get("author", ""),
        )


@dataclass(frozen=True)
class BuiltPack:
    """What the builder made: pages, where each agenda item starts, size."""

    path: str
    page_count: int
    first_page: int
    last_page: int
    item_pages: dict[str, int]
    size: int
    entry_pages: list[int] = field(default_factory=list)  # where each paper's cover sheet is
