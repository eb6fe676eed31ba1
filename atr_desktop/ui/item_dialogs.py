"""Editors for an agenda item and a paper's cover sheet (forms: agenda_item_dialog.ui,
cover_sheet_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from atr_desktop.domain.marking import EXEMPTIONS
from atr_desktop.services import agenda, papers, settings
from atr_desktop.services.agenda import PURPOSES, AgendaRow
from atr_desktop.services.papers import COVER_LABELS, PaperInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.forms.ui_agenda_item_dialog import Ui_AgendaItemDialog
from atr_desktop.ui.forms.ui_cover_sheet_dialog import Ui_CoverSheetDialog
from atr_desktop.ui.reload import TypedForm, save_and_close


def fill_purposes(combo: QComboBox, current: str = "") -> None:
    """The purposes by their own word ("Decision", not "For decision"), so typing the first
    letters of one selects it."""
    combo.addItem("(none)", "")
    for p in PURPOSES:
        combo.addItem(p.capitalize(), p)
    combo.setCurrentIndex(max(0, combo.findData(current)))


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
        fill_purposes(self.ui.purposeCombo, row.purpose if row else "")
        self.ui.exemptionCombo.addItem("(not yet chosen)", "")
        for key, words in EXEMPTIONS.items():
            self.ui.exemptionCombo.addItem(words.capitalize(), key)
        if row:
            self.fill(row)
        else:
            self.setWindowTitle(f"Add a sub-item to {under.number}" if under else "Add an item")
        self.ui.confidentialCheck.toggled.connect(self._enable_exemption)
        self.ui.exemptionCombo.currentIndexChanged.connect(self._enable_exemption)
        self._enable_exemption()
        ui = self.ui
        self.form = TypedForm(
            [
                ui.titleEdit,
                ui.leadEdit,
                ui.purposeCombo,
                ui.minutesSpin,
                ui.papersCheck,
                ui.confidentialCheck,
                ui.exemptionCombo,
                ui.exemptionEdit,
            ]
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, row: AgendaRow) -> None:
        """Show ``row`` as read (on opening, and again on Reload)."""
        self.row = row
        self.setWindowTitle(f"Edit item {row.number}")
        self.ui.titleEdit.setText(row.title)
        self.ui.leadEdit.setText(row.lead)
        self.ui.purposeCombo.setCurrentIndex(max(0, self.ui.purposeCombo.findData(row.purpose)))
        self.ui.minutesSpin.setValue(row.minutes)
        self.ui.papersCheck.setChecked(row.has_papers)
        self.ui.confidentialCheck.setChecked(row.confidential)
        self.ui.exemptionCombo.setCurrentIndex(
            max(0, self.ui.exemptionCombo.findData(row.exemption))
        )
        self.ui.exemptionEdit.setText(row.exemption_note)

    def _enable_exemption(self) -> None:
        """The reason belongs to Part B items; its words to the reason 'other'."""
        part_b = self.ui.confidentialCheck.isChecked()
        self.ui.exemptionCombo.setEnabled(part_b)
        self.ui.exemptionEdit.setEnabled(part_b and self.ui.exemptionCombo.currentData() == "other")

    def save(self) -> None:
        data = agenda.ItemInput(
            title=self.ui.titleEdit.text(),
            lead=self.ui.leadEdit.text(),
            purpose=self.ui.purposeCombo.currentData(),
            minutes=self.ui.minutesSpin.value(),
            confidential=self.ui.confidentialCheck.isChecked(),
            has_papers=self.ui.papersCheck.isChecked(),
            exemption=self.ui.exemptionCombo.currentData() or "",
            exemption_note=self.ui.exemptionEdit.text(),
        )
        row = self.row
        if row is not None:
            self.result_row = save_and_close(
                self,
                self.form,
                lambda: agenda.update_item(self.db, row.id, data, row.row_version),
                lambda: agenda.get_item(self.db, row.id),
                self.fill,
            )
            return
        under = self.under.number if self.under else None
        self.result_row = attempt(
            self, lambda: agenda.add_item(self.db, self.meeting_id, data, under=under)
        )
        if self.result_row is not None:
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
        fill_purposes(self.ui.purposeCombo, paper.purpose)
        self.fill(paper)
        required = [f for f in settings.get(db, "required_cover_fields") if f in COVER_LABELS]
        labels = ", ".join(COVER_LABELS[f] for f in required if f != "agenda_reference")
        self.ui.requiredLabel.setText(
            f"Agenda reference: {paper.agenda_reference}. Required before issue: {labels}."
        )
        self.form = TypedForm(
            [self.ui.purposeCombo, *(getattr(self.ui, name) for name in self.FIELDS.values())]
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, paper: PaperInfo) -> None:
        """Show ``paper``'s cover sheet as read (on opening, and again on Reload)."""
        self.paper = paper
        self.ui.purposeCombo.setCurrentIndex(max(0, self.ui.purposeCombo.findData(paper.purpose)))
        for field, name in self.FIELDS.items():
            widget = getattr(self.ui, name)
            value = getattr(paper, field)
            if hasattr(widget, "setPlainText"):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    def values(self) -> dict[str, str]:
        out = {"purpose": self.ui.purposeCombo.currentData()}
        for field, name in self.FIELDS.items():
            widget = getattr(self.ui, name)
            out[field] = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        return out

    def save(self) -> None:
        self.result_paper = save_and_close(
            self,
            self.form,
            lambda: papers.update_cover_by_id(
                self.db, self.paper.id, self.values(), self.paper.row_version
            ),
            lambda: papers.get_paper(self.db, self.paper.id),
            self.fill,
        )
