"""Protective marking under the Government Security Classifications (2014 onwards).

One rule for every output, so an agenda, a pack, a Word log and an Excel export can never
disagree about what they carry:

- Part A (public business) is OFFICIAL.
- Part B (confidential) business is OFFICIAL-SENSITIVE, with the reason each item is exempt
  from publication (commercial, personal information, legal advice, negotiations,
  security, or other with a few words).
- A file of personal data (member lists, declarations, a subject-access copy) is
  OFFICIAL-SENSITIVE PERSONAL.
- "RESTRICTED", "PROTECT" and "CONFIDENTIAL" were withdrawn in 2014 and are never used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OFFICIAL = "OFFICIAL"
SENSITIVE = "OFFICIAL-SENSITIVE"
PERSONAL = "OFFICIAL-SENSITIVE PERSONAL"
WITHDRAWN = ("RESTRICTED", "PROTECT", "CONFIDENTIAL", "UNCLASSIFIED", "SECRET")

# key -> words on the document; 'other' takes the item's own text.
EXEMPTIONS: dict[str, str] = {
    "commercial": "commercial",
    "personal": "personal information",
    "legal": "legal advice",
    "negotiations": "negotiations",
    "security": "security",
    "other": "other",
}
OTHER_LIMIT = 120


@dataclass(frozen=True)
class Exemption:
    """Why a Part B item is exempt: a key from :data:`EXEMPTIONS` and, for 'other', words."""

    key: str
    note: str = ""

    @property
    def words(self) -> str:
        if self.key == "other":
            return self.note.strip() or "other"
        return EXEMPTIONS.get(self.key, self.key)


def exemption_problem(key: str, note: str) -> str | None:
    """Why an item's exemption cannot be saved, in one sentence, or None."""
    if key and key not in EXEMPTIONS:
        choices = ", ".join(EXEMPTIONS)
        return f"'{key}' is not an exemption reason: choose one of {choices}."
    if key == "other" and not note.strip():
        return "Say in a few words why the item is exempt (the reason 'other' needs text)."
    if len(note) > OTHER_LIMIT:
        return f"The exemption reason is {len(note)} characters long: keep it under {OTHER_LIMIT}."
    return None


@dataclass(frozen=True)
class Marking:
    """A classification and, for OFFICIAL-SENSITIVE business, the exemption reasons."""

    level: str = OFFICIAL
    reasons: tuple[str, ...] = ()

    @property
    def sensitive(self) -> bool:
        return self.level != OFFICIAL

    @property
    def label(self) -> str:
        """'OFFICIAL', 'OFFICIAL-SENSITIVE PERSONAL' or 'OFFICIAL-SENSITIVE: COMMERCIAL'."""
        if self.reasons:
            return f"{self.level}: {', '.join(r.upper() for r in self.reasons)}"
        return self.level

    @property
    def exempt_line(self) -> str:
        """'Exempt from publication: commercial; legal advice', or '' for OFFICIAL."""
        if not self.reasons:
            return ""
        return "Exempt from publication: " + "; ".join(self.reasons)


def part_a() -> Marking:
    return Marking(OFFICIAL)


def part_b(exemptions: Iterable[Exemption]) -> Marking:
    """OFFICIAL-SENSITIVE with each distinct reason once, in the order first given."""
    reasons: list[str] = []
    for exemption in exemptions:
        if exemption.key and exemption.words not in reasons:
            reasons.append(exemption.words)
    return Marking(SENSITIVE, tuple(reasons))


def personal_data() -> Marking:
    return Marking(PERSONAL)


def export(include_part_b: bool, exemptions: Iterable[Exemption] = ()) -> Marking:
    """A log or register export: OFFICIAL, or OFFICIAL-SENSITIVE once Part B rows are in."""
    return part_b(exemptions) if include_part_b else part_a()


def base_problem(value: str) -> str | None:
    """The protective-marking setting may not name a withdrawn classification."""
    upper = value.strip().upper()
    for word in WITHDRAWN:
        if upper.startswith(word) or f" {word}" in upper:
            return (
                f"'{value.strip()}' is a withdrawn marking: use OFFICIAL; the app marks Part B "
                "business OFFICIAL-SENSITIVE by itself."
            )
    if not upper.startswith(OFFICIAL):
        return "The protective marking must start OFFICIAL (Government Security Classifications)."
    return None


def is_banner(first_cell: object) -> bool:
    """True for a spreadsheet's marking banner row, so an import skips it."""
    return isinstance(first_cell, str) and first_cell.strip().upper().startswith(OFFICIAL)
