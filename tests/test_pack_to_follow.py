"""An item that expects a paper with none attached is not lost from a pack built with
placeholders: a 'to follow' page and '(to follow)' in the agenda; the supplement that
brings the paper numbers its pages on from the pack."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

REF = "SG:2027-02-09"


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_missing_paper_is_shown_to_follow_then_arrives_in_the_supplement(
    db: Any, cli: Any, tmp_path: Path
) -> None:
    meeting = make_meeting(db)
    finance = add_item(db, meeting, "Finance report")
    add_paper(db, finance, "Budget", pdf_bytes(2), "budget.pdf")
    workforce = add_item(db, meeting, "Workforce plan")  # expects a paper; none yet

    code, _out, err = cli("pack", "check", REF)
    assert code == 1 and "Item 6, 'Workforce plan': the agenda says this item has papers" in err
    main = tmp_path / "main.pdf"
    code, out, err = cli("pack", "issue", REF, "--placeholders", "--out", str(main))
    assert code == 0, err
    assert "Placeholder page for: Item 6, 'Workforce plan'" in out
    pages = pages_text(main)
    agenda = pages[1]
    assert "Workforce plan (to follow)" in agenda
    assert "Finance report (to follow)" not in agenda
    follow = [n for n, text in enumerate(pages) if "Paper to follow" in text]
    assert len(follow) == 1
    page = pages[follow[0]]
    assert "Item 6: Workforce plan" in page
    assert "No paper has been received for this item yet." in page
    assert "Item 6 · Pack page" in page  # stamped as the item's page
    assert "Paper page 2" in pages[follow[0] - 1]  # no empty cover sheet before it
    # the agenda's pack page for item 6 is the 'to follow' page
    row = re.search(r"Workforce plan \(to follow\)\s+Chair\s+Decision\s+\S+\s+(\d+)", agenda)
    assert row is not None, agenda
    assert int(row.group(1)) == follow[0] + 1, agenda
    last = len(pages)

    add_paper(
        db,
        workforce,
        "Workforce plan 2027",
        pdf_bytes(3, label="Workforce"),
        "workforce.pdf",
        added_at=dt.datetime(2030, 1, 1, 9, 0),
    )
    supplement = tmp_path / "supplement.pdf"
    code, _out, err = cli("pack", "issue", REF, "--supplement", "--out", str(supplement))
    assert code == 0, err
    spages = pages_text(supplement)
    assert f"Pack page {last + 1} of" in spages[0]
    labels = PdfReader(supplement).page_labels  # what a viewer's page box shows
    assert labels == [str(n) for n in range(last + 1, last + 1 + len(spages))]
    assert PdfReader(main).page_labels[0] == "1"
    assert "Item 6: Workforce plan 2027 (new paper)" in "\n".join(spages[:2])
    assert any("Workforce page 3" in text for text in spages)
    assert not any("Paper to follow" in text for text in spages)


def test_demo_issues_a_supplement_for_the_paper_that_was_to_follow(db: Any) -> None:
    import random

    from sqlalchemy import select

    from atr_desktop.services import pack_issue, papers
    from atr_desktop.services.demo.packs import issue_demo_pack
    from atr_desktop.storage.models import Meeting

    meeting = make_meeting(db)
    with db.session() as s:
        s.scalar(select(Meeting).where(Meeting.id == meeting)).status = "held"
    add_paper(db, add_item(db, meeting, "Plan"), "Plan", pdf_bytes(1), "plan.pdf")
    add_item(db, meeting, "Workforce plan")  # to follow
    assert issue_demo_pack(db, dt.date(2027, 3, 1), random.Random(1)) == {"packs": 2}
    main, supplement = pack_issue.list_packs(db, meeting)
    assert supplement.kind == "supplement" and supplement.first_page == main.last_page + 1
    refs = {p.title: p.reference for p in papers.list_papers(db, REF)}
    assert refs == {"Plan": "A", "Workforce plan": "B"}
    with db.session() as s:
        from atr_desktop.storage.models import Paper

        assert {p.letter for p in s.scalars(select(Paper))} == {"A", "B"}  # both fixed
