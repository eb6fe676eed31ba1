"""Page geometry: what the reader sees of a page (crop box, /Rotate) and how to shrink a
paper's content so the stamp's footer band never covers it.

Matrices are PDF's six numbers (a, b, c, d, e, f): x' = a*x + c*y + e, y' = b*x + d*y + f.
"""

from __future__ import annotations

from dataclasses import dataclass

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class View:
    """A page as seen: visible width/height and the map from visible to user coordinates."""

    width: float
    height: float
    to_user: Matrix


def view_of(box: tuple[float, float, float, float], rotate: int) -> View:
    """The visible page of a crop box (x0, y0, x1, y1) shown turned ``rotate`` degrees."""
    x0, y0, x1, y1 = (
        min(box[0], box[2]),
        min(box[1], box[3]),
        max(box[0], box[2]),
        max(box[1], box[3]),
    )
    w, h = x1 - x0, y1 - y0
    r = rotate % 360
    if r == 90:
        return View(h, w, (0, 1, -1, 0, x1, y0))
    if r == 180:
        return View(w, h, (-1, 0, 0, -1, x1, y1))
    if r == 270:
        return View(h, w, (0, -1, 1, 0, x0, y1))
    return View(w, h, (1, 0, 0, 1, x0, y0))


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """Apply ``m`` first, then ``n``."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def shrink_matrix(view: View, band: float) -> Matrix:
    """User-space matrix that shrinks the visible page into the area above ``band``,
    centred across, keeping the reader's orientation."""
    scale = (view.height - band) / view.height
    in_view: Matrix = (scale, 0, 0, scale, (view.width - view.width * scale) / 2, band)
    return multiply(multiply(invert(view.to_user), in_view), view.to_user)


def transform_rect(m: Matrix, rect: tuple[float, float, float, float]) -> list[float]:
    x0, y0 = apply(m, rect[0], rect[1])
    x1, y1 = apply(m, rect[2], rect[3])
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]
