"""``papers export``: a meeting's Word papers in one folder (cover sheets, contents list).

The contents list gives each paper's pack page exactly as the pack lays it out (the pack
is built in a temporary folder to learn them). The Word agenda goes in the same folder.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from atr_desktop.documents.cover_sheets import contents_docx, cover_sheet_docx
from atr_desktop.documents.pack import runner
from atr_desktop.paths import child_file
from atr_desktop.services import pack
from atr_desktop.services.house import house
from atr_desktop.services.meeting_outputs import export_agenda
from atr_desktop.storage.database import Database


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:50] or "paper"


def export_papers(
    db: Database, ref: str | int, out: Path, placeholders: bool = False
) -> list[Path]:
    """Write every cover sheet and the contents list into ``out``; returns the files."""
    with runner.Worker() as worker:
        checked = pack.check_plan(pack.plan(db, ref, "main"), worker=worker)
        spec, _used = pack.spec_for(checked, placeholders)
        with tempfile.TemporaryDirectory(prefix="atr-papers-") as work:
            built = pack.build_plan(checked, Path(work) / "pack.pdf", placeholders, worker=worker)
    style = house(db)
    header = spec.header
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows = []
    for index, entry in enumerate(spec.entries, start=1):
        page = str(built.entry_pages[index - 1])
        if entry.page_only:  # an item whose paper is to follow has no cover sheet yet
            rows.append((entry.item, entry.cover.item_title, "Paper to follow", page))
            continue
        name = f"{index:02d}-item-{entry.item}-{_slug(entry.cover.title)}-cover-sheet.docx"
        written.append(
            cover_sheet_docx(style, entry.cover, header.group, header.day, child_file(out, name))
        )
        rows.append((entry.item, entry.cover.item_title, entry.cover.title, page))
    written.append(contents_docx(style, header.group, header.day, rows, out / "00-contents.docx"))
    written.append(export_agenda(db, ref, out / "00-agenda.docx"))
    return written
