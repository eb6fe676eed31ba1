"""Checks before building: every problem named at once; no paper silently missing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.pack_fixtures import (
    add_item,
    add_paper,
    encrypted_pdf,
    make_meeting,
    pdf_bytes,
    png_bytes,
    truncated_pdf,
)

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

REF = "SG:2027-02-09"


def bad_meeting(db: Any) -> None:
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Commissioning update")
    add_paper(db, item, "Good paper", pdf_bytes(2), "good.pdf")
    add_paper(db, item, "Locked paper", encrypted_pdf("secret"), "locked.pdf")
    add_paper(db, item, "Cut short", truncated_pdf(), "truncated.pdf")
    add_paper(db, item, "Not a PDF", png_bytes(), "notreally.pdf")
    add_paper(db, item, "Empty file", b"", "empty.pdf")
    add_paper(db, item, "Never sent", None)


def test_pack_check_names_every_problem(db: Any, cli: Any) -> None:
    bad_meeting(db)
    code, out, err = cli("pack", "check", REF)
    assert code == 1
    assert "locked.pdf" in err and "password-protected" in err
    assert "truncated.pdf" in err and "damaged" in err
    assert "notreally.pdf" in err and "not really a PDF" in err
    assert "empty.pdf" in err and "empty" in err
    assert "Never sent" in err and "not been received" in err
    assert "good.pdf" not in err
    assert "Item 5" in err
    code, out, err = cli("pack", "check", REF, "--json")
    assert code == 1
    problems = json.loads(out)["problems"]
    assert {p["filename"] for p in problems} >= {"locked.pdf", "truncated.pdf", "notreally.pdf"}


def test_build_refuses_bad_papers_unless_placeholders(db: Any, cli: Any, tmp_path: Path) -> None:
    bad_meeting(db)
    out = tmp_path / "pack.pdf"
    code, _, err = cli("pack", "build", REF, "--out", str(out))
    assert code == 1
    assert "not built" in err and "locked.pdf" in err
    assert not out.exists()
    assert not list(tmp_path.glob(".atr-pack-*"))
    code, stdout, err = cli("pack", "build", REF, "--out", str(out), "--placeholders")
    assert code == 0, err
    assert "Placeholder page for" in stdout
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert text.count("Paper not included") == 4
    assert text.count("Paper to follow") == 1  # 'Never sent' was never received
    assert "Commissioning update (to follow)" in " ".join(text.split())  # the agenda says so
    assert "password-protected" in text and "not been received" in text


def test_required_cover_fields_follow_the_setting(db: Any, cli: Any) -> None:
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Prevention strategy")
    add_paper(db, item, "Strategy", pdf_bytes(1), "strategy.pdf", recommendation="", risks="")
    code, _, err = cli("pack", "check", REF)
    assert code == 1
    assert "no recommendation" in err and "strategy.pdf" in err
    assert "no risks" not in err
    cli("settings", "set", "required_cover_fields", "title,risks")
    code, _, err = cli("pack", "check", REF)
    assert code == 1 and "no risks" in err and "no recommendation" not in err


def test_office_paper_without_a_converter_is_named(db: Any) -> None:
    from atr_desktop.services import pack

    meeting = make_meeting(db)
    item = add_item(db, meeting, "Budget")
    add_paper(db, item, "Budget workbook", b"PK\x03\x04junk", "budget.xlsx")
    add_paper(db, item, "Slides", b"PK\x03\x04junk", "slides.pptx")
    from tests.pack_fixtures import docx_bytes

    add_paper(db, item, "Word paper", docx_bytes(), "paper.docx")
    result = pack.check_plan(pack.plan(db, REF), converter=None)
    by_file = {p.filename: p.message for p in result.problems}
    assert "no converter is installed" in by_file["paper.docx"]
    # Junk named .xlsx is caught before any converter would be tried.
    assert "not really" in by_file["budget.xlsx"]
    with pytest.raises(pack.PackProblems) as err:
        pack.spec_for(result, placeholders=False)
    assert "paper.docx" in str(err.value)


SLOW_WORKER = r"""
import json, sys, time
for line in sys.stdin:
    job = json.loads(line)
    for item in job["jobs"]:
        print(json.dumps({"event": "start", "key": item["key"]}), flush=True)
        if "slow" in item["filename"]:
            time.sleep(60)
        print(json.dumps({"event": "done", "key": item["key"], "result": {
            "key": item["key"], "pdf": item["path"], "pages": 1}}), flush=True)
    print(json.dumps({"event": "end"}), flush=True)
"""


def test_a_paper_that_hangs_is_reported_not_waited_on(tmp_path: Path) -> None:
    from atr_desktop.documents.pack.prepare import Job
    from atr_desktop.documents.pack.runner import run_prepare

    jobs = [
        Job("1", "first.pdf", "/x/1", "a"),
        Job("2", "slow.pdf", "/x/2", "b"),
        Job("3", "third.pdf", "/x/3", "c"),
    ]
    results = run_prepare(
        jobs, tmp_path, None, timeout=1.0, command=[sys.executable, "-c", SLOW_WORKER]
    )
    assert results["1"].problem == "" and results["3"].problem == ""
    assert "took longer than 1 seconds" in results["2"].problem


def test_a_worker_that_crashes_blames_the_paper(tmp_path: Path) -> None:
    from atr_desktop.documents.pack.prepare import Job
    from atr_desktop.documents.pack.runner import run_prepare

    crash = "import os, sys; sys.stdin.readline(); os._exit(3)"
    results = run_prepare(
        [Job("1", "a.pdf", "/x", "a")], tmp_path, None, command=[sys.executable, "-c", crash]
    )
    assert "could not be read" in results["1"].problem
