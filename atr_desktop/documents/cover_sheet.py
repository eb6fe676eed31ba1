"""The paper cover sheet (OUTPUTS.md) with the NHS fields: blank for authors, or filled.

The blank template goes to authors; the pack builder fills one per paper from the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from atr_desktop.documents import word
from atr_desktop.documents.text import xml_safe

PURPOSES = ("Decision", "Discussion", "Assurance", "Information", "Approval")


@dataclass(frozen=True)
class CoverData:
    meeting: str = ""
    date: str = ""
    item: str = ""
    reference: str = ""
    title: str = ""
    author: str = ""
    sponsor: str = ""
    purpose: str = ""
    summary: str = ""
    recommendation: str = ""
    risks: str = ""
    equality_impact: str = ""
    previously_considered: str = ""
    appendices: str = ""


RECOMMEND_HINT = "The Group is asked to APPROVE / NOTE / DISCUSS ..."


def build(house: word.House, data: CoverData, out: Path, required: tuple[str, ...] = ()) -> Path:
    """A one-page cover sheet; a blank one marks the fields the secretariat requires (*)."""
    doc = word.new_document(house)
    doc.add_paragraph("Paper cover sheet", style="Title")

    def label(text: str, key: str) -> str:
        return text + (" *" if key in required else "")

    word.add_table(
        doc,
        ("Meeting", "Date", "Agenda item", "Paper reference"),
        [(data.meeting, data.date, data.item, data.reference)],
        widths_cm=(6.0, 4.0, 3.5, 3.5),
    )
    doc.add_paragraph()
    chosen = data.purpose.strip().lower()
    ticks = "   ".join(("[x] " if p.lower() == chosen else "[ ] ") + p for p in PURPOSES)
    rows = [
        (label("Title", "title"), data.title),
        (label("Author (name, role)", "author"), data.author),
        (label("Sponsor or lead", "sponsor"), data.sponsor),
        (label("Purpose", "purpose"), ticks),
        (label("Executive summary", "summary"), data.summary),
        (label("Recommendation", "recommendation"), data.recommendation or RECOMMEND_HINT),
        (label("Risks", "risks"), data.risks),
        (
            label("Equality, diversity and inclusion impact", "equality_impact"),
            data.equality_impact,
        ),
        (
            label("Previously considered by", "previously_considered"),
            data.previously_considered,
        ),
        ("Appendices", data.appendices),
    ]
    table = word.add_table(doc, ("Field", "Detail"), rows, widths_cm=(5.0, 12.0))
    for row in table.rows[1:]:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
        if not row.cells[1].text.strip():
            for _ in range(2):  # room to write in a blank template
                row.cells[1].add_paragraph("")
    if required:
        doc.add_paragraph(xml_safe("Fields marked * must be filled in before the paper is issued."))
    return word.save(doc, out)
