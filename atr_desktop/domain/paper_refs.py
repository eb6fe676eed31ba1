"""Paper letters and references: SG/2027-02-09/C.

A paper's letter follows agenda order until the meeting's agenda is first issued in a
pack; then it is fixed for good, so members, minutes and emails can cite it. A paper added
after that takes the next letter never used at the meeting (a withdrawn paper keeps its
letter, so no letter is ever reused).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def paper_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def letter_index(letter: str) -> int:
    """The inverse of :func:`paper_letter`: 'A' -> 0, 'AA' -> 26."""
    index = 0
    for char in letter.upper():
        index = index * 26 + (ord(char) - 64)
    return index - 1


def assign_letters(papers: Iterable[tuple[int, str, bool]]) -> dict[int, str]:
    """Paper id -> letter, for ``papers`` in agenda order as (id, fixed letter or '',
    withdrawn). Fixed letters stand; the others take the next unused letters after the
    highest one fixed, in agenda order; a withdrawn paper with no fixed letter gets none."""
    papers = list(papers)
    fixed = [letter_index(letter) for _id, letter, _gone in papers if letter]
    following = max(fixed) + 1 if fixed else 0
    out: dict[int, str] = {}
    for paper_id, letter, withdrawn in papers:
        if letter:
            out[paper_id] = letter
        elif not withdrawn:
            out[paper_id] = paper_letter(following)
            following += 1
    return out


def reference(group_code: str, day: dt.date, letter: str) -> str:
    """The paper's full reference, 'SG/2027-02-09/C' ('' without a letter)."""
    return f"{group_code}/{day.isoformat()}/{letter}" if letter else ""
