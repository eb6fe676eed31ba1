"""Publishing a meeting for the website: the accessible public page set, read back.

Only ``test_publish_demo_meeting_with_libreoffice`` runs LibreOffice (one meeting, one
LibreOffice start for all its documents); the others use the adapter's probe reporting
no converter, fakes of Word's COM object, or the page builder alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from atr_desktop.adapters import office
from tests.office import needs_soffice
from tests.paper_files import docx, pdf
from tests.publish_checks import check_html, check_pdf, pikepdf_check

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

MEETING = "SG:2026-07-14"  # demo: approved minutes, two decisions, a Part B item


def _no_converter() -> office.Converter | None:
    """The adapter's own probe on a machine with neither Word nor LibreOffice."""
    return office.find_converter(which=lambda n: None, platform="linux", exists=lambda p: False)


def _attach(db: Any, tmp_path: Path) -> None:
    """Papers for items 5 (PDF), 6 (Word) and 7 (Part B), as authors send them."""
    from atr_desktop.services import papers

    papers.attach_file(db, MEETING, "5", pdf(tmp_path / "strategy.pdf", "Workforce strategy"))
    papers.attach_file(db, MEETING, "6", docx(tmp_path / "finance.docx", "Finance update"))
    papers.attach_file(db, MEETING, "7", pdf(tmp_path / "contract.pdf", "SECRET TENDER PRICES"))


def _page_text(index: Path) -> str:
    return index.read_text(encoding="utf-8")


@needs_soffice
def test_publish_demo_meeting_with_libreoffice(demo_db: Any, tmp_path: Path) -> None:
    from atr_desktop.documents.pdf_access import read_tagging
    from atr_desktop.services.publish import publish

    _attach(demo_db, tmp_path)
    out = tmp_path / "site"
    result = publish(demo_db, MEETING, out)
    assert result.converter == "LibreOffice"
    names = sorted(p.name for p in out.iterdir())
    for made in ("agenda", "minutes", "decision-log"):
        assert f"{made}.pdf" in names and f"{made}.docx" in names
    covers = [n for n in names if n.startswith("cover-sheet-") and n.endswith(".pdf")]
    assert len(covers) == 2  # items 5 and 6; the Part B paper has none
    # Every app-made PDF is tagged PDF/UA with a title and British English.
    checkers = set()
    for path in result.pdfs:
        verdict = check_pdf(path)
        checkers.add(verdict.checker)
        assert verdict.ok, f"{path.name} ({verdict.checker}): {verdict.failures}"
        fallback = pikepdf_check(path)  # what runs where page-validation is not installed
        assert fallback.ok, f"{path.name} ({fallback.checker}): {fallback.failures}"
        tagging = read_tagging(path)
        assert tagging.language == "en-GB" and tagging.title and tagging.display_title
    print("PDF checker:", ", ".join(sorted(checkers)))
    assert read_tagging(out / "agenda.pdf").title == (
        "ATR Strategy Group: agenda, Tuesday 14 July 2026"
    )
    html = check_html(result.index)
    assert html.ok, f"{html.checker}: {html.failures}"
    print("HTML checker:", html.checker)
    # Authors' papers as they came; the untagged one is reported.
    strategy = next(out.glob("paper-*.pdf"))
    assert strategy.read_bytes() == (tmp_path / "strategy.pdf").read_bytes()
    assert next(out.glob("paper-*.docx")).read_bytes() == (tmp_path / "finance.docx").read_bytes()
    assert any("strategy.pdf" in m and "not tagged" in m for m in result.messages)
    # Part B: listed by title and exemption reason only, never its papers or decisions.
    text = _page_text(result.index)
    assert "Contract award: trauma-informed practice training (exempt from publication: " in text
    assert "contract" not in " ".join(names)
    assert not any(b"SECRET TENDER" in p.read_bytes() for p in out.iterdir() if p.is_file())
    for shown in ("10:30", "Connor Walsh", "Discussion", "Trauma-informed workforce strategy"):
        assert shown in text
    assert "ASKED for a further report in six months" in text  # approved: decisions shown
    assert 'href="minutes.pdf"' in text and 'href="decision-log.pdf"' in text


def test_publish_without_word_or_libreoffice_still_writes_the_page(
    demo_db: Any, tmp_path: Path
) -> None:
    from atr_desktop.services.publish import NO_CONVERTER, publish

    assert _no_converter() is None
    out = tmp_path / "site"
    result = publish(demo_db, MEETING, out, converter=_no_converter())
    assert result.converter == "" and result.pdfs == []
    assert NO_CONVERTER in result.messages
    assert "need Microsoft Word or LibreOffice" in NO_CONVERTER
    assert {"index.html", "agenda.docx", "minutes.docx", "decision-log.docx"} <= {
        p.name for p in out.iterdir()
    }
    assert not list(out.glob("*.pdf"))
    verdict = check_html(result.index)
    assert verdict.ok, f"{verdict.checker}: {verdict.failures}"
    assert 'href="agenda.docx"' in _page_text(result.index)
    # The Word files carry a title and British English for whoever converts them later.
    from docx import Document

    props = Document(str(out / "minutes.docx")).core_properties
    assert props.title == "ATR Strategy Group: minutes of the meeting on Tuesday 14 July 2026"
    assert props.language == "en-GB"
    # Draft minutes (and their decisions) wait for approval.
    draft = publish(demo_db, "SG:2026-10-13", tmp_path / "draft", converter=_no_converter())
    assert "will be published here once the group has approved them" in _page_text(draft.index)
    assert not (tmp_path / "draft" / "minutes.docx").exists()
    assert check_html(draft.index).ok


@pytest.mark.sqlite_only  # documents read the same records on either engine; one sweep will do
def test_every_demo_meeting_publishes(
    demo_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held, planned, joint and Part B meetings alike (Word files only, no converter)."""
    from atr_desktop.services.meetings import list_meetings
    from atr_desktop.services.publish import publish

    for meeting in list_meetings(demo_db):
        result = publish(demo_db, meeting.id, tmp_path / str(meeting.id), converter=None)
        verdict = check_html(result.index)
        assert verdict.ok, f"{meeting.ref} ({verdict.checker}): {verdict.failures}"
        for line in _page_text(result.index).splitlines():
            if "Partner data sharing agreement" in line:  # Part B: title and reason only
                assert "(exempt from publication: personal information)" in line
                assert "href" not in line, line
    result = publish(demo_db, MEETING, tmp_path / "reason", converter=None)
    assert (
        "Contract award: trauma-informed practice training (exempt from publication: "
        in _page_text(result.index)
    )


def test_cli_publish_says_plainly_what_it_needs(
    demo_db: Any, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_db.close()
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # neither soffice nor libreoffice to be found
    out = tmp_path / "site"
    code, stdout, stderr = cli("publish", MEETING, "--out", str(out))
    assert code == 0, stderr
    assert f"Published {out / 'index.html'}" in stdout
    assert "need Microsoft Word or LibreOffice" in stderr
    code, _, stderr = cli("publish", MEETING, "--out", str(out))
    assert code == 1 and "already holds a published page" in stderr
    (out / "paper-Z-withdrawn.pdf").write_bytes(b"%PDF-1.4")  # from an earlier publication
    (out / "notes.txt").write_text("the web team's own file")
    code, stdout, stderr = cli("publish", MEETING, "--out", str(out), "--yes", "--json")
    assert code == 0 and '"kind": "page"' in stdout
    assert not (out / "paper-Z-withdrawn.pdf").exists() and (out / "notes.txt").exists()
    code, _, stderr = cli("publish", "SG:2099-01-01", "--out", str(tmp_path / "x"))
    assert code == 1 and "Traceback" not in stderr and "no meeting on 2099-01-01" in stderr


def test_public_page_escapes_everything_and_keeps_its_structure(tmp_path: Path) -> None:
    from atr_desktop.documents import public_page as pp

    hostile = '<script>alert("x")</script> & <b onclick=1>'
    (tmp_path / "a b.pdf").write_bytes(b"%PDF-1.4")
    page = pp.PublicPage(
        organisation=hostile,
        group_name="Group " + hostile,
        day="Tuesday 9 February 2027",
        when="Tuesday 9 February 2027, 10:00",
        where=hostile,
        items=[
            pp.PublicItem("1", "10:00", hostile, hostile, "Decision",
                          [pp.Link("a b.pdf", "Paper A: " + hostile)]),
            pp.PublicItem("2", "10:30", "Land sale", "Chair", "Decision", confidential=True,
                          exempt_reason="commercial"),
            pp.PublicItem("3", "10:45", "Named case", "Chair", "Decision", confidential=True),
        ],
        documents=[("Agenda", [pp.Link("a b.pdf", "Agenda (PDF, 1 KB)")])],
        minutes_note="Approved.",
        decisions=[pp.PublicDecision("1", hostile, hostile)],
    )  # fmt: skip
    index = pp.save(page, tmp_path / "index.html")
    text = index.read_text(encoding="utf-8")
    assert "<script" not in text and "onclick" not in text.replace("onclick=1&gt;", "")
    assert "&lt;script&gt;" in text and 'href="a%20b.pdf"' in text
    assert "Land sale (exempt from publication: commercial)" in text
    assert "Named case" not in text and "Confidential item" in text
    verdict = check_html(index)
    assert verdict.ok, f"{verdict.checker}: {verdict.failures}"


def test_html_checker_catches_what_it_should(tmp_path: Path) -> None:
    """The checker itself can fail: a script, a skipped heading, an outside link."""
    bad = tmp_path / "index.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><h1>a</h1><h3>b</h3>"
        "<table><tr><th>x</th></tr></table><script>1</script>"
        '<a href="https://example.org/">out</a><a href="missing.pdf">m</a></body></html>'
    )
    failures = " | ".join(check_html(bad).failures)
    for expected in ("lang", "skips a level", "no scope", "<script>", "leaves the folder",
                     "missing file"):  # fmt: skip
        assert expected in failures


def test_word_branch_uses_words_accessible_export(tmp_path: Path) -> None:
    """Word's own tagged export, driven through the adapter's injectable COM probe (the
    real Word is not available here, so this is not a claim that Word's output passes)."""
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    class Doc:
        def ExportAsFixedFormat(self, *args: Any, **kw: Any) -> None:
            calls.append((args, kw))
            Path(args[0]).write_bytes(b"%PDF-1.7")

        def Close(self, save: bool) -> None:
            pass

    class Word:
        Visible = True
        DisplayAlerts = 1

        class Documents:
            @staticmethod
            def Open(path: str, **kw: Any) -> Doc:
                return Doc()

        def Quit(self) -> None:
            calls.append((("quit",), {}))

    source = docx(tmp_path / "agenda.docx")
    problems = office.convert_all(office.Converter("msoffice"), [source], tmp_path / "out",
                                  accessible=True, com_factory=lambda prog: Word())  # fmt: skip
    assert problems == {source: ""}
    (args, kw), quit_call = calls
    assert args[1] == 17 and kw["DocStructureTags"] is True and kw["IncludeDocProps"] is True
    assert quit_call[0] == ("quit",)
    assert (tmp_path / "out" / "agenda.pdf").exists()


def test_libreoffice_branch_asks_for_tagged_pdf_ua_in_one_start(tmp_path: Path) -> None:
    runs: list[list[str]] = []

    def run(args: list[str], **kw: Any) -> None:
        runs.append(args)
        outdir = Path(args[args.index("--outdir") + 1])
        outdir.mkdir(parents=True, exist_ok=True)
        for source in args[args.index("--outdir") + 2 :]:
            (outdir / (Path(source).stem + ".pdf")).write_bytes(b"%PDF-1.7")

    sources = [docx(tmp_path / "a.docx"), docx(tmp_path / "b.docx")]
    problems = office.convert_all(office.Converter("soffice", "soffice"), sources,
                                  tmp_path / "out", accessible=True, run=run)  # fmt: skip
    assert problems == dict.fromkeys(sources, "") and len(runs) == 1
    target = runs[0][runs[0].index("--convert-to") + 1]
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in target
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in target
    with pytest.raises(office.ConversionError, match="only Word"):
        office.convert(office.Converter("soffice", "soffice"), tmp_path / "x.xlsx",
                       tmp_path / "x.pdf", accessible=True, run=run)  # fmt: skip


def _tagged_pdf(path: Path) -> Path:
    import pikepdf

    pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(path.with_name("plain-" + path.name)) as doc:
        doc.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        doc.Root.StructTreeRoot = doc.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
        )
        doc.Root.Lang = pikepdf.String("en-GB")
        doc.docinfo.Title = "Tagged paper"
        doc.save(path)
    return path


def test_pack_check_reports_each_pdf_papers_accessibility(demo_db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack, papers

    papers.attach_file(demo_db, MEETING, "5", _tagged_pdf(tmp_path / "tagged.pdf"))
    papers.attach_file(demo_db, MEETING, "6", pdf(tmp_path / "untagged.pdf"))
    result = pack.check(demo_db, MEETING, converter=None)
    seen = {n.filename: n.message for n in result.accessibility}
    assert seen["tagged.pdf"] == "is tagged for accessibility"
    assert seen["untagged.pdf"].startswith("is not tagged for accessibility")
    assert "ask the author for an accessible version" in seen["untagged.pdf"]


@pytest.mark.sqlite_only  # drives the window on the file; window journeys stay on SQLite
def test_publish_button_on_the_meeting_page(qtbot: Any, demo_db: Any, db_path: Path,
                                            tmp_path: Path) -> None:  # fmt: skip
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from atr_desktop.paths import app_paths
    from atr_desktop.ui.main_window import MainWindow

    demo_db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    assert win.open_store(db_path)
    try:
        win.go_to("Meetings")
        page = win.pages["Meetings"]
        page.when_filter.setCurrentIndex(page.when_filter.findData("all"))
        assert page.view.select_where(lambda m: m.ref == MEETING)
        assert page.publish_button.isEnabled()
        page.publish_converter = _no_converter()
        out = tmp_path / "site"
        page.choose_folder = lambda title: str(out)
        seen: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):  # the busy dialog first: look again later
                QTimer.singleShot(20, answer)
                return
            seen.append(box.text())
            box.accept()

        QTimer.singleShot(0, answer)
        page.publish_button.click()
        assert seen and f"Published {out / 'index.html'}" in seen[0]
        assert "need Microsoft Word or LibreOffice" in seen[0]
        assert check_html(out / "index.html").ok
    finally:
        win.close_store()


def test_a_sub_item_of_a_part_b_item_stays_private(db: Any, tmp_path: Path) -> None:
    """Its own flag says Part A, but it sits beneath a confidential item: neither the Word
    agenda nor the public page shows its title."""
    from docx import Document

    from atr_desktop.services.meeting_outputs import export_agenda
    from atr_desktop.services.publish import publish
    from tests.pack_fixtures import add_item, make_meeting

    meeting = make_meeting(db)
    parent = add_item(db, meeting, "Estates disposal", confidential=True)
    add_item(db, meeting, "Valuation of the Kirkgate site", parent_id=parent)
    add_item(db, meeting, "Annual report")
    agenda = export_agenda(db, "SG:2027-02-09", tmp_path / "agenda.docx")
    cells = " ".join(c.text for t in Document(str(agenda)).tables for r in t.rows for c in r.cells)
    assert "Annual report" in cells and "Kirkgate" not in cells and "Estates" not in cells
    result = publish(db, "SG:2027-02-09", tmp_path / "site", converter=None)
    text = _page_text(result.index)
    assert "Annual report" in text and "Kirkgate" not in text and "Estates" not in text
    assert text.count("Confidential item (taken in private)") == 2
