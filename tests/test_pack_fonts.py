"""Every PDF the app draws holds names from any European script: DejaVu Sans, embedded as a
subset, in the pack's own pages, its stamps and the brief; read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.pack_fixtures import pdf_bytes

RANGES = {
    "Latin Extended-A": (0x0100, 0x017F),
    "Latin Extended-B": (0x0180, 0x024F),
    "Greek": (0x0386, 0x03CE),
    "Cyrillic": (0x0400, 0x045F),
}


@cache
def alphabet() -> list[str]:
    """Letters of those blocks that DejaVu Sans draws and that read back as themselves
    (no compatibility forms such as the 'ǅ' digraph, which text extraction may split)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from atr_desktop.paths import resources_dir

    face = TTFontFile(str(resources_dir() / "fonts" / "DejaVuSans.ttf"))
    out = []
    for low, high in RANGES.values():
        for code in range(low, high + 1):
            char = chr(code)
            if (
                code in face.charToGlyph
                and unicodedata.category(char).startswith("L")
                and unicodedata.normalize("NFKC", char) == char
            ):
                out.append(char)
    return out


def names() -> st.SearchStrategy[str]:
    word = st.text(st.sampled_from(alphabet()), min_size=2, max_size=10)
    return st.tuples(word, word).map(" ".join)


def squash(text: str) -> str:
    return "".join(text.split())


def small_spec(paper: Path, person: str, group: str) -> object:
    from atr_desktop.documents.pack.spec import AgendaRow
    from tools.bench_pack import spec_for

    spec = spec_for([paper])
    assert dataclasses.is_dataclass(spec)
    entry = spec.entries[0]  # type: ignore[attr-defined]
    cover = dataclasses.replace(entry.cover, author=person, sponsor=person)
    return dataclasses.replace(
        spec,  # type: ignore[type-var]
        header=dataclasses.replace(spec.header, group=group),  # type: ignore[attr-defined]
        agenda=[AgendaRow("1", "Agenda item 1", person, "decision", "", True)],
        entries=[dataclasses.replace(entry, cover=cover)],
    )


@settings(max_examples=12)
@given(person=names(), group=names())
def test_names_in_any_european_script_read_back_from_the_pack(
    tmp_path_factory: pytest.TempPathFactory, person: str, group: str
) -> None:
    from pypdf import PdfReader

    from atr_desktop.documents.pack.assemble import build_pack

    folder = tmp_path_factory.mktemp("fonts")
    paper = folder / "paper.pdf"
    paper.write_bytes(pdf_bytes(1, edge_text=False))
    out = folder / "pack.pdf"
    built = build_pack(small_spec(paper, person, group), out)  # type: ignore[arg-type]
    reader = PdfReader(out)
    pages = [squash(page.extract_text()) for page in reader.pages]
    agenda, sheet = pages[1], pages[built.entry_pages[0] - 1]
    assert squash(person) in agenda, (person, agenda)
    assert squash(person) in sheet, (person, sheet)
    for text in pages:  # the stamp on every page, the paper's own included
        assert squash(f"{group} · 9 February 2027") in text, (group, text)
    assert "\u25a0" not in "".join(pages)  # no black boxes


@settings(max_examples=8)
@given(person=names())
def test_names_read_back_from_the_brief_pdf(
    tmp_path_factory: pytest.TempPathFactory, person: str
) -> None:
    from pypdf import PdfReader

    from atr_desktop.documents import brief, word

    out = tmp_path_factory.mktemp("brief") / "brief.pdf"
    data = brief.BriefData(
        group_name=person,
        meeting_date=dt.date(2027, 2, 9),
        start=None,
        venue=person,
        decisions=[("1", person, person)],
    )
    brief.to_pdf(data, word.House(), out)
    text = squash("".join(page.extract_text() for page in PdfReader(out).pages))
    assert text.count(squash(person)) >= 3, (person, text)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_every_font_the_app_draws_with_is_embedded(tmp_path: Path) -> None:
    """pdffonts lists only embedded DejaVu subsets on the app's pages (the author's own
    unembedded Helvetica on the paper's page is theirs to fix)."""
    from atr_desktop.documents import brief, word
    from atr_desktop.documents.pack.assemble import build_pack

    paper = tmp_path / "paper.pdf"
    paper.write_bytes(pdf_bytes(1, edge_text=False))
    pack = tmp_path / "pack.pdf"
    built = build_pack(small_spec(paper, "Łukasz Nowak", "Група Σ"), pack)  # type: ignore[arg-type]
    data = brief.BriefData("Łukasz", dt.date(2027, 2, 9), None, "Wellington House")
    made = brief.to_pdf(data, word.House(), tmp_path / "brief.pdf")
    app_pages = [(pack, n) for n in range(1, built.page_count + 1) if n != built.entry_pages[0] + 1]
    app_pages += [(made, 1)]
    for path, page in app_pages:
        listing = subprocess.run(
            ["pdffonts", "-f", str(page), "-l", str(page), str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[2:]
        assert listing, (path.name, page)
        for line in listing:
            name, emb, sub = line.split()[0], line.split()[-5], line.split()[-4]
            assert "DejaVuSans" in name and emb == "yes" and sub == "yes", (path.name, page, line)
