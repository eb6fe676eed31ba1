"""The pages the app draws itself (reportlab): cover, agenda, cover sheets, placeholders,
the previous minutes and the action log, all in ONE reportlab document.

Each part starts on a new page and records the page it starts on; the agenda's "Pack page"
cells record where they were drawn so the assembler can lay internal links over them.
Every page keeps a footer band free for the pack stamp.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape  # not xml.sax.saxutils, which loads urllib.request
from pathlib import Path
from typing import Any

from atr_desktop.documents.pack.spec import (
    ActionRow,
    CoverSheet,
    Entry,
    Header,
    MinutesData,
    PackSpec,
)
from atr_desktop.documents.pdf_text import fonts
from atr_desktop.documents.text import xml_safe

NHS_BLUE = "#005EB8"
DARK = "#231F20"
GREY = "#425563"
PALE = "#E8EDEE"
FOOTER_BAND = 30.0  # points kept free at the bottom of every page for the stamp


@dataclass
class Layout:
    """Where the drawn parts start (0-based page indexes in the drawn document)."""

    starts: dict[str, int] = field(default_factory=dict)
    links: list[tuple[int, tuple[float, float, float, float], str]] = field(default_factory=list)
    page_count: int = 0


def _t(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph, line breaks kept."""
    return escape(xml_safe(text or "")).replace("\n", "<br/>")


def draw_pages(
    spec: PackSpec, out: Path, item_pages: dict[str, int] | None, part: str = "front"
) -> Layout:
    """Draw the generated pages into ``out``: part 'front' (cover and agenda; with
    ``item_pages`` None the agenda shows dummy numbers, to count its pages) or 'body'
    (cover sheets, placeholders, appendices), so the big part is drawn once."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
    )
    from reportlab.platypus import (
        TableStyle as BaseTableStyle,
    )

    layout = Layout()
    header = spec.header
    regular, bold = fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10.5, leading=14, alignment=TA_LEFT)
    blue = colors.HexColor(NHS_BLUE)

    def TableStyle(commands: list[Any]) -> Any:
        """Tables set a cell font of their own (Helvetica unless told): DejaVu Sans."""
        return BaseTableStyle([("FONTNAME", (0, 0), (-1, -1), regular), *commands])

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    styles = {
        "body": base,
        "small": style("small", fontSize=9, leading=11.5),
        "cell": style("cell", fontSize=9.5, leading=12),
        "cellb": style("cellb", fontSize=9.5, leading=12, fontName=bold),
        "head": style("head", fontSize=9.5, leading=12, fontName=bold, textColor=colors.white),
        "h1": style("h1", fontName=bold, fontSize=20, leading=25, textColor=blue, spaceAfter=8),
        "h2": style(
            "h2",
            fontName=bold,
            fontSize=13,
            leading=17,
            textColor=blue,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "label": style(
            "label", fontName=bold, fontSize=10, leading=13, textColor=colors.HexColor(GREY)
        ),
    }

    class Mark(Flowable):  # type: ignore[misc]
        """Zero-size: records the page a part starts on."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name
            self.width = self.height = 0

        def draw(self) -> None:
            layout.starts[self.name] = self.canv.getPageNumber() - 1

    class PageRef(Flowable):  # type: ignore[misc]
        """The agenda's pack page number, remembered so a link can be laid over it."""

        def __init__(self, ref: str, text: str) -> None:
            super().__init__()
            self.ref, self.text = ref, text
            self.width, self.height = 1.6 * cm, 12

        def draw(self) -> None:
            canv = self.canv
            canv.setFont(bold, 9.5)
            canv.setFillColor(colors.HexColor(NHS_BLUE))
            canv.drawString(0, 2, self.text)
            width = canv.stringWidth(self.text, bold, 9.5)
            canv.setStrokeColor(colors.HexColor(NHS_BLUE))
            canv.setLineWidth(0.5)
            canv.line(0, 0.5, width, 0.5)
            x, y = canv.absolutePosition(0, 0)
            layout.links.append(
                (canv.getPageNumber() - 1, (x - 2, y - 2, x + width + 2, y + 12), self.ref)
            )

    def decorate(canv: Any, doc: Any) -> None:
        canv.saveState()
        canv.setFont(bold, 9)
        canv.setFillColor(colors.HexColor(DARK))
        top = A4[1] - 1.1 * cm
        canv.drawRightString(A4[0] - 2 * cm, top, xml_safe(header.marking.upper()))
        if header.restricted:
            canv.setFillColor(colors.HexColor("#DA291C"))
            canv.drawString(2 * cm, top, "Part B (confidential)")
        canv.restoreState()

    doc = BaseDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=FOOTER_BAND + 0.8 * cm,
        title=f"{header.title}: {header.group}",
        author=spec.author,
        initialFontName=regular,  # not Helvetica, which would be listed unembedded
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])

    story: list[Any] = []
    if part == "front":
        story += [Mark("front")]
        story += _cover(header, styles, Spacer, Paragraph, Table, TableStyle, colors, cm)
        story += [PageBreak(), Mark("agenda")]
        story += _agenda(
            spec, item_pages, styles, Paragraph, Table, TableStyle, PageRef, colors, cm
        )
        doc.build(story)
        layout.page_count = doc.page
        return layout
    for index, entry in enumerate(spec.entries):
        story += [PageBreak()] if story else []
        story += [Mark(f"sheet{index}")]
        if entry.page_only:
            story += _placeholder(entry, styles, Paragraph, Spacer)
            continue
        story += _cover_sheet(entry.cover, styles, Paragraph, Table, TableStyle, colors, cm)
        if entry.placeholder:
            story += [PageBreak(), Mark(f"placeholder{index}")]
            story += _placeholder(entry, styles, Paragraph, Spacer)
    app = spec.appendices
    if app.minutes is not None:
        story += [PageBreak()] if story else []
        story += [Mark("minutes")]
        story += _minutes(app.minutes, styles, Paragraph, Spacer)
    if app.actions is not None:
        story += [PageBreak()] if story else []
        story += [Mark("actions")]
        story += _actions(
            app.actions_title, app.actions, styles, Paragraph, Table, TableStyle, colors, cm
        )
    if not story:
        return layout
    doc.build(story)
    layout.page_count = doc.page
    return layout


def _cover(
    header: Header,
    st: dict[str, Any],
    Spacer: Any,
    P: Any,
    Table: Any,
    TS: Any,
    colors: Any,
    cm: float,
) -> list[Any]:
    out: list[Any] = [Spacer(1, 2.5 * cm)]
    out.append(P(_t(header.programme), st["label"]))
    out.append(Spacer(1, 0.6 * cm))
    out.append(P(_t(header.group), st["h1"]))
    title_style = st["h1"].clone("title", fontSize=28, leading=34, textColor=colors.HexColor(DARK))
    out.append(P(_t(header.title), title_style))
    out.append(Spacer(1, 0.8 * cm))
    rows = [
        ("Date", header.day),
        ("Time", header.time),
        ("Venue", header.venue or "To be confirmed"),
    ]
    if header.link:
        rows.append(("Online", header.link))
    rows.append(("Marking", header.marking))
    # The pack is for printing and reading through; the website gets the accessible set.
    rows.append(("Format", PRINT_VERSION))
    table = Table(
        [[P(_t(k), st["label"]), P(_t(v), st["body"])] for k, v in rows],
        colWidths=[3.2 * cm, 13.8 * cm],
        splitInRow=1,
    )
    table.setStyle(
        TS(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(PALE)),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    out.append(table)
    out.append(Spacer(1, 1.2 * cm))
    bar = Table(
        [[P(_t(header.version_line), st["head"])]], colWidths=[17 * cm], rowHeights=[1.0 * cm]
    )
    bar.setStyle(
        TS(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(NHS_BLUE)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    out.append(bar)
    if header.note:
        out.append(Spacer(1, 0.6 * cm))
        out.append(P("What this supplement adds", st["h2"]))
        out.append(P(_t(header.note), st["body"]))
    if header.restricted:
        out.append(Spacer(1, 0.6 * cm))
        out.append(
            P(
                _t(
                    f"{header.marking}. Part B (confidential): these papers are for those "
                    "entitled to receive them and must not be shared. "
                    + (f"{header.exempt_line}." if header.exempt_line else "")
                ),
                st["body"].clone("r", textColor=colors.HexColor("#DA291C"), fontName=fonts()[1]),
            )
        )
    return out


def _agenda(
    spec: PackSpec,
    item_pages: dict[str, int] | None,
    st: dict[str, Any],
    P: Any,
    Table: Any,
    TS: Any,
    PageRef: Any,
    colors: Any,
    cm: float,
) -> list[Any]:
    out: list[Any] = [P("Agenda", st["h1"])]
    out.append(P(_t(f"{spec.header.group}: {spec.header.day}, {spec.header.time}"), st["body"]))
    out.append(P("&nbsp;", st["small"]))
    data: list[list[Any]] = [
        [P(h, st["head"]) for h in ("Item", "Title", "Lead", "Purpose", "Time", "Pack page")]
    ]
    for row in spec.agenda:
        if row.has_pack_pages:
            number = "0000" if item_pages is None else str(item_pages.get(row.number, ""))
            page_cell: Any = PageRef(row.number, number)
        else:
            page_cell = P("", st["cell"])
        indent = "&nbsp;&nbsp;&nbsp;" * row.depth
        style = st["cell"] if row.depth else st["cellb"]
        data.append(
            [
                P(_t(row.number), style),
                P(indent + _t(row.title + (" (to follow)" if row.to_follow else "")), style),
                P(_t(row.lead), st["cell"]),
                P(_t(row.purpose.capitalize()), st["cell"]),
                P(_t(row.time), st["cell"]),
                page_cell,
            ]
        )
    table = Table(
        data,
        colWidths=[1.3 * cm, 6.6 * cm, 3.0 * cm, 2.8 * cm, 1.6 * cm, 1.7 * cm],
        repeatRows=1,
        splitInRow=1,
    )
    table.setStyle(
        TS(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(NHS_BLUE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F0F4F5")]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#AEB7BD")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    out.append(table)
    if not spec.agenda:
        out.append(P("No items have been added to the agenda yet.", st["body"]))
    out.append(P("&nbsp;", st["small"]))
    out.append(
        P(
            "Pack page: the page of this pack on which the item's papers start "
            "(select the number to go there).",
            st["small"],
        )
    )
    return out


PRINT_VERSION = "Print version (the accessible version for publication is made separately)"

COVER_ROWS = (
    ("Agenda item", "item"),
    ("Reference", "reference"),
    ("Author", "author"),
    ("Sponsor", "sponsor"),
    ("Purpose", "purpose"),
    ("Summary", "summary"),
    ("Recommendation", "recommendation"),
    ("Risks", "risks"),
    ("Equality impact", "equality_impact"),
    ("Previously considered", "previously_considered"),
    ("Appendices", "appendices"),
)


def _cover_sheet(
    sheet: CoverSheet, st: dict[str, Any], P: Any, Table: Any, TS: Any, colors: Any, cm: float
) -> list[Any]:
    out: list[Any] = [P("Cover sheet", st["label"]), P(_t(sheet.title), st["h1"])]
    rows = []
    for label, attr in COVER_ROWS:
        value = getattr(sheet, attr)
        if attr == "item":
            value = f"{sheet.item}. {sheet.item_title}"
        if attr == "purpose":
            value = value.capitalize()
        rows.append([P(label, st["cellb"]), P(_t(value) or "&nbsp;", st["cell"])])
    table = Table(rows, colWidths=[4.2 * cm, 12.8 * cm], splitInRow=1)
    table.setStyle(
        TS(
            [
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(PALE)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#AEB7BD")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    out.append(table)
    return out


def _placeholder(entry: Entry, st: dict[str, Any], P: Any, Spacer: Any) -> list[Any]:
    sheet = entry.cover
    return [
        Spacer(1, 4 * 28.35),
        P("Paper to follow" if entry.to_follow else "Paper not included", st["h1"]),
        P(_t(f"Item {sheet.item}: {sheet.title}"), st["h2"]),
        P(_t(entry.placeholder), st["body"]),
        Spacer(1, 12),
        P(
            "This page stands in for the paper so that nothing is missing silently. "
            "The paper will follow in a supplementary pack, whose pages number on from "
            "this one, or be tabled at the meeting.",
            st["body"],
        ),
    ]


def _minutes(m: MinutesData, st: dict[str, Any], P: Any, Spacer: Any) -> list[Any]:
    out: list[Any] = [P(_t(m.title), st["h1"]), P(_t(f"Status: {m.status}"), st["label"])]
    for label, names in (
        ("Present", m.present),
        ("Apologies", m.apologies),
        ("In attendance", m.in_attendance),
    ):
        if names:
            out.append(P(f"<b>{label}:</b> " + _t("; ".join(names)), st["body"]))
    for item in m.items:
        out.append(P(_t(f"{item.number}. {item.title}"), st["h2"]))
        for para in (item.discussion or "").split("\n"):
            if para.strip():
                bullet = para.lstrip().startswith(("- ", "* "))
                text = para.lstrip()[2:] if bullet else para
                out.append(P(("&bull; " if bullet else "") + _t(text), st["body"]))
        for decision in item.decisions:
            out.append(P("<b>Decision:</b> " + _t(decision), st["body"]))
        for action in item.actions:
            out.append(P("<b>Action:</b> " + _t(action), st["body"]))
    if not m.items:
        out.append(Spacer(1, 12))
        out.append(P("No discussion has been minuted yet.", st["body"]))
    return out


RAG_COLOURS = {"red": "#DA291C", "amber": "#FFB81C", "green": "#009639"}


def _actions(
    title: str,
    rows: list[ActionRow],
    st: dict[str, Any],
    P: Any,
    Table: Any,
    TS: Any,
    colors: Any,
    cm: float,
) -> list[Any]:
    out: list[Any] = [P(_t(title), st["h1"])]
    if not rows:
        out.append(P("There are no open actions.", st["body"]))
        return out
    data: list[list[Any]] = [
        [P(h, st["head"]) for h in ("Ref", "Action", "Owner", "Due", "Status", "RAG")]
    ]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(NHS_BLUE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#AEB7BD")),
    ]

    def rag_style(rag: str) -> Any:
        if rag.lower() in {"red", "green"}:
            return st["cellb"].clone("rag", textColor=colors.white)
        return st["cellb"]

    for i, row in enumerate(rows, start=1):
        text = _t(row.description)
        if row.latest_update:
            text += "<br/><i>" + _t(row.latest_update) + "</i>"
        data.append(
            [
                P(_t(row.ref), st["cell"]),
                P(text, st["cell"]),
                P(_t(row.owner), st["cell"]),
                P(_t(row.due), st["cell"]),
                P(_t(row.status), st["cell"]),
                P(_t(row.rag.capitalize()), rag_style(row.rag)),
            ]
        )
        colour = RAG_COLOURS.get(row.rag.lower())
        if colour:
            style.append(("BACKGROUND", (5, i), (5, i), colors.HexColor(colour)))
    table = Table(
        data,
        colWidths=[2.8 * cm, 5.7 * cm, 2.7 * cm, 1.9 * cm, 2.2 * cm, 1.7 * cm],
        repeatRows=1,
        splitInRow=1,  # a very long entry flows onto the next page instead of failing
    )
    table.setStyle(TS(style))
    out.append(table)
    return out
