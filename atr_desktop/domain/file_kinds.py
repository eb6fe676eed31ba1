"""What kind of file a paper is, from its extension and its first bytes (magic numbers).

Pure rules, shared by attaching papers and building packs: a file whose bytes do not match
what its extension says is refused before it reaches the store.
"""

from __future__ import annotations

from dataclasses import dataclass

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileKind:
    label: str
    media_type: str
    magics: tuple[bytes, ...]


KINDS: dict[str, FileKind] = {
    "pdf": FileKind("PDF", "application/pdf", (b"%PDF-",)),
    "docx": FileKind(
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "doc": FileKind("Word 97-2003 document", "application/msword", (OLE,)),
    "xlsx": FileKind(
        "Excel workbook",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (ZIP,),
    ),
    "xls": FileKind("Excel 97-2003 workbook", "application/vnd.ms-excel", (OLE,)),
    "pptx": FileKind(
        "PowerPoint presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (ZIP,),
    ),
    "ppt": FileKind("PowerPoint 97-2003 presentation", "application/vnd.ms-powerpoint", (OLE,)),
    "png": FileKind("PNG image", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileKind("JPEG image", "image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": FileKind("JPEG image", "image/jpeg", (b"\xff\xd8\xff",)),
}

OOXML_PART = {"docx": b"word/", "xlsx": b"xl/", "pptx": b"ppt/"}


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def article(label: str) -> str:
    """'a PDF', 'an Excel workbook'."""
    return ("an " if label[:1].upper() in "AEIOU" else "a ") + label


def accepted_list() -> str:
    return "PDF, Word, Excel, PowerPoint, PNG or JPEG"


def sniff(head: bytes, zip_names: bytes = b"") -> str:
    """A plain name for what ``head`` looks like ('a PDF', 'a Word document'...)."""
    for ext, part in OOXML_PART.items():
        if head.startswith(ZIP) and part in zip_names:
            return article(KINDS[ext].label)
    if head.startswith(b"%PDF-"):
        return "a PDF"
    if head.startswith(ZIP):
        return "a zip-based file (Word, Excel, PowerPoint or a zip archive)"
    if head.startswith(OLE):
        return "an older Office file"
    if head.startswith(b"\x89PNG"):
        return "a PNG image"
    if head.startswith(b"\xff\xd8\xff"):
        return "a JPEG image"
    if head[:5].lower() in (b"<html", b"<!doc"):
        return "a web page"
    return "not a file type ATR Desktop recognises"


def matches(ext: str, head: bytes, tail_names: bytes = b"") -> bool:
    """Do the first bytes fit the extension? For Office zips, ``tail_names`` (the zip's part
    names) must hold the right folder, so a renamed .xlsx is not taken for a .docx."""
    kind = KINDS.get(ext)
    if kind is None:
        return False
    if not any(head.startswith(m) for m in kind.magics):
        return False
    part = OOXML_PART.get(ext)
    return part is None or not tail_names or part in tail_names
