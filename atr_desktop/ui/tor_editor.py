"""Edit a draft ToR (form: forms/tor_editor.ui): sections, quorum rule, review date, extras.

The quorum rule is shown in words as it is edited, exactly as the Word export will word it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QTableWidgetItem, QWidget

from atr_desktop.domain.quorum import QuorumRule
from atr_desktop.domain.tor import TEXT_SECTIONS, parse_fraction
from atr_desktop.services import tor
from atr_desktop.services.tor import TorInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.forms.ui_tor_editor import Ui_TorEditor
from atr_desktop.ui.reload import TypedForm, save_and_close

FRACTIONS = ("", "1/2", "1/3", "2/3", "1/4")


class TorEditor(QDialog):
    def __init__(self, db: Database, draft: TorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.draft = draft
        self.result_tor: TorInfo | None = None
        self.ui = Ui_TorEditor()
        self.ui.setupUi(self)
        ui = self.ui
        ui.fractionCombo.addItems(list(FRACTIONS))
        ui.reviewCheck.toggled.connect(ui.reviewDate.setEnabled)
        ui.extrasTable.horizontalHeader().setStretchLastSection(True)
        self.fill(draft)
        self.form = TypedForm(
            [
                *(self.editor(key) for key, _title in TEXT_SECTIONS),
                ui.countSpin,
                ui.fractionCombo,
                ui.chairCheck,
                ui.sectorsEdit,
                ui.reviewCheck,
                ui.reviewDate,
                ui.extrasTable,
            ]
        )
        ui.membershipFromMembersButton.clicked.connect(self._membership_from_members)
        ui.addExtraButton.clicked.connect(lambda: self._add_extra("New section", ""))
        ui.removeExtraButton.clicked.connect(self._remove_extra)
        for signal in (
            ui.countSpin.valueChanged,
            ui.fractionCombo.currentTextChanged,
            ui.chairCheck.toggled,
            ui.sectorsEdit.textChanged,
        ):
            signal.connect(self._show_rule)
        self._show_rule()
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)

    def fill(self, draft: TorInfo) -> None:
        """Show ``draft`` as read (on opening, and again on Reload)."""
        self.draft = draft
        ui = self.ui
        ui.headerLabel.setText(
            f"<b>{draft.group_name}</b>: draft version {draft.version}. An approved version is "
            "never edited; this draft becomes the new version when approved."
        )
        for key, _title in TEXT_SECTIONS:
            self.editor(key).setPlainText(draft.text(key))
        rule = draft.quorum
        ui.countSpin.setValue(rule.count or 0)
        fraction = f"{rule.numerator}/{rule.denominator}" if rule.numerator else ""
        ui.fractionCombo.setCurrentText(fraction)
        ui.chairCheck.setChecked(rule.chair_required)
        ui.sectorsEdit.setText(", ".join(rule.sectors))
        ui.reviewCheck.setChecked(draft.review_date is not None)
        ui.reviewDate.setDate(draft.review_date)
        ui.reviewDate.setEnabled(draft.review_date is not None)
        ui.extrasTable.setRowCount(0)
        for title, text in draft.extra_sections:
            self._add_extra(title, text)

    def editor(self, key: str) -> QPlainTextEdit:
        widget: QPlainTextEdit = getattr(self.ui, f"{key}Edit")
        return widget

    def _membership_from_members(self) -> None:
        """Draft the Membership section from who sits on the group now (by role and post)."""
        self.editor("membership").setPlainText(tor.membership_text(self.db, self.draft.group))
        self.ui.tabs.setCurrentWidget(self.ui.sectionsTab)
        self.editor("membership").setFocus()

    def _add_extra(self, title: str, text: str) -> None:
        table = self.ui.extrasTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(title))
        table.setItem(row, 1, QTableWidgetItem(text))
        table.setCurrentCell(row, 0)

    def _remove_extra(self) -> None:
        row = self.ui.extrasTable.currentRow()
        if row >= 0:
            self.ui.extrasTable.removeRow(row)

    def _sectors(self) -> list[str]:
        return [p.strip() for p in self.ui.sectorsEdit.text().split(",") if p.strip()]

    def _show_rule(self) -> None:
        top = bottom = 0
        fraction = self.ui.fractionCombo.currentText().strip()
        if fraction:
            try:
                top, bottom = parse_fraction(fraction)
            except ValueError as exc:
                self.ui.quorumPreview.setText(str(exc))
                return
        rule = QuorumRule(
            count=self.ui.countSpin.value() or None,
            numerator=top or None,
            denominator=bottom if top else None,
            chair_required=self.ui.chairCheck.isChecked(),
            sectors=tuple(self._sectors()),
        )
        self.ui.quorumPreview.setText(f"In words: {rule.describe()}")

    def changes(self) -> dict[str, Any]:
        ui = self.ui
        out: dict[str, Any] = {key: self.editor(key).toPlainText() for key, _ in TEXT_SECTIONS}
        out["quorum"] = {
            "count": ui.countSpin.value() or None,
            "fraction": ui.fractionCombo.currentText().strip() or None,
            "chair_required": ui.chairCheck.isChecked(),
            "sectors": self._sectors(),
        }
        out["review_date"] = ui.reviewDate.date() if ui.reviewCheck.isChecked() else None
        extras = []
        for row in range(ui.extrasTable.rowCount()):
            title_item, text_item = ui.extrasTable.item(row, 0), ui.extrasTable.item(row, 1)
            title = title_item.text().strip() if title_item else ""
            if title:
                extras.append({"title": title, "text": text_item.text() if text_item else ""})
        out["extra_sections"] = extras
        return out

    def save(self) -> None:
        self.result_tor = save_and_close(
            self,
            self.form,
            lambda: tor.edit_draft(
                self.db,
                self.draft.group,
                self.changes(),
                self.draft.row_version,
                self.draft.started,
            ),
            lambda: tor.get_version(self.db, self.draft.group, self.draft.version),
            self.fill,
        )
