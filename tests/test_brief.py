"""Journey 6, the chair's view: a brief naming overdue owners and the expected quorum."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from atr_desktop.services import actions, attendance, brief, home, meetings
from tests.office import needs_soffice, pdf_text

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

TODAY = dt.date(2026, 11, 25)


def next_sg(db) -> int:
    upcoming = [m for m in meetings.list_meetings(db, group="SG", since=TODAY)]
    return upcoming[0].id


def test_brief_names_overdue_owners_and_expected_quorum(demo_db, tmp_path: Path) -> None:
    meeting_id = next_sg(demo_db)
    data = brief.brief_data(demo_db, meeting_id, today=TODAY)
    overdue = actions.list_actions(demo_db, actions.ActionFilter(group="SG", overdue=True), TODAY)
    assert {a.ref for a in data.overdue} == {a.ref for a in overdue if not a.confidential}
    assert data.quorum and "quorate" in data.quorum[0]
    assert any(a.status == "expected" for a in data.attendees)
    out = brief.write_brief(demo_db, meeting_id, tmp_path / "brief.docx", today=TODAY)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    cells = {c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells}
    assert "Expected quorum" in text and data.quorum[0] in text
    for action in data.overdue:
        assert action.owner in cells


def test_apologies_turn_the_expected_quorum(demo_db) -> None:
    meeting_id = next_sg(demo_db)
    register = attendance.get_register(demo_db, meeting_id)
    voters = [line for line in register.lines if line.voting and line.person_id]
    for line in voters[: len(voters) - 2]:
        attendance.set_attendance(
            demo_db, meeting_id, line.email, attendance.LineChange(status="apologies")
        )
    data = brief.brief_data(demo_db, meeting_id, today=TODAY)
    assert "NOT expected to be quorate" in data.quorum[0]
    assert sum(a.status == "apologies" for a in data.attendees) == len(voters) - 2


def test_cli_brief_to_pdf_and_bad_extension(cli, demo_db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    meeting_id = next_sg(demo_db)
    out = tmp_path / "brief.pdf"
    code, _, err = cli("brief", str(meeting_id), "--out", str(out))
    assert code == 0, err
    assert "Chair's brief" in PdfReader(out).pages[0].extract_text()
    code, _, err = cli("brief", str(meeting_id), "--out", str(tmp_path / "brief.txt"))
    assert code == 1 and ".docx or a .pdf" in err


def test_home_overdue_actions_match_actions_list_overdue(cli, demo_db) -> None:
    import json

    code, out, _ = cli("actions", "list", "--overdue", "--json")
    assert code == 0
    listed = {a["ref"] for a in json.loads(out)["actions"]}
    data = home.home(demo_db)
    shown = {a.ref for a in data.actions if a.overdue}
    assert shown <= listed and shown and data.overdue_actions == len(listed)


@needs_soffice
def test_brief_opens_in_libreoffice(demo_db, tmp_path: Path) -> None:
    meeting_id = next_sg(demo_db)
    out = brief.write_brief(demo_db, meeting_id, tmp_path / "brief.docx", today=TODAY)
    text = pdf_text(out, tmp_path)
    assert "Overdue actions, by owner" in text and "quorate" in text
