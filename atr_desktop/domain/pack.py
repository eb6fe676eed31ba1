"""Pack page arithmetic and wording: where each part starts, what every page's stamp says.

Kept pure so the numbers a user reads in the agenda ("papers start on pack page 23") and
the stamps on the pages come from one rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartSize:
    """One part of the pack in order: its agenda reference ('' for front matter) and pages."""

    ref: str
    pages: int


def start_pages(parts: list[PartSize], first_page: int = 1) -> list[int]:
    """The pack page on which each part starts, numbering on from ``first_page``."""
    out = []
    page = first_page
    for part in parts:
        out.append(page)
        page += part.pages
    return out


def stamp_text(
    group: str,
    day: str,
    ref: str,
    page: int,
    last_page: int,
    marking: str = "",
    supplement: int = 0,
) -> str:
    """'OFFICIAL · ATR Strategy Group · 9 February 2027 · Item 5 · Pack page 23 of 180'.

    The marking leads, so every page of the pack (an author's page included, in the stamp
    band below their content) carries it at its foot."""
    parts = [group, day]
    if supplement:
        parts.append(f"Supplementary pack {supplement}")
    if ref:
        parts.append(ref)
    parts.append(f"Pack page {page} of {last_page}")
    if marking:
        parts.insert(0, marking)
    return " · ".join(parts)


def item_label(number: str) -> str:
    return f"Item {number}" if number else ""


def too_large(size_bytes: int, limit_mb: int) -> bool:
    """True when a pack is over the email limit (0 means no limit)."""
    return limit_mb > 0 and size_bytes > limit_mb * 1024 * 1024


def megabytes(size_bytes: int) -> str:
    """'23.4 MB', or '35 KB' under a megabyte."""
    if size_bytes < 1024 * 1024:
        return f"{max(1, round(size_bytes / 1024))} KB"
    return f"{size_bytes / (1024 * 1024):.1f} MB"
