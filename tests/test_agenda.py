"""Agendas: standing items, reordering (numbers and times follow), sub-items, copying, and
the Word agenda read back (and rendered by LibreOffice when it is installed)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import agenda, meeting_outputs, meetings, papers
from atr_desktop.services.agenda import ItemInput
from tests.office import pdf_text
from tests.paper_files import docx, pdf

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _meeting(db, day: dt.date = dt.date(2027, 2, 9), group: str = "SG") -> str:
    made = meetings.schedule_meetings(
        db,
        meetings.MeetingInput(
            group=group,
            date=day,
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            venue="Wellington House, Leeds",
        ),
    )
    return made[0].ref


def _titles(db, ref: str) -> list[tuple[str, str, str]]:
    return [(r.number, r.start.strftime("%H:%M"), r.title) for r in agenda.agenda(db, ref)]


def test_items_go_before_aob_and_reordering_renumbers_and_retimes(db) -> None:
    ref = _meeting(db)
    agenda.add_item(
        db, ref, ItemInput("Training Collaborative proposal", "J. Smith", "decision", 20)
    )
    agenda.add_item(db, ref, ItemInput("Risk register", "Programme Lead", "assurance", 15))
    rows = _titles(db, ref)
    assert rows[-1] == ("7", "11:05", "Any other business")
    assert rows[4] == ("5", "10:30", "Training Collaborative proposal")
    agenda.move_item(db, ref, "6", "5")
    rows = _titles(db, ref)
    assert rows[4] == ("5", "10:30", "Risk register")
    assert rows[5] == ("6", "10:45", "Training Collaborative proposal")
    agenda.add_item(db, ref, ItemInput("Finance", minutes=5), under="6")
    agenda.move_item(db, ref, "5", "6.1")  # risk register becomes a sub-item of 6 (now 5)
    rows = _titles(db, ref)
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "5.1", "5.2", "6"]
    assert rows[5] == ("5.1", "10:50", "Risk register")
    with pytest.raises(UserError, match="always the last"):
        agenda.move_item(db, ref, "6", "1")
    with pytest.raises(UserError, match="under itself"):
        agenda.move_item(db, ref, "5", "5.1.1")


def test_keyboard_moves_indent_outdent_and_removal(db) -> None:
    ref = _meeting(db)
    a = agenda.add_item(db, ref, ItemInput("A"))
    b = agenda.add_item(db, ref, ItemInput("B"))
    assert agenda.shift_item(db, b.id, -1).number == "5"
    assert agenda.indent_item(db, a.id).number == "5.1"
    assert agenda.outdent_item(db, a.id).number == "6"
    agenda.remove_item(db, a.id)
    assert [r[2] for r in _titles(db, ref)][-2:] == ["B", "Any other business"]


def test_copy_from_previous_meeting(db) -> None:
    first = _meeting(db, dt.date(2027, 2, 9))
    agenda.add_item(db, first, ItemInput("Standing report", "Chair", "information", 10))
    with pytest.raises(UserError, match="under any other business"):
        agenda.add_item(db, first, ItemInput("Sub report", minutes=5), under="6")
    agenda.add_item(db, first, ItemInput("Sub report", minutes=5), under="5")
    second = _meeting(db, dt.date(2027, 5, 11))
    agenda.add_item(db, second, ItemInput("To be replaced"), None)
    agenda.add_item(db, second, ItemInput("Its sub-item"), under="5")
    rows = agenda.copy_from_previous(db, second)
    assert [(r.number, r.title) for r in rows][4:6] == [
        ("5", "Standing report"),
        ("5.1", "Sub report"),
    ]
    assert "To be replaced" not in [r.title for r in rows]
    assert rows[-1].kind == "aob"


def test_word_agenda_has_numbers_times_papers_and_part_b(db, tmp_path: Path) -> None:
    ref = _meeting(db)
    _meeting(db, dt.date(2027, 5, 11))
    agenda.add_item(
        db,
        ref,
        ItemInput("Training Collaborative proposal", "J. Smith", "decision", 20, has_papers=True),
    )
    agenda.add_item(db, ref, ItemInput("Risk register", "Programme Lead", "assurance", 15))
    agenda.add_item(
        db, ref, ItemInput("Contract award", "Director", "decision", 10, confidential=True)
    )
    agenda.move_item(db, ref, "6", "3")
    papers.attach_file(db, ref, "4", pdf(tmp_path / "minutes.pdf"), "Draft minutes")
    papers.attach_file(db, ref, "6", docx(tmp_path / "tc.docx"), "Proposal")
    out = meeting_outputs.export_agenda(db, ref, tmp_path / "agenda.docx")

    from docx import Document

    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "ATR Strategy Group" in text
    assert "Tuesday 9 February 2027, 10:00 to 12:30" in text
    assert "Wellington House, Leeds" in text
    assert "Date of next meeting: Tuesday 11 May 2027, 10:00" in text
    assert "Part B (confidential) items follow on a separate agenda." in text
    table = doc.tables[0]
    rows = [[c.text.strip() for c in row.cells] for row in table.rows]
    assert rows[0] == ["Item", "Time", "Title", "Lead", "Purpose", "Paper"]
    assert rows[3][:3] == ["3", "10:10", "Risk register"]
    assert rows[4][:3] == ["4", "10:25", "Minutes of the last meeting and matters arising"]
    assert rows[4][5] == "A"
    assert rows[6][2] == "Training Collaborative proposal" and rows[6][5] == "B"
    assert rows[-1][2] == "Any other business"
    assert "Contract award" not in [r[2] for r in rows]
    assert doc.sections[0].header.paragraphs[0].text.startswith("OFFICIAL")
    part_b = meeting_outputs.export_agenda(db, ref, tmp_path / "part-b.docx", part="B")
    b_doc = Document(str(part_b))
    assert [r.cells[2].text for r in b_doc.tables[0].rows[1:]] == ["Contract award"]
    assert "Part B (confidential)" in "\n".join(p.text for p in b_doc.paragraphs)

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    rendered = pdf_text(out, tmp_path)
    assert "Risk register" in rendered and "10:25" in rendered
