"""Excel workbooks as secretariats use them: bold frozen header, filters, safe cells."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atr_desktop.documents.atomic import atomic_path
from atr_desktop.documents.text import spreadsheet_safe, xml_safe

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def new_workbook() -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    return workbook


def write_sheet(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fills: Sequence[Sequence[str | None]] | None = None,
) -> None:
    """Header row bold and frozen, auto-filter on, widths to fit; ``fills`` colours cells
    (hex 'RRGGBB' or None per cell), for RAG ratings."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([xml_safe(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        sheet.append([spreadsheet_safe(v) for v in row])
        if fills:
            for c, colour in enumerate(fills[r - 2], start=1):
                if colour:
                    sheet.cell(row=r, column=c).fill = PatternFill("solid", fgColor=colour)
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    for c, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(row[c - 1] or "")) for row in rows[:500]])
        sheet.column_dimensions[get_column_letter(c)].width = min(60, max(10, width + 2))


def save(workbook: Workbook, out: Path) -> Path:
    """Save through a temporary file, so a failed save never leaves half a workbook."""
    with atomic_path(out) as tmp:
        workbook.save(str(tmp))
    return out
