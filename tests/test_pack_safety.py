"""The pack passes on nothing it should not: active content stripped from authors' PDFs
(and the check says so per paper), and a paper changed on disk after it was attached is
flagged by the check and refused by build and issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.pack_fixtures import add_item, add_paper, hostile_pdf, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

UNSAFE = (
    "/JavaScript",
    "/JS",
    "/Launch",
    "/SubmitForm",
    "/EmbeddedFile",
    "/FileAttachment",
    "calc.exe",
)


def every_object_text(path: Path) -> str:
    """Every object in the file, written out, so nothing can hide in an unvisited corner."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        return "\n".join(repr(obj) for obj in pdf.objects)


def hostile_meeting(db: Any) -> tuple[int, int]:
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Finance report")
    paper = add_paper(db, item, "Budget with macros", hostile_pdf(), "budget.pdf")
    add_paper(db, item, "Plain appendix", pdf_bytes(1), "appendix.pdf")
    return meeting, paper


def test_check_names_the_active_content_it_will_remove(db: Any, cli: Any) -> None:
    hostile_meeting(db)
    code, out, err = cli("pack", "check", "SG:2027-02-09")
    assert code == 0, err
    notes = [line for line in out.splitlines() if line.startswith("Note:")]
    assert len(notes) == 1, out  # the plain appendix has nothing to report
    note = notes[0]
    assert "Item 5, budget.pdf ('Budget with macros'): active content removed" in note
    for phrase in (
        "JavaScript in 4 places",  # on opening, on closing, on the page, in its names
        "an action that starts a program",
        "an action that sends form data",
        "a link to a file or script rather than a web page",
        "2 embedded files",  # one in the document's names, one as an attachment note
    ):
        assert phrase in note, (phrase, note)


def test_the_pack_holds_no_active_content_but_keeps_safe_links(db: Any, tmp_path: Path) -> None:
    import pikepdf

    from atr_desktop.services import pack

    hostile_meeting(db)
    assert "/Launch" in every_object_text(write_hostile(tmp_path))  # the test can fail
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out)
    text = every_object_text(out)
    for word in UNSAFE:
        assert word not in text, word
    with pikepdf.open(out) as pdf:
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        assert len(pdf.attachments) == 0
        page = pdf.pages[result.entry_pages[0]]  # the paper's first page
        assert "/AA" not in page.obj
        links = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        uris = [str(a.A.URI) for a in links if "/A" in a]
        assert uris == ["https://nhs.uk/"]
        assert any("/Dest" in a for a in links)  # the link to its own second page stays
        widgets = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Widget"]
        assert widgets and all("/A" not in w for w in widgets)  # the button stays, inert
    assert any("active content removed" in str(n) for n in result.notes)


def write_hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(hostile_pdf())
    return path


def tamper(db: Any, paper_id: int) -> Path:
    """Change a paper's stored file behind the app's back, as a sync tool or a user might."""
    from atr_desktop.storage.models import PaperFile

    with db.session() as s:
        sha = s.query(PaperFile).filter_by(paper_id=paper_id).one().sha256
    path = db.blobs.path_for(sha)
    path.chmod(0o644)
    path.write_bytes(pdf_bytes(1, label="Someone else's figures"))
    return path


def test_a_paper_changed_after_it_was_attached_is_flagged_and_refused(
    db: Any, cli: Any, tmp_path: Path
) -> None:
    _meeting, paper = hostile_meeting(db)
    tamper(db, paper)
    code, _out, err = cli("pack", "check", "SG:2027-02-09")
    assert code == 1
    assert "Item 5, budget.pdf ('Budget with macros'): has changed since it was attached" in err
    for verb in (("build", "--out", str(tmp_path / "p.pdf")), ("issue",)):
        code, _out, err = cli("pack", *verb, "SG:2027-02-09", "--placeholders")
        assert code != 0, verb
        assert "has changed since it was attached" in err and "budget.pdf" in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "p.pdf").exists()
    code, out, _err = cli("pack", "list", "SG:2027-02-09")
    assert "main" not in out  # nothing was issued


def test_a_paper_changed_between_check_and_build_is_refused(db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack

    _meeting, paper = hostile_meeting(db)
    checked = pack.check_plan(pack.plan(db, "SG:2027-02-09"))
    assert checked.ok, checked.problems
    tamper(db, paper)
    with pytest.raises(pack.PapersChanged, match=r"budget\.pdf"):
        pack.build_plan(checked, tmp_path / "pack.pdf", placeholders=True)
    assert not (tmp_path / "pack.pdf").exists()
