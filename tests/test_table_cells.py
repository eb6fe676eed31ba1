"""Table cells as the view paints them: the delegate asks a cell for all its roles at once
(``multiData``), and the answer is what ``data`` gives, after every change of the rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from atr_desktop.ui.table_model import Column, IdTableModel, RecordTableModel


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    rag: str | None
    count: int | None


COLUMNS = [
    Column[Row]("Title", lambda r: r.title),
    Column[Row]("RAG", lambda r: r.rag, background=lambda r: r.rag),
    Column[Row]("Count", lambda r: r.count, align_right=True),
]


def painted(index: QModelIndex) -> QStyleOptionViewItem:
    """What the view's delegate is given to paint the cell (Qt asks through multiData)."""
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, index)
    return option


def test_a_painted_cell_shows_what_data_says(qtbot: Any) -> None:
    model = RecordTableModel(COLUMNS)
    model.set_records([Row(1, "Safeguarding audit", "red", 3), Row(2, "", None, None)])
    red = model.index(0, 1)
    option = painted(red)
    assert option.text == "red" == model.data(red)
    assert option.backgroundBrush.color() == model.data(red, Qt.ItemDataRole.BackgroundRole).color()
    assert option.backgroundBrush.style() != Qt.BrushStyle.NoBrush
    count = model.index(0, 2)
    assert painted(count).displayAlignment & Qt.AlignmentFlag.AlignRight
    empty = model.index(1, 1)
    assert painted(empty).text == "" and painted(empty).backgroundBrush.style() == (
        Qt.BrushStyle.NoBrush
    )
    assert model.data(empty, Qt.ItemDataRole.AccessibleTextRole) == "RAG: none"
    for row in range(2):
        for column in range(3):
            index = model.index(row, column)
            option = painted(index)
            assert option.text == model.data(index)
            brush = model.data(index, Qt.ItemDataRole.BackgroundRole)
            assert option.backgroundBrush == (brush if brush is not None else QBrush())
            align = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if align is not None:
                assert option.displayAlignment == Qt.AlignmentFlag(align)
            for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole):
                assert model.data(index, role) is None  # no icons or fonts of its own


def test_cells_follow_the_rows_when_they_change(qtbot: Any) -> None:
    model = RecordTableModel(COLUMNS)
    model.set_records([Row(1, "Draft", None, 1)])
    assert painted(model.index(0, 0)).text == "Draft"
    model.set_records([Row(1, "Approved", "green", 1)])
    assert painted(model.index(0, 0)).text == "Approved"
    assert painted(model.index(0, 1)).backgroundBrush.style() != Qt.BrushStyle.NoBrush


def test_a_windowed_table_fetches_once_however_often_it_paints(qtbot: Any) -> None:
    store = {i: Row(i, f"Action {i}", "amber", i) for i in range(1, 301)}
    fetched: list[list[int]] = []

    def fetch(ids: list[int]) -> list[Row]:
        fetched.append(ids)
        return [store[i] for i in ids]

    model = IdTableModel(COLUMNS, fetch, window=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    model.set_ids(list(store))
    for _ in range(3):  # hover, selection, repaint: the rows' cells are kept
        view.viewport().grab()
    assert len(fetched) == 1 and painted(model.index(0, 0)).text == "Action 1"
    store[1] = Row(1, "Action 1, revised", "red", 1)
    model.set_ids(list(store))  # a refresh after an edit
    view.viewport().grab()
    assert painted(model.index(0, 0)).text == "Action 1, revised"
    assert painted(model.index(299, 0)).text == "Action 300"  # its own window, fetched
    assert len(fetched) == 3


def test_a_colour_coded_cell_is_painted_as_a_chip_of_its_colour(qtbot: Any) -> None:
    """Seen in the walk: the RAG column lost its chips (the fill was read by reference and
    blanked before it was drawn); the word alone showed, in the chip's text colour."""
    from atr_desktop.ui.record_view import RecordView

    view = RecordView(COLUMNS, "chips")
    qtbot.addWidget(view)
    view.resize(500, 200)
    view.show()
    view.set_records([Row(1, "Safeguarding audit", "#f4a6a6", 3)])
    table = view.table
    table.setColumnWidth(1, 120)
    rect = table.visualRect(table.model().index(0, 1))
    image = table.viewport().grab().toImage()
    # Inside the chip (left of the cell, clear of the text in its middle), and beyond it.
    inside = image.pixelColor(rect.left() + 8, rect.center().y())
    beyond = image.pixelColor(rect.right() - 4, rect.center().y())
    assert inside.name() == "#f4a6a6"
    assert beyond.name() != "#f4a6a6"
