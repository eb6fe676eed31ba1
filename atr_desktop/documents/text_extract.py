"""Text taken from an attached paper, for search (PDF and Word; other kinds give none).

The file has already passed the attach checks (services/paper_checks: it opens, it is
what its name says, it is not locked). Extraction is capped (pages and characters) and
any failure gives no text rather than refusing a paper that is otherwise fine.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

MAX_PAGES = 150
MAX_CHARS = 200_000


def extract_text(path: Path) -> str:
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            return _pdf(path)[:MAX_CHARS]
        if suffix == ".docx":
            return _docx(path)[:MAX_CHARS]
    except Exception as exc:  # a paper's text is a convenience for search, never a blocker
        log.info("no text taken from a %s paper: %s", suffix, type(exc).__name__)
    return ""


def _pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    parts = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(len(p) for p in parts) > MAX_CHARS:
            break
    return "\n".join(parts)


def _docx(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
