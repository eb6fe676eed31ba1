"""``papers export``: the cover sheets and contents list as Word papers in a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_papers_export_writes_cover_sheets_and_contents(db: Any, cli: Any, tmp_path: Path) -> None:
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Workforce")
    add_paper(db, item, "Workforce plan", pdf_bytes(4), "plan.pdf")
    add_paper(db, add_item(db, meeting, "Schools"), "Schools pilot", pdf_bytes(2), "s.pdf")
    out = tmp_path / "papers"
    code, stdout, err = cli("papers", "export", "SG:2027-02-09", "--out", str(out))
    assert code == 0, err
    assert "00-contents.docx" in stdout
    names = sorted(p.name for p in out.iterdir())
    assert names[:2] == ["00-agenda.docx", "00-contents.docx"]
    agenda_text = [
        c.text
        for t in Document(str(out / "00-agenda.docx")).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "Workforce" in agenda_text
    assert any("Workforce-plan-cover-sheet" in n for n in names)
    sheet = Document(str(next(out.glob("*Workforce-plan*"))))
    cells = [c.text for row in sheet.tables[0].rows for c in row.cells]
    assert "Recommendation" in cells and "The group is asked to approve the proposal." in cells
    contents = Document(str(out / "00-contents.docx"))
    rows = [[c.text for c in row.cells] for row in contents.tables[0].rows]
    assert rows[0] == ["Item", "Agenda item", "Paper", "Pack page"]
    # The pages are those of the built pack.
    pack = tmp_path / "pack.pdf"
    assert cli("pack", "build", "SG:2027-02-09", "--out", str(pack))[0] == 0
    reader = PdfReader(pack)
    for number, _title, paper, page in rows[1:]:
        text = reader.pages[int(page) - 1].extract_text()
        assert "Cover sheet" in text and paper in text and f"Item {number}" in text
