"""Papers of every awkward kind, and meetings with items and papers, for the pack tests."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def pdf_bytes(
    pages: int = 2,
    size: tuple[float, float] = A4,
    label: str = "Paper",
    bookmarks: bool = False,
    edge_text: bool = True,
) -> bytes:
    """A PDF whose text runs to the very bottom edge, so a stamp on top would show."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=size)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(40, size[1] - 60, f"{label} page {n}")
        if bookmarks:
            canvas.bookmarkPage(f"p{n}")
            canvas.addOutlineEntry(f"Section {n}", f"p{n}", level=0)
        if edge_text:
            canvas.setFont("Helvetica", 9)
            canvas.drawString(10, 3, "BOTTOM EDGE TEXT " * 6)
            canvas.rect(1, 1, size[0] - 2, size[1] - 2)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def rotated_pdf(pages: int = 2, label: str = "Rotated") -> bytes:
    """Portrait pages shown turned a quarter (/Rotate 90): the reader sees landscape."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_bytes(pages, A4, label)))
    for page in pdf.pages:
        page.obj.Rotate = 90
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted_pdf(user: str = "", pages: int = 2, label: str = "Encrypted") -> bytes:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_bytes(pages, A4, label)))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret"))
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = pdf_bytes(4, A4, "Truncated")
    return data[: len(data) // 3]


def docx_bytes(title: str = "A Word paper") -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, 1)
    doc.add_paragraph("This paper was written in Word and converted for the pack.")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (800, 500), (0, 94, 184))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


FULL_COVER = {
    "author": "Dr A Author",
    "sponsor": "Director of Public Health",
    "purpose": "decision",
    "summary": "A short summary of the paper.",
    "recommendation": "The group is asked to approve the proposal.",
    "risks": "None significant.",
    "equality_impact": "Assessed; no adverse impact.",
    "previously_considered": "Network meeting, December 2026.",
}


def make_meeting(db: Any, day: dt.date = dt.date(2027, 2, 9), code: str = "SG") -> int:
    """A planned meeting of ``code`` with the standing items; returns its id."""
    from sqlalchemy import select

    from atr_desktop.storage.models import AgendaItem, Group, Meeting

    with db.session() as s:
        group = s.scalar(select(Group).where(Group.code == code))
        meeting = Meeting(
            group_id=group.id,
            date=day,
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            venue="Wellington House, Leeds",
            status="planned",
            uid=f"test-{code}-{day.isoformat()}@atr",
        )
        s.add(meeting)
        s.flush()
        for pos, (title, kind) in enumerate(
            [
                ("Welcome and apologies", "apologies"),
                ("Declarations of interest", "declarations"),
                ("Minutes of the last meeting", "minutes"),
                ("Action log", "action_log"),
            ],
            start=1,
        ):
            s.add(AgendaItem(meeting_id=meeting.id, position=pos, title=title, kind=kind))
        return meeting.id


def add_item(
    db: Any, meeting_id: int, title: str, confidential: bool = False, parent_id: int | None = None
) -> int:
    from sqlalchemy import func, select

    from atr_desktop.storage.models import AgendaItem

    with db.session() as s:
        last = s.scalar(
            select(func.max(AgendaItem.position)).where(
                AgendaItem.meeting_id == meeting_id,
                AgendaItem.parent_id.is_(parent_id)
                if parent_id is None
                else AgendaItem.parent_id == parent_id,
            )
        )
        item = AgendaItem(
            meeting_id=meeting_id,
            parent_id=parent_id,
            position=(last or 0) + 1,
            title=title,
            lead="Chair",
            purpose="decision",
            minutes_allotted=15,
            has_papers=True,
            confidential=confidential,
        )
        s.add(item)
        s.flush()
        return item.id


def add_paper(
    db: Any,
    item_id: int,
    title: str,
    data: bytes | None,
    filename: str = "paper.pdf",
    media_type: str = "application/pdf",
    added_at: dt.datetime | None = None,
    **cover: str,
) -> int:
    """A paper with its cover sheet filled (override fields with ``cover``) and a file."""
    from atr_desktop.storage.models import Paper, PaperFile

    fields = {**FULL_COVER, **cover}
    with db.session() as s:
        paper = Paper(
            agenda_item_id=item_id,
            title=title,
            status="received" if data is not None else "expected",
            **fields,
        )
        s.add(paper)
        s.flush()
        if data is not None:
            sha = db.blobs.put_bytes(data)
            s.add(
                PaperFile(
                    paper_id=paper.id,
                    version=1,
                    filename=filename,
                    sha256=sha,
                    size=len(data),
                    media_type=media_type,
                    added_at=added_at or dt.datetime(2026, 1, 20, 9, 0),
                )
            )
        return paper.id


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path
