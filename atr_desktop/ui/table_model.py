"""Read-only table models over plain records, with columns given as getters.

Pages build one per table: ``RecordTableModel([Column("Code", lambda g: g.code), ...])``,
then ``set_records(records)`` after each change. Sorting uses each column's sort key, so
dates sort as dates though they show as '9 Feb 2027'. Long lists (the action log) use
``IdTableModel``, which holds ids and fetches the records of the rows shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from atr_desktop.ui.style import row_colours

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], Any]
    sort_key: Callable[[R], Any] | None = None
    background: Callable[[R], str | None] | None = None
    align_right: bool = False


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Cell(NamedTuple):
    """What one cell shows, worked out once per row shown (see ``_FIELD``). Never a Python
    container through Qt: the view gets each field alone, as a str, a brush or an int."""

    text: str
    accessible: str
    background: QBrush | None
    foreground: QBrush | None
    align: int | None


# The roles a cell answers, and the field of its Cell that answers each.
_FIELD = {
    int(Qt.ItemDataRole.DisplayRole): 0,
    int(Qt.ItemDataRole.ToolTipRole): 0,
    int(Qt.ItemDataRole.AccessibleTextRole): 1,
    int(Qt.ItemDataRole.BackgroundRole): 2,
    int(Qt.ItemDataRole.ForegroundRole): 3,
    int(Qt.ItemDataRole.TextAlignmentRole): 4,
}


def cell(column: Column[R], record: R) -> Cell:
    """The cell of ``column`` for ``record``: its text, the words a screen reader says for
    an empty one, and colour-coded cells' own text colour (so they stay readable under the
    high-contrast palette, where text is white)."""
    value = column.text(record)
    text = "" if value is None else str(value)
    colours = row_colours(column.background(record) or None) if column.background else None
    return Cell(
        text,
        text or f"{column.header}: none",
        None if colours is None else QBrush(colours[0]),
        None if colours is None else QBrush(colours[1]),
        _RIGHT if column.align_right else None,
    )


class _Cells:
    """Each shown row's cells, worked out on the row's first paint and kept until the rows
    change. A view asks a cell for seven roles at every paint, and again on each hover or
    selection; working the text and colours out each time was a third of the Actions
    page's paint (issue 12). ``multiData`` answers all of a cell's roles in one call."""

    columns: list[Column[Any]]
    _rows: dict[int, tuple[Cell, ...]]

    def _record_of(self, row: int) -> Any:
        raise NotImplementedError

    def _cells(self, row: int) -> tuple[Cell, ...] | None:
        cells = self._rows.get(row)
        if cells is None:
            record = self._record_of(row)
            if record is None:
                return None
            cells = self._rows[row] = tuple(cell(c, record) for c in self.columns)
        return cells

    def _value(self, index: Index, role: int) -> Any:
        """What the cell at ``index`` answers for ``role`` (``data`` and ``multiData``)."""
        field = _FIELD.get(role)
        if field is None or not index.isValid():
            return None
        cells = self._cells(index.row())
        return None if cells is None else cells[index.column()][field]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._value(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # A span is a sequence at run time (__getitem__, __len__); the stub leaves that out.
        for slot in cast("Sequence[QModelRoleData]", roleDataSpan):
            value = self._value(index, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)


class RecordTableModel(_Cells, QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[R] = []
        self._rows = {}

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self._rows = {}
        self.endResetModel()

    def _record_of(self, row: int) -> R | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def record(self, row: int) -> R:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def _value(self, index: Index, role: int) -> Any:
        if role == SORT_ROLE and index.isValid() and index.row() < len(self.records):
            record, column = self.records[index.row()], self.columns[index.column()]
            key = column.sort_key(record) if column.sort_key else column.text(record)
            return "" if key is None else key
        return super()._value(index, role)


# Rows fetched at a time: more than any screen shows (about 35 rows at 1920x1080), and few
# enough that a keystroke's first window is cheap (200 rows took twice as long to read).
WINDOW = 100


class IdTableModel(_Cells, QAbstractTableModel, Generic[R]):
    """A table over record ids that fetches the records themselves a window at a time.

    As Anki's browser does: the page asks the service for the ordered ids the filters match
    (one query, plain ints), and ``fetch(ids)`` brings the records of the rows being shown,
    ``window`` rows at a time. A 100,000-row table opens at once and holds a few hundred
    records. Records need an ``id``; sorting is the page's (``sort_requested``), in SQL.
    """

    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch: Callable[[list[int]], Sequence[R]],
        window: int = WINDOW,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.fetch = fetch
        self.window = window
        self.ids: list[int] = []
        self.cache: dict[int, R] = {}
        self._rows = {}

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self.cache = {}
        self._rows = {}
        self.endResetModel()

    def row_of(self, record_id: int) -> int | None:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return None

    def record(self, row: int) -> R | None:
        if not 0 <= row < len(self.ids):
            return None
        record_id = self.ids[row]
        if record_id not in self.cache:
            if len(self.cache) > 20 * self.window:
                self.cache, self._rows = {}, {}
            start = row - row % self.window
            for record in self.fetch(self.ids[start : start + self.window]):
                self.cache[record.id] = record  # type: ignore[attr-defined]
        return self.cache.get(record_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def _record_of(self, row: int) -> R | None:
        return self.record(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)
