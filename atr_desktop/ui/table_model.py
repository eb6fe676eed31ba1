"""Read-only table models over plain records, with columns given as getters.

Pages build one per table: ``RecordTableModel([Column("Code", lambda g: g.code), ...])``,
then ``set_records(records)`` after each change. Sorting uses each column's sort key, so
dates sort as dates though they show as '9 Feb 2027'. Long lists (the action log) use
``IdTableModel``, which holds ids and fetches the records of the rows shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
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
# The roles a cell answers (_cell); a windowed table fetches a record only for these.
CELL_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


def _cell(column: Column[R], record: R, role: int) -> Any:
    """What a cell shows for ``role``: text, colour, alignment. Never a Python container:
    records stay in Python, keyed by row."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        value = column.text(record)
        return "" if value is None else str(value)
    if role == Qt.ItemDataRole.AccessibleTextRole:
        value = column.text(record)
        return str(value) if value not in (None, "") else f"{column.header}: none"
    if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
        # Colour-coded cells carry their own text colour, so they stay readable under
        # the high-contrast palette (white text on a pale row otherwise).
        colours = row_colours(column.background(record) or None) if column.background else None
        if colours is None:
            return None
        return QBrush(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1])
    if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role == SORT_ROLE:
            key = column.sort_key(record) if column.sort_key else column.text(record)
            return "" if key is None else key
        return _cell(column, record, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None


# Rows fetched at a time: more than any screen shows (about 35 rows at 1920x1080), and few
# enough that a keystroke's first window is cheap (200 rows took twice as long to read).
WINDOW = 100


class IdTableModel(QAbstractTableModel, Generic[R]):
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

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self.cache = {}
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
                self.cache = {}
            start = row - row % self.window
            for record in self.fetch(self.ids[start : start + self.window]):
                self.cache[record.id] = record  # type: ignore[attr-defined]
        return self.cache.get(record_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in CELL_ROLES:
            return None
        record = self.record(index.row())
        if record is None:
            return None
        return _cell(self.columns[index.column()], record, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)
