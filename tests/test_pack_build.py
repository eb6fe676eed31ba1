"""The pack built from awkward papers, read back as a member would: pages, stamps,
bookmarks, the agenda's links, metadata."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.pack_fixtures import (
    A4,
    LETTER,
    add_item,
    add_paper,
    docx_bytes,
    encrypted_pdf,
    make_meeting,
    pdf_bytes,
    png_bytes,
    rotated_pdf,
)

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

HAS_SOFFICE = shutil.which("soffice") is not None


def awkward_meeting(db: Any, word: bool = False) -> dict[str, int]:
    meeting = make_meeting(db)
    ids = {"meeting": meeting}
    land = add_item(db, meeting, "Landscape finance tables")
    add_paper(db, land, "Finance report", pdf_bytes(2, (A4[1], A4[0]), "Landscape"), "fin.pdf")
    rot = add_item(db, meeting, "Rotated and US Letter papers")
    add_paper(db, rot, "Rotated scan", rotated_pdf(2), "scan.pdf")
    add_paper(db, rot, "American template", pdf_bytes(3, LETTER, "Letter"), "letter.pdf")
    enc = add_item(db, meeting, "Strategy refresh")
    add_paper(db, enc, "Encrypted strategy", encrypted_pdf(""), "strategy.pdf")
    add_paper(db, enc, "Bookmarked plan", pdf_bytes(3, A4, "Plan", bookmarks=True), "plan.pdf")
    img = add_item(db, meeting, "Pathway diagram")
    add_paper(db, img, "Pathway", png_bytes(), "pathway.png", "image/png")
    if word:
        item = add_item(db, meeting, "Workforce paper")
        add_paper(
            db,
            item,
            "Workforce plan",
            docx_bytes(),
            "workforce.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    return ids


def outline_titles(reader: PdfReader) -> list[Any]:
    return list(reader.outline)


def test_awkward_papers_build_into_one_numbered_bookmarked_pack(db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack

    awkward_meeting(db)
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out)
    assert_pack_reads_back(out, result)
    assert_every_page_renders(out, result.page_count, tmp_path)


def assert_every_page_renders(out: Path, pages: int, tmp_path: Path) -> None:
    """pdftoppm (poppler) renders every page without an error."""
    import subprocess

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    done = subprocess.run(
        ["pdftoppm", "-r", "12", "-png", str(out), str(tmp_path / "p")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr
    assert len(list(tmp_path.glob("p-*.png"))) == pages


def assert_pack_reads_back(out: Path, result: Any) -> None:
    """Pages, stamps, bookmarks, agenda links and metadata, as pypdf reads them."""
    reader = PdfReader(out)
    total = len(reader.pages)
    assert total == result.page_count
    # Every page carries its stamp, numbered in order.
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Pack page {n} of {total}" in text, f"page {n}: {text[-200:]!r}"
        assert "ATR Strategy Group" in text
    # One top-level bookmark per item with pages (after the cover and agenda).
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles[0] == "Cover and agenda"
    expected_items = sorted(result.item_pages, key=lambda n: int(n))
    assert [t.split(".")[0] for t in titles[1:]] == expected_items
    # The paper's own bookmarks sit beneath the paper beneath its item.
    flat = str(reader.outline)
    assert "Section 1" in flat and "Section 3" in flat
    # Each item's page in the agenda is where its papers start: follow the links.
    agenda = reader.pages[1]
    links = [a.get_object() for a in agenda.get("/Annots", [])]
    targets = {}
    for link in links:
        dest = link["/Dest"]
        index = reader.get_page_number(dest[0].get_object())
        rect = [float(v) for v in link["/Rect"]]
        targets[tuple(rect)] = index
    assert len(targets) == len(result.item_pages)
    assert sorted(i + 1 for i in targets.values()) == sorted(result.item_pages.values())
    for number, page in result.item_pages.items():
        text = reader.pages[page - 1].extract_text()
        assert f"Item {number}" in text
    # The agenda prints each page number in its "Pack page" column.
    agenda_text = agenda.extract_text()
    for page in result.item_pages.values():
        assert re.search(rf"\b{page}\b", agenda_text)
    # Title, author and language for screen readers and the file's properties.
    assert reader.metadata is not None
    assert "ATR Strategy Group" in (reader.metadata.title or "")
    assert reader.metadata.author
    assert str(reader.trailer["/Root"]["/Lang"]) == "en-GB"


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed")
def test_word_paper_is_converted_once_and_cached(db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack

    awkward_meeting(db, word=True)
    first = pack.check(db, "SG:2027-02-09")
    assert first.ok, first.problems
    cached = list(pack.cache_dir().glob("*.pdf"))
    assert len(cached) == 7  # every paper, prepared once (the Word paper converted once)
    stamp = {p: p.stat().st_mtime_ns for p in cached}
    again = pack.check(db, "SG:2027-02-09")
    assert again.ok
    assert {p: p.stat().st_mtime_ns for p in cached} == stamp
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out)
    assert_pack_reads_back(out, result)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "converted for the pack" in text
