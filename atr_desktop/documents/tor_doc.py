"""Terms of Reference as a Word document: real headings, the version table, each section.

Built from plain data (``TorDocument``), so the service decides what goes in and this module
only lays it out in the house style.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.documents.text import xml_safe
from atr_desktop.documents.word import House, add_paragraphs, add_table, new_document, save


@dataclass(frozen=True)
class TorDocument:
    group_name: str
    version: int
    status: str
    sections: Sequence[tuple[str, str]]  # (title, text), in order
    history: Sequence[Sequence[str]]  # rows of VERSION_HEADERS


VERSION_HEADERS = ("Version", "Status", "Approved on", "Approved at / by")


def build_tor(house: House, tor: TorDocument, out: Path) -> Path:
    """Title, a version and approval table, then one Heading 2 per section."""
    doc = new_document(house, draft=tor.status == "draft", subject=tor.group_name)
    doc.add_heading(xml_safe(f"{tor.group_name}: Terms of Reference"), level=0)
    status = "DRAFT for approval" if tor.status == "draft" else tor.status.capitalize()
    doc.add_paragraph(xml_safe(f"Version {tor.version} ({status})"))
    doc.add_heading("Version and approval", level=1)
    add_table(doc, VERSION_HEADERS, tor.history, widths_cm=(2.2, 2.8, 4.0, 8.0))
    doc.add_heading("Terms of Reference", level=1)
    for number, (title, text) in enumerate(tor.sections, start=1):
        doc.add_heading(xml_safe(f"{number}. {title}"), level=2)
        if text.strip():
            add_paragraphs(doc, text)
        else:
            doc.add_paragraph("Not set.")
    return save(doc, out)
