"""A sortable table with a filter-as-you-type box: the list half of most pages."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.ui.table_model import SORT_ROLE, Column, RecordTableModel

R = TypeVar("R")


class RecordView(QWidget, Generic[R]):
    """Emits ``activated(record)`` on double-click or Enter."""

    activated = Signal(object)
    selection_changed = Signal()

    def __init__(self, columns: list[Column[R]], name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[R] = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}Filter")
        self.filter.setPlaceholderText("Filter: type to narrow the list")
        self.filter.setAccessibleName(f"Filter {name}")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName(f"{name}Table")
        self.table.setAccessibleName(f"{name} table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda index: self._activate())
        self.table.activated.connect(lambda index: self._activate())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def enable_history(self, db: Any, entity: str, title: Any = str) -> None:
        """Offer "History…" (right-click, or Ctrl+H) for the current record's audit trail."""
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction("&History…", self.table)
        action.setShortcut(QKeySequence("Ctrl+H"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.history_action = action

        def show() -> None:
            from atr_desktop.ui.history_dialog import HistoryDialog

            record = self.current()
            if record is not None:
                HistoryDialog(db, entity, record.id, title(record), self).exec()  # type: ignore[attr-defined]

        action.triggered.connect(show)

    def set_records(self, records: list[R]) -> None:
        keep = self.current()
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select_where(lambda r: getattr(r, "id", None) == getattr(keep, "id", object()))

    def current(self) -> R | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def shown(self) -> list[R]:
        """The records the table shows, after its filter, in its order."""
        return [
            self.model.record(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected(self) -> list[R]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.record(r) for r in sorted(rows)]

    def select_where(self, predicate: Any) -> bool:
        for row, record in enumerate(self.model.records):
            if predicate(record):
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    # Not selectRow(): it toggles when Ctrl is (or is thought to be) held.
                    self.table.selectionModel().setCurrentIndex(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    self.table.scrollTo(index)
                    return True
        return False

    def _activate(self) -> None:
        record = self.current()
        if record is not None:
            self.activated.emit(record)
