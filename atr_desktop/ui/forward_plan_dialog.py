"""The forward plan of a group: what is promised to which meeting, add and withdraw items
(form for an item: forward_plan_item_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.errors import UserError
from atr_desktop.services import forward_plan
from atr_desktop.services.forward_plan import ForwardPlanInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.forms.ui_forward_plan_item_dialog import Ui_ForwardPlanItemDialog
from atr_desktop.ui.item_dialogs import fill_purposes
from atr_desktop.ui.read_only import hide_edit_controls
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

SOURCES = {"manual": "Added", "tor_review": "ToR review", "deferred": "Deferred"}
COLUMNS: list[Column[ForwardPlanInfo]] = [
    Column("Group", lambda f: f.group_code),
    Column(
        "For",
        lambda f: short_date(f.target_date) if f.target_date else "Next meeting",
        lambda f: f.target_date.isoformat() if f.target_date else "9999",
    ),
    Column("Title", lambda f: f.title),
    Column("Purpose", lambda f: f.purpose.capitalize()),
    Column("Lead", lambda f: f.lead),
    Column("From", lambda f: SOURCES.get(f.source, f.source)),
    Column("On agenda", lambda f: f.placed_on or ("Withdrawn" if f.withdrawn_reason else "")),
]


class ForwardPlanItemDialog(QDialog):
    def __init__(self, db: Database, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.group = db, group
        self.result_item: ForwardPlanInfo | None = None
        self.ui = Ui_ForwardPlanItemDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Add to the {group} forward plan")
        fill_purposes(self.ui.purposeCombo)
        self.ui.dateEdit.setAccessibleName("The first meeting on or after")
        self.ui.nextCheck.toggled.connect(lambda on: self.ui.dateEdit.setEnabled(not on))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            target = None if self.ui.nextCheck.isChecked() else self.ui.dateEdit.date()
            self.result_item = forward_plan.add_forward_plan_item(
                self.db,
                self.group,
                self.ui.titleEdit.text(),
                target,
                self.ui.purposeCombo.currentData(),
                self.ui.leadEdit.text(),
            )
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()


class ForwardPlanDialog(QDialog):
    """A group's forward plan (every group's when ``group`` is None)."""

    def __init__(self, db: Database, group: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.group = db, group
        self.setWindowTitle(f"Forward plan: {group}" if group else "Forward plan")
        self.resize(860, 420)
        self.view: RecordView[ForwardPlanInfo] = RecordView(COLUMNS, "forwardPlan")
        self.add_button = QPushButton("&Add item…")
        self.add_button.setObjectName("addForwardPlanItem")
        self.add_button.setAccessibleName("Add item")
        self.add_button.setEnabled(group is not None)
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton("&Withdraw…")
        self.withdraw_button.setObjectName("withdrawForwardPlanItem")
        self.withdraw_button.setAccessibleName("Withdraw item")
        self.withdraw_button.clicked.connect(self.withdraw)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Items promised to future meetings. Each goes onto the first meeting on or "
                "after its date (or the next meeting) when that agenda is built."
            )
        )
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()
        if not db.can_write:
            hide_edit_controls(self)

    def refresh(self) -> None:
        self.view.set_records(forward_plan.list_forward_plan(self.db, self.group))

    def add(self) -> None:
        if self.group is None:
            return
        dialog = ForwardPlanItemDialog(self.db, self.group, self)
        if dialog.exec():
            self.refresh()

    def withdraw(self) -> None:
        item = self.view.current()
        if item is None:
            return
        reason, ok = QInputDialog.getText(self, "Withdraw", f"Withdraw '{item.title}'?\nReason:")
        if not ok:
            return
        attempt(
            self,
            lambda: forward_plan.withdraw_forward_plan_item(
                self.db, item.id, reason, item.row_version
            ),
        )
        self.refresh()  # saved, or refused because someone changed it: show it as it is
