"""Small real paper files for tests: PDFs (plain, password-protected, truncated), Word."""

from __future__ import annotations

from pathlib import Path


def pdf(path: Path, text: str = "A paper") -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.save()
    return path


def locked_pdf(path: Path) -> Path:
    import pikepdf

    plain = pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(plain) as doc:
        doc.save(path, encryption=pikepdf.Encryption(owner="owner", user="secret"))
    return path


def truncated_pdf(path: Path) -> Path:
    data = pdf(path.with_name("whole-" + path.name)).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def docx(path: Path, text: str = "A paper") -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph(text)
    doc.save(str(path))
    return path
