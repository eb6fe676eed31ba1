"""Choose a meeting (newest first, filter as you type): the way into its register and minutes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.services import minutes
from atr_desktop.storage.database import Database


class MeetingChooser(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, group: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose a meeting")
        self.setObjectName("meetingChooser")
        self.chosen: int | None = None
        self.filter = QLineEdit()
        self.filter.setObjectName("meetingFilter")
        self.filter.setPlaceholderText("Filter: group code or date")
        self.filter.setAccessibleName("Filter meetings")
        self.list = QListWidget()
        self.list.setObjectName("meetingList")
        self.list.setAccessibleName("Meetings")
        for m in minutes.meeting_choices(db, group):
            item = QListWidgetItem(m.label + ("" if m.status == "held" else f"  [{m.status}]"))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        self.list.itemActivated.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel("&Meeting:")
        label.setBuddy(self.list)
        layout.addWidget(self.filter)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _filter(self, text: str) -> None:
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = text.strip().lower() not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.list.setCurrentRow(first_visible)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
