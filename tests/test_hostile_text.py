"""Hostile text (hypothesis): control characters, characters XML cannot hold, right-to-left
text, emoji and very long strings go through fields and exports without loss or failure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atr_desktop.documents import brief, word, xlsx
from atr_desktop.documents.text import xml_safe
from atr_desktop.errors import UserError
from atr_desktop.services import groups, search

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

# Everything a keyboard, a paste or a bad file can produce, except lone surrogates
# (refused with a message: see domain/text.py).
TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    min_size=1,
    max_size=300,
)
HOSTILE = st.one_of(
    TYPED,
    st.sampled_from(
        [
            "\x00\x01\x07\x1b[31m",
            "مرحبا بالعالم \u202e reversed",
            "👩🏽‍⚕️ Zoë & Siân <b>bold</b> ]]>",
            '=HYPERLINK("http://x")',
            "\ufffe\uffff",
            "a" * 5000,
        ]
    ),
)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples in every run: CI never goes red by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(name=HOSTILE.filter(lambda s: s.replace("\x00", "").strip() != ""), description=HOSTILE)
def test_group_fields_round_trip_exactly(db, name: str, description: str) -> None:
    # A NUL is refused (below); everything else a keyboard, paste or file gives is kept.
    name, description = name.replace("\x00", "")[:200], description.replace("\x00", "")
    info = groups.update_group(
        db, "NET", groups.GroupInput(code="NET", name=name, kind="network", description=description)
    )
    again = groups.get_group(db, info.id)
    assert again.name == name.strip() and again.description == description.strip()
    search.search(db, name)  # never fails, whatever is typed


def test_limits_and_broken_characters_get_a_plain_message(db) -> None:
    with pytest.raises(UserError, match="the limit is 200"):
        groups.update_group(
            db, "NET", groups.GroupInput(code="NET", name="x" * 201, kind="network")
        )
    with pytest.raises(UserError, match="description contains a NUL character"):
        groups.update_group(
            db, "NET", groups.GroupInput(code="NET", name="N", kind="network", description="a\x00")
        )
    with pytest.raises(UserError, match="broken character"):
        groups.update_group(
            db, "NET", groups.GroupInput(code="NET", name="bad \ud83d half", kind="network")
        )


@SETTINGS
@given(text=HOSTILE)
def test_word_excel_and_pdf_exports_never_fail(tmp_path: Path, text: str) -> None:
    from docx import Document
    from openpyxl import load_workbook

    doc = word.new_document(word.House(organisation=text, marking=text[:50]))
    word.add_table(doc, ["A"], [[text]])
    word.add_paragraphs(doc, text)
    out = word.save(doc, tmp_path / "x.docx")
    cell_text = Document(str(out)).tables[0].rows[1].cells[0].text
    assert "".join(cell_text.split()) == "".join(xml_safe(text).split())
    book = xlsx.new_workbook()
    xlsx.write_sheet(book.active, ["A"], [[text]])
    cell = load_workbook(xlsx.save(book, tmp_path / "x.xlsx")).active["A2"].value
    assert cell is not None and not str(cell).startswith(("=", "+", "-", "@"))
    data = brief.BriefData(
        group_name=text,
        meeting_date=dt.date(2027, 2, 9),
        start=None,
        venue=text,
        decisions=[("1", text, text)],
    )
    brief.to_pdf(data, word.House(), tmp_path / "b.pdf")
    brief.to_docx(data, word.House(), tmp_path / "b.docx")


def test_replacement_rule_is_documented_and_applied() -> None:
    assert xml_safe("ok\x00\x0b\x1f\uffffend") == "ok\ufffd\ufffd\ufffd\ufffdend"


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=HOSTILE.filter(lambda s: s.strip() != ""))
def test_records_round_trip_and_every_export_holds(db, tmp_path: Path, text: str) -> None:
    """A person, minutes, a decision and an action full of hostile text: saved exactly,
    and minutes, action log, decision log, member list, agenda and pack all still export."""
    from atr_desktop.services import (
        action_outputs,
        decisions,
        meeting_outputs,
        member_exports,
        members,
        minutes,
        minutes_export,
        pack,
        people,
    )
    from atr_desktop.services import actions as action_service
    from atr_desktop.services.meetings import MeetingInput, schedule_meetings

    short = text[:100]
    if not getattr(db, "_hostile_ready", False):
        schedule_meetings(
            db, MeetingInput(group="SG", date=dt.date(2027, 2, 9), start_time=dt.time(10))
        )
        people.add_person(db, people.PersonInput(first_name="Zoë", last_name="X", email="z@x.org"))
        members.add_membership(db, "SG", "z@x.org", "member", start=dt.date(2026, 1, 1))
        db._hostile_ready = True
    people.update_person(
        db,
        "z@x.org",
        people.PersonInput(first_name=short, last_name="X", email="z@x.org", notes=text),
    )
    assert people.get_person(db, "z@x.org").notes.strip() == text.strip()
    minutes.write_item(db, "SG:2027-02-09", "1", text)
    shown = minutes.show(db, "SG:2027-02-09")
    assert text.strip() in [item.discussion.strip() for item in shown.items]
    decisions.add_decision(db, "SG:2027-02-09", "1", text)
    action_service.add_action(db, "SG:2027-02-09", "1", text, short, dt.date(2027, 3, 1))
    outputs = [
        minutes_export.export(db, "SG:2027-02-09", tmp_path / "m.docx"),
        action_output := action_outputs.export_log(db, tmp_path / "a.xlsx"),
        action_outputs.export_log(db, tmp_path / "a.docx"),
        decisions.export(db, tmp_path / "d.xlsx"),
        member_exports.export_members(db, "SG", tmp_path / "m.csv"),
        member_exports.export_members(db, "SG", tmp_path / "m.xlsx"),
        meeting_outputs.export_agenda(db, "SG:2027-02-09", tmp_path / "ag.docx"),
    ]
    assert all(path.stat().st_size > 0 for path in outputs) and action_output.exists()
    pack.build(db, "SG:2027-02-09", tmp_path / "pack.pdf", placeholders=True)
    assert (tmp_path / "pack.pdf").stat().st_size > 0


def test_a_very_long_action_and_summary_flow_across_pack_pages(db, tmp_path: Path) -> None:
    """Found by the test above: a 5,000-character action broke the pack's action log."""
    from atr_desktop.services import actions as action_service
    from atr_desktop.services import pack
    from atr_desktop.services.meetings import MeetingInput, schedule_meetings

    schedule_meetings(
        db, MeetingInput(group="SG", date=dt.date(2027, 2, 9), start_time=dt.time(10))
    )
    long_text = "Review the workforce plan " * 400
    action_service.add_action(db, "SG:2027-02-09", "1", long_text, "Somebody", dt.date(2027, 3, 1))
    pack.build(db, "SG:2027-02-09", tmp_path / "pack.pdf", placeholders=True)
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "pack.pdf").pages) >= 4
