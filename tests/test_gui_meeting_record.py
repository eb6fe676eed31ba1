"""The register and the minutes editor, driven as the secretariat would on the day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton

from atr_desktop.services import actions, attendance, decisions, minutes
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from atr_desktop.ui.register_tab import STATUS_COL
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group


def _open(qtbot, db, meeting) -> MeetingRecordDialog:
    dialog = MeetingRecordDialog(db, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _mark(tab, name: str, status: str) -> None:
    combo = tab.combo(tab.row_of(name), STATUS_COL)
    combo.setCurrentIndex(combo.findData(status))


def test_register_shows_not_quorate_with_reason_until_enough_are_present(
    qtbot, db, tmp_path
) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    assert "NOT QUORATE" in tab.banner.text()
    assert "0 of 6 voting members present, 4 needed" in tab.banner.text()
    for name in ("Siân Evans", "Tariq Haddad", "Piotr Nowak"):
        _mark(tab, name, "present")
    assert "NOT QUORATE" in tab.banner.text() and "no member present from NHS" in tab.banner.text()
    _mark(tab, "Zoë Clarke", "present")
    assert tab.banner.text().startswith("<b>QUORATE</b>")
    assert attendance.get_register(db, sg.meeting).quorate is True
    # A member leaves at item 6: the register keeps it.
    left = tab.combo(tab.row_of("Tariq Haddad"), 7)
    left.setCurrentIndex(left.findData("6"))
    line = next(
        ln for ln in attendance.get_register(db, sg.meeting).lines if ln.name == "Tariq Haddad"
    )
    assert line.left_item == "6"


def test_a_deputy_is_chosen_for_the_member_they_replace(qtbot, db) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    row = tab.row_of("Sophie Armitage")

    def choose(dialog) -> None:
        dialog.member.setCurrentIndex(dialog.member.findText("Zoë Clarke"))
        dialog.accept()

    with_modal(choose, lambda: _mark(tab, "Sophie Armitage", "deputy"))
    reg = attendance.get_register(db, sg.meeting)
    sophie = next(ln for ln in reg.lines if ln.name == "Sophie Armitage")
    assert sophie.status == "deputy" and sophie.deputy_for == "Zoë Clarke"
    assert tab.combo(tab.row_of("Zoë Clarke"), STATUS_COL).currentData() == "apologies"
    assert row == tab.row_of("Sophie Armitage")


def test_minutes_editor_autosaves_and_adds_decisions_and_actions_from_the_keyboard(
    qtbot, db
) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    tab.item_list.setCurrentRow(4)
    assert tab.item_list.currentItem().text().startswith("5  Training Collaborative")
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "The Group discussed the proposal.")
    qtbot.waitUntil(lambda: minutes.pending_drafts(db, sg.meeting) != {}, timeout=3000)
    assert list(minutes.pending_drafts(db, sg.meeting).values()) == [
        "The Group discussed the proposal."
    ]

    def decide(box) -> None:
        box.setTextValue("The Group APPROVED the proposal.")
        box.accept()

    with_modal(
        decide,
        lambda: qtbot.keyClick(tab.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
    )
    assert tab.decision_list.item(0).text().startswith("The Group APPROVED the proposal.")

    def act(box) -> None:
        qtbot.keyClicks(box.text, "Circulate the matrix")
        qtbot.keyClicks(box.owner, sg.ref("Tariq"))
        box.accept()

    dialog.activateWindow()
    tab.editor.setFocus()
    with_modal(
        act,
        lambda: qtbot.keyClick(
            tab.editor,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )
    assert tab.action_list.item(0).text().startswith("SG-2026-001  Circulate the matrix")
    tab.item_list.setCurrentRow(5)  # moving on saves item 5
    saved = minutes.show(db, sg.meeting).items[4]
    assert saved.discussion == "The Group discussed the proposal." and saved.pending_draft is None
    assert [d.text for d in decisions.list_decisions(db)] == ["The Group APPROVED the proposal."]
    assert actions.list_actions(db)[0].owner == "Tariq Haddad"


def test_unsaved_typing_is_restored_with_a_notice_and_approved_minutes_are_read_only(
    qtbot, db
) -> None:
    sg = strategy_group(db)
    item_id = minutes.show(db, sg.meeting).items[4].item_id
    minutes.autosave(db, sg.meeting, item_id, "Typed before the crash")
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.minutes_tab
    assert tab.notice.isVisible() and "item 5" in tab.notice.text()
    tab.item_list.setCurrentRow(4)
    assert tab.editor.toPlainText() == "Typed before the crash"
    assert tab.buttons["saveMinutes"].isEnabled()
    qtbot.mouseClick(tab.buttons["saveMinutes"], Qt.MouseButton.LeftButton)
    assert minutes.show(db, sg.meeting).items[4].discussion == "Typed before the crash"
    dialog.close()
    minutes.approve(db, sg.meeting, sg.next_meeting, now=dt.datetime(2027, 2, 9, 12, 0))
    again = _open(qtbot, db, sg.meeting)
    locked = again.minutes_tab
    assert locked.editor.isReadOnly() and "APPROVED" in locked.status.text()
    assert not locked.buttons["addDecision"].isEnabled()
    assert locked.buttons["exportMinutes"].isEnabled()


def test_item_on_the_day_is_added_under_aob(qtbot, db) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.minutes_tab

    def title(box) -> None:
        box.setTextValue("Winter pressures")
        box.accept()

    with_modal(title, lambda: qtbot.mouseClick(tab.buttons["addAob"], Qt.MouseButton.LeftButton))
    assert tab.item_list.currentItem().text() == "8.1  Winter pressures [on the day]"
    assert dt.date(2026, 11, 10) == minutes.show(db, sg.meeting).date


def test_approving_asks_at_a_held_meeting_shows_the_amendments_and_can_be_withdrawn(
    qtbot, db
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.meeting_fixtures import add_meeting

    sg = strategy_group(db)  # 10 November 2026; the next, 9 February 2027, not yet held
    minutes.write_item(db, sg.meeting, "5", "Discussed.")
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.minutes_tab
    approve = tab.buttons["approveMinutes"]
    seen: list[str] = []

    def read(box) -> None:
        seen.append(box.text())
        box.accept()

    with_modal(read, lambda: qtbot.mouseClick(approve, Qt.MouseButton.LeftButton))
    assert "The next SG meeting, on Tuesday 9 February 2027, has not taken place yet" in seen[0]
    assert not minutes.show(db, sg.meeting).locked

    add_meeting(db, "SG", dt.date(2026, 11, 24))  # an extra meeting, already held

    def choose(box) -> None:
        assert box.objectName() == "approveMinutesDialog"
        assert [box.at.itemText(i) for i in range(box.at.count())] == [
            "Tuesday 24 November 2026 (SG)"
        ]
        qtbot.keyClicks(box.amendments, "Item 5: 'reach' not 'range'.")
        go = box.findChild(QPushButton, "approveButton")

        def answer(button_text: str):
            def act(confirm: QMessageBox) -> None:
                seen.append(confirm.text())
                button = next(b for b in confirm.buttons() if b.text() == button_text)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

            return act

        with_modal(answer("Go back"), lambda: qtbot.mouseClick(go, Qt.MouseButton.LeftButton))
        assert box.isVisible() and not minutes.show(db, sg.meeting).locked
        with_modal(
            answer("Approve and lock"), lambda: qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
        )

    with_modal(choose, lambda: qtbot.mouseClick(approve, Qt.MouseButton.LeftButton))
    assert seen[1] == seen[2]
    assert seen[1].startswith(
        "Approve the minutes of Tuesday 10 November 2026 as agreed at the meeting of "
        "Tuesday 24 November 2026?\n\nAmendments agreed:\nItem 5: 'reach' not 'range'."
    )
    view = minutes.show(db, sg.meeting)
    assert view.locked and view.approved_at == dt.date(2026, 11, 24)
    assert tab.editor.isReadOnly() and "APPROVED" in tab.status.text()
    withdraw = tab.buttons["withdrawApproval"]
    assert withdraw.isEnabled()

    def why(box: QInputDialog) -> None:
        box.setTextValue("Approved before the meeting agreed them")
        box.accept()

    with_modal(why, lambda: qtbot.mouseClick(withdraw, Qt.MouseButton.LeftButton))
    assert minutes.show(db, sg.meeting).status == "draft"
    assert not tab.editor.isReadOnly() and not withdraw.isEnabled()
    assert "approval was withdrawn (Approved before the meeting agreed them)" in tab.status.text()


def test_a_correction_to_approved_minutes_is_an_amendment_on_record(qtbot, db) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "Discussed.")
    minutes.approve(db, sg.meeting, sg.next_meeting, now=dt.datetime(2027, 2, 9, 12, 0))
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.minutes_tab
    tab.item_list.setCurrentRow(4)
    assert tab.buttons["amendMinutes"].isEnabled()

    def reason() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog) or not box.labelText().startswith("Why"):
            QTimer.singleShot(20, reason)
            return
        box.setTextValue("Omitted in error")
        box.accept()

    def correction(box) -> None:
        box.setTextValue("Tariq Haddad abstained.")
        QTimer.singleShot(0, reason)
        box.accept()

    with_modal(
        correction, lambda: qtbot.mouseClick(tab.buttons["amendMinutes"], Qt.MouseButton.LeftButton)
    )
    view = minutes.show(db, sg.meeting)
    assert [(a.item, a.text, a.reason) for a in view.amendments] == [
        ("5", "Tariq Haddad abstained.", "Omitted in error")
    ]
    assert view.items[4].discussion == "Discussed."
