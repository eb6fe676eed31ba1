"""Make each page of an author's PDF show in the pack exactly what the author's viewer shows.

A viewer shows the crop box (clipped to the media box), turned by /Rotate, in units of
/UserUnit. Content outside that box is invisible to the author but still in the file: once
the pack shrinks a page to make room for its stamp, it would come into view (off-page
lines showing through the footer band; a column or a name an author cropped out of view).
So every page's content is clipped to its visible box, the page is rewritten in points
(/UserUnit 1) with that box as its only box, and annotations wholly outside it are
dropped. /Rotate is kept as it was: geometry.view_of works out the reader's orientation.
"""

from __future__ import annotations

from typing import Any

Box = tuple[float, float, float, float]

OTHER_BOXES = ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox")


def inherited(page: Any, key: str) -> Any:
    """A page attribute that may sit on the page or on any /Pages node above it."""
    node = page
    for _depth in range(64):  # a malformed tree can loop; real ones are shallow
        if node is None:
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _box(value: Any) -> Box | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def visible_box(page: Any) -> Box:
    """The crop box clipped to the media box (PDF 32000-1, 14.11.2), in user units."""
    media = _box(inherited(page, "/MediaBox")) or (0.0, 0.0, 595.28, 841.89)
    crop = _box(inherited(page, "/CropBox")) or media
    box = (max(media[0], crop[0]), max(media[1], crop[1]), min(media[2], crop[2]))
    top = min(media[3], crop[3])
    if box[2] - box[0] < 1 or top - box[1] < 1:  # crop box outside the media box
        return media
    return box[0], box[1], box[2], top


def user_unit(page: Any) -> float:
    try:
        unit = float(page.get("/UserUnit", 1))
    except (TypeError, ValueError):
        return 1.0
    return unit if 0 < unit <= 75000 else 1.0


def rotation(page: Any) -> int:
    try:
        return int(inherited(page, "/Rotate") or 0) % 360
    except (TypeError, ValueError):
        return 0


def _overlaps(rect: Box, box: Box) -> bool:
    return rect[0] < box[2] and rect[2] > box[0] and rect[1] < box[3] and rect[3] > box[1]


def show_only_visible(page: Any) -> int:
    """Clip ``page`` (a pikepdf Page) to what its reader sees; returns annotations dropped."""
    import pikepdf

    obj = page.obj
    box, unit, rotate = visible_box(obj), user_unit(obj), rotation(obj)
    x0, y0, x1, y1 = box
    scale = f"{unit:g} 0 0 {unit:g} 0 0 cm " if unit != 1 else ""
    prefix = f"q {scale}{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g} re W n\n".encode()
    page.contents_add(prefix, prepend=True)
    page.contents_add(b"\nQ\n", prepend=False)
    obj.MediaBox = pikepdf.Array([x0 * unit, y0 * unit, x1 * unit, y1 * unit])
    for key in (*OTHER_BOXES, "/UserUnit"):
        if key in obj:
            del obj[key]
    obj.Rotate = rotate
    dropped = 0
    annots = obj.get("/Annots")
    if isinstance(annots, pikepdf.Array):
        kept = pikepdf.Array()
        for annot in annots:
            rect = _box(annot.get("/Rect")) if isinstance(annot, pikepdf.Dictionary) else None
            if rect is None or not _overlaps(rect, box):
                dropped += 1
                continue
            if unit != 1:
                annot.Rect = pikepdf.Array([v * unit for v in rect])
            kept.append(annot)
        obj.Annots = kept
    return dropped
