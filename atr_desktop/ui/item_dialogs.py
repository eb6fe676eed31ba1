"""Editors for an agenda item and a paper's cover sheet (forms: agenda_item_dialog.ui,
cover_sheet_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.errors import UserError
from atr_desktop.services import agenda, papers, settings
from atr_desktop.services.agenda import PURPOSES, AgendaRow
from atr_desktop.services.papers import COVER_LABELS, PaperInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.forms.ui_agenda_item_dialog import Ui_AgendaItemDialog
from atr_desktop.ui.forms.ui_cover_sheet_dialog import Ui_CoverSheetDialog


def _purposes(combo: object, current: str) -> None:
    combo.addItem("(none)", "")  # type: ignore[attr-defined]
    for p in PURPOSES:
        combo.addItem(f"For {p}", p)  # type: ignore[attr-defined]
    combo.setCurrentIndex(max(0, combo.findData(current)))  # type: ignore[attr-defined]


class AgendaItemDialog(QDialog):
    """Add an item (before any other business, or under ``under``) or edit one."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        row: AgendaRow | None = None,
        under: AgendaRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.meeting_id, self.row, self.under = db, meeting_id, row, under
        self.result_row: AgendaRow | None = None
        self.ui = Ui_AgendaItemDialog()
        self.ui.setupUi(self)
        _purposes(self.ui.purposeCombo, row.purpose if row else "")
        if row:
            self.setWindowTitle(f"Edit item {row.number}")
            self.ui.titleEdit.setText(row.title)
            self.ui.leadEdit.setText(row.lead)
            self.ui.minutesSpin.setValue(row.minutes)
            self.ui.papersCheck.setChecked(row.has_papers)
            self.ui.confidentialCheck.setChecked(row.confidential)
        else:
            self.setWindowTitle(f"Add a sub-item to {under.number}" if under else "Add an item")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        data = agenda.ItemInput(
            title=self.ui.titleEdit.text(),
            lead=self.ui.leadEdit.text(),
            purpose=self.ui.purposeCombo.currentData(),
            minutes=self.ui.minutesSpin.value(),
            confidential=self.ui.confidentialCheck.isChecked(),
            has_papers=self.ui.papersCheck.isChecked(),
        )
        try:
            if self.row:
                self.result_row = agenda.update_item(self.db, self.row.id, data)
            else:
                under = self.under.number if self.under else None
                self.result_row = agenda.add_item(self.db, self.meeting_id, data, under=under)
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()


class CoverSheetDialog(QDialog):
    """A paper's cover sheet; the fields the secretariat requires are marked *."""

    FIELDS = {
        "title": "titleEdit",
        "author": "authorEdit",
        "author_email": "authorEmailEdit",
        "sponsor": "sponsorEdit",
        "summary": "summaryEdit",
        "recommendation": "recommendationEdit",
        "risks": "risksEdit",
        "equality_impact": "equalityEdit",
        "previously_considered": "previouslyEdit",
        "appendices": "appendicesEdit",
    }

    def __init__(self, db: Database, paper: PaperInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.paper = db, paper
        self.result_paper: PaperInfo | None = None
        self.ui = Ui_CoverSheetDialog()
        self.ui.setupUi(self)
        named = f"paper {paper.reference}, " if paper.reference else ""
        self.setWindowTitle(f"Cover sheet: {named}{paper.title}")
        _purposes(self.ui.purposeCombo, paper.purpose)
        for field, name in self.FIELDS.items():
            widget = getattr(self.ui, name)
            value = getattr(paper, field)
            if hasattr(widget, "setPlainText"):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        required = [f for f in settings.get(db, "required_cover_fields") if f in COVER_LABELS]
        labels = ", ".join(COVER_LABELS[f] for f in required if f != "agenda_reference")
        self.ui.requiredLabel.setText(
            f"Agenda reference: {paper.agenda_reference}. Required before issue: {labels}."
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def values(self) -> dict[str, str]:
        out = {"purpose": self.ui.purposeCombo.currentData()}
        for field, name in self.FIELDS.items():
            widget = getattr(self.ui, name)
            out[field] = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        return out

    def save(self) -> None:
        try:
            self.result_paper = papers.update_cover_by_id(self.db, self.paper.id, self.values())
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()
