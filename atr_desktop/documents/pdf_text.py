"""Text for reportlab Paragraphs: escaped markup, characters the fonts cannot hold replaced."""

from __future__ import annotations

from html import escape

from atr_desktop.documents.text import xml_safe


def para(text: str) -> str:
    """``text`` safe inside a reportlab Paragraph (which parses a small XML markup)."""
    return escape(xml_safe(text)).replace("\n", "<br/>")
