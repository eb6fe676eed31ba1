"""Draw the app icon: resources/icons/atr-desktop.png (window) and .ico (Windows program).

The icons are committed; run this again only to change them:
    .venv/bin/python tools/make_icon.py
Pillow comes with reportlab. Its built-in font keeps the drawing the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
NHS_BLUE = (0, 94, 184, 255)
WHITE = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 256) -> Image.Image:
    """A blue rounded square with 'ATR' over a rule: readable down to 16 pixels."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(img)
    pad = size // 16
    pen.rounded_rectangle(
        (pad, pad, size - pad - 1, size - pad - 1), radius=size // 6, fill=NHS_BLUE
    )
    font = ImageFont.load_default(size=size * 0.36)
    text = "ATR"
    left, top, right, bottom = pen.textbbox((0, 0), text, font=font, stroke_width=size // 64)
    x = (size - (right - left)) / 2 - left
    y = size * 0.42 - (bottom - top) / 2 - top
    pen.text((x, y), text, font=font, fill=WHITE, stroke_width=size // 64, stroke_fill=WHITE)
    rule_y = int(size * 0.70)
    pen.rectangle((size * 0.22, rule_y, size * 0.78, rule_y + size // 24), fill=WHITE)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(OUT / "atr-desktop.png", optimize=True)
    big.save(OUT / "atr-desktop.ico", sizes=ICO_SIZES)
    for name in ("atr-desktop.png", "atr-desktop.ico"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
