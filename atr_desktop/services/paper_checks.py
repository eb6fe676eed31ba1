"""Checks a paper's file before it is stored, so a bad file is refused at once, plainly.

Used when attaching papers and again when building packs: empty, unreadable, too large,
not what its extension says, a damaged (truncated) PDF or a password-protected one.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.domain import file_kinds
from atr_desktop.errors import UserError


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    filename: str
    extension: str
    media_type: str
    size: int


def check_paper_file(path: Path, max_mb: int = 0) -> CheckedFile:
    """Raise UserError (one sentence: what is wrong, what to do) or describe the good file."""
    name = path.name
    if not path.exists():
        raise UserError(f"{name} cannot be found any more: check it was not moved, then try again.")
    if path.is_dir():
        raise UserError(f"{name} is a folder: choose the paper's file instead.")
    ext = file_kinds.extension(name)
    kind = file_kinds.KINDS.get(ext)
    if kind is None:
        raise UserError(
            f"{name} is not a kind of file ATR Desktop keeps as a paper: save it as a "
            f"{file_kinds.accepted_list()} file."
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise UserError(
            f"{name} cannot be read ({exc.strerror or exc}): check you can open it, then try again."
        ) from None
    if size == 0:
        raise UserError(f"{name} is empty (0 bytes): ask the author to send it again.")
    if max_mb and size > max_mb * 1024 * 1024:
        raise UserError(
            f"{name} is {size / 1024 / 1024:.1f} MB, larger than the {max_mb} MB limit for a "
            "paper: ask the author for a smaller version (or raise the limit in Settings)."
        )
    names = _zip_names(path, ext in file_kinds.OOXML_PART) if head[:4] == file_kinds.ZIP else b""
    if not file_kinds.matches(ext, head, names):
        raise UserError(
            f"{name} is named as {file_kinds.article(kind.label)} but it is "
            f"{file_kinds.sniff(head, names)}: ask the "
            "author to save it again in the right format."
        )
    if ext == "pdf":
        _check_pdf(path)
    return CheckedFile(path, name, ext, kind.media_type, size)


def _zip_names(path: Path, must_open: bool) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.namelist()).encode()
    except (zipfile.BadZipFile, OSError):
        if not must_open:
            return b""
        raise UserError(
            f"{path.name} is damaged (it may have been cut short while downloading): ask the "
            "author to send it again."
        ) from None


def _check_pdf(path: Path) -> None:
    """A PDF must end properly, open without a password and have pages.

    qpdf (pikepdf) reads every encryption scheme without extra packages; a file that needs a
    password to open raises PasswordError (an owner-only password still opens and is fine).
    """
    import pikepdf

    name = path.name
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 1024))
        if b"%%EOF" not in fh.read():
            raise UserError(
                f"{name} is a damaged PDF (it ends too soon, perhaps cut short while "
                "downloading): ask the author to send it again."
            )
    try:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
    except pikepdf.PasswordError:
        raise UserError(
            f"{name} is protected by a password, so it cannot go into the pack: ask the "
            "author to send a copy without a password."
        ) from None
    except (pikepdf.PdfError, OSError, ValueError):
        raise UserError(
            f"{name} is a damaged PDF that cannot be opened: ask the author to send it again."
        ) from None
    if pages == 0:
        raise UserError(f"{name} is a PDF with no pages: ask the author to send it again.")
