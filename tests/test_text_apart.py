"""A paper's words for search, read in the worker's process when the window attaches it.

The window passes ``text_apart=True`` so a long PDF's pure-Python reading never holds the
interpreter's lock on the GUI process (issue 12); the words found must be the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from atr_desktop.documents.text_extract import extract_text, extract_text_apart
from atr_desktop.services import meetings, papers, search
from tests.pack_fixtures import docx_bytes, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_the_worker_reads_the_same_words_as_the_app(tmp_path: Path) -> None:
    pdf = tmp_path / "Annual report.pdf"
    pdf.write_bytes(pdf_bytes(12, label="Annual report"))
    word = tmp_path / "Paper.docx"
    word.write_bytes(docx_bytes("Trauma informed workforce"))
    for path in (pdf, word):
        apart = extract_text_apart(path)
        assert apart and apart == extract_text(path)
    assert "Trauma informed workforce" in extract_text_apart(word)


def test_a_file_the_worker_cannot_read_gives_no_words_and_no_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7 this is not a PDF at all %%EOF")
    assert extract_text_apart(junk) == ""
    assert extract_text_apart(tmp_path / "missing.docx") == ""
    assert extract_text_apart(tmp_path / "picture.png") == ""


def test_a_paper_attached_from_the_window_is_found_by_its_words(db, tmp_path: Path) -> None:
    [m] = meetings.schedule_meetings(
        db, meetings.MeetingInput("SG", dt.date(2027, 2, 9), dt.time(10, 0), dt.time(12, 30))
    )
    path = tmp_path / "Workforce.docx"
    path.write_bytes(docx_bytes("Reflective supervision for practitioners"))
    papers.attach_file(db, m.ref, "3", path, text_apart=True)
    hits = search.search(db, "supervision")
    assert [h.kind for h in hits] == ["paper"]
