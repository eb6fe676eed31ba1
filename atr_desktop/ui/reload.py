"""A form whose save was refused keeps what was typed, and offers to reload the record.

Two ways a dialog's save can fail that are no mistake of the user's: someone saved the
record since the dialog read it (``ChangedSince``), or the store could not take the save
just now (``NotSaved``: a server out of reach, a dropped connection, a busy file). Either
way the dialog stays open with everything typed. For ``ChangedSince`` the user chooses:

- **Reload**: the record is read again and shown, and every box the user had changed is
  given back its typed value wherever the other officer left that box as it was. A box both
  changed shows theirs; the user's wording for it is listed in a box to copy from. The
  dialog then holds the new version, so pressing Save again saves over theirs knowingly.
- **Cancel**: nothing changes; the dialog stays as typed (Save will be refused again until
  it is reloaded).

``NotSaved`` is told in one sentence, and pressing Save again simply retries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from atr_desktop.errors import ChangedSince, NotSaved, UserError
from atr_desktop.ui.date_field import DateField
from atr_desktop.ui.errors import show_user_error

T = TypeVar("T")
R = TypeVar("R")
CHECKED = Qt.CheckState.Checked
KEPT = "What you typed is still here: press Save to try again."


def _value(widget: QWidget) -> object:
    """What a box holds, as the user sees it (text as typed, a choice by its position)."""
    if isinstance(widget, DateField):
        return widget.edit.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QTableWidget):  # rows of cells: their texts
        return tuple(
            tuple(_cell(widget, r, c) for c in range(widget.columnCount()))
            for r in range(widget.rowCount())
        )
    if isinstance(widget, QListWidget):  # a list of tick boxes: which are ticked
        return tuple(widget.item(r).checkState() == CHECKED for r in range(widget.count()))
    raise TypeError(f"no way to read a {type(widget).__name__}")  # a bug of ours


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _put(widget: QWidget, value: object) -> None:
    if isinstance(widget, DateField):
        widget.edit.setText(str(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(str(value))
        else:
            widget.setCurrentIndex(int(str(value)))
    elif isinstance(widget, QCheckBox | QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(str(value)))
    elif isinstance(widget, QTableWidget) and isinstance(value, tuple):
        widget.setRowCount(len(value))
        for r, cells in enumerate(value):
            for c, text in enumerate(cells):
                widget.setItem(r, c, QTableWidgetItem(text))
    elif isinstance(widget, QListWidget) and isinstance(value, tuple):
        for row, ticked in enumerate(value):
            widget.item(row).setCheckState(CHECKED if ticked else Qt.CheckState.Unchecked)


def _name(widget: QWidget) -> str:
    """The box's name as the user sees it: its accessible name, or its label's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text().replace("&", "").rstrip(":")
    return widget.objectName()


class TypedForm:
    """The boxes of a dialog that edits one record, and what they held when it was read,
    so the user's edits can be told from the record's and carried over a reload."""

    def __init__(self, widgets: Sequence[QWidget]) -> None:
        self.widgets = list(widgets)
        self.loaded = self.now()

    def now(self) -> list[object]:
        return [_value(w) for w in self.widgets]

    def read(self) -> None:
        """The boxes now show the record as read: remember that as the starting point."""
        self.loaded = self.now()

    def reload(self, refill: Callable[[], None]) -> list[tuple[str, object]]:
        """Refill the boxes from the record read again, then give back the user's edits to
        every box the other officer left alone; returns (box, typed value) for the boxes
        both changed, which show theirs."""
        mine, before = self.now(), self.loaded
        refill()
        theirs = self.now()
        clashes: list[tuple[str, object]] = []
        for widget, typed, was, now in zip(self.widgets, mine, before, theirs, strict=True):
            if typed in (was, now):  # not edited, or already showing what was typed
                continue
            if now == was:
                _put(widget, typed)
            else:
                clashes.append((_name(widget), typed))
        self.loaded = theirs
        return clashes


def ask_reload(parent: QWidget | None, message: str) -> bool:
    """The refusal, with Reload (True) or Cancel (False)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed by someone else", message, parent=parent)
    box.setObjectName("changedSinceBox")
    box.setInformativeText(
        "Reload shows their version and keeps what you typed in the boxes they did not "
        "change. Cancel leaves this window as you typed it."
    )
    reload = box.addButton("Reload", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    return box.clickedButton() is reload


def show_clashes(parent: QWidget | None, clashes: list[tuple[str, object]]) -> None:
    """The boxes both officers changed: theirs is shown, the user's wording is here."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Changed by both of you",
        "They changed some of the same boxes you did; theirs is shown now: "
        + ", ".join(name for name, _ in clashes)
        + ". What you typed there is under Show Details, to copy back if yours should stand.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("clashBox")
    box.setDetailedText("\n\n".join(f"{name}:\n{value}" for name, value in clashes))
    box.exec()


def when_refused(
    parent: QWidget, form: TypedForm, refill: Callable[[], None]
) -> Callable[[UserError], None]:
    """What a dialog that edits one record does with a refused save (the dialog stays open):
    offer to reload for ChangedSince, say it can be retried for NotSaved, else just say it.

    ``refill`` reads the record again into the boxes (and the version the next save sends).
    """

    def tell(exc: UserError) -> None:
        if isinstance(exc, ChangedSince):
            if ask_reload(parent, str(exc)):
                clashes = form.reload(refill)
                if clashes:
                    show_clashes(parent, clashes)
        elif isinstance(exc, NotSaved):
            show_user_error(parent, f"{exc} {KEPT}")
        else:
            show_user_error(parent, str(exc))

    return tell


def save_keeping_typing(
    parent: QWidget, form: TypedForm, save: Callable[[], T], refill: Callable[[], None]
) -> T | None:
    """Run a dialog's save; if it is refused (None is returned) the dialog keeps everything
    typed: see :func:`when_refused`."""
    try:
        return save()
    except UserError as exc:
        when_refused(parent, form, refill)(exc)
        return None


def save_and_close(
    dialog: QDialog,
    form: TypedForm,
    save: Callable[[], T],
    reread: Callable[[], R],
    fill: Callable[[R], None],
) -> T | None:
    """A Save button of a dialog that edits one record: run ``save`` and close the dialog
    (accept) once it is saved. A refused save keeps the dialog open as typed
    (:func:`when_refused`); on Reload the record is read again with ``reread`` and shown with
    ``fill``, the dialog's own way of showing it on opening, so each dialog passes only those."""
    saved = save_keeping_typing(dialog, form, save, lambda: fill(reread()))
    if saved is not None:
        dialog.accept()
    return saved
