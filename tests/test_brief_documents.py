"""The chair's brief documents read back as a chair would read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from atr_desktop.documents import brief
from atr_desktop.documents.word import House
from tests.office import needs_soffice, pdf_text

DATA = brief.BriefData(
    group_name="ATR Strategy Group",
    meeting_date=dt.date(2027, 2, 9),
    start=dt.time(10, 0),
    venue="Wellington House, Leeds",
    decisions=[("5", "Training Collaborative proposal", "J. Smith")],
    overdue=[
        brief.OverdueAction(
            "SG-2026-014", "Zoë Clarke", "Circulate the matrix", dt.date(2027, 1, 5)
        ),
        brief.OverdueAction("SG-2026-009", "Siân Evans", "Draft the ToR", dt.date(2026, 12, 1)),
    ],
    attendees=[
        brief.Attendee("Siân Evans", "Chair", "Leeds City Council", "expected"),
        brief.Attendee("Tariq Haddad, MBE", "Member", "West Yorkshire Police", "apologies"),
    ],
    quorum=["Expected to be quorate: 7 of 12 voting members expected (6 needed)."],
    declarations=[("Siân Evans", "Trustee, Forum Central")],
    carried=[("Terms of Reference annual review", "decision")],
)


def test_brief_to_word_names_owners_and_quorum(tmp_path: Path) -> None:
    from docx import Document

    out = brief.to_docx(DATA, House(), tmp_path / "brief.docx")
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Chair's brief: ATR Strategy Group, Tuesday 9 February 2027" in text
    assert "Expected to be quorate: 7 of 12" in text
    owners = [c for c in cells if c in {"Siân Evans", "Zoë Clarke"}]
    assert owners[:2] == ["Siân Evans", "Zoë Clarke"]  # overdue actions grouped by owner
    assert "Tariq Haddad, MBE" in cells


def test_brief_to_pdf_has_title_language_and_content(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = brief.to_pdf(DATA, House(), tmp_path / "brief.pdf")
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert reader.metadata.title.startswith("Chair's brief")
    assert "Zoë Clarke" in text and "Expected to be quorate" in text
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"


@needs_soffice
def test_brief_opens_in_libreoffice(tmp_path: Path) -> None:
    out = brief.to_docx(DATA, House(), tmp_path / "brief.docx")
    text = pdf_text(out, tmp_path)
    assert "Overdue actions, by owner" in text and "Zoë Clarke" in text
