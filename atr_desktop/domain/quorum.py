"""The quorum rule of a group's ToR, in structured form: described in words and evaluated.

A rule asks for a number of voting members present, or a fraction of the voting members
(rounded up), optionally the chair or vice-chair, and at least one voting member present
from each named sector. Deputies count for the member they replace: the caller passes the
deputy as present in the member's place (sector of the deputy's organisation).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuorumRule:
    count: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    chair_required: bool = False
    sectors: tuple[str, ...] = field(default=())

    def needed(self, voting_members: int) -> int:
        """How many voting members must be present."""
        needs = 0
        if self.count:
            needs = self.count
        if self.numerator and self.denominator:
            needs = max(needs, math.ceil(voting_members * self.numerator / self.denominator))
        return needs

    def describe(self) -> str:
        """The rule in words, as a ToR states it."""
        parts = []
        if self.count:
            parts.append(f"at least {self.count} voting members")
        if self.numerator and self.denominator:
            fraction = _fraction_words(self.numerator, self.denominator)
            parts.append(f"{fraction} of the voting members")
        head = " and ".join(parts) if parts else "any number of voting members"
        text = f"The meeting is quorate when {head} are present"
        if self.chair_required:
            text += ", including the chair or vice-chair"
        if self.sectors:
            text += ", with at least one member from each of: " + ", ".join(self.sectors)
        return text + "."


def _fraction_words(numerator: int, denominator: int) -> str:
    named = {(1, 2): "half", (1, 3): "one third", (2, 3): "two thirds", (1, 4): "one quarter"}
    return named.get((numerator, denominator), f"{numerator}/{denominator}")


@dataclass(frozen=True)
class Voter:
    """A voting member (or the deputy standing in for one) as the register sees them."""

    person_id: int
    present: bool
    sector: str = ""
    is_chair: bool = False


@dataclass(frozen=True)
class QuorumResult:
    quorate: bool
    present: int
    voting: int
    needed: int
    chair_present: bool
    missing_sectors: tuple[str, ...]
    reason: str


def evaluate(rule: QuorumRule, voters: Sequence[Voter]) -> QuorumResult:
    """Is the meeting quorate, and why (or why not) in one sentence."""
    present = [v for v in voters if v.present]
    needed = rule.needed(len(voters))
    chair_present = any(v.is_chair for v in present)
    sectors_present = {v.sector.casefold() for v in present}
    missing = tuple(s for s in rule.sectors if s.casefold() not in sectors_present)
    problems = []
    if len(present) < needed:
        problems.append(f"{len(present)} of {len(voters)} voting members present, {needed} needed")
    if rule.chair_required and not chair_present:
        problems.append("neither the chair nor the vice-chair is present")
    if missing:
        problems.append("no member present from " + " or ".join(missing))
    if problems:
        return QuorumResult(
            False,
            len(present),
            len(voters),
            needed,
            chair_present,
            missing,
            "Not quorate: " + "; ".join(problems) + ".",
        )
    extras = ""
    if rule.sectors:
        extras = ", " + " and ".join(rule.sectors) + " present"
    return QuorumResult(
        True,
        len(present),
        len(voters),
        needed,
        chair_present,
        (),
        f"Quorate: {len(present)} of {len(voters)} voting members present"
        f" ({needed} needed){extras}.",
    )
