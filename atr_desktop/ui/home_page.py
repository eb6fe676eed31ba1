"""Home: the page the app opens on. Each line opens what it names.

Each section shows its first lines and "and 41,988 more", which opens the whole list on
its page. The page is a view over a Python model (``HomeModel``): every line, and what it
opens, stays in Python and Qt asks for what it paints. No tree items: with PySide6 6.11,
Qt's calls into Python-made ``QTreeWidgetItem``s (sizing, expanding, painting) each kept
a reference to ``None``, so a page built of them drifted on every refresh and repaint
(tests/test_none_refs.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import hhmm, long_date, short_date
from atr_desktop.services import groups, home
from atr_desktop.services.home import HomeData
from atr_desktop.storage.database import Database
from atr_desktop.ui.style import heading, row_colours

OVERDUE = "#f4c7c3"
HEADERS = ("", "When", "Who / group", "Detail")
Index = QModelIndex | QPersistentModelIndex


def _days(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return f"{-days} days ago"
    return "today" if days == 0 else f"in {days} days"


@dataclass(frozen=True)
class HomeLine:
    """One line of Home: a section's title, a record, or a section's "and N more"."""

    texts: tuple[str, str, str, str]
    kind: str = ""  # what a record line opens: 'action', 'meeting'...; '' for the others
    record_id: int = 0
    section: str = ""  # the HomeData field of the section it belongs to
    title: bool = False
    more: bool = False
    overdue: bool = False

    def text(self, column: int) -> str:
        return self.texts[column]


class HomeModel(QAbstractTableModel):
    """Home's lines, flat: each section title (bold) followed by its lines."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[HomeLine] = []
        self.bold = QFont()
        self.bold.setBold(True)

    def set_lines(self, rows: list[HomeLine]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return line.texts[index.column()]
        if role == Qt.ItemDataRole.FontRole and line.title:
            return self.bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A screen reader hears every cell: a title's hidden cells repeat the title,
            # a blank cell says which column is empty.
            text = line.texts[index.column()]
            if line.title or line.more:
                return line.texts[0]
            return text or f"{HEADERS[index.column()] or 'Line'}: none"
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = row_colours(OVERDUE) if line.overdue else None
            if colours is None:  # dark red with white text under high contrast
                return None
            return QBrush(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


class HomePage(QWidget):
    """Emits ``record_requested(kind, id)`` when a line is activated (double-click or Enter),
    and ``section_requested(section, days)`` when an "and N more" line is."""

    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset(
        {
            "actions",
            "action_updates",
            "meetings",
            "minutes",
            "papers",
            "paper_files",
            "packs",
            "agenda_items",
            "tor_versions",
            "declarations",
            "memberships",
            "groups",
            "people",
            "forward_plan",
            "settings",
        }
    )

    record_requested = Signal(str, int)
    section_requested = Signal(str, int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data: HomeData | None = None
        self.model = HomeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("homeTree")
        self.tree.setAccessibleName("What needs attention")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.summary = QLabel()
        self.summary.setObjectName("homeSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Home"))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._sized = False

    def refresh(self) -> None:
        self.data = data = home.home(self.db)
        self.summary.setText(
            f"{long_date(data.today)}: {data.overdue_actions:,} overdue actions, "
            f"{data.totals.get('minutes_awaiting_approval', 0):,} sets of minutes "
            "awaiting approval."
        )
        group_ids = {g.code: g.id for g in groups.list_groups(self.db)}
        self.model.set_lines(_lines(data, group_ids))
        if not self._sized:
            # Once: long decision wordings must not push the detail off screen (the tooltip
            # has it all); later refreshes keep the widths the user chose.
            self._sized = True
            self.tree.setColumnWidth(0, min(self.tree.sizeHintForColumn(0) + 24, 380))
            for column in (1, 2):
                self.tree.resizeColumnToContents(column)

    def lines(self, section_prefix: str) -> list[HomeLine]:
        """The lines under the section whose title starts with ``section_prefix``."""
        return [self.model.rows[i] for i in self.rows_of(section_prefix)]

    def rows_of(self, section_prefix: str) -> list[int]:
        """The model rows of the section's lines (its "and N more" too)."""
        rows = self.model.rows
        for start, line in enumerate(rows):
            if line.title and line.texts[0].startswith(section_prefix):
                end = start + 1
                while end < len(rows) and not rows[end].title:
                    end += 1
                return list(range(start + 1, end))
        return []

    def activate_row(self, row: int) -> None:
        """As a double-click or Enter on line ``row`` does."""
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= len(self.model.rows):
            return
        line = self.model.rows[index.row()]
        if line.more:
            self.section_requested.emit(line.section, self.data.action_days if self.data else 0)
        elif line.kind:
            self.record_requested.emit(line.kind, line.record_id)


def _lines(data: HomeData, group_ids: dict[str, int]) -> list[HomeLine]:
    """Every line Home shows, in order: each section's title, its lines, its "N more"."""
    out: list[HomeLine] = []

    def section(title: str, name: str, lines: list[HomeLine]) -> None:
        total = len(data.next_meetings) if name == "next_meetings" else data.totals.get(name, 0)
        out.append(HomeLine((f"{title} ({total:,})", "", "", ""), section=name, title=True))
        out.extend(lines)
        more = 0 if name == "next_meetings" else data.more(name)
        if more > 0:
            out.append(HomeLine((f"and {more:,} more…", "", "", ""), section=name, more=True))

    meetings = []
    for m in data.next_meetings:
        if m.id is None:
            texts = (m.group_name, "None scheduled", m.group_code, "Schedule its meetings")
            group_id = group_ids.get(m.group_code, 0)
            meetings.append(HomeLine(texts, "group", group_id, "next_meetings"))
            continue
        assert m.date is not None
        detail = (
            f"Papers {m.papers_received} of {m.papers_expected}; papers due "
            f"{_days(m.days_to_papers_due)}; pack issue {_days(m.days_to_issue)}"
        )
        when = f"{long_date(m.date)} {hhmm(m.start_time)}"
        meetings.append(
            HomeLine((m.group_name, when, m.venue, detail), "meeting", m.id, "next_meetings")
        )
    section("Next meetings", "next_meetings", meetings)
    actions = [
        HomeLine(
            (
                f"{a.ref} (overdue)" if a.overdue else a.ref,
                short_date(a.due),
                f"{a.owner} · {a.group_code}",
                a.description,
            ),
            "action",
            a.id,
            "actions",
            overdue=a.overdue,
        )
        for a in data.actions
    ]
    section("Actions overdue and due soon", "actions", actions)
    for title, name in (
        ("Minutes awaiting approval", "minutes_awaiting_approval"),
        ("Decisions awaiting ratification", "decisions_awaiting_ratification"),
        ("Terms of Reference reviews due", "tor_reviews"),
        ("Declarations to re-confirm", "declarations_due"),
    ):
        records = [
            HomeLine((r.text, short_date(r.date), r.group_code, ""), r.kind, r.id, name)
            for r in getattr(data, name)
        ]
        section(title, name, records)
    return out
