"""Edit one action (form: forms/action_dialog.ui): wording, owner, dates, status, RAG, update."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import RAGS, STATUSES
from atr_desktop.errors import UserError
from atr_desktop.services import actions, minutes
from atr_desktop.services.actions import ActionChange, ActionInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.forms.ui_action_dialog import Ui_ActionDialog

NO_DATE = QDate(2000, 1, 1)


class ActionDialog(QDialog):
    def __init__(self, db: Database, action: ActionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.action = action
        self.result_action: ActionInfo | None = None
        self.ui = Ui_ActionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Action {action.ref}")
        self.ui.refValue.setText(
            f"<b>{action.ref}</b> ({action.group_code}), raised {short_date(action.raised_on)}"
            + (f" at {action.meeting} item {action.item}" if action.meeting else "")
        )
        self.ui.descriptionEdit.setPlainText(action.description)
        self.ui.ownerEdit.setText(action.owner_email or action.owner)
        self.ui.dueEdit.setMinimumDate(NO_DATE)
        self.ui.dueEdit.setSpecialValueText("No due date")
        due = action.due
        self.ui.dueEdit.setDate(QDate(due.year, due.month, due.day) if due else NO_DATE)
        for status in STATUSES:
            self.ui.statusCombo.addItem(status.capitalize(), status)
        self.ui.statusCombo.setCurrentIndex(STATUSES.index(action.status))
        self.ui.meetingCombo.addItem("(not closed)", None)
        for m in minutes.meeting_choices(db, action.group_code):
            self.ui.meetingCombo.addItem(m.label, m.id)
        self.ui.ragCombo.addItem(
            f"Automatic ({action.rag})" if not action.rag_override_reason else "Automatic", ""
        )
        for word in RAGS:
            self.ui.ragCombo.addItem(word, word)
        if action.rag_override_reason:
            self.ui.ragCombo.setCurrentIndex(self.ui.ragCombo.findData(action.rag))
            self.ui.reasonEdit.setText(action.rag_override_reason)
        for u in reversed(action.updates):
            self.ui.historyList.addItem(f"{short_date(u.on_date)}  {u.text}")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def change(self) -> ActionChange:
        qdate = self.ui.dueEdit.date()
        due = None if qdate == NO_DATE else dt.date(qdate.year(), qdate.month(), qdate.day())
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
        try:
            self.result_action = actions.update_action(self.db, self.action.ref, self.change())
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()
