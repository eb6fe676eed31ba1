"""The areas reach each other: the Meetings page opens the pack (and the register)."""

from __future__ import annotations

from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import with_modal


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    win.open_store(demo_path)
    yield win
    win.close_store()


def test_build_pack_button_opens_the_pack_for_the_selected_meeting(window) -> None:
    from atr_desktop.ui.pack_dialog import PackDialog

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    meeting = page.current()
    assert meeting is not None and page.pack_button.isEnabled()

    def look(dialog) -> tuple[type, int]:
        seen = (type(dialog), dialog.meeting_id)
        dialog.reject()
        return seen

    assert with_modal(look, page.pack_button.click) == [(PackDialog, meeting.id)]


def test_register_and_minutes_button_opens_the_meeting_record(window) -> None:
    from atr_desktop.ui.meeting_record import MeetingRecordDialog

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    page.when_filter.setCurrentIndex(page.when_filter.findData("past"))
    meeting = page.current()
    assert meeting is not None and page.minutes_button.isEnabled()

    def look(dialog) -> tuple[type, str]:
        seen = (type(dialog), dialog.windowTitle())
        dialog.reject()
        return seen

    ((kind, title),) = with_modal(look, page.minutes_button.click)
    assert kind is MeetingRecordDialog
    assert str(meeting.date.year) in title


def test_chairs_brief_button_writes_the_brief(window, tmp_path, monkeypatch, qtbot) -> None:
    from docx import Document
    from PySide6.QtWidgets import QMessageBox

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    out = tmp_path / "brief.docx"
    monkeypatch.setattr(page, "save_path", lambda *a: out)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.brief_button.click()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=30_000)  # a job
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.count("Chair's brief") == 1 and "Expected quorum" in text


def test_history_of_an_action_from_the_tracker(window, qtbot) -> None:
    from atr_desktop.services import actions

    window.go_to("Actions")
    page = window.pages["Actions"]
    first = page.view.ids_model.record(0)
    actions.update_action(window.db, first.ref, actions.ActionChange(note="Chased by email"))
    page.refresh()
    page.view.select_where(lambda a: a.ref == first.ref)

    def read(dialog) -> list[str]:
        model = dialog.view.table.model()
        rows = [model.index(r, 3).data() for r in range(model.rowCount())]
        dialog.accept()
        return rows

    (what,) = with_modal(read, page.view.history_action.trigger)
    assert what[0] == "raised" and len(what) >= 2


def test_ctrl_z_undoes_an_edit_made_on_any_page(window, qtbot) -> None:
    """Undo is recorded for every page's edits, not only the pages that name them."""
    from atr_desktop.services import actions

    window.go_to("Actions")
    page = window.pages["Actions"]
    first = page.view.ids_model.record(0)
    before = actions.list_actions(window.db)
    actions.update_action(window.db, first.ref, actions.ActionChange(status="in progress"))
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo: update action {first.ref}"
    window.undo_action.trigger()
    assert actions.list_actions(window.db) == before
    window.redo_action.trigger()
    after = {a.ref: a.status for a in actions.list_actions(window.db)}
    assert after[first.ref] == "in progress"


def test_minutes_approval_is_withdrawn_and_given_again_from_the_meetings_page(window) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from atr_desktop.services import audit, minutes

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    page.group_filter.setCurrentIndex(page.group_filter.findData("SG"))
    page.when_filter.setCurrentIndex(page.when_filter.findData("past"))
    # The newest past meeting's minutes are a draft; the one before was approved at it.
    assert page.view.select_where(lambda m: minutes.show(page.db, m.id).locked)
    meeting = page.current()
    assert meeting is not None and "Minutes:</b> approved at the meeting of" in page.header.text()
    menu = page.minutes_button.menu()
    withdraw = menu.findChild(QAction, "withdrawApprovalAction")
    approve = menu.findChild(QAction, "approveMinutesAction")

    def why(box) -> str:
        box.setTextValue("Approved before the amendments were typed")
        text = box.labelText()
        box.accept()
        return text

    [asked] = with_modal(why, withdraw.trigger)
    assert "withdrawn?" in asked and "reason is kept on record" in asked
    assert "draft (an approval was withdrawn: Approved before the amendments" in (
        page.header.text()
    )
    history = [e.action for e in audit.history(page.db, "minutes", _minutes_id(page, meeting))]
    assert "approval withdrawn" in history

    def agree(dialog) -> None:
        dialog.amendments.setPlainText("Item 3: date corrected.")
        go = dialog.findChild(QPushButton, "approveButton")

        def confirm(box: QMessageBox) -> None:
            assert "Amendments agreed:\nItem 3: date corrected." in box.text()
            next(b for b in box.buttons() if b.text() == "Approve and lock").click()

        with_modal(confirm, go.click)

    with_modal(agree, approve.trigger)
    assert minutes.show(page.db, meeting.id).amendments_agreed == "Item 3: date corrected."
    assert "Minutes:</b> approved at the meeting of" in page.header.text()


def _minutes_id(page, meeting) -> int:
    from sqlalchemy import select

    from atr_desktop.storage.models import Minutes

    with page.db.session() as s:
        return s.scalars(select(Minutes.id).where(Minutes.meeting_id == meeting.id)).one()
