"""Terms of Reference as sections: their names and titles, comparing two versions, review flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# The text sections every ToR has, in document order (the quorum rule sits after 'chair').
TEXT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("purpose", "Purpose"),
    ("scope", "Scope"),
    ("membership", "Membership"),
    ("chair", "Chair and vice-chair"),
    ("frequency", "Meeting frequency"),
    ("decision_making", "How decisions are made"),
    ("reporting_line", "Reporting line"),
    ("declarations", "Declarations of interest"),
)
SECTION_TITLES = dict(TEXT_SECTIONS)
QUORUM_TITLE = "Quorum"
REVIEW_TITLE = "Review date"


def section_key(name: str) -> str | None:
    """The standard section named by its key or title ('decision_making', 'Purpose')."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    for k, title in TEXT_SECTIONS:
        if key == k or name.strip().lower() == title.lower():
            return k
    if key in {"quorum", "review_date", "review"}:
        return "review_date" if key.startswith("review") else "quorum"
    return None


@dataclass(frozen=True)
class SectionDiff:
    title: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def compare_sections(
    old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
) -> list[SectionDiff]:
    """Section by section (title, text), in the new version's order; removed ones last."""
    old_map = dict(old)
    new_titles = [t for t, _ in new]
    diffs = [SectionDiff(t, old_map.get(t, ""), text) for t, text in new]
    diffs += [SectionDiff(t, text, "") for t, text in old if t not in new_titles]
    return diffs


def review_flag(review_date: dt.date | None, today: dt.date, warning_days: int) -> str:
    """'overdue', 'due soon' (within ``warning_days``) or '' for a review date."""
    if review_date is None:
        return ""
    if review_date < today:
        return "overdue"
    if (review_date - today).days <= warning_days:
        return "due soon"
    return ""


def parse_fraction(text: str) -> tuple[int, int]:
    """'1/2' or 'half' -> (1, 2); ValueError with a plain message otherwise."""
    named = {"half": (1, 2), "one third": (1, 3), "two thirds": (2, 3), "one quarter": (1, 4)}
    key = text.strip().lower()
    if key in named:
        return named[key]
    try:
        top, bottom = (int(p) for p in key.split("/"))
    except ValueError:
        raise ValueError(f"'{text}' is not a fraction: write it like 1/2 or 2/3.") from None
    if not 0 < top <= bottom:
        raise ValueError(f"'{text}' must be a fraction between 0 and 1, like 1/2.")
    return top, bottom
