"""The pack as a file: PDF 1.7 with object streams, a clean structure check, metadata a
document manager can show (title, subject, author, created, modified)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_pack_file_is_pdf_17_with_object_streams_and_metadata(db: Any, tmp_path: Path) -> None:
    import pikepdf
    from pypdf import PdfReader

    from atr_desktop.services import pack

    meeting = make_meeting(db)
    item = add_item(db, meeting, "Finance report")
    add_paper(db, item, "Budget", pdf_bytes(3), "budget.pdf")
    out = tmp_path / "pack.pdf"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    pack.build(db, "SG:2027-02-09", out)
    assert out.read_bytes().startswith(b"%PDF-1.7")
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []  # qpdf's own check
        kinds = [o.get("/Type") for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        assert "/ObjStm" in kinds
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == "ATR Strategy Group: Meeting pack, Tuesday 9 February 2027"
        assert set(xmp["dc:language"]) == {"en-GB"}
        assert dt.datetime.fromisoformat(xmp["xmp:CreateDate"]) >= before
    # The pack is the print version; the website gets the accessible publication set.
    assert "Print version" in PdfReader(out).pages[0].extract_text()
    meta = PdfReader(out).metadata
    assert meta is not None
    assert meta.title == "ATR Strategy Group: Meeting pack, Tuesday 9 February 2027"
    assert meta.author == "West Yorkshire Adversity, Trauma and Resilience Programme"
    assert meta.subject is not None
    assert meta.subject.startswith("Meeting of the ATR Strategy Group, Tuesday 9 February 2027.")
    assert meta.creation_date is not None and meta.creation_date >= before
    assert meta.modification_date == meta.creation_date
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert "PDF version:     1.7" in info and "JavaScript:      no" in info
