"""Undo and redo (Ctrl+Z, Ctrl+Y) for every edit made in the window.

While the window has a database open, storage.undo records the inverse of every change
into the current step. Each time a unit of work commits on the GUI thread and the step
holds something, the step becomes one command on the QUndoStack (labelled from the audit
trail: "Undo closed group") and a new step begins. So every page's edits are undoable
without the pages doing anything; ``undoable(widget, label)`` only names the next step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database


class StepCommand(QUndoCommand):
    def __init__(self, controller: UndoController, step: int, label: str) -> None:
        super().__init__(label)
        self.controller = controller
        self.step = step
        self.done = True  # the edit has already been made when the command is pushed

    def undo(self) -> None:
        self.step = self.controller.replay(self.step, f"Redo {self.text()}")
        self.done = False

    def redo(self) -> None:
        if self.done:
            return
        self.step = self.controller.replay(self.step, self.text())
        self.done = True


class UndoController:
    def __init__(self, stack: QUndoStack, changed: Callable[[], None]) -> None:
        self.stack = stack
        self.changed = changed
        self.db: Database | None = None
        self.step: int | None = None
        self.label = ""
        self._audit_mark = 0
        self._stop: Callable[[], None] | None = None
        self._replaying = False

    def attach(self, db: Database | None) -> None:
        """A new database: a fresh history (and triggers matching its schema)."""
        if self._stop is not None:
            self._stop()
            self._stop = None
        self.stack.clear()
        self.db, self.step = db, None
        if db is None or db.readonly:
            return
        from atr_desktop.storage import undo

        undo.install(db.engine)
        self._begin()
        self._stop = db.on_commit(self._committed)

    def _begin(self) -> None:
        from atr_desktop.storage import undo

        assert self.db is not None
        self.step = undo.begin_step(self.db)
        self._audit_mark = undo.last_audit_id(self.db)

    def _committed(self) -> None:
        """After a unit of work: if the step holds changes, it becomes one command."""
        if (
            self._replaying
            or self.db is None
            or self.step is None
            or threading.current_thread() is not threading.main_thread()
        ):
            return  # a background thread's writes join the next step
        from atr_desktop.storage import undo

        if undo.step_size(self.db, self.step) == 0:
            return
        label = self.label or undo.describe_since(self.db, self._audit_mark).capitalize()
        self.label = ""
        step = self.step
        self._begin()
        self.stack.push(StepCommand(self, step, label))

    def replay(self, step: int, label: str) -> int:
        from atr_desktop.storage import undo

        assert self.db is not None
        self._replaying = True
        try:
            inverse = undo.replay(self.db, step, label)
            self._begin()
        finally:
            self._replaying = False
        self.changed()
        return inverse

    @contextmanager
    def recording(self, label: str) -> Iterator[None]:
        self.label = label
        try:
            yield
        finally:
            self.label = ""


@contextmanager
def undoable(widget: QWidget, label: str) -> Iterator[None]:
    """Name the edit made inside the block ("Undo Edit NET"); recording is automatic."""
    controller = getattr(widget.window(), "undo", None)
    if isinstance(controller, UndoController):
        with controller.recording(label):
            yield
    else:
        yield
