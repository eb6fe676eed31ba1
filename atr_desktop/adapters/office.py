"""Turning Word, Excel and PowerPoint papers into PDF: LibreOffice where installed, or
Microsoft Office through COM on Windows. Probes are injectable so both branches are tested
on any machine.

LibreOffice runs headless with a private profile folder (so it never fights a copy the
user has open) and a timeout; Office runs invisibly and is always told to quit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORD = {".doc", ".docx", ".odt", ".rtf"}
EXCEL = {".xls", ".xlsx", ".ods"}
POWERPOINT = {".ppt", ".pptx", ".odp"}
OFFICE_SUFFIXES = WORD | EXCEL | POWERPOINT

SOFFICE_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


# LibreOffice's PDF export with tags and PDF/UA-1 identification (checked with LibreOffice
# 7.4: the catalogue gets /MarkInfo /Marked, a StructTreeRoot and pdfuaid:part 1 in XMP).
ACCESSIBLE_PDF_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)


class ConversionError(Exception):
    """A paper could not be turned into PDF; the message says why, plainly."""


@dataclass(frozen=True)
class Converter:
    """Which converter to use: kind 'soffice' (program path) or 'msoffice' (COM)."""

    kind: str
    program: str = ""

    @property
    def label(self) -> str:
        return "LibreOffice" if self.kind == "soffice" else "Microsoft Office"


def find_converter(
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
    exists: Callable[[str], bool] = os.path.exists,
    com_available: Callable[[], bool] | None = None,
) -> Converter | None:
    """LibreOffice if found, else Office on Windows when its COM server answers, else None."""
    for name in ("soffice", "libreoffice"):
        found = which(name)
        if found:
            return Converter("soffice", found)
    for place in SOFFICE_PLACES:
        if exists(place):
            return Converter("soffice", place)
    if platform == "win32" and (com_available or _com_available)():
        return Converter("msoffice")
    return None


def _com_available() -> bool:
    """Word registered as a COM server (HKEY_CLASSES_ROOT\\Word.Application)."""
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, "Word.Application"))  # type: ignore[attr-defined,unused-ignore]
        return True
    except (ImportError, OSError):
        return False


def convert(
    converter: Converter,
    source: Path,
    out_pdf: Path,
    timeout: float = 120.0,
    run: Callable[..., Any] = subprocess.run,
    com_factory: Callable[[str], Any] | None = None,
    accessible: bool = False,
) -> Path:
    """Convert ``source`` (its suffix says what it is) to ``out_pdf``.

    ``accessible`` asks for a tagged PDF/UA file (publication): LibreOffice's tagged export
    with PDF/UA compliance, or Word's own export with document structure tags. Only Word
    documents are converted that way; the app's own outputs are all Word.
    """
    suffix = source.suffix.lower()
    if suffix not in OFFICE_SUFFIXES:
        raise ConversionError(f"{source.name} is not a Word, Excel or PowerPoint file.")
    if accessible and suffix not in WORD:
        raise ConversionError(f"{source.name} is not a Word document: only Word is published.")
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    if converter.kind == "soffice":
        target = ACCESSIBLE_PDF_FILTER if accessible else "pdf"
        return _soffice(converter.program, source, out_pdf, timeout, run, target)
    return _msoffice(source, out_pdf, com_factory or _dispatch, accessible)


def convert_all(
    converter: Converter,
    sources: Sequence[Path],
    out_dir: Path,
    accessible: bool = False,
    timeout: float = 300.0,
    run: Callable[..., Any] = subprocess.run,
    com_factory: Callable[[str], Any] | None = None,
) -> dict[Path, str]:
    """Convert several files into ``out_dir`` as ``<stem>.pdf``; LibreOffice starts once.

    Returns each source's problem in a sentence, or '' when its PDF was made.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if converter.kind != "soffice":
        problems = {}
        for source in sources:
            try:
                convert(converter, source, out_dir / f"{source.stem}.pdf", timeout,
                        com_factory=com_factory, accessible=accessible)  # fmt: skip
                problems[source] = ""
            except ConversionError as exc:
                problems[source] = str(exc)
        return problems
    target = ACCESSIBLE_PDF_FILTER if accessible else "pdf"
    with tempfile.TemporaryDirectory(prefix="atr-soffice-") as work:
        made = Path(work, "out")
        try:
            run(_soffice_args(converter.program, work, made, target, sources),
                capture_output=True, timeout=timeout, check=False)  # fmt: skip
            failed = ""
        except subprocess.TimeoutExpired:
            failed = f"LibreOffice took longer than {timeout:.0f} seconds to convert them."
        except OSError as exc:
            failed = f"LibreOffice could not be started ({exc})."
        problems = {}
        for source in sources:
            pdf = made / f"{source.stem}.pdf"
            if pdf.is_file() and pdf.stat().st_size:
                shutil.move(str(pdf), out_dir / pdf.name)
                problems[source] = ""
            else:
                problems[source] = failed or "LibreOffice could not convert it."
    return problems


def _soffice_args(
    program: str, work: str, outdir: Path, target: str, sources: Sequence[Path]
) -> list[str]:
    return [
        program,
        f"-env:UserInstallation={Path(work, 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *(str(s) for s in sources),
    ]


def _soffice(
    program: str,
    source: Path,
    out_pdf: Path,
    timeout: float,
    run: Callable[..., Any],
    target: str = "pdf",
) -> Path:
    with tempfile.TemporaryDirectory(prefix="atr-soffice-") as work:
        outdir = Path(work, "out")
        try:
            run(
                _soffice_args(program, work, outdir, target, [source]),
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"LibreOffice took longer than {timeout:.0f} seconds to convert it."
            ) from None
        except OSError as exc:
            raise ConversionError(f"LibreOffice could not be started ({exc}).") from None
        made = outdir / (source.stem + ".pdf")
        if not made.is_file() or made.stat().st_size == 0:
            raise ConversionError("LibreOffice could not convert it (it may be damaged).")
        shutil.move(str(made), out_pdf)
    return out_pdf


def _dispatch(prog_id: str) -> Any:
    import win32com.client  # type: ignore[import-not-found,unused-ignore]

    return win32com.client.DispatchEx(prog_id)


# Office's own "save as PDF" constants: Word wdExportFormatPDF, Excel xlTypePDF,
# PowerPoint ppSaveAsPDF.
_WORD_PDF, _EXCEL_PDF, _POWERPOINT_PDF = 17, 0, 32


# Word's ExportAsFixedFormat options for an accessible PDF: wdExportOptimizeForPrint 0,
# wdExportCreateHeadingBookmarks 1; DocStructureTags writes the tags, and Word takes the
# title and language from the document's properties.
_WORD_ACCESSIBLE = {
    "OpenAfterExport": False,
    "OptimizeFor": 0,
    "IncludeDocProps": True,
    "KeepIRM": True,
    "CreateBookmarks": 1,
    "DocStructureTags": True,
    "BitmapMissingFonts": True,
    "UseISO19005_1": False,
}


def _msoffice(
    source: Path, out_pdf: Path, factory: Callable[[str], Any], accessible: bool = False
) -> Path:
    suffix = source.suffix.lower()
    src, dst = str(source.resolve()), str(out_pdf.resolve())
    try:
        if suffix in WORD:
            app = factory("Word.Application")
            app.Visible = False
            app.DisplayAlerts = 0
            try:
                doc = app.Documents.Open(src, ReadOnly=True, AddToRecentFiles=False)
                if accessible:
                    doc.ExportAsFixedFormat(dst, _WORD_PDF, **_WORD_ACCESSIBLE)
                else:
                    doc.ExportAsFixedFormat(dst, _WORD_PDF)
                doc.Close(False)
            finally:
                app.Quit()
        elif suffix in EXCEL:
            app = factory("Excel.Application")
            app.Visible = False
            app.DisplayAlerts = False
            try:
                book = app.Workbooks.Open(src, ReadOnly=True)
                book.ExportAsFixedFormat(_EXCEL_PDF, dst)
                book.Close(False)
            finally:
                app.Quit()
        else:
            app = factory("PowerPoint.Application")
            try:
                deck = app.Presentations.Open(src, True, False, False)
                deck.SaveAs(dst, _POWERPOINT_PDF)
                deck.Close()
            finally:
                app.Quit()
    except ConversionError:
        raise
    except Exception as exc:  # COM raises its own error types
        raise ConversionError(f"Microsoft Office could not convert it ({exc}).") from None
    if not out_pdf.is_file():
        raise ConversionError("Microsoft Office did not produce a PDF.")
    return out_pdf
