"""The chairs' tracker and the decision log, driven through the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from atr_desktop.services import actions, decisions
from atr_desktop.ui.action_bulk import BulkUpdateDialog, ImportDialog
from atr_desktop.ui.action_dialog import ActionDialog
from atr_desktop.ui.actions_page import ActionsPage
from atr_desktop.ui.decisions_page import DecisionsPage
from atr_desktop.ui.meeting_chooser import MeetingChooser
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from tests.gui_helpers import with_modal, with_modals
from tests.meeting_fixtures import strategy_group


def _tracker(db, sg=None) -> list[str]:
    sg = sg or strategy_group(db)
    today = dt.date.today()
    specs = [
        ("Overdue report", sg.ref("Tariq"), today - dt.timedelta(days=5)),
        ("Soon", "Finance lead", today + dt.timedelta(days=4)),
        ("Later", sg.ref("Zoë"), today + dt.timedelta(days=90)),
    ]
    return [actions.add_action(db, sg.meeting, "5", t, o, d).ref for t, o, d in specs]


def _rows(page) -> list[str]:
    model = page.view.proxy
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_tracker_filters_sorts_and_updates_several_at_once(qtbot, db) -> None:
    refs = _tracker(db)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    assert _rows(page) == ["Overdue report", "Soon", "Later"]
    assert page.count.text() == "3 actions, 1 overdue"
    page.overdue.click()
    assert _rows(page) == ["Overdue report"]
    page.overdue.click()
    page.due_within.setValue(10)
    assert _rows(page) == ["Overdue report", "Soon"]
    page.due_within.setValue(0)
    qtbot.keyClicks(page.owner, "clarke")  # filters once typing pauses
    qtbot.waitUntil(lambda: _rows(page) == ["Later"])
    page.owner.clear()
    qtbot.keyClicks(page.view.filter, "soon")
    qtbot.waitUntil(lambda: _rows(page) == ["Soon"])
    page.view.filter.clear()
    qtbot.waitUntil(lambda: len(_rows(page)) == 3)
    page.view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by owner
    assert _rows(page)[0] == "Soon"  # 'Finance lead' sorts first
    selection = page.view.table.selectionModel()
    for row in (0, 1):
        selection.select(
            page.view.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert page.bulk_button.isEnabled() and not page.edit_button.isEnabled()

    def bulk(dialog) -> None:
        assert isinstance(dialog, BulkUpdateDialog)
        dialog.status.setCurrentIndex(dialog.status.findData("in progress"))
        qtbot.keyClicks(dialog.note, "Discussed with the chair")
        dialog.save()

    with_modal(bulk, lambda: qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton))
    statuses = {a.ref: a.status for a in actions.list_actions(db)}
    assert sorted(statuses.values()) == ["in progress", "in progress", "open"]
    assert all(
        a.latest_update.startswith("Discussed")
        for a in actions.list_actions(db)
        if a.status == "in progress"
    )
    assert set(statuses) == set(refs)


def test_action_editor_moves_the_due_date_and_overrides_rag(qtbot, db) -> None:
    refs = _tracker(db)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    page.view.select_where(lambda a: a.ref == refs[2])

    def edit(dialog) -> None:
        assert isinstance(dialog, ActionDialog)
        dialog.ui.dueEdit.setDate(QDate(2030, 1, 31))
        dialog.ui.ragCombo.setCurrentIndex(dialog.ui.ragCombo.findData("Red"))
        qtbot.keyClicks(dialog.ui.reasonEdit, "Funding at risk")
        qtbot.keyClicks(dialog.ui.noteEdit, "Waiting for the ICB")
        dialog.save()

    with_modal(edit, lambda: qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton))
    a = actions.get_action(db, refs[2])
    assert a.revised_due_date == dt.date(2030, 1, 31) and a.due_date != a.revised_due_date
    assert a.rag == "Red" and a.rag_override_reason == "Funding at risk"
    assert "Waiting for the ICB" in a.latest_update


def test_import_wizard_blocks_problem_rows_until_skipped(qtbot, db, tmp_path) -> None:
    strategy_group(db)
    path = tmp_path / "old-log.csv"
    path.write_text(
        "Ref,Action,Owner,Due,Status\nSG-2025-001,Map services,Jo Bloggs,01/05/2026,open\n"
        ",,Nobody,,open\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.group.setCurrentIndex(dialog.group.findData("SG"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "1 with problems" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.skip.click()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported == ("SG-2025-001",)


def test_export_and_reminders_from_the_page(qtbot, db, tmp_path) -> None:
    _tracker(db)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    done = page.export_to(tmp_path / "log.xlsx")
    assert done is not None and done.path == tmp_path / "log.xlsx" and done.written == 3
    written = page.remind_to(tmp_path / "drafts")
    assert written is not None and len(written) == 3


def test_the_exported_log_holds_what_the_filtered_view_shows(
    qtbot, db, tmp_path, monkeypatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from atr_desktop.services import minutes

    sg = strategy_group(db)
    _tracker(db, sg)
    part_b = next(i for i in minutes.agenda_items(db, sg.meeting) if "Part B" in i.title)
    due = dt.date.today() + dt.timedelta(days=30)
    for text in ("Negotiate the contract", "Agree the price"):
        actions.add_action(db, sg.meeting, part_b.number, text, sg.ref("Tariq"), due)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    page.show()
    assert len(_rows(page)) == 5
    qtbot.keyClicks(page.owner, "haddad")  # Tariq: one overdue action and the two Part B
    tariq = ["Agree the price", "Negotiate the contract", "Overdue report"]
    qtbot.waitUntil(lambda: sorted(_rows(page)) == tariq)  # the owner box waits for a pause
    out = tmp_path / "tariq.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )

    def read(box) -> str:
        text = box.text()
        box.accept()
        return text

    def leave_part_b_out(box) -> None:
        assert box.objectName() == "partBChoice"
        next(b for b in box.buttons() if b.text() == "Leave them out").click()

    [_, said] = with_modals(
        [leave_part_b_out, read],
        lambda: qtbot.mouseClick(
            page.findChild(QPushButton, "exportActions"), Qt.MouseButton.LeftButton
        ),
    )
    assert said.startswith("Wrote 1 of the 3 actions shown to")
    assert "2 confidential (Part B) action(s) were left out" in said
    book = load_workbook(out)
    written = [r[3] for r in book["Open actions"].iter_rows(min_row=3, values_only=True)]
    assert written == ["Overdue report"]  # not the other owners' actions, nor Part B
    about = [r[0] for r in book["About this export"].iter_rows(min_row=3, values_only=True)]
    assert about[0] == "Shown: owner 'haddad', all open."
    assert about[1].startswith("2 confidential (Part B) action(s) were left out")


def test_meeting_record_is_reachable_from_the_actions_page(qtbot, db) -> None:
    sg = strategy_group(db)
    page = ActionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    opened: list[str] = []

    def close_record() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MeetingRecordDialog):
            QTimer.singleShot(20, close_record)
            return
        opened.append(dialog.windowTitle())
        dialog.reject()

    def choose(chooser) -> None:
        assert isinstance(chooser, MeetingChooser)
        qtbot.keyClicks(chooser.filter, "10 November")
        QTimer.singleShot(0, close_record)
        chooser.accept()

    with_modal(
        choose,
        lambda: qtbot.mouseClick(
            page.findChild(type(page.edit_button), "openMeetingRecord"), Qt.MouseButton.LeftButton
        ),
    )
    assert opened == ["ATR Strategy Group: Tuesday 10 November 2026"]
    assert sg.meeting


def test_decision_log_searches_and_withdraws(qtbot, db) -> None:
    sg = strategy_group(db)
    decisions.add_decision(db, sg.meeting, "5", "The Group APPROVED the training offer.")
    decisions.add_decision(db, sg.meeting, "6", "The Group NOTED the budget.")
    page = DecisionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    assert page.view.proxy.rowCount() == 2
    qtbot.keyClicks(page.search, "training")
    assert page.view.proxy.rowCount() == 1
    assert page.view.proxy.index(0, 3).data() == "Needs ratification"
    page.view.select_where(lambda d: True)

    def reason(box) -> None:
        box.setTextValue("Replaced by a later decision")
        box.accept()

    with_modal(reason, lambda: qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton))
    assert decisions.list_decisions(db, search="training")[0].status == "withdrawn"


def test_decision_taken_while_not_quorate_is_ratified_from_the_log(qtbot, db) -> None:
    from atr_desktop.services import attendance

    sg = strategy_group(db)
    d = decisions.add_decision(db, sg.meeting, "5", "The Group AGREED the plan.")
    for name in ("Siân", "Zoë", "Tariq", "Niamh"):
        attendance.set_attendance(
            db, sg.next_meeting, sg.ref(name), attendance.LineChange("present")
        )
    page = DecisionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    page.view.select_where(lambda x: x.id == d.id)
    assert page.ratify_button.isEnabled()

    def choose(chooser) -> None:
        qtbot.keyClicks(chooser.filter, "9 February 2027")
        chooser.accept()

    with_modal(choose, lambda: qtbot.mouseClick(page.ratify_button, Qt.MouseButton.LeftButton))
    assert decisions.list_decisions(db)[0].ratified_at == dt.date(2027, 2, 9)
    assert not page.ratify_button.isEnabled() or page.view.current().ratified_at


def test_typing_in_the_filter_keeps_the_column_widths(qtbot, db) -> None:
    """Columns are fitted to the first rows shown; a keystroke later neither measures them
    again (90 ms at 100,000 actions) nor undoes a width the officer dragged."""
    _tracker(db)
    page = ActionsPage(db)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.refresh()
    header = page.view.table.horizontalHeader()
    fitted = header.sectionSize(2)
    assert fitted > 40  # the Action column was fitted to its words
    header.resizeSection(2, fitted + 120)  # the officer widens it
    qtbot.keyClicks(page.view.filter, "soon")
    qtbot.waitUntil(lambda: _rows(page) == ["Soon"])
    page.view.filter.clear()
    qtbot.waitUntil(lambda: len(_rows(page)) == 3)
    assert header.sectionSize(2) == fitted + 120
