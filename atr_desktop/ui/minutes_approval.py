"""Approving minutes, and withdrawing an approval given in error.

Minutes are approved only at a later meeting of the group that has taken place (or is in
progress today): the chooser offers only those, and the service refuses any other. The
approval locks the record, so it is confirmed first with the amendments agreed shown; an
approval can be withdrawn with a reason, which goes on record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import long_date, medium_date
from atr_desktop.services import minutes
from atr_desktop.services.minutes import MeetingChoice, MinutesView
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error


def no_meeting_yet(view: MinutesView, db: Database) -> str:
    """Why there is nothing to choose: say when the next meeting is, if there is one."""
    later = [m for m in minutes.meeting_choices(db, view.group_code) if m.date > view.date]
    if not later:
        return (
            f"Minutes are approved at a later meeting, and {view.group_code} has none after "
            f"{medium_date(view.date)} yet: schedule it first."
        )
    nxt = min(later, key=lambda m: m.date)
    return (
        f"Minutes are approved at a later meeting that has taken place. The next "
        f"{view.group_code} meeting, on {long_date(nxt.date)}, has not taken place yet: "
        "approve the minutes there."
    )


class ApproveDialog(QDialog):
    """At which held meeting, with which amendments; Approve asks once more before locking."""

    def __init__(
        self, view: MinutesView, choices: list[MeetingChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approveMinutesDialog")
        self.setWindowTitle("Approve minutes")
        self.view = view
        self.at = QComboBox()
        self.at.setObjectName("approvedAt")
        self.at.setAccessibleName("Approved at the meeting of")
        for choice in sorted(choices, key=lambda m: m.date):
            self.at.addItem(f"{long_date(choice.date)} ({choice.group_code})", choice)
        self.amendments = QPlainTextEdit()
        self.amendments.setObjectName("amendmentsAgreed")
        self.amendments.setAccessibleName("Amendments agreed")
        self.amendments.setTabChangesFocus(True)
        self.amendments.setPlaceholderText("Corrections agreed at the meeting, if any")
        form = QFormLayout()
        form.addRow("Approved &at the meeting of:", self.at)
        form.addRow("A&mendments agreed:", self.amendments)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        approve = self.buttons.addButton("A&pprove…", QDialogButtonBox.ButtonRole.AcceptRole)
        approve.setObjectName("approveButton")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The minutes of {long_date(view.date)} ({view.group_name})."))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen(self) -> MeetingChoice:
        choice: MeetingChoice = self.at.currentData()
        return choice

    def question(self) -> str:
        agreed = self.amendments.toPlainText().strip()
        return (
            f"Approve the minutes of {long_date(self.view.date)} as agreed at the meeting of "
            f"{long_date(self.chosen().date)}?\n\n"
            + (f"Amendments agreed:\n{agreed}" if agreed else "No amendments were agreed.")
            + "\n\nOnce approved the minutes are locked: later corrections are recorded as "
            "amendments."
        )

    def confirm(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Approve minutes")
        box.setText(self.question())
        box.setObjectName("confirmApproval")
        go = box.addButton("Approve and lock", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        if box.clickedButton() is go:
            self.accept()


def approve(parent: QWidget, db: Database, meeting_id: int) -> MinutesView | None:
    """Choose the meeting, confirm, approve; None when nothing was approved."""
    view = minutes.show(db, meeting_id)
    choices = minutes.approval_choices(db, meeting_id)
    if not choices:
        show_user_error(parent, no_meeting_yet(view, db))
        return None
    dialog = ApproveDialog(view, choices, parent)
    if not dialog.exec():
        return None
    at, agreed = dialog.chosen().id, dialog.amendments.toPlainText()
    return attempt(parent, lambda: minutes.approve(db, meeting_id, at, agreed))


def withdraw(parent: QWidget, db: Database, meeting_id: int) -> MinutesView | None:
    """Ask why, then withdraw the approval (the reason goes on record)."""
    view = minutes.show(db, meeting_id)
    if view.approved_at is None:
        show_user_error(
            parent,
            f"The minutes of {long_date(view.date)} are not approved: there is no approval "
            "to withdraw.",
        )
        return None
    reason, ok = QInputDialog.getText(
        parent,
        "Withdraw approval",
        f"Why is the approval of the minutes of {medium_date(view.date)} withdrawn?\n"
        "They become a draft again; the reason is kept on record.",
    )
    if not ok:
        return None
    return attempt(parent, lambda: minutes.withdraw_approval(db, meeting_id, reason))
