"""A sortable table with a filter-as-you-type box: the list half of most pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.ui.qt_virtuals import SortFilterProxy
from atr_desktop.ui.table_model import SORT_ROLE, Column, RecordTableModel

R = TypeVar("R")


class ChipDelegate(QStyledItemDelegate):
    """Draws a colour-coded cell as a rounded chip holding its word ("Overdue", "Cancelled"),
    so the colour is never the only sign and the row's selection still shows round it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 22, hint.height())  # room for the chip's rounded ends

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)  # the cell's roles in one ask (multiData)
        # Copies: the option's members are handed out by reference, and blanked just below.
        fill, text = QBrush(plain.backgroundBrush), plain.text
        if fill.style() == Qt.BrushStyle.NoBrush or not text:
            super().paint(painter, option, index)
            return
        foreground = QColor(plain.palette.color(QPalette.ColorRole.Text))  # ForegroundRole
        plain.backgroundBrush = QBrush()
        plain.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        rect: QRect = option.rect.adjusted(3, 2, -3, -2)  # type: ignore[attr-defined]
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        width = min(metrics.horizontalAdvance(text) + 16, rect.width())
        chip = QRect(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(foreground)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, chip.width() - 12)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()


SIZING_ROWS = 200  # rows measured when columns are sized to their contents


class RecordView(QWidget, Generic[R]):
    """Emits ``activated(record)`` on double-click or Enter."""

    activated = Signal(object)
    selection_changed = Signal()

    def __init__(self, columns: list[Column[R]], name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[R] = RecordTableModel(columns, self)
        self.proxy = SortFilterProxy(self)
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
        # Columns fit the rows on screen and a few hundred more, not every row: a decade's
        # 730 decisions were measured cell by cell on every refresh (issue 12).
        self.table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.chips = ChipDelegate(self.table)
        for number, column in enumerate(columns):
            if column.background is not None:
                self.table.setItemDelegateForColumn(number, self.chips)
        self.table.doubleClicked.connect(lambda index: self._activate())
        self.table.activated.connect(lambda index: self._activate())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.name = name
        # What an empty list shows instead (see say_when_empty): made only where used.
        self.empty: QWidget | None = None
        self._first_step: Callable[[], object] | None = None
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

    def say_when_empty(
        self, text: str, step: str | None = None, slot: Callable[[], object] | None = None
    ) -> None:
        """What the list shows when it has nothing: ``text`` says what goes here, and the
        ``step`` button (calling ``slot``) takes the first step."""
        self.empty = QWidget()
        self.empty.setObjectName(f"{self.name}Empty")
        self.empty_text = QLabel()
        self.empty_text.setProperty("role", "empty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName(f"{self.name}FirstStep")
        self.empty_button.clicked.connect(lambda: self._first_step and self._first_step())
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.empty)
        self.empty_text.setText(text)
        self.empty_button.setText(step or "")
        self.empty_button.setAccessibleName((step or "").replace("&", "").rstrip("…"))
        self.empty_button.setVisible(step is not None)
        self._first_step = slot
        self._show_empty(not self.model.records)

    def _show_empty(self, empty: bool) -> None:
        if self.empty is None:
            return  # this list has no empty state of its own
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self.filter.setVisible(not empty and not self.filter.property("hiddenByPage"))

    def set_records(self, records: list[R]) -> None:
        keep = self.current()
        self.model.set_records(records)
        self._show_empty(not records)
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

    def show_id(self, record_id: int, widen: Callable[[], object] | None = None) -> bool:
        """Select the record with ``record_id``, clearing the filters if they hide it.

        ``widen`` resets the page's own filters (group, status...) when the record is not
        in the list as filtered; the view's text filter is cleared first.
        """

        def matches(record: Any) -> bool:
            return getattr(record, "id", None) == record_id

        if self.select_where(matches):
            return True
        self.filter.clear()
        if widen is not None and not self.select_where(matches):
            widen()
        found = self.select_where(matches)
        if found:
            self.table.setFocus()
        return found

    def _activate(self) -> None:
        record = self.current()
        if record is not None:
            self.activated.emit(record)
