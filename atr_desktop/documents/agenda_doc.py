"""The agenda as a Word document (OUTPUTS.md): header, a table of items, next meeting.

Built from plain data; ``word.new_document`` honours the user's template.docx, so the
secretariat restyles agendas in Word. Part B (confidential) items are left off this agenda.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.documents import word
from atr_desktop.documents.text import xml_safe


@dataclass(frozen=True)
class AgendaLine:
    number: str
    time: str
    title: str
    lead: str
    purpose: str
    paper: str
    level: int = 0


@dataclass(frozen=True)
class AgendaDoc:
    group_name: str
    when: str  # 'Tuesday 9 February 2027, 10:00 to 12:30'
    where: str
    lines: Sequence[AgendaLine]
    next_meeting: str  # 'Tuesday 11 May 2027, 10:00' or ''
    has_part_b: bool
    cancelled: str = ""  # a note when the meeting is cancelled
    part_b: bool = False  # the separate agenda of confidential items


def build(house: word.House, data: AgendaDoc, out: Path, exempt_line: str = "") -> Path:
    from docx.shared import Cm

    kind = "Agenda: Part B (confidential)" if data.part_b else "Agenda"
    doc = word.new_document(house, subject=f"{data.group_name}, {data.when}")
    doc.add_paragraph(xml_safe(data.group_name), style="Title")
    doc.add_paragraph(xml_safe(data.when))
    if data.where:
        doc.add_paragraph(xml_safe(data.where))
    if data.cancelled:
        doc.add_paragraph(xml_safe(data.cancelled)).runs[0].bold = True
    doc.add_heading(xml_safe(kind), level=1)
    if data.part_b:
        doc.add_paragraph(
            "These items are taken in private. Do not share this agenda or its papers."
        )
        if exempt_line:
            doc.add_paragraph(xml_safe(exempt_line) + ".")
    rows = [
        (
            line.number,
            line.time,
            ("    " * line.level) + line.title,
            line.lead,
            line.purpose,
            line.paper,
        )
        for line in data.lines
    ]
    table = word.add_table(
        doc,
        ("Item", "Time", "Title", "Lead", "Purpose", "Paper"),
        rows,
        widths_cm=(1.2, 1.6, 7.0, 3.0, 2.4, 1.8),
    )
    for row, line in zip(table.rows[1:], data.lines, strict=True):
        if line.level:
            row.cells[2].paragraphs[0].paragraph_format.left_indent = Cm(0.5 * line.level)
            row.cells[2].paragraphs[0].runs[0].text = xml_safe(line.title)
        else:
            for run in row.cells[2].paragraphs[0].runs:
                run.bold = True
    doc.add_paragraph()
    if data.next_meeting and not data.part_b:
        doc.add_paragraph(xml_safe(f"Date of next meeting: {data.next_meeting}"))
    if data.has_part_b:
        doc.add_paragraph("Part B (confidential) items follow on a separate agenda.")
    return word.save(doc, out, title=f"{data.group_name}: {kind}")
