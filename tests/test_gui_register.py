"""The register on the day: the wheel and the arrow keys never change attendance; bulk
marking; replies dropped onto it; the deputy prompt asks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from atr_desktop.services import attendance
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from atr_desktop.ui.register_tab import STATUS_COL, DeputyDialog
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group
from tests.reply_files import meeting_uid, reply_ics, write_eml, write_ics


def _open(qtbot, db, meeting) -> MeetingRecordDialog:
    dialog = MeetingRecordDialog(db, meeting)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _wheel(widget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _stored(db, meeting, name: str) -> str:
    return next(ln.status for ln in attendance.get_register(db, meeting).lines if ln.name == name)


def test_wheel_and_down_over_a_status_box_leave_attendance_and_quorum_alone(qtbot, db) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    combo = tab.combo(tab.row_of("Siân Evans"), STATUS_COL)
    banner = tab.banner.text()
    before = combo.currentData()
    for steps in (1, -1, 3):
        _wheel(combo, steps)
        assert combo.currentData() == before == _stored(db, sg.meeting, "Siân Evans")
        assert before == "absent" and tab.banner.text() == banner
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_PageDown)
    assert combo.currentData() == before and tab.banner.text() == banner
    # Typing the start of a choice is deliberate: it changes the status.
    qtbot.keyClicks(combo, "Ap")
    assert combo.currentData() == "apologies" == _stored(db, sg.meeting, "Siân Evans")


def test_mark_all_present_makes_the_meeting_quorate_and_keeps_apologies(qtbot, db) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    grace = tab.combo(tab.row_of("Grace Mensah"), STATUS_COL)
    grace.setCurrentIndex(grace.findData("apologies"))
    assert "NOT QUORATE" in tab.banner.text()
    qtbot.mouseClick(tab.all_present_button, Qt.MouseButton.LeftButton)
    assert tab.banner.text().startswith("<b>QUORATE</b>")
    assert tab.combo(tab.row_of("Siân Evans"), STATUS_COL).currentData() == "present"
    assert tab.combo(tab.row_of("Grace Mensah"), STATUS_COL).currentData() == "apologies"


def test_replies_dropped_on_the_register_record_apologies(qtbot, db, tmp_path) -> None:
    sg = strategy_group(db)
    uid = meeting_uid(db, sg.meeting)
    day = dt.date(2026, 11, 10)
    files = [
        write_ics(tmp_path, "zoe.ics", reply_ics(uid, day, sg.ref("Zoë"))),
        write_eml(tmp_path, "piotr.eml", reply_ics(uid, day, sg.ref("Piotr"))),
        write_ics(tmp_path, "niamh.ics", reply_ics(uid, day, sg.ref("Niamh"), "ACCEPTED")),
    ]
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    target = tab.table.viewport()
    enter = QDragEnterEvent(
        target.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()  # the pointer shows the files can be dropped here
    drop = QDropEvent(
        QPointF(target.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )

    def read(box: QMessageBox) -> str:
        text = box.text()
        box.accept()
        return text

    [said] = with_modal(read, lambda: QApplication.sendEvent(target, drop))
    assert said.startswith("Apologies recorded for Zoë Clarke, Piotr Nowak.")
    assert "Niamh Byrne accepted: nothing to record until the day." in said
    assert tab.combo(tab.row_of("Zoë Clarke"), STATUS_COL).currentData() == "apologies"
    assert _stored(db, sg.meeting, "Piotr Nowak") == "apologies"
    assert _stored(db, sg.meeting, "Niamh Byrne") == "absent"


def test_the_deputy_prompt_waits_for_a_choice(qtbot, db) -> None:
    sg = strategy_group(db)
    dialog = _open(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    status = tab.combo(tab.row_of("Sophie Armitage"), STATUS_COL)

    def choose(dialog: DeputyDialog) -> None:
        assert isinstance(dialog, DeputyDialog) and dialog.member.currentIndex() == -1
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert dialog.isVisible() and not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.member, "Zo")
        assert dialog.member.currentText() == "Zoë Clarke" and dialog.ok.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    with_modal(choose, lambda: status.setCurrentIndex(status.findData("deputy")))
    sophie = next(
        ln for ln in attendance.get_register(db, sg.meeting).lines if ln.name == "Sophie Armitage"
    )
    assert sophie.status == "deputy" and sophie.deputy_for == "Zoë Clarke"
    assert _stored(db, sg.meeting, "Zoë Clarke") == "apologies"
