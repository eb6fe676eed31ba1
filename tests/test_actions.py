"""The action tracker: references, RAG, carry-forward, closure at a meeting, outputs."""

from __future__ import annotations

import datetime as dt
import email
import json

import pytest

from atr_desktop.domain import rag
from atr_desktop.errors import UserError
from atr_desktop.services import action_outputs, actions, actions_import
from atr_desktop.services.actions import ActionChange, ActionFilter
from tests.meeting_fixtures import add_meeting, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

TODAY = dt.date(2026, 12, 1)


def test_rag_rules() -> None:
    assert rag.rag("open", dt.date(2026, 11, 30), None, TODAY, 14) == "Red"
    assert rag.rag("open", dt.date(2026, 12, 10), None, TODAY, 14) == "Amber"
    assert rag.rag("open", dt.date(2027, 3, 1), None, TODAY, 14) == "Green"
    assert rag.rag("open", dt.date(2026, 1, 1), dt.date(2027, 3, 1), TODAY, 14) == "Amber"
    assert rag.rag("closed", dt.date(2026, 1, 1), None, TODAY, 14) == "Closed"
    assert rag.rag("open", dt.date(2027, 3, 1), None, TODAY, 14, "Red") == "Red"
    assert rag.next_ref("SG", 2026, ["SG-2026-013", "SG-2025-099", "NET-2026-050"]) == "SG-2026-014"


def test_action_raised_at_one_meeting_is_on_the_next_action_log_until_closed(db) -> None:
    sg = strategy_group(db)
    a = actions.add_action(
        db,
        sg.meeting,
        "5",
        "Circulate the matrix",
        sg.ref("Tariq"),
        dt.date(2027, 1, 15),
        today=TODAY,
    )
    assert a.ref == "SG-2026-001" and a.owner == "Tariq Haddad" and a.rag == "Green"
    b = actions.add_action(db, sg.meeting, "6", "Cost the options", "Finance lead", None)
    assert b.ref == "SG-2026-002" and b.owner == "Finance lead"
    assert [x.ref for x in actions.carried_forward(db, sg.next_meeting)] == [a.ref, b.ref]
    assert actions.carried_forward(db, sg.meeting) == []
    with pytest.raises(UserError, match="agreed at a meeting"):
        actions.update_action(db, a.ref, ActionChange(status="closed"))
    actions.update_action(db, a.ref, ActionChange(status="proposed for closure", note="Sent"))
    closed = actions.update_action(
        db, a.ref, ActionChange(status="closed", at_meeting=sg.next_meeting)
    )
    assert closed.closed_at == dt.date(2027, 2, 9) and closed.rag == "Closed"
    # Closed at the next meeting: still on that meeting's log, off later ones.
    assert [x.ref for x in actions.carried_forward(db, sg.next_meeting)] == [b.ref, a.ref]
    later = add_meeting(db, "SG", dt.date(2027, 5, 11))
    assert [x.ref for x in actions.carried_forward(db, later)] == [b.ref]
    from atr_desktop.services import minutes

    log_item = next(i for i in minutes.show(db, later).items if i.kind == "action_log")
    assert [x.ref for x in log_item.carried] == [b.ref]
    assert a.ref in [x.ref for x in actions.list_actions(db)]  # closed stays on record


def test_moving_the_due_date_keeps_the_original_and_turns_amber(db) -> None:
    sg = strategy_group(db)
    a = actions.add_action(db, sg.meeting, "5", "Draft", "Someone", dt.date(2026, 11, 20))
    assert actions.get_action(db, a.ref, TODAY).rag == "Red"
    moved = actions.update_action(db, a.ref, ActionChange(due=dt.date(2027, 3, 1)), TODAY)
    assert (moved.due_date, moved.revised_due_date, moved.rag) == (
        dt.date(2026, 11, 20),
        dt.date(2027, 3, 1),
        "Amber",
    )
    assert "moved" in moved.latest_update
    with pytest.raises(UserError, match="reason"):
        actions.update_action(db, a.ref, ActionChange(rag="green"))
    over = actions.update_action(db, a.ref, ActionChange(rag="g", reason="On track"), TODAY)
    assert over.rag == "Green" and over.rag_override_reason == "On track"


def test_a_tables_window_has_the_latest_update_and_the_dialogs_read_has_them_all(db) -> None:
    sg = strategy_group(db)
    a = actions.add_action(db, sg.meeting, "5", "Draft", "Someone", dt.date(2026, 12, 20))
    actions.update_action(db, a.ref, ActionChange(note="Asked the LA"), TODAY)
    actions.update_action(db, a.ref, ActionChange(note="Draft circulated"), TODAY)
    (row,) = actions.actions_by_id(db, [a.id], TODAY, history=False)
    assert row.latest_update == "Draft circulated" and row.updates == ()
    whole = actions.get_action(db, a.id, TODAY)
    assert [u.text for u in whole.updates] == ["Asked the LA", "Draft circulated"]
    assert row == whole.__class__(**{**whole.__dict__, "updates": ()})


def test_overdue_json_returns_exactly_the_overdue_ones(db, cli) -> None:
    sg = strategy_group(db)
    today = dt.date.today()
    late = actions.add_action(db, sg.meeting, "5", "Late", "A", today - dt.timedelta(days=3))
    actions.add_action(db, sg.meeting, "5", "Soon", "B", today + dt.timedelta(days=3))
    actions.add_action(db, sg.meeting, "5", "None", "C", None)
    done = actions.add_action(db, sg.meeting, "5", "Done", "D", today - dt.timedelta(days=9))
    actions.update_action(db, done.ref, ActionChange(status="closed", at_meeting=sg.next_meeting))
    code, out, err = cli("actions", "list", "--overdue", "--json")
    assert code == 0, err
    assert [a["ref"] for a in json.loads(out)["actions"]] == [late.ref]
    code, out, _ = cli("actions", "list", "--due-within", "7", "--json")
    assert {a["description"] for a in json.loads(out)["actions"]} == {"Late", "Soon"}
    code, _, err = cli("actions", "update", late.ref, "--status", "closed")
    assert code == 1 and "--at MEETING" in err


def test_excel_action_log_has_rag_colours_filters_and_closed_sheet(db, tmp_path) -> None:
    from openpyxl import load_workbook

    sg = strategy_group(db)
    actions.add_action(db, sg.meeting, "5", "Overdue one", "A", dt.date(2026, 11, 20))
    actions.add_action(db, sg.meeting, "5", "Far one", "B", dt.date(2027, 6, 1))
    c = actions.add_action(db, sg.meeting, "5", "Closed one", "C", dt.date(2026, 11, 12))
    actions.update_action(db, c.ref, ActionChange(status="closed", at_meeting=sg.next_meeting))
    out = action_outputs.export_log(db, tmp_path / "log.xlsx", today=TODAY)
    book = load_workbook(out)
    assert book.sheetnames == ["Open actions", "Closed actions"]
    sheet = book["Open actions"]
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref
    headers = [c.value for c in sheet[2]]
    col = headers.index("RAG") + 1
    assert [sheet.cell(r, 4).value for r in (3, 4)] == ["Overdue one", "Far one"]
    assert sheet.cell(3, col).value == "Red"
    assert sheet.cell(3, col).fill.fgColor.rgb.endswith(rag.RAG_COLOURS["Red"])
    assert sheet.cell(4, col).fill.fgColor.rgb.endswith(rag.RAG_COLOURS["Green"])
    assert book["Closed actions"].cell(3, 4).value == "Closed one"
    from docx import Document

    doc = Document(str(action_outputs.export_log(db, tmp_path / "log.docx", today=TODAY)))
    assert [t.rows[1].cells[3].text for t in doc.tables] == ["Overdue one", "Closed one"]


def test_part_b_actions_stay_out_of_the_exported_log(db, tmp_path) -> None:
    from openpyxl import load_workbook

    sg = strategy_group(db)
    actions.add_action(db, sg.meeting, "5", "Public task", "A", dt.date(2027, 1, 1))
    actions.add_action(db, sg.meeting, "7", "Secret task", "B", dt.date(2027, 1, 1))
    sheet = load_workbook(action_outputs.export_log(db, tmp_path / "p.xlsx")).active
    assert [r[3] for r in sheet.iter_rows(min_row=3, values_only=True)] == ["Public task"]
    assert "Part B (confidential) actions are left out" in sheet["A1"].value
    out = action_outputs.export_log(db, tmp_path / "all.xlsx", confidential=True)
    assert load_workbook(out).active.max_row == 4
    assert load_workbook(out).active["A1"].value.startswith("OFFICIAL-SENSITIVE")


def test_reminder_drafts_one_per_owner(db, tmp_path) -> None:
    sg = strategy_group(db)
    actions.add_action(db, sg.meeting, "5", "One", sg.ref("Tariq"), dt.date(2026, 11, 20))
    actions.add_action(db, sg.meeting, "6", "Two", sg.ref("Tariq"), dt.date(2027, 1, 20))
    actions.add_action(db, sg.meeting, "6", "Three", "Finance lead", dt.date(2027, 1, 20))
    paths = action_outputs.reminders(db, tmp_path / "drafts", TODAY)
    assert len(paths) == 2
    tariq = next(p for p in paths if "tariq" in p.name)
    message = email.message_from_bytes(tariq.read_bytes())
    assert message["X-Unsent"] == "1" and "tariq.haddad@example.org" in message["To"]
    body = message.get_payload(decode=True).decode()
    assert "SG-2026-001" in body and "OVERDUE" in body and "SG-2026-002" in body
    assert "(2, 1 overdue)" in message["Subject"]


def test_import_previews_problems_and_imports_nothing_until_fixed(db, tmp_path, cli) -> None:
    strategy_group(db)
    path = tmp_path / "log.csv"
    path.write_text(
        "Reference,Action,Owner,Due date,Status,Update\n"
        "SG-2025-004,Write the plan,Siân Evans,31/03/2026,in progress,Drafted\n"
        ",Map services,Jo Bloggs,2026-05-01,open,\n"
        "SG-2025-009,,Nobody,tomorrow,maybe,\n",
        encoding="utf-8",
    )
    code, out, err = cli("actions", "import", str(path), "--group", "SG")
    assert code == 1 and "nothing was imported" in err and "the action is blank" in out
    assert actions.list_actions(db) == []
    result = actions_import.import_actions(db, path, "SG", skip_invalid=True, today=TODAY)
    assert result.imported == ("SG-2025-004", "SG-2026-001")
    first = actions.get_action(db, "SG-2025-004")
    assert first.owner == "Siân Evans" and first.owner_person_id and first.status == "in progress"
    assert first.latest_update == "Drafted"


def test_bulk_update_and_filters(db) -> None:
    sg = strategy_group(db)
    refs = [
        actions.add_action(db, sg.meeting, "5", f"Task {i}", "Owner A", dt.date(2027, 1, i + 1)).ref
        for i in range(3)
    ]
    actions.update_many(db, refs[:2], ActionChange(status="in progress", note="Started"))
    got = actions.list_actions(db, ActionFilter(status="in progress"))
    assert [a.ref for a in got] == refs[:2]
    # Words match as prefixes through the search index ("2" is also the start of "2026").
    assert [a.ref for a in actions.list_actions(db, ActionFilter(text="task 2"))] == refs
    assert [a.ref for a in actions.list_actions(db, ActionFilter(text="tas 003"))] == refs[2:]
    assert actions.list_actions(db, ActionFilter(text="ask")) == []  # not mid-word
    assert len(actions.list_actions(db, ActionFilter(owner="owner a", group="SG"))) == 3
