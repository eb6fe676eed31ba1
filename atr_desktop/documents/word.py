"""The house style of every Word output: A4, real styles, marking and organisation header.

``new_document`` starts from the user's own ``template.docx`` when one is in their
templates folder (so a secretariat can restyle outputs in Word without code), else from
python-docx's default with the house settings applied.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atr_desktop.documents import marking
from atr_desktop.documents.atomic import atomic_path
from atr_desktop.documents.text import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

TEMPLATE_NAME = "template.docx"
LANGUAGE = "en-GB"  # what a screen reader speaks, and the /Lang of a PDF made from it


@dataclass(frozen=True)
class House:
    """What every output carries: who it is from, its marking, logo, user template folder."""

    organisation: str = "West Yorkshire Adversity, Trauma and Resilience Programme"
    marking: str = "OFFICIAL"
    logo: Path | None = None
    templates: Path | None = None


def new_document(house: House, draft: bool = False, subject: str = "") -> DocxDocument:
    """An A4 document with the marking (and DRAFT) at the top right of every page, the
    marking and 'Page N of M' at the foot, and properties Word shows in File > Info."""
    from docx import Document
    from docx.shared import Cm, Pt

    template = house.templates / TEMPLATE_NAME if house.templates else None
    doc = Document(str(template)) if template and template.is_file() else Document()
    if not (template and template.is_file()):
        normal = doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    marking.word_header_footer(doc, house.marking, draft)
    set_properties(doc, house, subject)
    if house.logo and house.logo.is_file():
        # An unreadable logo must not stop the paper: it is left out.
        with contextlib.suppress(Exception):
            doc.add_picture(str(house.logo), height=Cm(1.8))
    doc.add_paragraph(xml_safe(house.organisation))
    set_language(doc)
    return doc


def set_language(doc: DocxDocument, language: str = LANGUAGE) -> None:
    """The document's language (its default run language and its properties).

    python-docx's default template says US English; Word and LibreOffice carry this
    default into the PDF's /Lang, so without it a screen reader speaks British text in an
    American voice.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc.core_properties.language = language
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    r_pr = defaults.find(qn("w:rPrDefault"))
    r_pr = r_pr.find(qn("w:rPr")) if r_pr is not None else None
    if r_pr is None:
        return
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)


def set_title(path: Path, title: str, author: str = "") -> Path:
    """Give a saved Word file its title (and author): an accessible PDF shows the title,
    not the file name, in the reader's title bar."""
    from docx import Document

    doc = Document(str(path))
    doc.core_properties.title = xml_safe(title)
    if author:
        doc.core_properties.author = xml_safe(author)
    set_language(doc)
    return save(doc, path, title)


def add_table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_cm: Sequence[float] | None = None,
) -> Table:
    """A 'Table Grid' table with a bold, repeated header row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = xml_safe("" if value is None else str(value))
    if widths_cm:
        table.autofit = False
        # LibreOffice and Word lay out by the grid columns; the cells' widths follow them.
        for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=False):
            col.set(qn("w:w"), str(int(Cm(width).twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=False):
                cell.width = Cm(width)
    return table


def add_paragraphs(doc: DocxDocument, text: str) -> None:
    """Plain text as paragraphs; lines starting '- ' or '* ' become 'List Bullet' items."""
    for block in xml_safe(text).split("\n"):
        line = block.rstrip()
        if not line:
            continue
        if line.lstrip().startswith(("- ", "* ")):
            doc.add_paragraph(xml_safe(line.lstrip()[2:]), style="List Bullet")
        else:
            doc.add_paragraph(xml_safe(line))


def set_properties(doc: DocxDocument, house: House, subject: str = "") -> None:
    """Author (the organisation), created now, British English for the properties and the
    spell checker; python-docx's template would say 'python-docx', 2013 and US English."""
    import datetime as dt

    from docx.oxml.ns import qn

    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.author = props.last_modified_by = xml_safe(house.organisation)[:255]
    props.created = props.modified = now
    props.language = LANGUAGE
    props.revision = 1
    props.subject = xml_safe(subject)[:255]
    props.comments = ""
    props.keywords = xml_safe(house.marking)[:255]
    props.category = xml_safe(house.marking)[:255]
    node = doc.styles.element
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"):
        child = node.find(qn(tag))
        if child is None:
            child = node.makeelement(qn(tag), {})
            if tag == "w:docDefaults":
                node.insert(0, child)
            else:
                node.append(child)
        node = child
    lang = node
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _first_heading(doc: DocxDocument) -> str:
    for paragraph in doc.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if (style == "Title" or style.startswith("Heading")) and paragraph.text.strip():
            return paragraph.text.strip()
    return ""


def save(doc: DocxDocument, out: Path, title: str = "") -> Path:
    """Save through a temporary file, so a failed save never leaves half a document; the
    title property is the document's title (or its first heading) when not given."""
    doc.core_properties.title = xml_safe(title or _first_heading(doc))[:255]
    with atomic_path(out) as tmp:
        doc.save(str(tmp))
    return out
