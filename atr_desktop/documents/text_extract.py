"""Text taken from an attached paper, for search (PDF and Word; other kinds give none).

The file has already passed the attach checks (services/paper_checks: it opens, it is
what its name says, it is not locked). Extraction is capped (pages and characters) and
any failure gives no text rather than refusing a paper that is otherwise fine.
"""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

from atr_desktop.documents.worker_process import worker_command

log = logging.getLogger(__name__)

MAX_PAGES = 150
MAX_CHARS = 200_000
APART_TIMEOUT = 120.0  # seconds a paper's text may take in the worker before it is skipped


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


def extract_text_apart(path: Path, timeout: float = APART_TIMEOUT) -> str:
    """:func:`extract_text` in the pack worker's process, for the window's attach job.

    pypdf reads a 150-page paper in about a second of pure Python; on a thread it holds
    the interpreter's lock in bursts and the window stutters (issue 12). In its own
    process it costs the window nothing, and a hostile file that hangs it is stopped
    after ``timeout``. Any failure gives no text, as in-process extraction does.
    """
    if path.suffix.lower() not in (".pdf", ".docx"):
        return ""
    job = json.dumps({"mode": "text", "path": str(path)}) + "\n"
    try:
        done = subprocess.run(
            worker_command(),
            input=job,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("no text taken from a paper apart: %s", type(exc).__name__)
        return ""
    for line in done.stdout.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") == "text":
            return str(event.get("text", ""))[:MAX_CHARS]
    log.info("no text taken from a paper apart: the worker gave none")
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
