"""Home: the page the app opens on. Each line opens what it names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import hhmm, long_date, short_date
from atr_desktop.services import groups, home
from atr_desktop.services.home import HomeData
from atr_desktop.storage.database import Database
from atr_desktop.ui.style import describe_blank_cells, heading, row_colours

# The kind (str) and id (int) of the record a line opens, in two roles: PySide6 leaks
# references through tuples stored as item data.
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = "#f4c7c3"


def _days(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return f"{-days} days ago"
    return "today" if days == 0 else f"in {days} days"


class HomePage(QWidget):
    """Emits ``record_requested(kind, id)`` when a line is activated (double-click or Enter)."""

    record_requested = Signal(str, int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data: HomeData | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("homeTree")
        self.tree.setAccessibleName("What needs attention")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", "When", "Who / group", "Detail"])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.summary = QLabel()
        self.summary.setObjectName("homeSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Home"))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.refresh()

    def refresh(self) -> None:
        self.data = data = home.home(self.db)
        self.tree.clear()
        overdue = sum(1 for a in data.actions if a.overdue)
        self.summary.setText(
            f"{long_date(data.today)}: {overdue} overdue actions, "
            f"{len(data.minutes_awaiting_approval)} sets of minutes awaiting approval."
        )
        meetings = self._section("Next meetings", len(data.next_meetings))
        group_ids = {g.code: g.id for g in groups.list_groups(self.db)}
        for m in data.next_meetings:
            if m.id is None:
                self._line(
                    meetings,
                    "group",
                    group_ids[m.group_code],
                    [m.group_name, "None scheduled", m.group_code, "Schedule its meetings"],
                )
                continue
            assert m.date is not None
            detail = (
                f"Papers {m.papers_received} of {m.papers_expected}; papers due "
                f"{_days(m.days_to_papers_due)}; pack issue {_days(m.days_to_issue)}"
            )
            when = f"{long_date(m.date)} {hhmm(m.start_time)}"
            self._line(meetings, "meeting", m.id, [m.group_name, when, m.venue, detail])
        actions = self._section("Actions overdue and due soon", len(data.actions))
        for a in data.actions:
            label = f"{a.ref} (overdue)" if a.overdue else a.ref
            line = self._line(
                actions,
                "action",
                a.id,
                [label, short_date(a.due), f"{a.owner} · {a.group_code}", a.description],
            )
            colours = row_colours(OVERDUE) if a.overdue else None
            if colours is not None:  # dark red with white text under high contrast
                for column in range(4):
                    line.setBackground(column, QBrush(colours[0]))
                    line.setForeground(column, QBrush(colours[1]))
        for title, kind_lines in (
            ("Minutes awaiting approval", data.minutes_awaiting_approval),
            ("Decisions awaiting ratification", data.decisions_awaiting_ratification),
            ("Terms of Reference reviews due", data.tor_reviews),
            ("Declarations to re-confirm", data.declarations_due),
        ):
            section = self._section(title, len(kind_lines))
            for r in kind_lines:
                self._line(section, r.kind, r.id, [r.text, short_date(r.date), r.group_code, ""])
        self.tree.expandAll()
        # Long decision wordings must not push the detail off screen (the tooltip has it all).
        self.tree.setColumnWidth(0, min(self.tree.sizeHintForColumn(0) + 24, 380))
        for column in (1, 2):
            self.tree.resizeColumnToContents(column)

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        for column in range(1, self.tree.columnCount()):  # hidden under the span, still read
            item.setData(column, Qt.ItemDataRole.AccessibleTextRole, title)
        return item

    def _line(
        self, parent: QTreeWidgetItem, kind: str, record_id: int, texts: list[str]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, int(record_id))
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        describe_blank_cells(item)
        return item

    def lines(self, section_prefix: str) -> list[QTreeWidgetItem]:
        """The lines under the section whose title starts with ``section_prefix``."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None and top.text(0).startswith(section_prefix):
                return [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        return []

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind:
            self.record_requested.emit(str(kind), int(item.data(0, ID_ROLE)))
