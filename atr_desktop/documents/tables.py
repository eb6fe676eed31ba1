"""One table as a file: CSV (Excel-friendly), an Excel workbook, or a Word document.

Every cell goes through the formula-injection guard, so text starting = + - @ stays text.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from atr_desktop.documents.text import spreadsheet_safe, xml_safe
from atr_desktop.documents.word import House


def write_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]], out: Path) -> Path:
    """UTF-8 with a BOM and CRLF line ends, as Excel on Windows reads accents correctly."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".csv.part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else spreadsheet_safe(v) for v in row])
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def table_xlsx(
    sheet_title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    out: Path,
    house: House | None = None,
    title: str = "",
) -> Path:
    """One sheet under a banner with the house's marking and ``title``."""
    from atr_desktop.documents import xlsx

    house = house or House()
    book = xlsx.new_workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    xlsx.write_sheet(sheet, headers, rows, mark=house.marking, title=title or sheet_title)
    return xlsx.save(book, out, title or sheet_title, house.organisation)


def table_docx(
    house: House,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    out: Path,
    intro: str = "",
    widths_cm: Sequence[float] | None = None,
) -> Path:
    """A landscape Word document: heading, optional intro paragraph, the table."""
    from docx.enum.section import WD_ORIENT

    from atr_desktop.documents import word

    doc = word.new_document(house, subject=title)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(xml_safe(title), level=1)
    if intro:
        word.add_paragraphs(doc, intro)
    table = word.add_table(doc, headers, rows, widths_cm)
    if widths_cm:  # LibreOffice lays out by the grid columns, Word by the cells
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=False):
            column.width = Cm(width)
    return word.save(doc, out)
