"""The decision log: binding group, ratification when not quorate, withdraw, search, export."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import attendance, decisions
from atr_desktop.services.attendance import LineChange
from tests.meeting_fixtures import add_meeting, add_member, add_person, approve_rule, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _quorate(db, sg, meeting) -> None:
    for name in ("Siân", "Zoë", "Tariq", "Niamh"):
        attendance.set_attendance(db, meeting, sg.ref(name), LineChange("present"))


def test_decision_while_not_quorate_is_flagged_and_ratified_later(db) -> None:
    sg = strategy_group(db)
    d = decisions.add_decision(db, sg.meeting, "5", "The Group APPROVED the proposal.")
    assert d.needs_ratification and not d.quorate and d.group_code == "SG"
    with pytest.raises(UserError, match="not quorate either"):
        decisions.ratify(db, d.id, sg.next_meeting)
    _quorate(db, sg, sg.next_meeting)
    ratified = decisions.ratify(db, d.id, sg.next_meeting)
    assert ratified.ratified_at == dt.date(2027, 2, 9) and not ratified.needs_ratification
    assert decisions.list_decisions(db, awaiting_ratification=True) == []


def test_part_b_decisions_stay_out_of_the_exported_log(db, tmp_path) -> None:
    from openpyxl import load_workbook

    sg = strategy_group(db)
    decisions.add_decision(db, sg.meeting, "5", "Public decision.")
    decisions.add_decision(db, sg.meeting, "7", "Confidential award.")
    assert len(decisions.list_decisions(db, awaiting_ratification=True)) == 2
    public = load_workbook(decisions.export(db, tmp_path / "d.xlsx")).active
    assert [r[5] for r in public.iter_rows(min_row=3, values_only=True)] == ["Public decision."]
    assert public["A1"].value.startswith("OFFICIAL ·")
    assert "Part B (confidential) decisions are left out" in public["A1"].value
    both = load_workbook(decisions.export(db, tmp_path / "b.xlsx", confidential=True)).active
    assert both.max_row == 4
    # Including Part B is a choice that marks the whole file OFFICIAL-SENSITIVE.
    assert both["A1"].value.startswith("OFFICIAL-SENSITIVE")
    assert "OFFICIAL-SENSITIVE" in both.oddHeader.right.text


def test_quorate_decision_withdrawn_stays_on_the_log_and_search_finds_it(db, cli, tmp_path) -> None:
    sg = strategy_group(db)
    _quorate(db, sg, sg.meeting)
    d = decisions.add_decision(db, sg.meeting, "5", "The Group AGREED the training offer.")
    assert not d.needs_ratification
    decisions.withdraw(db, d.id, "Replaced by the February decision", superseded=True)
    code, out, _ = cli("decisions", "list", "--search", "training", "--json")
    rows = json.loads(out)["decisions"]
    assert code == 0 and rows[0]["status"] == "superseded" and rows[0]["item"] == "5"
    code, out, _ = cli("decisions", "list", "--search", "nothing-like-this", "--json")
    assert json.loads(out)["decisions"] == []
    from openpyxl import load_workbook

    code, _, err = cli("decisions", "export", "--out", str(tmp_path / "d.xlsx"))
    assert code == 0, err
    assert load_workbook(tmp_path / "d.xlsx").active["F3"].value.startswith("The Group AGREED")


def test_joint_meeting_decision_binds_the_joint_group_or_one_constituent(db) -> None:
    pid = add_person(db, "Net", "One")
    add_member(db, "NET", pid)
    approve_rule(db, "NET", count=1)
    meeting = add_meeting(db, "JNC", dt.date(2026, 12, 17))
    attendance.set_attendance(db, meeting, pid, LineChange("present"))
    d = decisions.add_decision(db, meeting, "5", "NET AGREED to lead.", binds="NET")
    assert d.group_code == "NET" and not d.needs_ratification
    joint = decisions.add_decision(db, meeting, "5", "Both AGREED.")
    assert joint.group_code == "JNC"
    with pytest.raises(UserError, match="binds one of"):
        decisions.add_decision(db, meeting, "5", "x", binds="SG")
