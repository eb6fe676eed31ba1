"""The pack shows what the author's viewer shows, no more: pages rendered with pdftoppm
after the pack shrinks them, so anything outside a page's crop box (cropped-out lines,
content off the media box) would show as red."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.pack_fixtures import add_item, add_paper, boxed_pdf, make_meeting

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm"),
    pytest.mark.both_engines,  # SQLite and PostgreSQL (tests/conftest.py)
]

# (name, media box, crop box, trim box, rotate, user unit, inherited from /Pages)
PAPERS = [
    ("cropped A4", (0, 0, 595, 842), (40, 60, 555, 800), (50, 70, 545, 790), 0, 1.0, False),
    ("landscape, content off the page", (0, 0, 842, 595), None, None, 0, 1.0, False),
    ("rotated, inherited crop", (0, 0, 595, 842), (30, 40, 565, 802), None, 90, 1.0, True),
    ("US Letter in user units", (0, 0, 306, 396), (10, 12, 296, 384), None, 0, 2.0, False),
    ("offset boxes turned 270", (-100, -100, 512, 692), (-50, -60, 462, 642), None, 270, 1, False),
    ("crop box past the media box", (0, 0, 595, 842), (-80, 100, 700, 742), None, 180, 1, False),
]


def render(pdf: Path, page: int, folder: Path, dpi: int = 30) -> Any:
    """Page ``page`` (1-based) as a PIL image, as a viewer shows it (the crop box)."""
    from PIL import Image

    stem = folder / f"page{page}"
    subprocess.run(
        [
            *("pdftoppm", "-cropbox", "-r", str(dpi), "-f", str(page), "-l", str(page)),
            *("-png", "-singlefile", str(pdf), str(stem)),
        ],
        check=True,
        capture_output=True,
    )
    with Image.open(stem.with_suffix(".png")) as img:
        return img.convert("RGB")


def colour_count(img: Any) -> tuple[int, int]:
    """(pure red pixels, pure blue pixels): red is what the author could not see."""
    red = blue = 0
    data = img.tobytes()
    for r, g, b in zip(data[0::3], data[1::3], data[2::3], strict=True):
        if r > 230 and g < 25 and b < 25:
            red += 1
        elif b > 230 and r < 25 and g < 25:
            blue += 1
    return red, blue


def test_author_pdfs_show_red_outside_their_visible_box(tmp_path: Path) -> None:
    """The fixtures themselves: the author's viewer (poppler) shows blue and no red, and
    the red is there in the file (so the pack test below can fail)."""
    import pikepdf

    for name, media, crop, trim, rotate, unit, inherit in PAPERS:
        path = tmp_path / "paper.pdf"
        path.write_bytes(boxed_pdf(media, crop, trim, rotate, unit, inherit))
        if unit == 1.0:  # poppler ignores /UserUnit; the others render as an author sees
            red, blue = colour_count(render(path, 1, tmp_path))
            assert red == 0 and blue > 0, name
        with pikepdf.open(path) as pdf:
            assert b"1.0 0.0 0.0 rg" in pdf.pages[0].Contents.read_bytes(), name


def test_pack_pages_show_nothing_outside_the_crop_box(db: Any, tmp_path: Path) -> None:
    from atr_desktop.services import pack

    meeting = make_meeting(db)
    item = add_item(db, meeting, "Papers with awkward page boxes")
    for name, media, crop, trim, rotate, unit, inherit in PAPERS:
        data = boxed_pdf(media, crop, trim, rotate, unit, inherit)
        add_paper(db, item, name.capitalize(), data, name.replace(" ", "-") + ".pdf")
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out)
    for (name, media, crop, _trim, rotate, unit, _inherit), sheet in zip(
        PAPERS, result.entry_pages, strict=True
    ):
        page = sheet + 1  # the paper follows its one-page cover sheet
        img = render(out, page, tmp_path)
        red, blue = colour_count(img)
        assert red == 0, f"{name}: {red} pixels from outside the crop box show in the pack"
        assert blue > 0, f"{name}: the visible content is missing"
        box = crop or media  # the visible box is the crop box within the media box
        w = (min(box[2], media[2]) - max(box[0], media[0])) * unit
        h = (min(box[3], media[3]) - max(box[1], media[1])) * unit
        if rotate in (90, 270):
            w, h = h, w
        assert abs(img.width / img.height - w / h) < 0.03, f"{name}: not as the reader sees it"


def test_visible_box_rewrites_the_page_in_points(tmp_path: Path) -> None:
    import io

    import pikepdf

    from atr_desktop.documents.pack.visible import show_only_visible

    data = boxed_pdf((0, 0, 306, 396), (10, 12, 296, 384), (20, 20, 280, 380), 90, 2.0, True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        page.obj.Annots = pikepdf.Array(
            [
                pikepdf.Dictionary(Subtype=pikepdf.Name.Link, Rect=[20, 20, 60, 40]),
                pikepdf.Dictionary(Subtype=pikepdf.Name.Link, Rect=[0, 0, 8, 8]),  # cropped off
            ]
        )
        assert show_only_visible(page) == 1
        obj = page.obj
        assert [float(v) for v in obj.MediaBox] == [20, 24, 592, 768]
        assert "/CropBox" not in obj and "/TrimBox" not in obj and "/UserUnit" not in obj
        assert int(obj.Rotate) == 90
        assert [float(v) for v in obj.Annots[0].Rect] == [40, 40, 120, 80]


def test_layers_the_author_hides_stay_hidden_in_the_pack(db: Any, tmp_path: Path) -> None:
    import pikepdf

    from atr_desktop.services import pack
    from tests.pack_fixtures import hidden_layer_pdf

    meeting = make_meeting(db)
    item = add_item(db, meeting, "Papers with layers")
    add_paper(db, item, "Layered plan", hidden_layer_pdf(), "layers.pdf")
    add_paper(db, item, "Another layered plan", hidden_layer_pdf(), "layers2.pdf")
    out = tmp_path / "pack.pdf"
    result = pack.build(db, "SG:2027-02-09", out)
    for sheet in result.entry_pages:
        red, blue = colour_count(render(out, sheet + 1, tmp_path))
        assert red == 0 and blue > 0, sheet
    with pikepdf.open(out) as pdf:
        layers = pdf.Root.OCProperties
        assert len(layers.OCGs) == 2 and len(layers.D.OFF) == 2
