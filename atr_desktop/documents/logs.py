"""Logs and registers as tables: the action log, decision log and attendance matrix.

Built from plain rows (strings, numbers, dates); ``fills`` colours cells (hex 'RRGGBB'
or None per cell) so a RAG rating shows as a colour with its word.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from atr_desktop.documents import word, xlsx
from atr_desktop.documents.text import xml_safe

Fills = Sequence[Sequence[str | None]] | None
Section = tuple[str, Sequence[str], Sequence[Sequence[Any]], Fills]


def table_xlsx(
    out: Path, sheets: Sequence[Section], house: word.House | None = None, banner: str = ""
) -> Path:
    """One sheet per section: marking banner (with ``banner``, e.g. what is left out),
    bold frozen header, filters on, coloured cells, printed landscape one page wide."""
    house = house or word.House()
    workbook = xlsx.new_workbook()
    first = True
    for name, headers, rows, fills in sheets:
        sheet = workbook.active if first else workbook.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = _sheet_title(name)
        xlsx.write_sheet(
            sheet, headers, rows, fills, house.marking, " · ".join(filter(None, [name, banner]))
        )
        xlsx.print_setup(sheet, landscape=True)
    return xlsx.save(workbook, out, sheets[0][0] if sheets else "", house.organisation)


def _sheet_title(name: str) -> str:
    clean = "".join(c for c in name if c not in "[]:*?/\\")
    return (clean or "Sheet")[:31]


def shade(cell: Any, colour: str) -> None:
    """Fill a Word table cell with a colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def apply_widths(table: Any, widths_cm: Sequence[float]) -> None:
    """Fixed column widths that Word and LibreOffice both honour (grid and every cell)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def set_landscape(doc: Any) -> None:
    from docx.enum.section import WD_ORIENT

    for section in doc.sections:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)


def table_docx(
    house: word.House,
    out: Path,
    title: str,
    sections: Sequence[Section],
    landscape: bool = False,
    subtitle: str = "",
    widths_cm: Sequence[float] | None = None,
) -> Path:
    """A Word document: title, then per section a heading and a table."""
    from docx.shared import Pt

    doc = word.new_document(house)
    if landscape:
        set_landscape(doc)
    doc.add_heading(xml_safe(title), level=1)
    if subtitle:
        doc.add_paragraph(xml_safe(subtitle))
    for heading, headers, rows, fills in sections:
        if heading:
            doc.add_heading(xml_safe(heading), level=2)
        if not rows:
            doc.add_paragraph("None.")
            continue
        table = word.add_table(doc, headers, rows)
        if widths_cm:
            apply_widths(table, widths_cm)
        for r, row in enumerate(table.rows[1:]):
            for c, cell in enumerate(row.cells):
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
                if fills and fills[r][c]:
                    shade(cell, str(fills[r][c]))
    return word.save(doc, out)
