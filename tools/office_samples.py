"""Render the demo's Word and Excel outputs into docs/outputs/, to look at.

Usage: .venv/bin/python tools/office_samples.py [FOLDER]

Builds the demo in a temporary database, writes the Part A and Part B agendas, the
minutes, the decision log (Word and Excel, Part B included), the chase list and the
attendance matrix, converts each through LibreOffice (``soffice --headless``) and renders
the first page with ``pdftoppm -r 60``; the renders are copied under names that say what
they show. Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def outputs(work: Path) -> dict[str, Path]:
    """Name -> file of each output worth looking at, made from the demo."""
    from sqlalchemy import select

    from atr_desktop.services import (
        attendance_matrix,
        decisions,
        meeting_outputs,
        member_exports,
        minutes_export,
    )
    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database
    from atr_desktop.storage.models import AgendaItem, Meeting

    db = init_database(work / "demo.atr")
    build_demo(db, today=dt.date(2026, 11, 25))
    with db.session() as s:
        item = s.scalars(select(AgendaItem).where(AgendaItem.confidential)).first()
        assert item is not None
        meeting = s.get_one(Meeting, item.meeting_id)
        ref = meeting.id
        held = s.scalars(
            select(Meeting).where(Meeting.date < dt.date(2026, 11, 25)).order_by(Meeting.date)
        ).all()
        minuted = held[-1].id
        upcoming = s.scalars(
            select(Meeting).where(Meeting.date >= dt.date(2026, 11, 25)).order_by(Meeting.date)
        ).first()
        assert upcoming is not None
    made = {
        "office-agenda-part-a": meeting_outputs.export_agenda(db, ref, work / "agenda-a.docx"),
        "office-agenda-part-b": meeting_outputs.export_agenda(db, ref, work / "agenda-b.docx", "B"),
        "office-minutes": minutes_export.export(db, minuted, work / "minutes.docx"),
        "office-decision-log": decisions.export(db, work / "decisions.docx"),
        "office-decision-log-xlsx-part-b": decisions.export(
            db, work / "decisions.xlsx", confidential=True
        ),
        "office-attendance-xlsx": attendance_matrix.export(db, "SG", 2026, work / "att.xlsx"),
        "office-members-xlsx": member_exports.export_members(db, "SG", work / "members.xlsx"),
    }
    meeting_outputs.chase_list_docx(db, upcoming.id, work / "chase.docx")
    made["office-chase-list"] = work / "chase.docx"
    db.close()
    return made


LAST_PAGE_TOO = {"office-minutes"}  # the chair's signature block ends the minutes


def render(source: Path, work: Path) -> list[Path]:
    """Every page of ``source`` as PNG, through LibreOffice's PDF export."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = work / (source.stem + ".pdf")
    stem = work / f"{source.stem}-page"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(stem)], check=True)
    return sorted(work.glob(f"{source.stem}-page*.png"))


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs" / "outputs"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="atr-office-") as tmp:
        work = Path(tmp)
        for name, path in outputs(work).items():
            pages = render(path, work)
            shutil.copy(pages[0], target / f"{name}.png")
            if name in LAST_PAGE_TOO and len(pages) > 1:
                shutil.copy(pages[-1], target / f"{name}-last-page.png")
            print(f"{name}: {len(pages)} page(s) -> {target / (name + '.png')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
