"""Excel workbooks as secretariats use them: a marking banner, a bold frozen header with
filters, real dates, text that stays text, and a page set up to print.

Layout of every sheet: row 1 the marking banner (marking, title, any note such as "Part B
rows are left out"), row 2 the column headings, data from row 3.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atr_desktop.documents import marking
from atr_desktop.documents.atomic import atomic_path
from atr_desktop.documents.text import FORMULA_PREFIXES, xml_safe

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

UK_DATE = "dd/mm/yyyy"
UK_DATETIME = "dd/mm/yyyy hh:mm"
HEADER_ROW = 2
WIDE = 6  # more columns than this print landscape
MAX_WIDTH = 60  # characters; wider text wraps
LINE_HEIGHT = 15.0  # points, one line of 11 pt text


def new_workbook() -> Workbook:
    from openpyxl import Workbook

    return Workbook()


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    """One cell: dates as dates in the UK format, text as text even when it looks like a
    formula (quote-prefix style: Excel shows no apostrophe and never evaluates it)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = xml_safe(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    elif isinstance(value, dt.datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = UK_DATETIME
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = UK_DATE
    else:
        cell.value = value


def write_sheet(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fills: Sequence[Sequence[str | None]] | None = None,
    mark: str = "OFFICIAL",
    title: str = "",
) -> None:
    """Banner, bold frozen header, auto-filter, widths to fit, print set up; ``fills``
    colours cells (hex 'RRGGBB' or None per cell), for RAG ratings."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    marking.xlsx_mark(sheet, mark, title or sheet.title, len(headers))
    for c, header in enumerate(headers, start=1):
        _put(sheet, HEADER_ROW, c, header)
        sheet.cell(row=HEADER_ROW, column=c).font = Font(bold=True)
    top = Alignment(vertical="top")
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(row, start=1):
            _put(sheet, r, c, value)
            sheet.cell(row=r, column=c).alignment = top
        if fills:
            for c, colour in enumerate(fills[r - HEADER_ROW - 1], start=1):
                if colour:
                    sheet.cell(row=r, column=c).fill = PatternFill("solid", fgColor=colour)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    if headers:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(1, len(rows))}"
    for c, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [_shown_width(row[c - 1]) for row in rows[:500]])
        sheet.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(10, width + 2))
        if width + 2 > MAX_WIDTH:  # long text wraps in its column rather than being cut off
            for r, row in enumerate(rows, start=HEADER_ROW + 1):
                sheet.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
                # Row heights are not recalculated on opening by every program: set them.
                lines = -(-_shown_width(row[c - 1]) // (MAX_WIDTH - 4))
                current = sheet.row_dimensions[r].height or LINE_HEIGHT
                sheet.row_dimensions[r].height = max(current, LINE_HEIGHT * max(1, lines))
    print_setup(sheet, landscape=len(headers) > WIDE)


def _shown_width(value: Any) -> int:
    if isinstance(value, dt.date):
        return 16 if isinstance(value, dt.datetime) else 10
    return len(str(value or ""))


def print_setup(sheet: Worksheet, landscape: bool) -> None:
    """A4, one page wide (as many long as it takes), the heading rows on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{HEADER_ROW}"
    sheet.print_options.gridLines = True


def save(workbook: Workbook, out: Path, title: str = "", author: str = "") -> Path:
    """Save through a temporary file, so a failed save never leaves half a workbook."""
    props = workbook.properties
    props.title = xml_safe(title) or props.title
    props.creator = xml_safe(author) or "ATR Desktop"
    props.language = "en-GB"
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    with atomic_path(out) as tmp:
        workbook.save(str(tmp))
    return out
