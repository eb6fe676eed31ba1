"""Word versions of the pack's cover sheets and its contents list (python-docx)."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.documents import word
from atr_desktop.documents.pack.pages import COVER_ROWS
from atr_desktop.documents.pack.spec import CoverSheet
from atr_desktop.documents.text import xml_safe


def cover_sheet_docx(house: word.House, sheet: CoverSheet, group: str, day: str, out: Path) -> Path:
    doc = word.new_document(house, subject=f"{group}: {day}")
    doc.add_paragraph(xml_safe(f"{group}: {day}"))
    doc.add_heading(xml_safe(sheet.title), level=1)
    rows = []
    for label, attr in COVER_ROWS:
        value = getattr(sheet, attr)
        if attr == "item":
            value = f"{sheet.item}. {sheet.item_title}"
        if attr == "purpose":
            value = value.capitalize()
        rows.append((label, value))
    word.add_table(doc, ("Cover sheet", ""), rows, widths_cm=(4.5, 12.5))
    return word.save(doc, out)


def contents_docx(
    house: word.House,
    group: str,
    day: str,
    rows: list[tuple[str, str, str, str]],
    out: Path,
) -> Path:
    """The pack's contents: (item, title, paper, pack page)."""
    doc = word.new_document(house, subject=f"{group}: {day}")
    doc.add_heading(xml_safe(f"{group}: meeting pack contents"), level=1)
    doc.add_paragraph(xml_safe(day))
    word.add_table(doc, ("Item", "Agenda item", "Paper", "Pack page"), rows, (1.5, 6, 7, 2.5))
    return word.save(doc, out)
