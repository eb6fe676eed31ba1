"""Home: the page the app opens on. Shows each group's next meeting."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atr_desktop.domain.dates import hhmm, long_date
from atr_desktop.services import home
from atr_desktop.services.home import NextMeeting
from atr_desktop.storage.database import Database
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

COLUMNS: list[Column[NextMeeting]] = [
    Column("Group", lambda m: f"{m.group_name} ({m.group_code})"),
    Column(
        "Next meeting",
        lambda m: long_date(m.date) if m.date else "None scheduled",
        sort_key=lambda m: m.date.isoformat() if m.date else "9999",
    ),
    Column("Time", lambda m: hhmm(m.start_time)),
    Column("Venue", lambda m: m.venue),
]


class HomePage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: RecordView[NextMeeting] = RecordView(COLUMNS, "nextMeetings")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Home</h2>"))
        layout.addWidget(QLabel("<b>Next meeting of each group</b>"))
        layout.addWidget(self.view, 1)
        self.refresh()

    def refresh(self) -> None:
        self.view.set_records(home.next_meetings(self.db))
