"""The register, live quorum with its reason, deputies, declarations and the matrix."""

from __future__ import annotations

import datetime as dt

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import attendance, attendance_matrix
from atr_desktop.services.attendance import LineChange
from tests.meeting_fixtures import add_meeting, add_member, add_person, approve_rule, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_register_is_prefilled_and_not_quorate_until_enough_members_are_present(db) -> None:
    sg = strategy_group(db)
    reg = attendance.get_register(db, sg.meeting)
    assert {ln.name for ln in reg.lines} >= {"Siân Evans", "Zoë Clarke", "Sophie Armitage"}
    assert all(ln.status == "absent" for ln in reg.lines)
    assert reg.quorate is False
    assert "0 of 6 voting members present, 4 needed" in reg.quorum[0].reason
    for name in ("Siân", "Tariq", "Piotr"):
        reg = attendance.set_attendance(db, sg.meeting, sg.ref(name), LineChange("present"))
    assert reg.quorate is False
    assert "3 of 6" in reg.quorum[0].reason and "no member present from NHS" in reg.quorum[0].reason
    reg = attendance.set_attendance(db, sg.meeting, sg.ref("Zoë"), LineChange("present"))
    assert reg.quorate is True
    assert reg.quorum[0].reason.startswith("Quorate: 4 of 6 voting members present")


def test_a_voting_deputy_counts_for_the_member_they_replace(db) -> None:
    sg = strategy_group(db)
    for name in ("Siân", "Tariq", "Piotr"):
        attendance.set_attendance(db, sg.meeting, sg.ref(name), LineChange("present"))
    deputy = add_person(db, "Ewan", "MacLeod", "West Yorkshire ICB", "NHS")
    add_member(db, "SG", deputy, "deputy", deputy_for=sg.people["Zoë"])
    reg = attendance.set_attendance(
        db, sg.meeting, deputy, LineChange("deputy", deputy_for=sg.ref("Zoë"))
    )
    assert reg.quorate is True
    zoe = next(ln for ln in reg.lines if ln.name == "Zoë Clarke")
    assert zoe.status == "apologies"
    with pytest.raises(UserError, match="named member"):
        attendance.set_attendance(db, sg.meeting, sg.ref("Grace"), LineChange("deputy"))


def test_a_member_who_left_the_room_does_not_count_for_that_item(db) -> None:
    sg = strategy_group(db)
    for name in ("Siân", "Zoë", "Tariq", "Niamh"):
        attendance.set_attendance(db, sg.meeting, sg.ref(name), LineChange("present"))
    attendance.declare(db, sg.meeting, sg.ref("Tariq"), "Trustee of Touchstone", "5", True)
    assert attendance.item_quorum(db, sg.meeting, "5")[0].quorate is False
    assert attendance.item_quorum(db, sg.meeting, "6")[0].quorate is True
    attendance.set_attendance(db, sg.meeting, sg.ref("Niamh"), LineChange(arrived="6"))
    assert attendance.item_quorum(db, sg.meeting, "6")[0].quorate is True
    assert attendance.item_quorum(db, sg.meeting, "4")[0].quorate is False
    decl = attendance.list_declarations(db, sg.meeting)
    assert decl[0].item == "5" and decl[0].left_room


def test_no_approved_rule_means_quorum_is_not_checked(db) -> None:
    pid = add_person(db, "Amira", "Khalil")
    add_member(db, "NET", pid)
    meeting = add_meeting(db, "NET", dt.date(2026, 10, 7))
    reg = attendance.get_register(db, meeting)
    assert reg.quorate is None
    assert "no approved Terms of Reference" in reg.quorum[0].reason


def test_joint_meeting_register_is_grouped_and_quorum_is_per_constituent(db) -> None:
    net = [add_person(db, f"Net{i}", "Member") for i in range(3)]
    mnc = [add_person(db, f"Mnc{i}", "Member") for i in range(3)]
    for pid in net:
        add_member(db, "NET", pid)
    for pid in mnc:
        add_member(db, "MNC", pid)
    approve_rule(db, "NET", count=2)
    approve_rule(db, "MNC", numerator=1, denominator=2)
    meeting = add_meeting(db, "JNC", dt.date(2026, 12, 17))
    reg = attendance.get_register(db, meeting)
    assert {ln.constituent for ln in reg.lines} == {"NET", "MNC"}
    for pid in net[:2] + mnc[:1]:
        reg = attendance.set_attendance(db, meeting, pid, LineChange("present"))
    by_group = {q.group_code: q for q in reg.quorum}
    assert by_group["NET"].quorate is True
    assert by_group["MNC"].quorate is False and "1 of 3" in by_group["MNC"].reason
    assert reg.quorate is False


def test_attendance_matrix_counts_who_came_and_exports(db, tmp_path) -> None:
    sg = strategy_group(db)
    attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("present"))
    attendance.set_attendance(db, sg.meeting, sg.ref("Zoë"), LineChange("apologies"))
    attendance.set_attendance(db, sg.next_meeting, sg.ref("Siân"), LineChange("present"))
    m = attendance_matrix.matrix(db, "SG", 2026)
    assert m.dates == (dt.date(2026, 11, 10),)
    sian = next(r for r in m.rows if r.name == "Siân Evans")
    assert (sian.cells, sian.attended, sian.of) == (("P",), 1, 1)
    from openpyxl import load_workbook

    out = attendance_matrix.export(db, "SG", 2026, tmp_path / "m.xlsx")
    sheet = load_workbook(out).active
    assert sheet["A2"].value == "Name" and sheet.freeze_panes == "A3"
    from docx import Document

    doc = Document(str(attendance_matrix.export(db, "SG", 2026, tmp_path / "m.docx")))
    assert "Siân Evans" in [c.text for c in doc.tables[0].columns[0].cells]
