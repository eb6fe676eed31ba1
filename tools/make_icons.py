"""Render resources/icons/src/*.svg into the PNG icons the app ships (run after editing one).

``python tools/make_icons.py`` writes resources/icons/ui/<name>.png (dark strokes, for the
normal palette) and <name>-light.png (for the high-contrast palette), 48 px square. The app
loads PNGs, so the bundle needs no SVG plugin.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "icons" / "src"
OUT = ROOT / "resources" / "icons" / "ui"
SIZE = 48
INKS = {"": "#2f3b4a", "-light": "#ffffff"}


def render(svg: str, ink: str) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", ink).encode()))
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (needed)
    OUT.mkdir(parents=True, exist_ok=True)
    for source in sorted(SOURCES.glob("*.svg")):
        svg = source.read_text(encoding="utf-8")
        for suffix, ink in INKS.items():
            render(svg, ink).save(str(OUT / f"{source.stem}{suffix}.png"))
    print(f"wrote {len(INKS) * len(list(SOURCES.glob('*.svg')))} icons to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
