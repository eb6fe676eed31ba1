"""Edit one action (form: forms/action_dialog.ui): wording, owner, dates, status, RAG, update."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import RAGS, STATUSES
from atr_desktop.services import actions, minutes
from atr_desktop.services.actions import ActionChange, ActionInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.date_field import enter_moves_on
from atr_desktop.ui.forms.ui_action_dialog import Ui_ActionDialog
from atr_desktop.ui.reload import TypedForm, save_and_close


class ActionDialog(QDialog):
    def __init__(self, db: Database, action: ActionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.action = action
        self.result_action: ActionInfo | None = None
        self.ui = Ui_ActionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Action {action.ref}")
        self.ui.dueEdit.optional = True
        for status in STATUSES:
            self.ui.statusCombo.addItem(status.capitalize(), status)
        self.ui.meetingCombo.addItem("(not closed)", None)
        for m in minutes.meeting_choices(db, action.group_code):
            self.ui.meetingCombo.addItem(m.label, m.id)
        self.ui.ragCombo.addItem("Automatic", "")
        for word in RAGS:
            self.ui.ragCombo.addItem(word, word)
        self.fill(action)
        ui = self.ui
        self.form = TypedForm(
            [
                ui.descriptionEdit,
                ui.ownerEdit,
                ui.dueEdit,
                ui.statusCombo,
                ui.meetingCombo,
                ui.ragCombo,
                ui.reasonEdit,
                ui.noteEdit,
            ]
        )
        enter_moves_on(self)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, action: ActionInfo) -> None:
        """Show ``action`` as read (on opening, and again on Reload)."""
        self.action = action
        self.ui.refValue.setText(
            f"<b>{action.ref}</b> ({action.group_code}), raised {short_date(action.raised_on)}"
            + (f" at {action.meeting} item {action.item}" if action.meeting else "")
        )
        self.ui.descriptionEdit.setPlainText(action.description)
        self.ui.ownerEdit.setText(action.owner_email or action.owner)
        self.ui.dueEdit.setDate(action.due)
        self.ui.statusCombo.setCurrentIndex(STATUSES.index(action.status))
        self.ui.ragCombo.setItemText(
            0, f"Automatic ({action.rag})" if not action.rag_override_reason else "Automatic"
        )
        overridden = bool(action.rag_override_reason)
        self.ui.ragCombo.setCurrentIndex(self.ui.ragCombo.findData(action.rag) if overridden else 0)
        self.ui.reasonEdit.setText(action.rag_override_reason)
        self.ui.historyList.clear()
        for u in reversed(action.updates):
            self.ui.historyList.addItem(f"{short_date(u.on_date)}  {u.text}")

    def change(self) -> ActionChange:
        due = self.ui.dueEdit.value()
        rag = self.ui.ragCombo.currentData()
        return ActionChange(
            status=self.ui.statusCombo.currentData(),
            due=due if due != self.action.due else None,
            note=self.ui.noteEdit.toPlainText(),
            rag=rag if (rag or self.action.rag_override_reason) else None,
            reason=self.ui.reasonEdit.text(),
            at_meeting=self.ui.meetingCombo.currentData(),
            owner=self.ui.ownerEdit.text()
            if self.ui.ownerEdit.text() not in (self.action.owner, self.action.owner_email)
            else None,
            description=self.ui.descriptionEdit.toPlainText(),
        )

    def save(self) -> None:
        self.result_action = save_and_close(
            self,
            self.form,
            lambda: actions.update_action(
                self.db, self.action.ref, self.change(), expected_version=self.action.row_version
            ),
            lambda: actions.get_action(self.db, self.action.id),
            self.fill,
        )
