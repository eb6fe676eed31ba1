"""What a group is: its kinds, its code, and the WY ATR programme's own four groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class GroupKind(StrEnum):
    STRATEGY = "strategy"
    NETWORK = "network"
    CONSORTIUM = "consortium"
    JOINT = "joint"
    TASK_AND_FINISH = "task and finish"
    OTHER = "other"


CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")


def normalise_code(code: str) -> str:
    """Codes appear in references (SG-2026-014), so they are short, upper case, no spaces."""
    return code.strip().upper()


def code_problem(code: str) -> str | None:
    """Why ``code`` cannot be a group code, or None when it can."""
    if not CODE_PATTERN.match(code):
        return (
            f"'{code}' cannot be a group code: use 2 to 8 capital letters or digits, "
            "starting with a letter (for example SG or NET)."
        )
    return None


@dataclass(frozen=True)
class GroupTemplate:
    """A group as a programme template describes it."""

    code: str
    name: str
    kind: GroupKind
    age_focus: str
    rhythm: str
    description: str
    constituents: tuple[str, ...] = field(default=())


WY_ATR_GROUPS: tuple[GroupTemplate, ...] = (
    GroupTemplate(
        "SG",
        "ATR Strategy Group",
        GroupKind.STRATEGY,
        "Whole life course",
        "Quarterly",
        "The formal decision-making body of the West Yorkshire Adversity, Trauma and "
        "Resilience Programme: Terms of Reference, governance process, quorum and decisions.",
    ),
    GroupTemplate(
        "NET",
        "ATR Network",
        GroupKind.NETWORK,
        "0-25",
        "Bi-monthly",
        "Practice and learning network for children and young people aged 0 to 25.",
    ),
    GroupTemplate(
        "MNC",
        "Multiple Needs Consortium",
        GroupKind.CONSORTIUM,
        "18+",
        "Bi-monthly",
        "Consortium for adults facing multiple disadvantage.",
    ),
    GroupTemplate(
        "JNC",
        "Joint Network and Consortium meeting",
        GroupKind.JOINT,
        "16-25 (transition)",
        "Quarterly",
        "Joint meeting of the ATR Network and the Multiple Needs Consortium on transition "
        "from children's to adults' services. Quorum is counted per constituent group.",
        constituents=("NET", "MNC"),
    ),
)

TEMPLATES: dict[str, tuple[GroupTemplate, ...]] = {"wy-atr": WY_ATR_GROUPS, "blank": ()}
