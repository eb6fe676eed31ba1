"""A record's audit trail: who changed it, on which machine, and when."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from atr_desktop.services import audit
from atr_desktop.services.audit import AuditLine
from atr_desktop.storage.database import Database
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

COLUMNS: list[Column[AuditLine]] = [
    Column("When (UTC)", lambda a: f"{a.at:%d %b %Y %H:%M}", sort_key=lambda a: a.at.isoformat()),
    Column("Who", lambda a: a.user),
    Column("Machine", lambda a: a.machine),
    Column("What", lambda a: a.action),
    Column("Detail", lambda a: a.summary),
]


class HistoryDialog(QDialog):
    def __init__(
        self, db: Database, entity: str, record_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {title}")
        self.setObjectName("historyDialog")
        self.resize(720, 360)
        self.view: RecordView[AuditLine] = RecordView(COLUMNS, "history")
        self.view.set_records(audit.history(db, entity, record_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
