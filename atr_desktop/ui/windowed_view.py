"""A RecordView for long lists: rows fetched in windows, filter and sort run by the service.

The filter box and the header clicks do not narrow or sort in Qt (that would need every
record loaded); they ask the page to query again, the filter box after a pause in typing
(``DEBOUNCE_MS``) so a word typed fast runs one query, not one per letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent

from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column, IdTableModel

R = TypeVar("R")
DEBOUNCE_MS = 150
MIN_WIDEST = 240  # px: the widest column (a description) never narrower than this


def width_cap(widths: Sequence[int], available: int, floor: int) -> int:
    """The widest a column may be so that the columns fit ``available`` pixels: only the
    widest columns give way, none below ``floor`` (past that, the table scrolls)."""
    if sum(widths) <= available:
        return max(widths, default=floor)
    low, high = floor, max(widths)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(w, middle) for w in widths) <= available:
            low = middle
        else:
            high = middle - 1
    return low


class WindowedView(RecordView[R]):
    """Emits ``query_changed`` when the filter text (after a pause) or the sort changes."""

    query_changed = Signal()

    def __init__(
        self,
        columns: list[Column[R]],
        name: str,
        fetch: Callable[[list[int]], Sequence[R]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, name, parent)
        self.filter.textChanged.disconnect()
        self.ids_model: IdTableModel[R] = IdTableModel(columns, fetch, parent=self)
        self.proxy = self.ids_model  # type: ignore[assignment]  # rows are the model's own
        self.table.setModel(self.ids_model)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.sort_column = -1
        self._sized = False  # columns fitted to the first rows shown (set_ids)
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.ids_model.sort_requested.connect(self._sort)
        # Sizing columns to their contents measures this many rows, not (Qt's default)
        # the first 1,000, which would fetch five windows of records to open the page.
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setResizeContentsPrecision(self.ids_model.window // 2)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(DEBOUNCE_MS)
        self.typing.timeout.connect(self.query_changed.emit)
        self.filter.textChanged.connect(lambda _: self.typing.start())

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.query_changed.emit()

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show the records with ``ids``, in that order, keeping the current one selected."""
        keep = self.current_id()
        self.ids_model.set_ids(ids)
        self._show_empty(not ids)
        if ids and not self._sized and self.isVisible():
            self._fit_columns()
        if keep is not None:
            self.select_id(keep)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.ids_model.ids and not self._sized:
            self._fit_columns()  # rows read before the page was shown: fitted now, laid out

    def _fit_columns(self) -> None:
        """Fit the columns once, to the first rows shown, within the table's width.

        Once: sizing again at every keystroke of the filter measured 100 rows of every
        column (90 ms of a 160 ms keystroke at 100,000 actions), made the columns jump
        while typing and undid widths the officer set. Each column gets a little room
        beyond the rows measured (a later "12 May 2019" after "30 Mar 2019" would show as
        "12 May ..."), and the widest give way (:func:`width_cap`): long descriptions
        pushed Status and RAG off a 1366-wide screen (the cell's tooltip holds the whole
        text).
        """
        self.table.resizeColumnsToContents()  # measures half a window of rows (above)
        header = self.table.horizontalHeader()
        room = self.table.fontMetrics().horizontalAdvance("0")
        widths = [header.sectionSize(c) + room for c in range(header.count())]
        cap = width_cap(widths, self.table.viewport().width(), MIN_WIDEST)
        for column, width in enumerate(widths):
            header.resizeSection(column, min(width, cap))
        self._sized = True

    def shown_ids(self) -> list[int]:
        """The ids of every row the view shows, in its order (not only those fetched)."""
        return list(self.ids_model.ids)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        row = index.row()
        return self.ids_model.ids[row] if row < len(self.ids_model.ids) else None

    def current(self) -> R | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.ids_model.record(index.row())

    def selected(self) -> list[R]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.ids_model.record(row) for row in rows) if r is not None]

    def select_id(self, record_id: int) -> bool:
        row = self.ids_model.row_of(record_id)
        if row is None:
            return False
        index = self.ids_model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def select_where(self, predicate: Any) -> bool:
        for row in range(self.ids_model.rowCount()):
            record = self.ids_model.record(row)
            if record is not None and predicate(record):
                return self.select_id(self.ids_model.ids[row])
        return False
