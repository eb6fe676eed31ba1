"""In the window: a Part B item's exemption reason, and the deliberate choice to put Part B
rows into an exported log (which marks the file OFFICIAL-SENSITIVE)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from atr_desktop.services import agenda, decisions
from atr_desktop.ui.decisions_page import DecisionsPage
from atr_desktop.ui.item_dialogs import AgendaItemDialog
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group


def test_item_dialog_saves_the_exemption_reason(qtbot, db) -> None:
    sg = strategy_group(db)
    row = next(r for r in agenda.agenda(db, sg.meeting) if r.number == "7")
    dialog = AgendaItemDialog(db, sg.meeting, row=row)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.confidentialCheck.isChecked() and ui.exemptionCombo.isEnabled()
    assert not ui.exemptionEdit.isEnabled()  # words only for 'other'
    ui.exemptionCombo.setCurrentIndex(ui.exemptionCombo.findData("other"))
    assert ui.exemptionEdit.isEnabled()
    qtbot.keyClicks(ui.exemptionEdit, "Staff consultation")
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.LeftButton)
    saved = next(r for r in agenda.agenda(db, sg.meeting) if r.number == "7")
    assert (saved.exemption, saved.exemption_note) == ("other", "Staff consultation")
    ui.confidentialCheck.setChecked(False)
    assert not ui.exemptionCombo.isEnabled()


def _click(label: str):  # type: ignore[no-untyped-def]
    def act(box: QMessageBox) -> None:
        assert "left out" in box.text() and "OFFICIAL-SENSITIVE" in box.informativeText()
        next(b for b in box.buttons() if b.text() == label).click()

    return act


def test_export_leaves_part_b_out_unless_chosen(qtbot, db, tmp_path: Path, monkeypatch) -> None:
    sg = strategy_group(db)
    decisions.add_decision(db, sg.meeting, "5", "Public decision.")
    decisions.add_decision(db, sg.meeting, "7", "Confidential award.")
    page = DecisionsPage(db)
    page.refresh()  # what showing it does
    qtbot.addWidget(page)
    out = tmp_path / "log.xlsx"
    monkeypatch.setattr(
        "atr_desktop.ui.decisions_page.QFileDialog.getSaveFileName", lambda *a: (str(out), "")
    )
    with_modal(_click("Leave them out"), page.export)
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("OFFICIAL ·") and sheet.max_row == 3
    with_modal(_click("Include Part B"), page.export)
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("OFFICIAL-SENSITIVE") and sheet.max_row == 4
    out.unlink()
    with_modal(_click("Cancel"), page.export)
    assert not out.exists()
