"""What makes a PDF usable with a screen reader, read from the file; and one repair.

:func:`read_tagging` says whether a PDF is tagged (``/MarkInfo /Marked`` and a structure
tree), its language, its title and whether it says it is PDF/UA. The pack check uses it
on authors' papers so the secretariat can ask for an accessible version in time; the
tests use it on every published PDF.

:func:`mark_decorations` wraps drawing that LibreOffice (7.4) leaves outside any tag (the
rule under a Title-style paragraph) as an artifact: decoration a screen reader skips.
PDF/UA requires every mark on a page to be either tagged content or an artifact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
_PATH_START = {"m", "re"}
_PATH_BUILD = {"m", "l", "c", "v", "y", "h", "re", "W", "W*"}
_PATH_END = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}


@dataclass(frozen=True)
class Tagging:
    """A PDF's accessibility as its catalogue and metadata declare it."""

    marked: bool = False
    structure: bool = False
    language: str = ""
    title: str = ""
    display_title: bool = False
    pdfua: bool = False
    readable: bool = True

    @property
    def tagged(self) -> bool:
        return self.marked and self.structure

    def describe(self) -> str:
        """One plain sentence for the pack check."""
        if not self.readable:
            return "could not be read to check its accessibility"
        if not self.tagged:
            return (
                "is not tagged for accessibility (no structure for screen readers): ask the "
                "author for an accessible version before it is published"
            )
        missing = [
            what for what, ok in (("a language", self.language), ("a title", self.title)) if not ok
        ]
        if missing:
            return "is tagged for accessibility but has no " + " and no ".join(
                m.removeprefix("a ") for m in missing
            )
        return "is tagged for accessibility" + (" (PDF/UA)" if self.pdfua else "")


def read_tagging(path: Path) -> Tagging:
    """Read the catalogue and XMP of ``path``; an unreadable file says so, never raises."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            root = pdf.Root
            mark_info = root.get("/MarkInfo")
            marked = bool(mark_info is not None and mark_info.get("/Marked", False))
            prefs = root.get("/ViewerPreferences")
            display = bool(prefs is not None and prefs.get("/DisplayDocTitle", False))
            title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo is not None else ""
            pdfua = False
            if "/Metadata" in root:
                with pdf.open_metadata() as xmp:
                    title = title or str(xmp.get("dc:title", "") or "")
                    pdfua = bool(xmp.get(f"{{{PDFUA_NS}}}part", ""))
            return Tagging(
                marked=marked,
                structure="/StructTreeRoot" in root,
                language=str(root.get("/Lang", "")),
                title=title,
                display_title=display,
                pdfua=pdfua,
            )
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError):
        return Tagging(readable=False)


def mark_decorations(path: Path) -> int:
    """Wrap untagged path drawing on every page in ``/Artifact`` marked content.

    Only whole path objects (from their first ``m``/``re`` to the painting operator) that
    sit outside any marked content are wrapped, so nothing else in the page changes.
    Returns how many were wrapped; the file is rewritten only when there were some.
    """
    import pikepdf

    wrapped = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            out: list[object] = []
            depth, start, here = 0, -1, 0
            for instruction in pikepdf.parse_content_stream(page):
                name = str(instruction.operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth = max(0, depth - 1)
                if depth == 0 and start < 0 and name in _PATH_START:
                    start = len(out)
                elif start >= 0 and name not in _PATH_BUILD and name not in _PATH_END:
                    start = -1  # not a plain path object after all: leave it alone
                out.append(instruction)
                if start >= 0 and name in _PATH_END:
                    if name != "n":  # a clipping path paints nothing
                        out.insert(start, _instruction([pikepdf.Name.Artifact], "BMC"))
                        out.append(_instruction([], "EMC"))
                        here += 1
                    start = -1
            if here:
                wrapped += here
                stream = pikepdf.unparse_content_stream(out)  # type: ignore[arg-type]
                page.Contents = pdf.make_stream(stream)
        if wrapped:
            pdf.save(path)
    return wrapped


def _instruction(operands: list[object], operator: str) -> object:
    import pikepdf

    return pikepdf.ContentStreamInstruction(
        operands,  # type: ignore[arg-type]
        pikepdf.Operator(operator),
    )
