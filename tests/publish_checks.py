"""Checkers for the published page set: every PDF against PDF/UA, the page's HTML structure.

PDFs: page-validation (a PDF/UA-1 validator from PyPI, pinned in constraints.txt) when it
is installed; otherwise pikepdf reads what PDF/UA needs most (Marked, StructTreeRoot, /Lang,
DisplayDocTitle and a title, /Alt on figures, pdfuaid in XMP). Each result names the
checker that ran, so a test report says which one it was.

HTML: html5lib parses as a browser would (pinned; the stdlib html.parser when it is not
installed), then the tree is walked for one h1, headings in order, lang, header cells
with scope, no script, and links that resolve to files in the folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlparse


@dataclass
class Verdict:
    checker: str
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def check_pdf(path: Path) -> Verdict:
    """PDF/UA-1 with page-validation when installed, else the pikepdf essentials."""
    try:
        import page
    except ImportError:
        return pikepdf_check(path)
    report = page.validate_pdf(str(path), profile="ua1")
    return Verdict(
        f"page-validation {page.__version__} (PDF/UA-1)",
        [f"{f.rule_id}: {f.message}" for f in report.failures],
    )


def pikepdf_check(path: Path) -> Verdict:
    import pikepdf

    from atr_desktop.documents.pdf_access import read_tagging

    verdict = Verdict("pikepdf (Marked, StructTreeRoot, /Lang, title, /Alt, pdfuaid)")
    tagging = read_tagging(path)
    for ok, what in (
        (tagging.marked, "/MarkInfo /Marked is not true"),
        (tagging.structure, "no StructTreeRoot"),
        (tagging.language, "no /Lang"),
        (tagging.title and tagging.display_title, "no title shown (DisplayDocTitle)"),
        (tagging.pdfua, "no pdfuaid:part in XMP"),
    ):
        if not ok:
            verdict.failures.append(what)
    with pikepdf.open(path) as pdf:
        if "/StructTreeRoot" in pdf.Root:
            stack = [pdf.Root.StructTreeRoot]
            while stack:
                node = stack.pop()
                if isinstance(node, pikepdf.Array):
                    stack.extend(node)
                    continue
                if not isinstance(node, pikepdf.Dictionary):
                    continue
                if node.get("/S") == "/Figure" and "/Alt" not in node:
                    verdict.failures.append("a figure has no /Alt text")
                kids = node.get("/K")
                if kids is not None:
                    stack.append(kids)
    return verdict


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


def _elements(html: str) -> tuple[str, list[Element]]:
    """Parse as a browser would; returns the parser's name and every element in order."""
    try:
        import html5lib
    except ImportError:
        return "html.parser (stdlib)", _stdlib_elements(html)
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    out = [
        Element(e.tag, dict(e.attrib), "".join(e.itertext()))
        for e in tree.iter()
        if isinstance(e.tag, str)
    ]
    return f"html5lib {html5lib.__version__}", out


def _stdlib_elements(html: str) -> list[Element]:
    from html.parser import HTMLParser

    out: list[Element] = []
    open_: list[Element] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            element = Element(tag, {k: v or "" for k, v in attrs})
            out.append(element)
            if tag not in ("meta", "br", "img", "link", "hr", "input"):
                open_.append(element)

        def handle_endtag(self, tag: str) -> None:
            if open_ and open_[-1].tag == tag:
                open_.pop()

        def handle_data(self, data: str) -> None:
            for element in open_:
                element.text += data

    Collect().feed(html)
    return out


def check_html(index: Path) -> Verdict:
    html = index.read_text(encoding="utf-8")
    parser, elements = _elements(html)
    verdict = Verdict(parser)
    fail = verdict.failures.append
    if not html.lstrip().lower().startswith("<!doctype html>"):
        fail("no <!DOCTYPE html>")
    root = next((e for e in elements if e.tag == "html"), None)
    if root is None or root.attrs.get("lang") != "en-GB":
        fail('<html> has no lang="en-GB"')
    titles = [e for e in elements if e.tag == "title"]
    if len(titles) != 1 or not titles[0].text.strip():
        fail("no <title>")
    headings = [int(e.tag[1]) for e in elements if e.tag in {f"h{n}" for n in range(1, 7)}]
    if headings.count(1) != 1 or not headings or headings[0] != 1:
        fail(f"there must be exactly one h1, first: {headings}")
    for before, after in pairwise(headings):
        if after > before + 1:
            fail(f"a heading skips a level: h{before} then h{after}")
    tables = [e for e in elements if e.tag == "table"]
    ths = [e for e in elements if e.tag == "th"]
    if tables and not ths:
        fail("a table has no header cells")
    for th in ths:
        if th.attrs.get("scope") not in ("col", "row"):
            fail(f"header cell '{th.text}' has no scope")
    if tables and not any(e.tag == "caption" for e in elements):
        fail("a table has no caption")
    for e in elements:
        if e.tag in ("script", "iframe", "object", "embed"):
            fail(f"a <{e.tag}> element")
        if any(k.lower().startswith("on") for k in e.attrs):
            fail(f"an event handler on <{e.tag}>")
        for attr in ("href", "src"):
            link = e.attrs.get(attr)
            if link is None:
                continue
            parts = urlparse(link)
            if parts.scheme or parts.netloc or link.startswith("/"):
                fail(f"a link leaves the folder: {link}")
            elif not (index.parent / unquote(parts.path)).is_file():
                fail(f"a link to a missing file: {link}")
            elif attr == "href" and not e.text.strip():
                fail(f"a link with no text: {link}")
    return verdict
