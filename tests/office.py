"""Open a Word file in LibreOffice as a person would, and read back what it printed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def needs_soffice(test: Callable[..., Any]) -> Callable[..., Any]:
    """A test that opens our Word output in LibreOffice (2-4 s each): in the ``render``
    suite, which ``.ci/run`` runs after ``./check.sh`` (issue 12: the README's test command
    under 6 minutes; rendering suites carry a marker and run from .ci/run)."""
    installed = shutil.which("soffice") is not None
    skip = pytest.mark.skipif(not installed, reason="LibreOffice is not installed")
    marked: Callable[..., Any] = pytest.mark.render(skip(test))
    return marked


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
