"""Date and time boxes typed into as an officer would: UK dates, the weekday shown beside
them, nothing saved but what was typed, no stray-Enter saves, unlikely dates asked about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from atr_desktop.paths import app_paths
from atr_desktop.services import actions, meetings
from atr_desktop.ui.action_dialog import ActionDialog
from atr_desktop.ui.actions_page import ActionsPage
from atr_desktop.ui.main_window import AREAS, MainWindow
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group


@pytest.fixture
def page(qtbot, tmp_path: Path, db_path: Path):
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    assert win.open_store(db_path, create_if_missing=True)
    win.nav.setCurrentRow(AREAS.index("Meetings"))
    yield win.pages["Meetings"]
    win.close_store()


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def message_of(qtbot, trigger, answer: str = "") -> str:
    """The text of the message box ``trigger`` opens; ``answer`` names the button to press
    (default: the box's escape button, as Esc would)."""
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        if answer:
            button = next(b for b in box.buttons() if b.text() == answer)
        else:
            button = box.escapeButton() or box.buttons()[0]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    with_modal(read, trigger)
    return seen[0] if seen else ""


def open_schedule(qtbot, page, act) -> None:
    with_modal(act, lambda: qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton))


def test_typed_uk_date_is_saved_as_typed_with_its_weekday_shown(page, qtbot) -> None:
    def act(dialog) -> None:
        ui = dialog.ui
        ui.groupCombo.setCurrentIndex(ui.groupCombo.findData("SG"))
        qtbot.keyClicks(ui.dateEdit.edit, "31/03/2027")
        press(qtbot, ui.dateEdit.edit, Qt.Key.Key_Tab)
        assert ui.dateEdit.shown.text() == "Wednesday 31 March 2027"
        assert QApplication.focusWidget() is not ui.dateEdit.edit
        ui.startEdit.clear()
        qtbot.keyClicks(ui.startEdit, "14:00")
        ui.endEdit.clear()
        qtbot.keyClicks(ui.venueEdit, "Wellington House")
        # Enter in a box moves on: the dialog is still open and nothing is saved.
        press(qtbot, ui.venueEdit, Qt.Key.Key_Return)
        assert dialog.isVisible() and meetings.list_meetings(page.db) == []
        qtbot.mouseClick(
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    open_schedule(qtbot, page, act)
    [m] = meetings.list_meetings(page.db)
    assert (m.date, m.start_time, m.end_time) == (dt.date(2027, 3, 31), dt.time(14, 0), None)


def test_a_stray_enter_saves_nothing_and_2027_is_not_a_time(page, qtbot) -> None:
    def act(dialog) -> None:
        ui = dialog.ui
        press(qtbot, ui.dateEdit.edit, Qt.Key.Key_Return)
        assert dialog.isVisible()
        qtbot.keyClicks(ui.dateEdit.edit, "7202")
        assert ui.dateEdit.shown.text().startswith("Not a date yet")
        ui.dateEdit.edit.clear()
        qtbot.keyClicks(ui.dateEdit.edit, "Wed 7 Jul 2027")
        assert ui.dateEdit.shown.text() == "Wednesday 7 July 2027"
        ui.startEdit.clear()
        qtbot.keyClicks(ui.startEdit, "2027")
        qtbot.keyClicks(ui.venueEdit, "Wellington House")
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        text = message_of(qtbot, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton))
        assert text.startswith("Start time: '2027' is not a time")
        assert dialog.isVisible()
        dialog.reject()

    open_schedule(qtbot, page, act)
    assert meetings.list_meetings(page.db) == []


def test_a_bank_holiday_and_a_wrong_weekday_are_asked_about_together(page, qtbot) -> None:
    asked: list[str] = []

    def act(dialog) -> None:
        ui = dialog.ui
        ui.groupCombo.setCurrentIndex(ui.groupCombo.findData("SG"))
        qtbot.keyClicks(ui.dateEdit.edit, "Tue 30 Aug 2027")
        assert ui.dateEdit.shown.text() == "30 August 2027 is a Monday, not a Tuesday."
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        asked.append(message_of(qtbot, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton)))
        assert dialog.isVisible() and meetings.list_meetings(page.db) == []
        asked.append(
            message_of(
                qtbot, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton), "Save anyway"
            )
        )

    open_schedule(qtbot, page, act)
    assert asked[0] == asked[1]
    assert asked[0].split("\n\n") == [
        "30 August 2027 is a Monday, not a Tuesday.",
        "There is no venue or online link yet.",
        "The meeting on Monday 30 August 2027 is a bank holiday (Late Summer Bank Holiday).",
    ]
    [m] = meetings.list_meetings(page.db)
    assert m.date == dt.date(2027, 8, 30)


def test_action_due_date_before_its_meeting_is_refused_in_the_window(qtbot, db) -> None:
    sg = strategy_group(db)  # raised at the meeting of 10 November 2026
    a = actions.add_action(db, sg.meeting, "1", "Circulate the budget", "A", None)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    page.view.select_where(lambda x: x.ref == a.ref)
    texts: list[str] = []

    def edit(dialog) -> None:
        assert isinstance(dialog, ActionDialog)
        assert dialog.ui.dueEdit.edit.text() == ""
        qtbot.keyClicks(dialog.ui.dueEdit.edit, "31/10/26")
        save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        if save is None:
            save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        texts.append(message_of(qtbot, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton)))
        dialog.ui.dueEdit.edit.clear()
        qtbot.keyClicks(dialog.ui.dueEdit.edit, "30/11/26")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    with_modal(edit, lambda: qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton))
    assert texts == [
        f"{a.ref}: the due date 31 October 2026 is before the meeting that raised the action "
        "(10 November 2026): choose a later date."
    ]
    assert actions.get_action(db, a.ref).due_date == dt.date(2026, 11, 30)
