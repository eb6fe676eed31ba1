"""Word, Excel and calendar outputs as an Office user expects, and protective marking on
each of them (issue 15), read back with python-docx, openpyxl and icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from atr_desktop.errors import UserError
from atr_desktop.services import (
    agenda,
    attendance,
    attendance_matrix,
    decisions,
    declarations,
    meeting_outputs,
    meetings,
    member_exports,
    minutes_export,
    settings,
)
from atr_desktop.services.attendance import LineChange
from atr_desktop.storage.models import AgendaItem as AgendaItemModel
from atr_desktop.storage.models import Group, Meeting
from tests.meeting_fixtures import strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

ORGANISATION = "West Yorkshire Adversity, Trauma and Resilience Programme"


def _footer_xml(doc) -> str:  # type: ignore[no-untyped-def]
    return "".join(s.footer._element.xml for s in doc.sections)


def _fields(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        (node.text or "").strip()
        for s in doc.sections
        for node in s.footer._element.iter(qn("w:instrText"))
    ]


def _marking_everywhere(doc, label: str) -> None:  # type: ignore[no-untyped-def]
    for section in doc.sections:
        assert section.header.paragraphs[0].text.startswith(label)
        assert section.footer.paragraphs[0].text.startswith(label)
        assert "Page" in section.footer.paragraphs[0].text
    assert _fields(doc) == ["PAGE", "NUMPAGES"] * len(doc.sections)


def _all_text(doc) -> str:  # type: ignore[no-untyped-def]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_agenda_word_has_marking_page_numbers_and_properties(db, tmp_path: Path) -> None:
    sg = strategy_group(db)
    out = meeting_outputs.export_agenda(db, sg.meeting, tmp_path / "agenda.docx")
    doc = Document(str(out))
    _marking_everywhere(doc, "OFFICIAL")
    assert "OFFICIAL-SENSITIVE" not in _footer_xml(doc)
    props = doc.core_properties
    assert props.author == ORGANISATION and props.last_modified_by == ORGANISATION
    assert props.language == "en-GB" and props.title == "ATR Strategy Group: Agenda"
    assert "ATR Strategy Group" in props.subject
    assert props.created is not None
    created = props.created.replace(tzinfo=dt.UTC)
    assert abs((created - dt.datetime.now(dt.UTC)).total_seconds()) < 120  # not 2013
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_part_b_agenda_and_minutes_are_official_sensitive_with_the_reason(
    db, cli, tmp_path: Path
) -> None:
    sg = strategy_group(db)
    code, out, err = cli("agenda", "edit", str(sg.meeting), "7", "--exempt", "legal")
    assert code == 0, err
    assert "B (legal advice)" in out
    part_b = Document(str(meeting_outputs.export_agenda(db, sg.meeting, tmp_path / "b.docx", "B")))
    _marking_everywhere(part_b, "OFFICIAL-SENSITIVE: LEGAL ADVICE")
    assert "Exempt from publication: legal advice." in _all_text(part_b)
    part_a = Document(str(meeting_outputs.export_agenda(db, sg.meeting, tmp_path / "a.docx")))
    _marking_everywhere(part_a, "OFFICIAL")
    assert "Commissioning" not in _all_text(part_a)
    minutes_b = Document(
        str(minutes_export.export(db, sg.meeting, tmp_path / "mb.docx", confidential=True))
    )
    _marking_everywhere(minutes_b, "OFFICIAL-SENSITIVE: LEGAL ADVICE")
    for path in tmp_path.glob("*.docx"):
        assert "RESTRICTED" not in _all_text(Document(str(path))) + _footer_xml(Document(str(path)))


def test_exemption_other_needs_words_and_a_public_item_has_none(db, cli) -> None:
    sg = strategy_group(db)
    code, _, err = cli("agenda", "edit", str(sg.meeting), "7", "--exempt", "other")
    assert code == 1 and "needs text" in err and "Traceback" not in err
    code, out, err = cli(
        "agenda", "edit", str(sg.meeting), "7", "--exempt", "other",
        "--exempt-reason", "Staff consultation",
    )  # fmt: skip
    assert code == 0, err
    assert "B (Staff consultation)" in out
    row = next(r for r in agenda.agenda(db, sg.meeting) if r.number == "7")
    assert (row.exemption, row.exemption_note) == ("other", "Staff consultation")
    code, _, _ = cli("agenda", "edit", str(sg.meeting), "7", "--public")
    row = next(r for r in agenda.agenda(db, sg.meeting) if r.number == "7")
    assert code == 0 and (row.confidential, row.exemption) == (False, "")


def test_withdrawn_markings_are_refused_as_the_setting(db) -> None:
    with pytest.raises(UserError, match="withdrawn"):
        settings.update(db, {"protective_marking": "RESTRICTED"})
    settings.update(db, {"protective_marking": "official"})
    assert settings.get(db, "protective_marking") == "OFFICIAL"


def test_minutes_end_with_a_signature_block_for_the_chair(db, tmp_path: Path) -> None:
    sg = strategy_group(db)
    attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("present"))
    doc = Document(str(minutes_export.export(db, sg.meeting, tmp_path / "m.docx")))
    last = doc.tables[-1]
    labels = [row.cells[0].text for row in last.rows]
    assert labels == ["Signed (Chair)", "Name", "Date"]
    assert last.rows[1].cells[1].text == "Siân Evans"
    _marking_everywhere(doc, "OFFICIAL")


def test_a_control_character_in_a_group_name_cannot_break_word_outputs(
    db, cli, tmp_path: Path
) -> None:
    sg = strategy_group(db)
    with db.session() as s:
        group = s.get_one(Group, s.get_one(Meeting, sg.meeting).group_id)
        group.name = "ATR\x07 Strategy\x0b Group"
    code, _, err = cli("agenda", "export", str(sg.meeting), "--out", str(tmp_path / "a.docx"))
    assert code == 0, err
    assert "ATR\ufffd Strategy\ufffd Group" in _all_text(Document(str(tmp_path / "a.docx")))
    meeting_outputs.chase_list_docx(db, sg.meeting, tmp_path / "c.docx")
    outputs = [
        minutes_export.export(db, sg.meeting, tmp_path / "m.docx"),
        tmp_path / "c.docx",
        decisions.export(db, tmp_path / "d.docx"),
        meeting_outputs.export_agenda(db, sg.meeting, tmp_path / "b.docx", "B"),
    ]
    assert all(Document(str(p)).core_properties.author == ORGANISATION for p in outputs)


def _grid_cm(table) -> list[float]:  # type: ignore[no-untyped-def]
    return [int(col.get(qn("w:w"))) / 567 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _text_width_cm(doc) -> float:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def test_decision_log_columns_fit_and_the_chase_list_stays_in_the_margins(
    db, tmp_path: Path
) -> None:
    sg = strategy_group(db)
    decisions.add_decision(
        db, sg.meeting, "5", "The Group APPROVED the Training Collaborative proposal " * 3
    )
    doc = Document(str(decisions.export(db, tmp_path / "d.docx")))
    widths = _grid_cm(doc.tables[0])
    assert len(widths) == 8 and max(widths) == widths[5]  # the decision gets the room
    assert widths[5] > 3 * widths[0] and sum(widths) <= _text_width_cm(doc) + 0.05
    assert "Part B (confidential) decisions are left out." in _all_text(doc)
    meeting_outputs.chase_list_docx(db, sg.meeting, tmp_path / "c.docx")
    chase = Document(str(tmp_path / "c.docx"))
    assert sum(_grid_cm(chase.tables[0])) <= _text_width_cm(chase) + 0.05
    # A fixed layout: Word wraps a long address inside its column, never past the margin.
    assert chase.tables[0]._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_decision_log_workbook_dates_print_setup_and_marking(db, tmp_path: Path) -> None:
    sg = strategy_group(db)
    decisions.add_decision(db, sg.meeting, "5", "=Approved the offer")
    decisions.add_decision(db, sg.meeting, "7", "Awarded the contract")
    sheet = load_workbook(decisions.export(db, tmp_path / "d.xlsx")).active
    assert sheet["A1"].value == (
        "OFFICIAL · Decision log · Part B (confidential) decisions are left out"
    )
    assert [c.value for c in sheet[2]][:3] == ["Id", "Date", "Group"]
    date_cell = sheet["B3"]
    assert date_cell.value == dt.datetime(2026, 11, 10) and date_cell.number_format == "dd/mm/yyyy"
    decision = sheet["F3"]
    assert decision.value == "=Approved the offer" and decision.quotePrefix
    assert sheet.max_row == 3  # the Part B decision is left out
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.oddHeader.right.text == "OFFICIAL"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    props = load_workbook(tmp_path / "d.xlsx").properties
    assert (props.creator, props.language, props.title) == (ORGANISATION, "en-GB", "Decision log")
    both = load_workbook(decisions.export(db, tmp_path / "b.xlsx", confidential=True)).active
    assert both["A1"].value.startswith("OFFICIAL-SENSITIVE · Decision log · Includes Part B")
    assert both.oddHeader.right.text == "OFFICIAL-SENSITIVE" and both.max_row == 4


def test_attendance_matrix_shows_a_dash_not_an_apostrophe(db, tmp_path: Path) -> None:
    sg = strategy_group(db)
    attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("present"))
    out = attendance_matrix.export(db, "SG", 2026, tmp_path / "m.xlsx")
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=3) for c in row]
    dashes = [c for c in cells if c.value == "-"]
    assert dashes and all(c.quotePrefix and c.data_type == "s" for c in dashes)
    assert not any(str(c.value).startswith("'") for c in cells)


def test_personal_data_exports_are_official_sensitive_personal(db, tmp_path: Path) -> None:
    sg = strategy_group(db)
    del sg
    members = load_workbook(member_exports.export_members(db, "SG", tmp_path / "m.xlsx")).active
    assert members["A1"].value.startswith("OFFICIAL-SENSITIVE PERSONAL")
    assert members.oddHeader.right.text == "OFFICIAL-SENSITIVE PERSONAL"
    start = members.cell(row=3, column=11)
    assert isinstance(start.value, dt.datetime) and start.number_format == "dd/mm/yyyy"
    register = Document(str(declarations.export_register(db, tmp_path / "r.docx")))
    _marking_everywhere(register, "OFFICIAL-SENSITIVE PERSONAL")
    # The banner does not stop the list being imported again.
    from atr_desktop.services.tabular import read_table

    table = read_table(tmp_path / "m.xlsx")
    assert table.header[:2] == ["Title", "Name"] and len(table.rows) == members.max_row - 2


def _resolve(event, cal) -> dt.datetime:  # type: ignore[no-untyped-def]
    """DTSTART as a calendar client reads it: local time in the named zone."""
    start = event["DTSTART"]
    tzid = start.params["TZID"]
    [zone] = [z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == tzid]
    assert {c.name for c in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    return start.dt.replace(tzinfo=None).replace(tzinfo=ZoneInfo(tzid))


def test_invites_carry_organiser_attendees_and_london_time(db, cli, tmp_path: Path) -> None:
    from icalendar import Calendar

    strategy_group(db)
    made = meetings.schedule_meetings(
        db,
        meetings.MeetingInput("SG", dt.date(2027, 1, 12), dt.time(10), dt.time(12, 30)),
    ) + meetings.schedule_meetings(
        db,
        meetings.MeetingInput("SG", dt.date(2027, 7, 13), dt.time(10), dt.time(12, 30)),
    )
    out = tmp_path / "sg.ics"
    code, _, err = cli(
        "meetings", "ics", "--group", "SG", "--out", str(out),
        "--organiser", "atr.secretariat@nhs.net",
    )  # fmt: skip
    assert code == 0, err
    cal = Calendar.from_ical(out.read_bytes())
    events = {e.decoded("DTSTART").date(): e for e in cal.walk("VEVENT")}
    for day, utc_hour in ((dt.date(2027, 1, 12), 10), (dt.date(2027, 7, 13), 9)):
        event = events[day]
        local = _resolve(event, cal)
        assert (local.hour, local.minute) == (10, 0)
        assert local.astimezone(dt.UTC).hour == utc_hour
        assert str(event["ORGANIZER"]) == "mailto:atr.secretariat@nhs.net"
        assert event["ORGANIZER"].params["CN"] == ORGANISATION
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees]
        emails = {str(a).removeprefix("mailto:") for a in attendees}
        assert len(emails) == 7 and all("@" in e for e in emails)
        assert all(a.params["RSVP"] == "TRUE" and a.params["CN"] for a in attendees)
    assert {m.uid for m in made} <= {str(e["UID"]) for e in cal.walk("VEVENT")}
    code, _, err = cli(
        "meetings", "ics", "--group", "SG", "--out", str(out), "--organiser", "not an address"
    )
    assert code == 1 and "not an email address" in err


def test_demo_part_b_items_say_why_they_are_exempt(demo_db, tmp_path: Path) -> None:
    from sqlalchemy import select

    with demo_db.session() as s:
        part_b = s.scalars(select(AgendaItemModel).where(AgendaItemModel.confidential)).all()
        assert part_b and all(i.exemption for i in part_b)
        meeting_id = part_b[0].meeting_id
    doc = Document(
        str(meeting_outputs.export_agenda(demo_db, meeting_id, tmp_path / "b.docx", "B"))
    )
    assert doc.sections[0].header.paragraphs[0].text.startswith("OFFICIAL-SENSITIVE: ")


def test_app_drawn_pdf_carries_the_marking_on_every_page(db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from atr_desktop.services import actions, brief

    sg = strategy_group(db)
    for n in range(60):  # enough overdue actions to run the brief over several pages
        due = dt.date(2026, 12, 1)  # after the meeting that raised them, overdue by the brief
        actions.add_action(db, sg.meeting, "5", f"Action {n} " * 20, "Lead", due)
    out = brief.write_brief(db, sg.next_meeting, tmp_path / "brief.pdf", dt.date(2027, 1, 5))
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert text.startswith("OFFICIAL") and f"OFFICIAL · Page {number}" in text
