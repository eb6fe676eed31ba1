"""A dialog left open while a colleague saved the same record: its save is refused, the
window keeps everything typed and offers to reload; a save the store could not take just
now is said in one sentence and Save again retries."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from atr_desktop.services import actions
from atr_desktop.services.actions import ActionChange
from atr_desktop.ui.action_dialog import ActionDialog
from tests.gui_helpers import with_modal, with_modals
from tests.meeting_fixtures import strategy_group


def _open(qtbot, db) -> tuple[str, ActionDialog]:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    ref = actions.add_action(db, sg.meeting, "5", "Map the pathway", "Owner A", None).ref
    dialog = ActionDialog(db, actions.get_action(db, ref))
    qtbot.addWidget(dialog)
    dialog.show()
    return ref, dialog


def _save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _press(name: str):  # type: ignore[no-untyped-def]
    """A handler for the refusal box: read its sentence, press ``name``."""

    def handle(box) -> str:  # type: ignore[no-untyped-def]
        assert isinstance(box, QMessageBox) and box.objectName() == "changedSinceBox"
        text = box.text()
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == name]
        button.click()
        return text

    return handle


def test_a_refused_save_keeps_the_typing_and_reload_shows_theirs(qtbot, db) -> None:
    ref, dialog = _open(qtbot, db)
    actions.update_action(db, ref, ActionChange(description="Theirs: map it by March"))
    qtbot.keyClicks(dialog.ui.noteEdit, "Spoke to the ICB.")
    dialog.ui.ownerEdit.clear()
    qtbot.keyClicks(dialog.ui.ownerEdit, "Finance lead")

    [said] = with_modal(_press("Cancel"), lambda: _save(qtbot, dialog))
    assert "changed this action at" in said and "your change was not saved" in said
    assert dialog.isVisible() and dialog.result_action is None  # nothing lost, nothing saved
    assert dialog.ui.noteEdit.toPlainText() == "Spoke to the ICB."
    assert dialog.ui.descriptionEdit.toPlainText() == "Map the pathway"  # as it was opened
    assert actions.get_action(db, ref).owner == "Owner A"

    with_modal(_press("Reload"), lambda: _save(qtbot, dialog))
    assert dialog.isVisible()
    assert dialog.ui.descriptionEdit.toPlainText() == "Theirs: map it by March"  # theirs
    assert dialog.ui.ownerEdit.text() == "Finance lead"  # a box they left alone keeps mine
    assert dialog.ui.noteEdit.toPlainText() == "Spoke to the ICB."

    _save(qtbot, dialog)  # now over their version, knowingly
    assert not dialog.isVisible() and dialog.result_action is not None
    saved = actions.get_action(db, ref)
    assert saved.description == "Theirs: map it by March" and saved.owner == "Finance lead"
    assert "Spoke to the ICB." in saved.latest_update


def test_a_box_both_changed_shows_theirs_and_gives_mine_to_copy(qtbot, db) -> None:
    ref, dialog = _open(qtbot, db)
    actions.update_action(db, ref, ActionChange(description="Theirs"))
    dialog.ui.descriptionEdit.setPlainText("Mine, carefully worded")

    def clash(box) -> str:  # type: ignore[no-untyped-def]
        assert box.objectName() == "clashBox"
        details = box.detailedText()
        box.accept()
        return details

    _said, details = with_modals([_press("Reload"), clash], lambda: _save(qtbot, dialog))
    assert "Mine, carefully worded" in details
    assert dialog.ui.descriptionEdit.toPlainText() == "Theirs"


def test_a_save_the_store_cannot_take_keeps_the_typing_and_save_retries(
    qtbot, db, db_path, monkeypatch
) -> None:
    """The same path as a dropped server connection (NotSaved): here the file is held by
    another program when Save is pressed, then let go."""
    shown: list[str] = []
    monkeypatch.setattr("atr_desktop.ui.reload.show_user_error", lambda _w, t: shown.append(t))
    ref, dialog = _open(qtbot, db)
    qtbot.keyClicks(dialog.ui.noteEdit, "Typed while it was busy.")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _save(qtbot, dialog)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(shown) == 1 and "busy in another program" in shown[0]
    assert shown[0].endswith("What you typed is still here: press Save to try again.")
    assert dialog.isVisible() and dialog.ui.noteEdit.toPlainText() == "Typed while it was busy."
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert actions.get_action(db, ref).latest_update == "Typed while it was busy."


def test_the_person_and_meeting_dialogs_offer_the_same_reload(qtbot, db) -> None:
    from atr_desktop.services import meetings, people
    from atr_desktop.ui.meeting_dialog import MeetingDialog
    from atr_desktop.ui.person_dialog import PersonDialog

    sg = strategy_group(db)
    pid = sg.people["Tariq"]
    dialog = PersonDialog(db, people.get_person(db, pid))
    qtbot.addWidget(dialog)
    dialog.show()
    data = people.input_from(people.get_person(db, pid))
    data.job_title = "Director of Theirs"
    people.update_person(db, pid, data)
    dialog.ui.phoneEdit.setText("0113 496 0000")
    dialog.ui.livedCheck.setChecked(True)
    [said] = with_modal(_press("Reload"), lambda: _save(qtbot, dialog))
    assert "changed this person's details at" in said
    assert dialog.ui.jobEdit.text() == "Director of Theirs"
    assert dialog.ui.phoneEdit.text() == "0113 496 0000" and dialog.ui.livedCheck.isChecked()
    _save(qtbot, dialog)
    saved = people.get_person(db, pid)
    assert saved.job_title == "Director of Theirs" and saved.phone == "0113 496 0000"

    meeting = MeetingDialog(db, meetings.get_meeting(db, sg.meeting))
    qtbot.addWidget(meeting)
    meeting.show()
    meetings.edit_meeting(db, sg.meeting, meetings.MeetingChanges(notes="Theirs: room 2"))
    meeting.ui.venueEdit.setText("Wakefield One")
    with_modal(_press("Reload"), lambda: _save(qtbot, meeting))
    assert meeting.isVisible() and meeting.ui.notesEdit.toPlainText() == "Theirs: room 2"
    assert meeting.ui.venueEdit.text() == "Wakefield One"
    _save(qtbot, meeting)
    after = meetings.get_meeting(db, sg.meeting)
    assert after.venue == "Wakefield One" and after.notes == "Theirs: room 2"


def test_updating_several_actions_is_refused_if_one_changed_since_it_was_listed(qtbot, db) -> None:
    from atr_desktop.ui.action_bulk import BulkUpdateDialog

    sg = strategy_group(db)
    listed = [actions.add_action(db, sg.meeting, "5", t, "Owner A", None) for t in "AB"]
    dialog = BulkUpdateDialog(db, [a.ref for a in listed], None, [a.row_version for a in listed])
    qtbot.addWidget(dialog)
    dialog.show()
    actions.update_action(db, listed[1].ref, ActionChange(status="closed", at_meeting=sg.meeting))
    dialog.status.setCurrentIndex(dialog.status.findData("in progress"))
    qtbot.keyClicks(dialog.note, "Discussed with the chair")
    with_modal(_press("Reload"), dialog.save)
    assert dialog.isVisible() and dialog.note.toPlainText() == "Discussed with the chair"
    assert [actions.get_action(db, a.ref).status for a in listed] == ["open", "closed"]
    dialog.save()  # knowingly, after the reload
    assert not dialog.isVisible()
    assert [actions.get_action(db, a.ref).status for a in listed] == ["in progress"] * 2


def test_on_a_server_a_dropped_connection_between_opening_and_saving_costs_nothing(
    qtbot, tmp_path, pg_url: str
) -> None:
    """The server ends every connection of the app (pg_terminate_backend) while the dialog
    is open: Save still saves, on a fresh connection."""
    import psycopg

    from atr_desktop.paths import app_paths, server_folder
    from atr_desktop.storage.database import open_server_database
    from tests.pg_stores import open_copy

    open_copy(pg_url, "demo", tmp_path / "atr.db").close()  # type: ignore[attr-defined]
    db = open_server_database(pg_url, server_folder(pg_url, app_paths()))
    try:
        action = next(a for a in actions.list_actions(db) if a.status == "open")
        dialog = ActionDialog(db, actions.get_action(db, action.ref))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.ui.noteEdit, "Typed while the server restarted.")
        with psycopg.connect(pg_url, autocommit=True) as admin:
            ended = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
        assert ended is not None and ended[0] >= 1
        _save(qtbot, dialog)
        assert not dialog.isVisible()
        assert actions.get_action(db, action.ref).latest_update == (
            "Typed while the server restarted."
        )
    finally:
        db.close()


def test_the_tor_editor_keeps_a_new_section_over_a_reload(qtbot, db) -> None:
    from atr_desktop.services import tor
    from atr_desktop.ui.tor_editor import TorEditor

    strategy_group(db)
    editor = TorEditor(db, tor.start_draft(db, "SG"))
    qtbot.addWidget(editor)
    editor.show()
    tor.edit_draft(db, "SG", {"purpose": "Theirs: to lead the strategy"})
    editor.editor("membership").setPlainText("Mine: six voting members")
    editor.ui.addExtraButton.click()
    with_modal(_press("Reload"), lambda: _save(qtbot, editor))
    assert editor.editor("purpose").toPlainText() == "Theirs: to lead the strategy"
    assert editor.editor("membership").toPlainText() == "Mine: six voting members"
    assert editor.ui.extrasTable.rowCount() == 1
    _save(qtbot, editor)
    saved = tor.get_version(db, "SG")
    assert saved.text("purpose") == "Theirs: to lead the strategy"
    assert saved.text("membership") == "Mine: six voting members"
    assert [title for title, _ in saved.extra_sections] == ["New section"]


def test_ending_a_membership_a_colleague_ended_offers_the_same_reload(qtbot, db) -> None:
    import datetime as dt

    from atr_desktop.services import members
    from atr_desktop.ui.member_dialogs import EndMemberDialog

    sg = strategy_group(db)
    tariq = sg.people["Tariq"]
    shown = next(m for m in members.current_members(db, "SG") if m.person_id == tariq)
    dialog = EndMemberDialog(db, shown)
    qtbot.addWidget(dialog)
    dialog.show()
    members.end_membership(db, "SG", tariq, dt.date(2027, 3, 31), "Moved to another force")
    dialog.day.setDate(dt.date(2027, 1, 31))
    dialog.reason.setText("Stood down")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    [said] = with_modals(
        [_press("Reload"), lambda box: box.button(QMessageBox.StandardButton.Ok).click()],
        lambda: qtbot.mouseClick(ok, Qt.MouseButton.LeftButton),
    )[:1]
    assert "changed this membership at" in said and dialog.isVisible()
    assert dialog.day.date() == dt.date(2027, 3, 31)  # both changed it: theirs is shown
    assert dialog.reason.text() == "Moved to another force"
    assert members.get_membership(db, shown.id).end_reason == "Moved to another force"
    dialog.day.setDate(dt.date(2027, 1, 31))
    dialog.reason.setText("Stood down")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = members.get_membership(db, shown.id)
    assert (saved.end_date, saved.end_reason) == (dt.date(2027, 1, 31), "Stood down")


def test_the_tor_editor_on_a_draft_discarded_and_started_again_offers_reload(qtbot, db) -> None:
    from atr_desktop.services import tor
    from atr_desktop.ui.tor_editor import TorEditor

    strategy_group(db)
    editor = TorEditor(db, tor.start_draft(db, "SG", {"purpose": "The old draft"}))
    qtbot.addWidget(editor)
    editor.show()
    tor.discard_draft(db, "SG")
    tor.start_draft(db, "SG", {"purpose": "Theirs: a fresh draft"})
    editor.editor("membership").setPlainText("Mine: six voting members")
    [said] = with_modal(_press("Reload"), lambda: _save(qtbot, editor))
    assert "discarded that draft and started another at" in said and editor.isVisible()
    assert editor.editor("purpose").toPlainText() == "Theirs: a fresh draft"
    assert tor.get_version(db, "SG").text("membership") == ""  # nothing saved onto theirs
    _save(qtbot, editor)
    saved = tor.get_version(db, "SG")
    assert saved.text("purpose") == "Theirs: a fresh draft"
    assert saved.text("membership") == "Mine: six voting members"


def test_a_chair_hand_over_asked_about_one_term_ends_no_other(qtbot, db) -> None:
    """While 'make them chair in place of Siân?' is on screen a colleague changes Siân's
    membership: going ahead is refused in one sentence, nothing ends unseen, and asking
    again (pressing Add member) shows the question afresh."""
    import datetime as dt

    from atr_desktop.services import members
    from atr_desktop.ui.member_dialogs import AddMemberDialog
    from tests.meeting_fixtures import add_person

    sg = strategy_group(db)
    amara = add_person(db, "Amara", "Okafor", "Leeds City Council", "Local authority")
    dialog = AddMemberDialog(db, "SG")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.person.setCurrentIndex(dialog.person.findData(amara))
    dialog.role.setCurrentText("chair")
    add = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def colleague_then_go(box) -> str:  # type: ignore[no-untyped-def]
        assert box.objectName() == "confirmBox"
        members.end_membership(db, "SG", sg.people["Siân"], dt.date(2027, 6, 30), "Theirs")
        [go] = [b for b in box.buttons() if b.text() == "Hand the role over"]
        go.click()
        return box.text()

    def read_refusal(box) -> str:  # type: ignore[no-untyped-def]
        assert box.objectName() == "userErrorBox"
        text = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()
        return text

    asked, said = with_modals(
        [colleague_then_go, read_refusal], lambda: qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    )
    assert "already has a chair, Siân Evans" in asked
    assert "changed this membership at" in said and dialog.isVisible()
    history = members.membership_history(db, "SG")
    assert next(m for m in history if m.person_id == sg.people["Siân"]).end_reason == "Theirs"
    assert all(m.person_id != amara for m in history)

    def go(box) -> None:  # type: ignore[no-untyped-def]
        [button] = [b for b in box.buttons() if b.text() == "Hand the role over"]
        button.click()

    with_modal(go, lambda: qtbot.mouseClick(add, Qt.MouseButton.LeftButton))
    assert not dialog.isVisible() and dialog.result_member is not None
    assert dialog.result_member.role == "chair"


def test_the_group_and_agenda_item_dialogs_offer_the_same_reload(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """Both save through reload.save_and_close: Reload shows the colleague's change, keeps
    the box typed here, and Save then saves both and closes the dialog."""
    from dataclasses import asdict

    from atr_desktop.services import agenda, groups
    from atr_desktop.ui.group_dialog import GroupDialog
    from atr_desktop.ui.item_dialogs import AgendaItemDialog

    sg = strategy_group(db)
    group = groups.get_group(db, "SG")
    dialog = GroupDialog(db, group)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = groups.GroupInput(
        **{k: v for k, v in asdict(group).items() if k in groups.GroupInput.__annotations__}
    )
    theirs.rhythm, theirs.constituents = "Theirs: quarterly", list(group.constituents)
    groups.update_group(db, "SG", theirs)
    dialog.ui.descriptionEdit.setPlainText("Mine: the strategy")
    [said] = with_modal(_press("Reload"), lambda: _save(qtbot, dialog))
    assert "your change was not saved" in said
    assert dialog.isVisible() and dialog.result_group is None
    assert dialog.ui.rhythmEdit.text() == "Theirs: quarterly"
    assert dialog.ui.descriptionEdit.toPlainText() == "Mine: the strategy"
    _save(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result_group is not None
    saved = groups.get_group(db, "SG")
    assert (saved.rhythm, saved.description) == ("Theirs: quarterly", "Mine: the strategy")

    row = next(r for r in agenda.agenda(db, sg.meeting) if r.title == "Budget")
    item = AgendaItemDialog(db, sg.meeting, row, None)
    qtbot.addWidget(item)
    item.show()
    data = agenda.ItemInput(
        title=row.title, lead="Theirs: Zoë", purpose=row.purpose, minutes=row.minutes
    )
    data.confidential, data.has_papers = row.confidential, row.has_papers
    agenda.update_item(db, row.id, data)
    item.ui.titleEdit.setText("Mine: Budget 2027")
    with_modal(_press("Reload"), lambda: _save(qtbot, item))
    assert item.isVisible() and item.result_row is None
    assert (item.ui.leadEdit.text(), item.ui.titleEdit.text()) == (
        "Theirs: Zoë",
        "Mine: Budget 2027",
    )
    _save(qtbot, item)
    after = agenda.get_item(db, row.id)
    assert not item.isVisible() and (after.lead, after.title) == (
        "Theirs: Zoë",
        "Mine: Budget 2027",
    )
