"""Check one paper and turn it into a PDF the pack can take: what the worker runs.

Problems are plain sentences about the file (the caller adds the item and file name):
empty, not what its name says, password-protected, damaged.

Every paper then goes through one preparation step (documents.pack.visible and .active):
each page clipped to what the author's viewer shows, and active content stripped. The
result is cached by the content's sha256 (with what was removed beside it), so an
unchanged paper is converted and prepared once.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from atr_desktop.adapters.office import (
    EXCEL,
    OFFICE_SUFFIXES,
    POWERPOINT,
    WORD,
    ConversionError,
    Converter,
    convert,
)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp"}
KIND_NAMES = {
    "pdf": "a PDF",
    "word": "a Word document",
    "excel": "an Excel workbook",
    "powerpoint": "a PowerPoint presentation",
    "image": "an image",
    "ole": "an older Office file",
    "encrypted-office": "a password-protected Office file",
    "zip": "a zip archive",
    "rtf": "a Word (RTF) document",
    "unknown": "not a document the pack can read",
}


@dataclass(frozen=True)
class Job:
    key: str
    filename: str
    path: str
    sha256: str


@dataclass(frozen=True)
class Prepared:
    key: str
    pdf: str = ""
    pages: int = 0
    problem: str = ""
    needs_converter: bool = False
    removed: list[str] = field(default_factory=list)  # active content stripped


def expected_kind(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in WORD:
        return "word"
    if suffix in EXCEL:
        return "excel"
    if suffix in POWERPOINT:
        return "powerpoint"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return "unknown"


def sniff(path: Path) -> str:
    """What the bytes say the file is (magic numbers), whatever its name."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return "unknown"
        if any(n.startswith("word/") for n in names):
            return "word"
        if any(n.startswith("xl/") for n in names):
            return "excel"
        if any(n.startswith("ppt/") for n in names):
            return "powerpoint"
        if "content.xml" in names:
            return {".odt": "word", ".ods": "excel", ".odp": "powerpoint"}.get(
                path.suffix.lower(), "word"
            )
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        whole = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in whole:
            return "encrypted-office"
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    return "unknown"


def _matches(expected: str, actual: str, suffix: str) -> bool:
    if expected == actual:
        return True
    if actual == "ole" and suffix in {".doc", ".xls", ".ppt"}:
        return True
    return actual == "rtf" and suffix in {".rtf", ".doc"}


def check_pdf(path: Path) -> tuple[int, str]:
    """(pages, problem): password-protected, damaged or empty PDFs are problems."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            warnings = " ".join(pdf.get_warnings()).lower()
            pages = len(pdf.pages)
            if "damaged" in warnings or "recover" in warnings or "reconstruct" in warnings:
                return pages, "is damaged (it had to be repaired to be read, so pages may be lost)"
            if pages == 0:
                return 0, "has no pages"
            return pages, ""
    except pikepdf.PasswordError:
        return 0, "is password-protected: ask the author for a copy without a password"
    except (pikepdf.PdfError, OSError, ValueError):
        return 0, "is damaged and cannot be read: ask the author to send it again"


def image_to_pdf(source: Path, out: Path) -> None:
    """Place an image on an A4 page (landscape when the image is wide), fitted in margins."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    with Image.open(source) as img:
        img.load()
        picture = img.convert("RGB") if img.mode not in {"RGB", "L"} else img.copy()
    size = landscape(A4) if picture.width > picture.height else A4
    margin = 36.0
    scale = min((size[0] - 2 * margin) / picture.width, (size[1] - 2 * margin) / picture.height)
    w, h = picture.width * scale, picture.height * scale
    canvas = Canvas(str(out), pagesize=size)
    canvas.drawImage(ImageReader(picture), (size[0] - w) / 2, (size[1] - h) / 2, w, h)
    canvas.showPage()
    canvas.save()


PREPARED_VERSION = "v3"  # bump when the preparation step changes, so caches are redone


def make_faithful(source: Path, out: Path) -> tuple[int, list[str]]:
    """Write ``source`` to ``out`` with every page clipped to what its reader sees and
    active content stripped; returns (pages, what was removed)."""
    import pikepdf

    from atr_desktop.documents.pack.active import strip_active
    from atr_desktop.documents.pack.visible import show_only_visible

    with pikepdf.open(source) as pdf:
        removed = strip_active(pdf)
        for page in pdf.pages:
            show_only_visible(page)
        pdf.save(out, encryption=False)
        return len(pdf.pages), removed


def _convert(
    job: Job, path: Path, expected: str, made: Path, converter: Converter | None, timeout: float
) -> Prepared | None:
    """Turn an image or Office file into ``made`` (a PDF); a Prepared only on failure."""
    suffix = Path(job.filename).suffix.lower()
    if expected == "image":
        try:
            image_to_pdf(path, made)
        except (OSError, ValueError, SyntaxError):
            return Prepared(job.key, problem="is an image that cannot be read")
        return None
    if converter is None:
        return Prepared(
            job.key,
            problem="needs converting to PDF and no converter is installed "
            "(install LibreOffice, or save it as PDF from Word)",
            needs_converter=True,
        )
    named = made.with_name(f"paper{suffix}")
    shutil.copyfile(path, named)
    try:
        convert(converter, named, made, timeout=timeout)
    except ConversionError as exc:
        return Prepared(job.key, problem=f"could not be converted to PDF: {exc}")
    return None


def _problem(job: Job, expected: str, actual: str) -> str:
    suffix = Path(job.filename).suffix.lower()
    if actual == "encrypted-office":
        return "is password-protected: ask for a copy without one"
    if expected == "unknown":
        return f"is a kind of file the pack cannot include ('{suffix or 'none'}')"
    if not _matches(expected, actual, suffix):
        return (
            f"is not really {KIND_NAMES[expected]}: its content is "
            f"{KIND_NAMES.get(actual, 'something else')}"
        )
    return ""


def prepare(job: Job, cache: Path, converter: Converter | None, timeout: float) -> Prepared:
    """Check the paper and return a prepared PDF for it (or the problem)."""
    path = Path(job.path)
    if not path.is_file():
        return Prepared(job.key, problem="is missing from the papers' store")
    if path.stat().st_size == 0:
        return Prepared(job.key, problem="is empty (0 bytes)")
    expected, actual = expected_kind(job.filename), sniff(path)
    problem = _problem(job, expected, actual)
    if problem:
        return Prepared(job.key, problem=problem)
    cached = cache / f"{job.sha256}-{PREPARED_VERSION}.pdf"
    notes = cached.with_suffix(".json")
    if cached.is_file() and notes.is_file():
        pages, problem = check_pdf(cached)
        if not problem:
            return Prepared(job.key, str(cached), pages, removed=json.loads(notes.read_text()))
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="atr-paper-", dir=cache) as work:
        source = path
        if expected != "pdf":
            source = Path(work) / "converted.pdf"
            failed = _convert(job, path, expected, source, converter, timeout)
            if failed is not None:
                return failed
        pages, problem = check_pdf(source)
        if problem:
            return Prepared(job.key, problem=problem)
        made = Path(work) / "prepared.pdf"
        try:
            pages, removed = make_faithful(source, made)
        except Exception:  # pikepdf raises many kinds on hostile files; the paper is to blame
            return Prepared(job.key, problem="is damaged and cannot be read: ask for it again")
        notes.write_text(json.dumps(removed))
        os.replace(made, cached)
    return Prepared(job.key, str(cached), pages, removed=removed)


__all__ = ["OFFICE_SUFFIXES", "Job", "Prepared", "prepare"]
