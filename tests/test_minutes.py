"""Minutes: written per item, drafts autosaved, approved at the next meeting and locked."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select

from atr_desktop.errors import UserError
from atr_desktop.services import actions, attendance, decisions, minutes, minutes_export
from atr_desktop.services.attendance import LineChange
from atr_desktop.storage.database import open_database
from atr_desktop.storage.models import ForwardPlanItem
from tests.meeting_fixtures import strategy_group

HELD = dt.datetime(2027, 2, 9, 12, 0)  # the next meeting (10:00) is in progress
pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_minutes_drafted_at_one_meeting_are_approved_at_the_next_then_locked(db) -> None:
    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "The Group discussed the proposal.\n- cost\n- reach")
    view = minutes.show(db, sg.meeting)
    assert view.status == "draft" and not view.locked
    with pytest.raises(UserError, match="later meeting"):
        minutes.approve(db, sg.meeting, sg.meeting)
    view = minutes.approve(
        db, sg.meeting, sg.next_meeting, "Item 5: 'reach' not 'range'.", now=HELD
    )
    assert view.locked and view.approved_at == dt.date(2027, 2, 9)
    refusals = [
        lambda: minutes.write_item(db, sg.meeting, "5", "changed"),
        lambda: attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("present")),
        lambda: attendance.declare(db, sg.meeting, sg.ref("Siân"), "x"),
        lambda: decisions.add_decision(db, sg.meeting, "5", "The Group AGREED."),
        lambda: actions.add_action(db, sg.meeting, "5", "Do", "Someone", None),
        lambda: minutes.add_item_on_the_day(db, sg.meeting, "AOB"),
        lambda: minutes.defer_item(db, sg.meeting, "6"),
        lambda: minutes.approve(db, sg.meeting, sg.next_meeting, now=HELD),
    ]
    for refuse in refusals:
        with pytest.raises(UserError, match="approved at the meeting of 9 February 2027"):
            refuse()
    amendment = minutes.amend(db, sg.meeting, "Add: Tariq Haddad abstained.", "Omitted", "5")
    assert amendment.item == "5"
    view = minutes.show(db, sg.meeting)
    assert view.items[4].discussion.startswith("The Group discussed") and view.amendments


def test_confidential_items_are_only_in_the_part_b_minutes(db, tmp_path) -> None:
    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "7", "Commercial terms were discussed.")
    public = minutes.show(db, sg.meeting)
    assert all(not i.confidential for i in public.items)
    part_b = minutes.show(db, sg.meeting, confidential=True)
    assert [i.title for i in part_b.items] == ["Commissioning (Part B)"]
    from docx import Document

    public_doc = minutes_export.export(db, sg.meeting, tmp_path / "m.docx")
    text = "\n".join(p.text for p in Document(str(public_doc)).paragraphs)
    assert "Commercial terms" not in text and "Commissioning" not in text
    secret = minutes_export.export(db, sg.meeting, tmp_path / "b.docx", confidential=True)
    assert "Commercial terms" in "\n".join(p.text for p in Document(str(secret)).paragraphs)


def test_aob_item_added_on_the_day_and_deferred_item_goes_to_the_forward_plan(db) -> None:
    sg = strategy_group(db)
    assert minutes.add_item_on_the_day(db, sg.meeting, "Winter pressures") == "8.1"
    plan_id = minutes.defer_item(db, sg.meeting, "6", "Paper not ready")
    with db.session() as s:
        plan = s.get(ForwardPlanItem, plan_id)
        assert plan is not None and plan.source == "deferred" and plan.title == "Budget"
    items = {i.number: i for i in minutes.show(db, sg.meeting).items}
    assert items["8.1"].added_on_day and items["6"].deferred


@pytest.mark.sqlite_only  # kills a process holding the file
def test_autosaved_typing_is_restored_after_the_app_dies(db, db_path) -> None:
    sg = strategy_group(db)
    item_id = minutes.show(db, sg.meeting).items[4].item_id
    db.close()
    script = textwrap.dedent(
        f"""
        import os
        from atr_desktop.storage.database import open_database
        from atr_desktop.services import minutes
        db = open_database(__import__('pathlib').Path({str(db_path)!r}))
        minutes.autosave(db, {sg.meeting}, {item_id}, "Typed as the meeting ran")
        os._exit(9)  # the battery dies: no final save, no clean close
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    reopened = open_database(db_path)
    try:
        assert minutes.pending_drafts(reopened, sg.meeting) == {item_id: "Typed as the meeting ran"}
        minutes.write_item(reopened, sg.meeting, "5", "Typed as the meeting ran")
        assert minutes.pending_drafts(reopened, sg.meeting) == {}
        with reopened.session() as s:
            from atr_desktop.storage.models import DraftText

            assert s.scalars(select(DraftText)).all() == []
    finally:
        reopened.close()


def test_cannot_approve_with_unsaved_typing(db) -> None:
    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "Saved")
    item_id = minutes.show(db, sg.meeting).items[4].item_id
    minutes.autosave(db, sg.meeting, item_id, "Saved and more")
    with pytest.raises(UserError, match="not saved yet"):
        minutes.approve(db, sg.meeting, sg.next_meeting, now=HELD)


def test_an_item_id_from_the_window_is_never_taken_for_a_number(db) -> None:
    from tests.meeting_fixtures import add_meeting

    strategy_group(db)
    long_agenda = add_meeting(
        db, "SG", dt.date(2027, 5, 11), tuple(f"Topic {n}" for n in range(12))
    )
    items = minutes.agenda_items(db, long_agenda)
    first = items[0]
    clash = next(i for i in items if i.number == str(first.id))  # number '15' is another item
    minutes.write_item(db, long_agenda, first.id, "By id")
    minutes.write_item(db, long_agenda, str(first.id), "By number")
    written = {i.item_id: i.discussion for i in minutes.show(db, long_agenda).items}
    assert written[first.id] == "By id" and written[clash.id] == "By number"


def test_a_read_only_copy_shows_registers_and_minutes_without_writing(db, reopen) -> None:
    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "Kept")
    db.close()
    copy = reopen(readonly=True)
    try:
        assert attendance.get_register(copy, sg.next_meeting).lines == ()
        assert minutes.show(copy, sg.meeting).items[4].discussion == "Kept"
    finally:
        copy.close()


def test_minutes_are_approved_only_at_a_later_meeting_that_has_taken_place(db) -> None:
    sg = strategy_group(db)  # 10 November 2026, then 9 February 2027 at 10:00
    minutes.write_item(db, sg.meeting, "5", "Discussed.")
    before = dt.datetime(2026, 12, 1, 9, 0)
    with pytest.raises(UserError, match="9 February 2027 has not taken place yet"):
        minutes.approve(db, sg.meeting, sg.next_meeting, now=before)
    assert minutes.approval_choices(db, sg.meeting, now=before) == []
    early = dt.datetime(2027, 2, 9, 9, 59)
    with pytest.raises(UserError, match="has not taken place yet"):
        minutes.approve(db, sg.meeting, sg.next_meeting, now=early)
    on_time = dt.datetime(2027, 2, 9, 10, 0)
    assert [c.id for c in minutes.approval_choices(db, sg.meeting, now=on_time)] == [
        sg.next_meeting
    ]
    assert minutes.approve(db, sg.meeting, sg.next_meeting, now=on_time).locked


def test_an_approval_is_withdrawn_with_a_reason_on_record(db) -> None:
    from atr_desktop.services import audit
    from atr_desktop.storage.models import Minutes

    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "Discussed.")
    with pytest.raises(UserError, match="no approval to withdraw"):
        minutes.withdraw_approval(db, sg.meeting, "Approved in error")
    minutes.approve(db, sg.meeting, sg.next_meeting, now=HELD)
    with pytest.raises(UserError, match="Say why"):
        minutes.withdraw_approval(db, sg.meeting, "  ")
    view = minutes.withdraw_approval(db, sg.meeting, "Approved at the wrong meeting")
    assert view.status == "draft" and view.approved_at is None
    assert view.approval_withdrawn == "Approved at the wrong meeting"
    minutes.write_item(db, sg.meeting, "5", "Discussed again.")  # unlocked
    with db.session() as s:
        minutes_id = s.scalars(select(Minutes.id)).one()
    history = audit.history(db, "minutes", minutes_id)
    [entry] = [e for e in history if e.action == "approval withdrawn"]
    assert entry.summary == ("approval at the meeting of 2027-02-09: Approved at the wrong meeting")
