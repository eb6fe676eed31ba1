"""Text for the PDFs the app draws with reportlab: the Unicode font, and escaped markup.

reportlab's standard fonts (Helvetica) hold only Windows-1252, so a member called Łukasz,
Σοφία or Дмитрий came out as black boxes. Every PDF the app draws uses DejaVu Sans
(resources/fonts, with its licence), which reportlab embeds as a subset of the glyphs used.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

from atr_desktop.documents.text import xml_safe
from atr_desktop.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular and bold, as one family so <b> works) once; returns
    the (regular, bold) names to use in styles and on canvases."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / f"{REGULAR}.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / f"{BOLD}.ttf")))
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
    return REGULAR, BOLD


def unicode_styles() -> Any:
    """reportlab's sample style sheet with every style in DejaVu Sans (bold kept bold)."""
    from reportlab.lib.styles import getSampleStyleSheet

    regular, bold = fonts()
    styles = getSampleStyleSheet()
    for name in styles.byName:
        style = styles[name]
        if hasattr(style, "fontName"):
            style.fontName = bold if "Bold" in style.fontName else regular
    return styles


def para(text: str) -> str:
    """``text`` safe inside a reportlab Paragraph (which parses a small XML markup)."""
    return escape(xml_safe(text)).replace("\n", "<br/>")
