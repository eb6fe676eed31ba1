"""What a text field accepts: anything a person can type, up to a documented length.

Right-to-left text, emoji, control characters and very long notes are stored exactly as
typed. Refused, with a plain message: text longer than the field's limit, and unpaired
UTF-16 surrogates (which no file format or database encoding can hold; they only arise
from broken copy and paste).
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

NAME_LIMIT = 200
LONG_TEXT_LIMIT = 1_000_000


def text_problem(label: str, value: str, limit: int = LONG_TEXT_LIMIT) -> str | None:
    """Why ``value`` cannot be stored in the field called ``label``, or None."""
    if len(value) > limit:
        return f"{label} is {len(value):,} characters long: the limit is {limit:,}. Shorten it."
    if _LONE_SURROGATE.search(value):
        return (
            f"{label} contains a broken character (half of an emoji or symbol, often from "
            "copy and paste): retype that part."
        )
    return None
