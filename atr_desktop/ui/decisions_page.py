"""The Decisions area: the searchable decision log of every group, withdraw, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.services import decisions, groups
from atr_desktop.services.decisions import DecisionInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.part_b_choice import ask_include_part_b
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.style import heading
from atr_desktop.ui.table_model import Column


def _status(d: DecisionInfo) -> str:
    if d.needs_ratification:
        return "Needs ratification"
    if d.ratified_at:
        return f"Ratified {short_date(d.ratified_at)}"
    return d.status.capitalize() + (f": {d.status_reason}" if d.status_reason else "")


def _group(d: DecisionInfo) -> str:
    """The group bound; a constituent's decision at a joint meeting says where it was taken."""
    taken_at = d.meeting.split(":")[0]
    return d.group_code if taken_at == d.group_code else f"{d.group_code} (at {taken_at})"


COLUMNS: list[Column[DecisionInfo]] = [
    Column("Date", lambda d: short_date(d.decided_on), sort_key=lambda d: d.decided_on),
    Column("Group", _group),
    Column("Item", lambda d: f"{d.item} {d.item_title}".strip()),
    Column(
        "Status",
        _status,
        background=lambda d: (
            "#FFD27F" if d.needs_ratification else ("#D9D9D9" if d.status != "valid" else None)
        ),
    ),
    Column("Decision", lambda d: d.text),
]


def _go_to(page: QWidget, area: str) -> None:
    window = page.window()
    if hasattr(window, "go_to"):
        window.go_to(area)


class DecisionsPage(QWidget):
    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset({"decisions", "meetings", "groups", "agenda_items"})

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.group = QComboBox()
        self.group.setObjectName("decisionsGroup")
        self.group.setAccessibleName("Filter by group")
        self.search = QLineEdit()
        self.search.setObjectName("decisionsSearch")
        self.search.setAccessibleName("Search decisions")
        self.search.setPlaceholderText("Search the words of the decision or its item")
        self.search.setClearButtonEnabled(True)
        self.view: RecordView[DecisionInfo] = RecordView(COLUMNS, "decisions")
        self.view.enable_history(db, "decision", lambda d: f"decision {d.id}")
        self.view.filter.hide()  # the search box above searches the whole log
        self.view.filter.setProperty("hiddenByPage", True)
        self.view.say_when_empty(
            "No decisions to show. Decisions are recorded in a meeting's minutes: open the"
            " meeting on the Meetings page and choose Register and minutes.",
            "Go to &Meetings",
            lambda: _go_to(self, "Meetings"),
        )
        self.withdraw_button = QPushButton("&Withdraw…")
        self.withdraw_button.setObjectName("withdrawDecision")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.ratify_button = QPushButton("&Ratify…")
        self.ratify_button.setObjectName("ratifyDecision")
        self.ratify_button.setToolTip(
            "Ratify a decision taken while not quorate, at a quorate meeting"
        )
        self.ratify_button.clicked.connect(self.ratify)
        export = QPushButton("E&xport…")
        export.setObjectName("exportDecisions")
        export.clicked.connect(self.export)
        top = QHBoxLayout()
        for label, widget in (("Grou&p:", self.group), ("&Search:", self.search)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            top.addWidget(lab)
            top.addWidget(widget, 1 if widget is self.search else 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.ratify_button)
        buttons.addWidget(export)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Decisions"))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.group.addItem("All groups", None)
        for g in groups.list_groups(db):
            self.group.addItem(f"{g.code}  {g.name}", g.code)
        self.group.currentIndexChanged.connect(lambda _: self.refresh())
        self.search.textChanged.connect(lambda _: self.refresh())
        self.view.selection_changed.connect(self._enable)

    def refresh(self) -> None:
        self.view.set_records(
            decisions.list_decisions(self.db, self.group.currentData(), self.search.text())
        )
        self._enable()

    def show_record(self, kind: str, record_id: int) -> None:
        """Select the decision a Home line or search hit names."""
        self.view.show_id(record_id, self.clear_filters)

    def clear_filters(self) -> None:
        for widget in (self.group, self.search):
            widget.blockSignals(True)
        self.group.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.group, self.search):
            widget.blockSignals(False)
        self.refresh()

    def _enable(self) -> None:
        d = self.view.current()
        self.withdraw_button.setEnabled(d is not None and d.status == "valid")
        self.ratify_button.setEnabled(d is not None and d.needs_ratification)

    def ratify(self) -> None:
        from atr_desktop.ui.meeting_chooser import MeetingChooser

        d = self.view.current()
        if d is None:
            return
        chooser = MeetingChooser(self.db, self, d.group_code)
        chooser.setWindowTitle("Ratified at which meeting?")
        if chooser.exec() and chooser.chosen is not None:
            meeting = chooser.chosen
            attempt(self, lambda: decisions.ratify(self.db, d.id, meeting, d.row_version))
            self.refresh()  # saved, or refused because someone changed it: show it as it is

    def withdraw(self) -> None:
        d = self.view.current()
        if d is None:
            return
        reason, ok = QInputDialog.getText(
            self, "Withdraw decision", "Why is this decision withdrawn? (It stays on the log.)"
        )
        if ok:
            attempt(
                self,
                lambda: decisions.withdraw(self.db, d.id, reason, expected_version=d.row_version),
            )
            self.refresh()  # saved, or refused because someone changed it: show it as it is

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the decision log", "decision-log.xlsx", "Excel (*.xlsx);;Word (*.docx)"
        )
        if not name:
            return
        include = ask_include_part_b(self, "decisions")
        if include is not None:
            self.export_to(Path(name), include)

    def export_to(self, out: Path, include_part_b: bool = False) -> Path | None:
        return attempt(
            self,
            lambda: decisions.export(
                self.db, out, self.group.currentData(), self.search.text(), include_part_b
            ),
        )
