"""Render sample pages of a pack built from awkward papers into docs/outputs/, to look at.

Usage: .venv/bin/python tools/pack_samples.py [FOLDER]

The meeting has a landscape paper with lines off the page, a portrait paper turned a
quarter (/Rotate 90) whose author cropped a column out of view, a US Letter paper in user
units, a paper carrying JavaScript, an item whose paper is to follow, and people whose
names are in Polish, Greek and Cyrillic. Every page is rendered with pdftoppm; the pages
worth looking at are copied under names that say what they show.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

A4 = (595.28, 841.89)


def paper(size: tuple[float, float], label: str, hidden: str = "", off_page: bool = False) -> bytes:
    """A text paper; ``hidden`` is drawn in red in a right-hand column the author crops out."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=size)
    w, h = size
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(50, h - 60, label)
    canvas.setFont("Helvetica", 10)
    for n in range(int((h - 120) / 14)):
        canvas.drawString(
            50, h - 90 - n * 14, f"{n + 1:>3}  Line of the paper's text, as its author wrote it."
        )
    if hidden:
        canvas.setFillColorRGB(0.85, 0, 0)
        canvas.setFont("Helvetica-Bold", 11)
        for n in range(12):
            canvas.drawString(w - 110, h - 120 - n * 40, hidden)
    if off_page:
        canvas.setFillColorRGB(0.85, 0, 0)
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(60, -25, "OFF-PAGE NOTE THE AUTHOR NEVER SAW")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def boxed(data: bytes, crop: tuple[float, float, float, float] | None, rotate: int = 0) -> bytes:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    for page in pdf.pages:
        if crop:
            page.obj.CropBox = pikepdf.Array(list(crop))
        if rotate:
            page.obj.Rotate = rotate
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def build(folder: Path) -> Path:
    from atr_desktop.services import pack
    from atr_desktop.services.setup import init_database
    from tests.pack_fixtures import add_item, add_paper, hostile_pdf, make_meeting

    db = init_database(folder / "samples.db")
    meeting = make_meeting(db)
    land = add_item(db, meeting, "Finance: landscape tables")
    add_paper(
        db,
        land,
        "Budget monitoring, month 9",
        paper((A4[1], A4[0]), "Landscape budget tables", off_page=True),
        "budget.pdf",
        author="Łukasz Wiśniewski, Finance Lead",
    )
    rot = add_item(db, meeting, "Scanned and US papers")
    add_paper(
        db,
        rot,
        "Scanned evaluation (turned)",
        boxed(paper(A4, "Evaluation, scanned", hidden="Name: J. Doe"), (0, 0, 470, 842), 90),
        "scan.pdf",
        author="Σοφία Παπαδοπούλου, Evaluator",
    )
    add_paper(
        db,
        rot,
        "US template report",
        boxed(paper((612, 792), "US Letter report", hidden="Draft column"), (0, 0, 500, 792)),
        "letter.pdf",
        author="Дмитрий Иванов, Analyst",
    )
    add_paper(db, rot, "Form with macros", hostile_pdf(), "macros.pdf")
    add_item(db, meeting, "Workforce plan")  # expects a paper: to follow
    out = folder / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out, placeholders=True)
    print(f"Built {result.page_count} pages; papers' cover sheets at {result.entry_pages}")
    db.close()
    return out


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "outputs"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="atr-samples-") as work:
        pdf = build(Path(work))
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(work) / "p")], check=True
        )
        pages = sorted(Path(work).glob("p-*.png"))
        names = {
            2: "pack-agenda.png",
            4: "pack-landscape-off-page.png",
            5: "pack-cover-sheet-unicode.png",
            6: "pack-rotated-cropped.png",
            8: "pack-us-letter-cropped.png",
            12: "pack-to-follow.png",
        }
        for number, name in names.items():
            if number <= len(pages):
                shutil.copyfile(pages[number - 1], target / name)
                print(f"page {number} -> {target / name}")


if __name__ == "__main__":
    main()
