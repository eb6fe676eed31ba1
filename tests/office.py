"""Open a Word file in LibreOffice as a person would, and read back what it printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)


def pdf_text(document: Path, work: Path) -> str:
    """Convert ``document`` with soffice (private profile) and return the PDF's text."""
    from pypdf import PdfReader

    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(document)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = work / (document.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice could not open {document.name}: {done.stderr}"
    return "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
