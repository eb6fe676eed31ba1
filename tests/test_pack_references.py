"""Paper references (SG/2027-02-09/C) are fixed when the agenda is first issued, shown on
the cover sheet, never reused; a paper added after issue takes the next unused letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from atr_desktop.domain.paper_refs import assign_letters, letter_index, paper_letter
from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

REF = "SG:2027-02-09"


@given(st.integers(min_value=0, max_value=20000))
def test_letters_and_their_numbers_are_inverse(index: int) -> None:
    assert letter_index(paper_letter(index)) == index


def test_fixed_letters_stand_and_new_papers_take_the_next_unused() -> None:
    # Issued A, B, C; C was then withdrawn; two papers arrive, one placed before B.
    papers = [(1, "A", False), (9, "", False), (2, "B", False), (3, "C", True), (8, "", False)]
    assert assign_letters(papers) == {1: "A", 9: "D", 2: "B", 3: "C", 8: "E"}
    # Before issue: agenda order, withdrawn papers have none.
    assert assign_letters([(1, "", False), (2, "", True), (3, "", False)]) == {1: "A", 3: "B"}


def sheet_references(path: Path) -> dict[str, str]:
    """Paper title -> the Reference printed on its cover sheet in the pack."""
    out = {}
    for page in PdfReader(path).pages:
        text = page.extract_text()
        if "Reference" not in text or "Cover sheet" not in text:
            continue
        ref = next(w for w in text.split() if w.startswith("SG/2027-02-09/"))
        title = next(t for t in ("First", "Second", "Late", "Later") if f"{t} paper" in text)
        out[title] = ref
    return out


def letters(db: Any) -> dict[str, str]:
    from atr_desktop.services import papers

    return {p.title: p.reference for p in papers.list_papers(db, REF)}


def test_references_are_fixed_at_issue_and_never_reused(db: Any, cli: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack, papers
    from atr_desktop.storage.models import Paper

    meeting = make_meeting(db)
    one = add_item(db, meeting, "Finance")
    two = add_item(db, meeting, "Workforce")
    add_paper(db, one, "First paper", pdf_bytes(1), "first.pdf")
    second = add_paper(db, two, "Second paper", pdf_bytes(1), "second.pdf")

    draft = tmp_path / "draft.pdf"
    pack.build(db, REF, draft)
    assert sheet_references(draft) == {"First": "SG/2027-02-09/A", "Second": "SG/2027-02-09/B"}
    with db.session() as s:
        assert {p.letter for p in s.query(Paper)} == {""}  # a draft fixes nothing

    code, _out, err = cli("pack", "issue", REF)
    assert code == 0, err
    with db.session() as s:
        assert {p.title: p.letter for p in s.query(Paper)} == {
            "First paper": "A",
            "Second paper": "B",
        }

    # A late paper on the first item comes before B in agenda order: it does not push B
    # on to C; it takes the next letter never used.
    add_paper(
        db, one, "Late paper", pdf_bytes(1), "late.pdf", added_at=dt.datetime(2030, 1, 1, 9, 0)
    )
    assert letters(db) == {"First paper": "A", "Late paper": "C", "Second paper": "B"}
    papers.withdraw_paper(db, second, "Superseded by the late paper")
    add_paper(
        db, two, "Later paper", pdf_bytes(1), "later.pdf", added_at=dt.datetime(2030, 1, 1, 9, 5)
    )
    assert letters(db)["Later paper"] == "D"  # B stays with the withdrawn paper
    assert letters(db)["Second paper"] == "B"

    supplement = tmp_path / "supplement.pdf"
    code, _out, err = cli("pack", "issue", REF, "--supplement", "--out", str(supplement))
    assert code == 0, err
    assert sheet_references(supplement) == {
        "Late": "SG/2027-02-09/C",
        "Later": "SG/2027-02-09/D",
    }
    with db.session() as s:
        fixed = {p.title: p.letter for p in s.query(Paper)}
    assert fixed == {
        "First paper": "A",
        "Second paper": "B",
        "Late paper": "C",
        "Later paper": "D",
    }
