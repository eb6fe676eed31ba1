"""Minutes as Word, in the shape NHS secretariats use (OUTPUTS.md): a header block, then
each item with its discussion, decisions in bold and an actions table. 'DRAFT' is in the
page header of every page while the minutes are a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from atr_desktop.documents import word
from atr_desktop.documents.logs import apply_widths
from atr_desktop.documents.text import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


@dataclass(frozen=True)
class ItemDoc:
    number: str
    title: str
    discussion: str
    decisions: Sequence[str] = ()
    actions: Sequence[Sequence[str]] = ()  # ref, action, owner, due
    note: str = ""  # 'Added on the day', 'Deferred to a future meeting'


@dataclass(frozen=True)
class MinutesDoc:
    group_name: str
    held: str  # 'Tuesday 9 February 2027, 10:00 to 12:30, Wellington House'
    draft: bool
    present: Sequence[str]
    in_attendance: Sequence[str]
    apologies: Sequence[str]
    quorum: Sequence[str]
    declarations: Sequence[str]
    items: Sequence[ItemDoc]
    approval: str = ""
    amendments: Sequence[str] = field(default=())
    confidential: bool = False
    chair: str = ""  # for the signature block


def _labelled(doc: object, label: str, lines: Sequence[str]) -> None:
    """A two-column row: the label in bold, one line per person (group names in bold)."""
    table = word.add_table(doc, ["", ""], [[label, ""]])  # type: ignore[arg-type]
    table._tbl.remove(table.rows[0]._tr)
    apply_widths(table, (3.5, 13.5))
    label_cell, body = table.rows[0].cells
    for run in label_cell.paragraphs[0].runs:
        run.bold = True
    paragraph = body.paragraphs[0]
    for n, line in enumerate(lines or ["None"]):
        if n:
            paragraph = body.add_paragraph()
        paragraph.add_run(xml_safe(line)).bold = line.endswith(":")


def _signature(doc: DocxDocument, chair: str) -> None:
    """Where the chair signs the minutes once approved: signature, name, date."""
    from docx.shared import Cm

    doc.add_paragraph()
    table = word.add_table(
        doc,
        ["", ""],
        [
            ["Signed (Chair)", ""],
            ["Name", xml_safe(chair)],
            ["Date", ""],
        ],
    )
    table._tbl.remove(table.rows[0]._tr)
    apply_widths(table, (4.0, 9.0))
    for row in table.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
    table.rows[0].height = Cm(1.5)
    table.rows[2].height = Cm(0.8)


def build(house: word.House, data: MinutesDoc, out: Path, exempt_line: str = "") -> Path:
    doc = word.new_document(house, draft=data.draft, subject=f"{data.group_name}, {data.held}")
    if data.confidential:
        p = doc.add_paragraph()
        p.add_run("Part B (confidential): not for publication.").bold = True
        if exempt_line:
            doc.add_paragraph(xml_safe(exempt_line) + ".")
    doc.add_heading(xml_safe(data.group_name), level=0)
    kind = "Confidential minutes (Part B)" if data.confidential else "Minutes"
    # A level-1 heading, so the items' level-2 headings nest (PDF/UA, screen readers).
    doc.add_heading(xml_safe(f"{kind} of the meeting held on {data.held}"), level=1)
    if data.draft:
        doc.add_paragraph().add_run("DRAFT: not yet approved by the group.").italic = True
    elif data.approval:
        doc.add_paragraph().add_run(xml_safe(data.approval)).italic = True
    for label, lines in (
        ("Present", data.present),
        ("In attendance", data.in_attendance),
        ("Apologies", data.apologies),
        ("Quorum", data.quorum),
    ):
        _labelled(doc, label, [xml_safe(x) for x in lines])
    if data.declarations:
        _labelled(doc, "Declarations", [xml_safe(x) for x in data.declarations])
    for item in data.items:
        doc.add_heading(xml_safe(f"{item.number}  {item.title}"), level=2)
        if item.note:
            doc.add_paragraph().add_run(xml_safe(item.note)).italic = True
        if item.discussion.strip():
            word.add_paragraphs(doc, item.discussion)
        for decision in item.decisions:
            doc.add_paragraph().add_run(xml_safe(decision)).bold = True
        if item.actions:
            doc.add_paragraph().add_run("Actions").bold = True
            table = word.add_table(doc, ["Ref", "Action", "Owner", "Due"], item.actions)
            apply_widths(table, (3.0, 8.0, 3.5, 2.5))
    if data.amendments:
        doc.add_heading("Amendments after approval", level=2)
        for text in data.amendments:
            doc.add_paragraph(xml_safe(text), style="List Bullet")
    _signature(doc, data.chair)
    return word.save(doc, out, title=f"{data.group_name}: {kind}")
