"""The shared document helpers: safe text, Word house style, Excel, email drafts."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from atr_desktop.documents import eml, word, xlsx
from atr_desktop.documents.text import spreadsheet_safe, xml_safe
from atr_desktop.domain.agenda import ItemPosition, item_numbers


def test_xml_safe_replaces_what_xml_cannot_hold() -> None:
    assert xml_safe("a\x00b\x1bc\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert xml_safe("Siân, Zoë, مرحبا, 🙂") == "Siân, Zoë, مرحبا, 🙂"


def test_spreadsheet_cells_never_become_formulas() -> None:
    assert spreadsheet_safe('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert spreadsheet_safe("-1+2") == "'-1+2"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe(42) == 42
    assert spreadsheet_safe("Haddad, MBE") == "Haddad, MBE"


def test_word_document_has_marking_table_and_bullets(tmp_path: Path) -> None:
    from docx import Document

    doc = word.new_document(word.House(marking="OFFICIAL-SENSITIVE"), draft=True)
    doc.add_heading("Agenda", level=1)
    word.add_table(doc, ["Item", "Title"], [["1", "Welcome \x07"], ["2", "AOB"]])
    word.add_paragraphs(doc, "First paragraph\n- a bullet\n\nSecond")
    out = word.save(doc, tmp_path / "x.docx")
    back = Document(str(out))
    assert back.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE   DRAFT"
    assert back.tables[0].rows[1].cells[1].text == "Welcome \ufffd"
    styles = [p.style.name for p in back.paragraphs]
    assert "List Bullet" in styles and "Heading 1" in styles
    assert round(back.sections[0].page_width.cm, 1) == 21.0


def test_excel_sheet_frozen_filtered_and_coloured(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = xlsx.new_workbook()
    xlsx.write_sheet(book.active, ["Ref", "Action"], [["SG-1", "=cmd"]], [[None, "FF0000"]])
    out = xlsx.save(book, tmp_path / "a.xlsx")
    sheet = load_workbook(out).active
    # Row 1 is the marking banner, row 2 the headings, data from row 3.
    assert sheet["A1"].value.startswith("OFFICIAL") and sheet["A2"].value == "Ref"
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:B3"
    # Text that looks like a formula is text, shown without an apostrophe.
    assert sheet["B3"].value == "=cmd" and sheet["B3"].data_type == "s"
    assert sheet["B3"].quotePrefix
    assert sheet["B3"].fill.fgColor.rgb.endswith("FF0000")


def test_eml_draft_opens_as_unsent_with_attachment(tmp_path: Path) -> None:
    paper = tmp_path / "pack.pdf"
    paper.write_bytes(b"%PDF-1.4\n")
    out = eml.save(
        eml.draft([("Siân Evans", "sian.evans@nhs.net")], "Pack", "Dear all", [paper]),
        tmp_path / "m.eml",
    )
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert "sian.evans@nhs.net" in message["To"]
    assert [p.get_filename() for p in message.iter_attachments()] == ["pack.pdf"]


def test_item_numbers() -> None:
    items = [
        ItemPosition(10, None, 0),
        ItemPosition(11, None, 1),
        ItemPosition(12, 11, 0),
        ItemPosition(13, 11, 1),
        ItemPosition(14, None, 2),
    ]
    assert item_numbers(items) == {10: "1", 11: "2", 12: "2.1", 13: "2.2", 14: "3"}
