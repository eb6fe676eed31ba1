"""Qt objects made in Python whose often-called virtuals are overridden in Python.

With PySide6 up to 6.11 on Python 3.11, a virtual that Qt calls on an object made in
Python and that Python does not override can lose a reference to ``None`` per call:
measured for ``headerData`` of a proxy model (once per row per paint) and ``data`` of a
``QTreeWidgetItem`` (once per line per paint or column sizing). A table painted all day
would drift until the interpreter aborts (``none_dealloc``; issue 12). Overriding the
virtual, even only to call Qt's own, takes the call through the path that keeps its
references. tests/test_none_refs.py paints every page to hold this.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTreeWidgetItem


class SortFilterProxy(QSortFilterProxyModel):
    """Qt's sort and filter proxy, its header asked through Python (its cells need not be:
    measured without a loss, and a Python call per cell would slow sizing and painting)."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return super().headerData(section, orientation, role)


class TreeLine(QTreeWidgetItem):
    """A line of a ``QTreeWidget``, its data asked through Python."""

    def data(self, column: int, role: int) -> Any:
        return super().data(column, role)
