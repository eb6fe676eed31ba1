"""Drawing the protective marking: the one place Word, Excel and PDF writers put it.

What the marking *is* comes from ``domain.marking``; this module only draws a label it is
given, at the top and bottom of every page, so no writer has its own idea of where it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from atr_desktop.documents.text import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from openpyxl.worksheet.worksheet import Worksheet

BANNER_FILL = "1F3864"  # dark blue, white text: legible printed in black and white too
SENSITIVE_FILL = "8B0000"


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs, which
    Word and LibreOffice both update when the page count changes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> Any:
        run = paragraph.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        return run

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = xml_safe(f" {instruction} ")
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


def word_header_footer(doc: DocxDocument, label: str, draft: bool = False) -> None:
    """Marking (and DRAFT) at the top right of every page; marking and 'Page N of M' at the
    foot, so a printed page still shows both if its header is cropped or photocopied."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    label = xml_safe(label)
    for section in doc.sections:
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header = section.header.paragraphs[0]
        header.text = ""
        header.add_run(xml_safe(label + ("   DRAFT" if draft else ""))).bold = True
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        # Centred, so it stays right whether the page is later turned landscape or not.
        footer = section.footer.paragraphs[0]
        footer.text = ""
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(xml_safe(label)).bold = True
        footer.add_run("   ·   Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")


def xlsx_mark(sheet: Worksheet, label: str, title: str, columns: int) -> int:
    """A banner row (marking and title) above the table, and the marking in the printed
    page header and footer; returns the number of rows the banner takes."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    label = xml_safe(label)
    sensitive = label.upper().startswith("OFFICIAL-SENSITIVE")
    text = f"{label} · {xml_safe(title)}" if title else label
    sheet.cell(row=1, column=1, value=text)
    cell = sheet.cell(row=1, column=1)
    cell.data_type = "s"
    cell.font = Font(bold=True, color="FFFFFF")
    cell.fill = PatternFill("solid", fgColor=SENSITIVE_FILL if sensitive else BANNER_FILL)
    cell.alignment = Alignment(vertical="center")
    if columns > 1:
        sheet.merge_cells(f"A1:{get_column_letter(columns)}1")
    sheet.row_dimensions[1].height = 20
    escaped = label.replace("&", "&&")
    sheet.oddHeader.right.text = xml_safe(escaped)
    sheet.oddHeader.right.font = "Arial,Bold"
    sheet.oddFooter.left.text = xml_safe(escaped)
    sheet.oddFooter.right.text = "Page &P of &N"
    return 1


def pdf_page_marks(label: str) -> Callable[[Any, Any], None]:
    """A reportlab ``onPage`` callback: the marking at the top right and, with the page
    number, at the foot of every page an app-drawn PDF has."""
    from reportlab.lib import colors
    from reportlab.lib.units import cm

    from atr_desktop.documents.pdf_text import fonts

    text = xml_safe(label)

    def draw(canv: Any, doc: Any) -> None:
        width, height = doc.pagesize
        canv.saveState()
        canv.setFont(fonts()[1], 9)
        canv.setFillColor(colors.HexColor("#231F20"))
        canv.drawRightString(width - 2 * cm, height - 1.1 * cm, text)
        canv.setFont(fonts()[0], 8)
        canv.drawCentredString(width / 2, 1.0 * cm, f"{text} · Page {canv.getPageNumber()}")
        canv.restoreState()

    return draw
