"""The chair's brief for a meeting, to Word and PDF, from plain data.

Chairs rarely hold the database: this is what reaches them before a meeting. It says what
the meeting must decide, who owes overdue actions, who is expected and whether that is
quorate given the apologies so far, declarations on record, and items carried forward.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from atr_desktop.documents import word
from atr_desktop.documents.atomic import atomic_path
from atr_desktop.documents.text import xml_safe
from atr_desktop.domain.dates import hhmm, long_date, short_date


@dataclass(frozen=True)
class OverdueAction:
    ref: str
    owner: str
    description: str
    due: dt.date | None


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str
    organisation: str
    status: str  # expected, apologies, deputy for NAME


@dataclass(frozen=True)
class BriefData:
    group_name: str
    meeting_date: dt.date
    start: dt.time | None
    venue: str
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # number, title, lead
    overdue: list[OverdueAction] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    quorum: list[str] = field(default_factory=list)  # one sentence per (constituent) group
    declarations: list[tuple[str, str]] = field(default_factory=list)  # name, interest
    carried: list[tuple[str, str]] = field(default_factory=list)  # title, purpose

    @property
    def title(self) -> str:
        return f"Chair's brief: {self.group_name}, {long_date(self.meeting_date)}"

    def sections(self) -> list[tuple[str, list[str], list[list[str]], list[str]]]:
        """(heading, table headers, table rows, text if there is no table) per section."""
        by_owner = sorted(self.overdue, key=lambda a: (a.owner.casefold(), a.due or dt.date.max))
        expected = [a for a in self.attendees if a.status != "apologies"]
        apologies = [a for a in self.attendees if a.status == "apologies"]
        return [
            (
                "Decisions the meeting is asked to take",
                ["Item", "Title", "Lead"],
                [list(d) for d in self.decisions],
                ["No item is for decision."],
            ),
            (
                "Overdue actions, by owner",
                ["Owner", "Ref", "Action", "Due"],
                [[a.owner, a.ref, a.description, short_date(a.due)] for a in by_owner],
                ["No action is overdue."],
            ),
            ("Expected quorum", [], [], self.quorum or ["The group has no approved quorum rule."]),
            (
                f"Expected attendance ({len(expected)})",
                ["Name", "Role", "Organisation", "Status"],
                [[a.name, a.role, a.organisation, a.status] for a in expected],
                ["Nobody is expected."],
            ),
            (
                f"Apologies so far ({len(apologies)})",
                ["Name", "Role", "Organisation"],
                [[a.name, a.role, a.organisation] for a in apologies],
                ["None received."],
            ),
            (
                "Declarations of interest on record for those attending",
                ["Name", "Interest"],
                [list(d) for d in self.declarations],
                ["None on record."],
            ),
            (
                "Items carried from the forward plan",
                ["Title", "Purpose"],
                [list(c) for c in self.carried],
                ["None."],
            ),
        ]


def to_docx(data: BriefData, house: word.House, out: Path) -> Path:
    doc = word.new_document(house)
    doc.add_heading(xml_safe(data.title), level=0)
    when = f"{long_date(data.meeting_date)}, {hhmm(data.start)}".rstrip(", ")
    doc.add_paragraph(xml_safe(f"{when}. {data.venue}".strip()))
    for heading, headers, rows, empty in data.sections():
        doc.add_heading(xml_safe(heading), level=1)
        if rows:
            word.add_table(doc, headers, rows)
        else:
            for line in empty:
                doc.add_paragraph(xml_safe(line))
    return word.save(doc, out)


def to_pdf(data: BriefData, house: word.House, out: Path) -> Path:
    """The same brief as a tagged-title A4 PDF drawn with reportlab (no converter needed)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from atr_desktop.documents.marking import pdf_page_marks
    from atr_desktop.documents.pdf_text import fonts, para, unicode_styles

    styles = unicode_styles()
    page_marks = pdf_page_marks(house.marking)
    story: list[object] = [
        Paragraph(para(house.organisation), styles["Normal"]),
        Paragraph(para(data.title), styles["Title"]),
        Paragraph(
            para(f"{long_date(data.meeting_date)}, {hhmm(data.start)}. {data.venue}"),
            styles["Normal"],
        ),
    ]
    for heading, headers, rows, empty in data.sections():
        story.append(Paragraph(para(heading), styles["Heading2"]))
        if rows:
            cells = [[Paragraph(f"<b>{para(h)}</b>", styles["BodyText"]) for h in headers]]
            cells += [[Paragraph(para(str(c)), styles["BodyText"]) for c in row] for row in rows]
            # Fixed widths and rows that may split across pages: a very long entry wraps and
            # flows on rather than breaking the layout.
            width = (A4[0] - 4 * cm) / len(headers)
            table = Table(
                cells, colWidths=[width] * len(headers), repeatRows=1, hAlign="LEFT", splitInRow=1
            )
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), fonts()[0]),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde5f0")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
        else:
            story += [Paragraph(para(line), styles["BodyText"]) for line in empty]
        story.append(Spacer(1, 0.3 * cm))
    with atomic_path(out) as tmp:
        SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            title=data.title,
            author=house.organisation,
            lang="en-GB",
            initialFontName=fonts()[0],
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
        ).build(story, onFirstPage=page_marks, onLaterPages=page_marks)
    return out
