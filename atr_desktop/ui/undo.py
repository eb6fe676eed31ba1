"""Undo and redo (Ctrl+Z, Ctrl+Y) for the edits made in this window.

Each unit of work the window commits on the GUI thread becomes one step of the history
(services/undo.py), named for what it did ("Undo: close action SG-2026-014"): by the label
the edge gave it (``undoable(widget, label)``), else from the audit trail. Undo and redo
are service operations: they refuse, with a reason, what the rules forbid or what was
changed since, and the history is left as it was. Background jobs' writes are not steps.
The same two actions serve every window of the app (the register and minutes window too).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from atr_desktop.errors import UserError
from atr_desktop.ui.errors import show_user_error

if TYPE_CHECKING:
    from atr_desktop.services.undo import History
    from atr_desktop.storage.database import Database
    from atr_desktop.storage.undo import Changes


class UndoController(QObject):
    """The window's history and its two actions, kept in step with each other."""

    said = Signal(str)  # what was just saved, undone or redone, for the status bar

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.history: History | None = None  # made when a database opens (the shell is light)
        self.db: Database | None = None
        self._stop: object = None
        self.undo_action = QAction("&Undo", window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        self._update()

    def attach(self, db: Database | None) -> None:
        """A new database (or none): a fresh history."""
        from atr_desktop.services.undo import History

        if callable(self._stop):
            self._stop()
            self._stop = None
        self.history = History()
        self.db = db
        if db is not None and db.can_write:
            self._stop = db.on_commit(self._committed)
        self._update()

    def _committed(self, changes: Changes) -> None:
        from atr_desktop.services.undo import step_of

        if self.history is None or self.db is None:
            return
        if threading.current_thread() is not threading.main_thread():
            return  # a background job's writes are not the user's steps here
        if "erasures" in changes.kinds:
            self.history.clear()  # the history must not keep what was erased
        elif not changes.undoing:
            step = step_of(self.db, changes)
            if step is not None:
                self.history.push(step)
                self.said.emit(f"Saved: {step.label}. Ctrl+Z undoes it.")
        self._update()

    def _update(self) -> None:
        history = self.history
        undo, redo = (history.undo_label, history.redo_label) if history else ("", "")
        self.undo_action.setText(f"&Undo: {undo}" if undo else "&Undo")
        self.undo_action.setEnabled(bool(undo))
        self.redo_action.setText(f"&Redo: {redo}" if redo else "&Redo")
        self.redo_action.setEnabled(bool(redo))

    def undo(self) -> None:
        if self.history is not None:
            self._run(self.history.undo, bool(self.history.done), "Undone: {}. Ctrl+Y redoes it.")

    def redo(self) -> None:
        if self.history is not None:
            self._run(self.history.redo, bool(self.history.undone), "Redone: {}.")

    def _run(self, operation: Callable[[Database], str], possible: bool, say: str) -> None:
        if self.db is None or not possible:
            return
        try:
            label = operation(self.db)
        except UserError as exc:
            show_user_error(self.window.window(), str(exc))
        else:
            self.said.emit(say.format(label))
        self._update()

    def serve(self, other: QWidget) -> None:
        """Let Ctrl+Z and Ctrl+Y work in ``other`` too (a dialog over this window)."""
        other.addAction(self.undo_action)
        other.addAction(self.redo_action)


def controller_of(widget: QWidget) -> UndoController | None:
    """The undo controller of the window ``widget`` sits in (through dialogs' parents)."""
    owner: QWidget | None = widget
    while owner is not None:
        found = getattr(owner.window(), "undo", None)
        if isinstance(found, UndoController):
            return found
        owner = owner.window().parentWidget()
    return None


@contextmanager
def undoable(widget: QWidget, label: str) -> Iterator[None]:
    """One user action, named for its undo step: every edit inside commits together."""
    controller = controller_of(widget)
    if controller is None or controller.db is None:
        yield
        return
    with controller.db.unit_of_work(label=label):
        yield
