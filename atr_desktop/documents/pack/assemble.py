"""Assemble the pack with pikepdf (qpdf): drawn pages and papers in agenda order, then ONE
reportlab pass draws every stamp, laid on each page as an overlay; bookmarks, links, title.

Papers' pages are shrunk a few per cent into a frame above the footer band, in the
orientation the reader sees (crop box and /Rotate honoured), so a stamp never covers
content whatever the page size. Written to a temporary file and renamed at the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atr_desktop.documents.atomic import atomic_path
from atr_desktop.documents.pack import geometry
from atr_desktop.documents.pack.outline import copy_outline, read_outline
from atr_desktop.documents.pack.pages import FOOTER_BAND, Layout, draw_pages
from atr_desktop.documents.pack.spec import BuiltPack, PackSpec
from atr_desktop.documents.pdf_text import fonts
from atr_desktop.domain.pack import item_label, stamp_text

Progress = Callable[[str], None]


@dataclass
class Part:
    """A run of pages in the final pack: from the drawn document or a paper's PDF."""

    source: str  # 'front' or 'body' (drawn by the app) or an entry index as text
    start: int
    count: int
    ref: str  # the agenda item ('' for front matter)
    shrink: bool
    role: str = ""  # front, agenda, sheet, paper, placeholder, minutes, actions
    entry: int = -1


def _drawn_parts(layout: Layout) -> dict[str, tuple[int, int]]:
    ordered = sorted(layout.starts.items(), key=lambda kv: kv[1])
    out = {}
    for i, (name, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else layout.page_count
        out[name] = (start, end - start)
    return out


def _plan(
    spec: PackSpec, front: Layout, body: Layout, paper_pages: list[int]
) -> tuple[list[Part], dict[str, int]]:
    """The parts in order and the pack page where each agenda item's pages start."""
    drawn = {
        **{k: ("front", *v) for k, v in _drawn_parts(front).items()},
        **{k: ("body", *v) for k, v in _drawn_parts(body).items()},
    }
    parts: list[Part] = []

    def add_drawn(name: str, ref: str, role: str, entry: int = -1) -> None:
        source, start, count = drawn[name]
        parts.append(Part(source, start, count, ref, False, role, entry))

    add_drawn("front", "", "front")
    add_drawn("agenda", "", "agenda")
    for i, entry in enumerate(spec.entries):
        add_drawn(f"sheet{i}", entry.item, "sheet", i)
        if entry.page_only:
            continue
        if entry.placeholder:
            add_drawn(f"placeholder{i}", entry.item, "placeholder", i)
        else:
            parts.append(Part(str(i), 0, paper_pages[i], entry.item, True, "paper", i))
    app = spec.appendices
    if app.minutes is not None:
        add_drawn("minutes", app.minutes_item, "minutes")
    if app.actions is not None:
        add_drawn("actions", app.actions_item, "actions")
    item_pages: dict[str, int] = {}
    page = spec.first_page
    for part in parts:
        if part.ref and part.ref not in item_pages:
            item_pages[part.ref] = page
        page += part.count
    return parts, item_pages


def _entry_pages(parts: list[Part], first_page: int) -> list[int]:
    pages, page = [], first_page
    for part in parts:
        if part.role == "sheet":
            pages.append(page)
        page += part.count
    return pages


def build_pack(
    spec: PackSpec, out: Path, progress: Progress | None = None, stamps: str = "direct"
) -> BuiltPack:
    """Build the pack described by ``spec`` into ``out`` (prepared PDFs only).

    ``stamps`` 'direct' writes the stamps as text operators; 'reportlab' draws them in one
    reportlab pass laid on as overlays (kept so the benchmark can compare the two)."""
    from reportlab import rl_config

    # Binary (not ASCII85) streams: reportlab's pure-Python ASCII85 encoder was a fifth of
    # the stamping time on 600 pages, and binary is smaller.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _build(spec, out, progress, stamps)
    finally:
        rl_config.useA85 = saved


def _build(spec: PackSpec, out: Path, progress: Progress | None, stamps: str) -> BuiltPack:
    import pikepdf

    say = progress or (lambda _text: None)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="atr-pack-") as work:
        sources = [pikepdf.open(e.source) if not e.placeholder else None for e in spec.entries]
        try:
            paper_pages = [len(s.pages) if s is not None else 0 for s in sources]
            front_path, body_path = Path(work) / "front.pdf", Path(work) / "body.pdf"
            say("Drawing the cover, agenda and cover sheets")
            body = draw_pages(spec, body_path, None, "body")
            layout = draw_pages(spec, front_path, None, "front")
            parts, item_pages = _plan(spec, layout, body, paper_pages)
            for _attempt in range(3):  # real numbers rarely change the agenda's length
                layout = draw_pages(spec, front_path, item_pages, "front")
                parts, again = _plan(spec, layout, body, paper_pages)
                if again == item_pages:
                    break
                item_pages = again
            say("Putting the papers together")
            pdf = pikepdf.new()
            drawn = {"front": pikepdf.open(front_path)}
            if body.page_count:
                drawn["body"] = pikepdf.open(body_path)
            starts: list[int] = []
            for part in parts:
                starts.append(len(pdf.pages))
                src = drawn[part.source] if part.source in drawn else sources[int(part.source)]
                assert src is not None
                pdf.pages.extend(src.pages[part.start : part.start + part.count])
            say("Numbering every page")
            _stamp(pdf, spec, parts, starts, Path(work) / "stamps.pdf", stamps)
            _links(pdf, layout, parts, starts, item_pages, spec.first_page)
            _bookmarks(pdf, spec, parts, starts, sources)
            _metadata(pdf, spec)
            _layers(pdf, sources)
            _page_labels(pdf, spec.first_page)
            say("Saving the pack")
            with atomic_path(out) as tmp:
                # Object streams (PDF 1.5+) pack the many small objects (annotations, fonts,
                # page dictionaries) into compressed streams; the header says PDF 1.7.
                pdf.save(
                    tmp,
                    object_stream_mode=pikepdf.ObjectStreamMode.generate,
                    compress_streams=True,
                    force_version="1.7",
                )
            count = len(pdf.pages)
            pdf.close()
            for opened in drawn.values():
                opened.close()
        finally:
            for s in sources:
                if s is not None:
                    s.close()
    return BuiltPack(
        path=str(out),
        page_count=count,
        first_page=spec.first_page,
        last_page=spec.first_page + count - 1,
        item_pages=item_pages,
        size=out.stat().st_size,
        entry_pages=_entry_pages(parts, spec.first_page),
    )


@dataclass(frozen=True)
class Stamp:
    """One page's stamp: the words, where the reader's page is, and the shrink (if any)."""

    text: str
    view: geometry.View
    box: tuple[float, float, float, float]
    prefix: bytes


def _stamps(pdf: Any, spec: PackSpec, parts: list[Part], starts: list[int]) -> list[Stamp]:
    """Work out every page's stamp and shrink the papers' content above the footer band."""
    header = spec.header
    last = spec.first_page + len(pdf.pages) - 1
    out = []
    for part, start in zip(parts, starts, strict=True):
        for offset in range(part.count):
            page = pdf.pages[start + offset]
            media = [float(v) for v in page.mediabox]
            crop = [float(v) for v in page.cropbox] if "/CropBox" in page.obj else media
            box = (crop[0], crop[1], crop[2], crop[3])
            view = geometry.view_of(box, int(page.obj.get("/Rotate", 0)))
            prefix = b"q\n"
            if part.shrink:
                matrix = geometry.shrink_matrix(view, FOOTER_BAND)
                prefix += b" ".join(f"{v:.6f}".encode() for v in matrix) + b" cm\n"
                _move_annotations(page, matrix)
            number = spec.first_page + start + offset
            text = stamp_text(
                header.group,
                header.short_day,
                item_label(part.ref),
                number,
                last,
                marking=header.marking,
                supplement=header.supplement,
            )
            out.append(Stamp(text, view, box, prefix))
    return out


STAMP_GREY = (0.259, 0.333, 0.384)  # NHS dark grey #425563
STAMP_RED = (0.855, 0.161, 0.110)  # NHS red #DA291C


def _fit(text: str, font: str, width: float) -> float:
    """The stamp's size: 7.5 pt, smaller (down to 5) if the page is too narrow for it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = 7.5
    while size > 5 and stringWidth(text, font, size) > width - 24:
        size -= 0.5
    return size


def _stamp(
    pdf: Any, spec: PackSpec, parts: list[Part], starts: list[int], path: Path, mode: str
) -> None:
    """Stamp every page in its footer band, upright as the reader sees the page."""
    stamps = _stamps(pdf, spec, parts, starts)
    if mode == "reportlab":
        _stamp_with_reportlab(pdf, spec, stamps, path)
    else:
        _stamp_directly(pdf, spec, stamps, path)


def _subset_fonts(
    texts: list[str], font_name: str, path: Path
) -> tuple[dict[str, list[tuple[str, bytes]]], Path]:
    """Every stamp's text encoded in an embedded subset of ``font_name``: reportlab draws
    each character used once (so its subsets hold them all) and says, for each text, which
    subset font and which codes; the subset fonts are then taken from that small PDF."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pageCompression=1, initialFontName=font_name)
    canvas.setFont(font_name, 8)
    canvas.drawString(0, 0, "".join(sorted(set("".join(texts)))))
    font, doc = pdfmetrics.getFont(font_name), canvas._doc
    encoded = {
        text: [
            (font.getSubsetInternalName(i, doc), data) for i, data in font.splitString(text, doc)
        ]
        for text in set(texts)
    }
    canvas.showPage()
    canvas.save()  # reportlab forgets the subsets' state here, so encode first
    return encoded, path


def _stamp_directly(pdf: Any, spec: PackSpec, stamps: list[Stamp], path: Path) -> None:
    """Write each stamp as a few text operators in an embedded subset of DejaVu Sans.

    Measured against one reportlab pass laid on as overlays (``mode='reportlab'``), this
    took the stamping of 632 pages from about 0.45 s to under 0.1 s of CPU: reportlab's
    pure-Python writer formatting 632 pages was most of the cost (docs/pack.md). Only the
    characters of the stamps are drawn by reportlab, once, to make the font subset.
    """
    import pikepdf
    from reportlab.pdfbase.pdfmetrics import stringWidth

    restricted = spec.header.restricted
    regular, bold = fonts()
    font_name = bold if restricted else regular
    encoded, made = _subset_fonts([s.text for s in stamps], font_name, path)
    source = pikepdf.open(made)
    try:
        available = source.pages[0].Resources.Font
        subsets = {
            name: pdf.copy_foreign(available[name])
            for name in {name for parts in encoded.values() for name, _data in parts}
        }
    finally:
        source.close()
    colour = " ".join(f"{c:.3f}" for c in (STAMP_RED if restricted else STAMP_GREY))
    shared: dict[tuple[int, int], dict[str, str]] = {}
    for page, stamp in zip(pdf.pages, stamps, strict=True):
        resources = page.obj.get("/Resources")
        key = resources.objgen if resources is not None and resources.is_indirect else None
        names = shared.get(key) if key else None
        if names is None:
            names = {
                subset: page.add_resource(font, pikepdf.Name.Font, prefix="AtrStamp")
                for subset, font in subsets.items()
            }
            if key:
                shared[key] = names
        size = _fit(stamp.text, font_name, stamp.view.width)
        x = (stamp.view.width - stringWidth(stamp.text, font_name, size)) / 2
        shown = b" ".join(
            f"{names[subset]} {size:.1f} Tf <{data.hex()}> Tj".encode()
            for subset, data in encoded[stamp.text]
        )
        matrix = " ".join(f"{v:.4f}" for v in stamp.view.to_user)
        ops = f"\nQ\nq {matrix} cm BT {colour} rg {x:.2f} 11 Td ".encode() + shown + b" ET Q\n"
        page.contents_add(stamp.prefix, prepend=True)
        page.contents_add(ops, prepend=False)


def _stamp_with_reportlab(pdf: Any, spec: PackSpec, stamps: list[Stamp], path: Path) -> None:
    """The stamps drawn in ONE reportlab document and placed as form XObjects: what
    Page.add_overlay does (qpdf's placement undoes /Rotate, so each is drawn upright at the
    visible size), without its contents_coalesce, which would decompress and recompress
    every paper. Kept for the benchmark's comparison."""
    import pikepdf
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    restricted = spec.header.restricted
    font_name = fonts()[1] if restricted else fonts()[0]
    canvas = Canvas(str(path), pageCompression=1, initialFontName=font_name)
    for stamp in stamps:
        canvas.setPageSize((stamp.view.width, stamp.view.height))
        canvas.setFont(font_name, _fit(stamp.text, font_name, stamp.view.width))
        canvas.setFillColor(colors.Color(*(STAMP_RED if restricted else STAMP_GREY)))
        canvas.drawCentredString(stamp.view.width / 2, 11, stamp.text)
        canvas.showPage()
    canvas.save()
    overlay = pikepdf.open(path)
    for i, page in enumerate(pdf.pages):
        formx = pdf.copy_foreign(overlay.pages[i].as_form_xobject())
        name = page.add_resource(formx, pikepdf.Name.XObject, prefix="AtrStamp")
        rect = pikepdf.Rectangle(*stamps[i].box)
        placed = page.calc_form_xobject_placement(formx, name, rect, allow_shrink=True)
        page.contents_add(stamps[i].prefix, prepend=True)
        page.contents_add(b"\nQ\n" + placed, prepend=False)
    overlay.close()


def _move_annotations(page: Any, matrix: geometry.Matrix) -> None:
    """Keep a paper's own links over what they point at once its content is shrunk."""
    import pikepdf

    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    for annot in annots:
        rect = annot.get("/Rect") if isinstance(annot, pikepdf.Dictionary) else None
        if isinstance(rect, pikepdf.Array) and len(rect) == 4:
            values = [float(v) for v in rect]
            annot.Rect = pikepdf.Array(
                geometry.transform_rect(matrix, (values[0], values[1], values[2], values[3]))
            )


def _links(
    pdf: Any,
    layout: Layout,
    parts: list[Part],
    starts: list[int],
    item_pages: dict[str, int],
    first_page: int,
) -> None:
    """Make each 'Pack page' number in the agenda a link to that page."""
    import pikepdf

    drawn_to_final: dict[int, int] = {}
    for part, start in zip(parts, starts, strict=True):
        if part.source == "front":
            for k in range(part.count):
                drawn_to_final[part.start + k] = start + k
    for drawn_page, rect, ref in layout.links:
        if ref not in item_pages or drawn_page not in drawn_to_final:
            continue
        page = pdf.pages[drawn_to_final[drawn_page]]
        target = pdf.pages[item_pages[ref] - first_page]
        annot = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array(list(rect)),
                Border=pikepdf.Array([0, 0, 0]),
                Dest=pikepdf.Array([target.obj, pikepdf.Name.Fit]),
            )
        )
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(annot)


def _bookmarks(
    pdf: Any, spec: PackSpec, parts: list[Part], starts: list[int], sources: list[Any]
) -> None:
    """One bookmark per agenda item, one per paper beneath it, the paper's own beneath that."""
    from pikepdf import OutlineItem

    first_of: dict[str, int] = {}
    for part, start in zip(parts, starts, strict=True):
        if part.ref and part.ref not in first_of:
            first_of[part.ref] = start
    with pdf.open_outline() as outline:
        outline.root.append(OutlineItem("Cover and agenda", 0))
        items: dict[str, Any] = {}
        for row in spec.agenda:
            if row.number not in first_of:
                continue
            node = OutlineItem(f"{row.number}. {row.title}", first_of[row.number])
            parent = row.number.rpartition(".")[0]
            (items[parent].children if parent in items else outline.root).append(node)
            items[row.number] = node
        paper: Any = None
        for part, start in zip(parts, starts, strict=True):
            if part.role == "sheet":
                entry = spec.entries[part.entry]
                title = "Paper to follow" if entry.page_only else entry.cover.title
                paper = OutlineItem(title or "Paper", start)
                if entry.item in items:
                    items[entry.item].children.append(paper)
            elif part.role == "paper" and paper is not None:
                copy_outline(read_outline(sources[part.entry]), paper, start)
            elif part.role in {"minutes", "actions"}:
                title = (
                    "Draft minutes of the last meeting"
                    if part.role == "minutes"
                    else spec.appendices.actions_title
                )
                node = OutlineItem(title, start)
                (items[part.ref].children if part.ref in items else outline.root).append(node)


def _layers(pdf: Any, sources: list[Any]) -> None:
    """Carry the papers' layers (optional content) into the pack with their default states,
    so a layer an author's viewer hides (draft comments, a hidden column) stays hidden:
    without /OCProperties in the pack, a viewer would show every layer.

    Copied after the pages, so qpdf maps each layer to the copy the pages already use."""
    import pikepdf

    groups, off = pikepdf.Array(), pikepdf.Array()
    for source in sources:
        props = source.Root.get("/OCProperties") if source is not None else None
        if not isinstance(props, pikepdf.Dictionary):
            continue
        config = props.get("/D", pikepdf.Dictionary())

        def layer_list(key: str, where: Any = props) -> list[Any]:
            value = where.get(key, pikepdf.Array())
            items: Any = value if isinstance(value, pikepdf.Array) else []
            return [g for g in items if isinstance(g, pikepdf.Dictionary) and g.is_indirect]

        layers = layer_list("/OCGs")
        hidden = layer_list("/OFF", config)
        if config.get("/BaseState") == "/OFF":
            shown = {g.objgen for g in layer_list("/ON", config)}
            hidden = [g for g in layers if g.objgen not in shown]
        groups.extend(pdf.copy_foreign(g) for g in layers)
        off.extend(pdf.copy_foreign(g) for g in hidden)
    if len(groups):
        pdf.Root.OCProperties = pikepdf.Dictionary(
            OCGs=groups, D=pikepdf.Dictionary(OFF=off, Order=groups)
        )


def _page_labels(pdf: Any, first_page: int) -> None:
    """Page labels, so a viewer's page box reads the pack page: a supplement that starts at
    pack page 181 shows 181, not 1."""
    import pikepdf

    style = pikepdf.Dictionary(S=pikepdf.Name.D, St=first_page)
    pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([0, style])))


def _metadata(pdf: Any, spec: PackSpec) -> None:
    """Title, subject, author, created and modified, in the document information and XMP."""
    import datetime as dt

    import pikepdf

    header = spec.header
    title = f"{header.group}: {header.title}, {header.day}"
    author = spec.author or header.programme
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = now.strftime("D:%Y%m%d%H%M%SZ")
    pdf.Root.Lang = pikepdf.String("en-GB")
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/Author"] = author
    pdf.docinfo["/Subject"] = f"{header.meeting}, {header.day}. {header.version_line}"
    pdf.docinfo["/Creator"] = "ATR Desktop"
    pdf.docinfo["/CreationDate"] = stamp
    pdf.docinfo["/ModDate"] = stamp
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:description"] = str(pdf.docinfo["/Subject"])
        meta["dc:language"] = ["en-GB"]
        meta["xmp:CreateDate"] = now.isoformat()
        meta["xmp:ModifyDate"] = now.isoformat()
        meta["xmp:CreatorTool"] = "ATR Desktop"
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
