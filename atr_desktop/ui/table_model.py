"""A read-only table model over a list of plain records, with columns given as getters.

Pages build one per table: ``RecordTableModel([Column("Code", lambda g: g.code), ...])``,
then ``set_records(records)`` after each change. Sorting uses each column's sort key, so
dates sort as dates though they show as '9 Feb 2027'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.text(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            value = column.text(record)
            return str(value) if value not in (None, "") else f"{column.header}: none"
        if role == SORT_ROLE:
            key = column.sort_key(record) if column.sort_key else column.text(record)
            return "" if key is None else key
        if role == RECORD_ROLE:
            return record
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            # Colour-coded cells carry their own text colour, so they stay readable under
            # the high-contrast palette (white text on a pale row otherwise).
            colours = row_colours(column.background(record)) if column.background else None
            if colours is None:
                return None
            return QBrush(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None
