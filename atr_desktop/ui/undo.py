"""Undo and redo (Ctrl+Z, Ctrl+Y) for edits made in the window, on a QUndoStack.

A page wraps each user edit in ``undoable(self, "Edit group")``; what the edit changed in
the database is recorded by storage.undo as one step, and pushed here as a command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database


class StepCommand(QUndoCommand):
    def __init__(self, db: Database, step: int, label: str, changed: Callable[[], None]) -> None:
        super().__init__(label)
        self.db = db
        self.step = step
        self.changed = changed
        self.done = True  # the edit has already been made when the command is pushed

    def undo(self) -> None:
        from atr_desktop.storage import undo

        self.step = undo.replay(self.db, self.step, f"Redo {self.text()}")
        self.done = False
        self.changed()

    def redo(self) -> None:
        if self.done:
            return
        from atr_desktop.storage import undo

        self.step = undo.replay(self.db, self.step, self.text())
        self.done = True
        self.changed()


class UndoController:
    def __init__(self, stack: QUndoStack, changed: Callable[[], None]) -> None:
        self.stack = stack
        self.changed = changed
        self.db: Database | None = None

    def attach(self, db: Database | None) -> None:
        """A new database: a fresh history (and triggers matching its schema)."""
        self.stack.clear()
        self.db = db
        if db is not None and not db.readonly:
            from atr_desktop.storage import undo

            undo.install(db.engine)

    @contextmanager
    def recording(self, label: str) -> Iterator[None]:
        if self.db is None or self.db.readonly:
            yield
            return
        from atr_desktop.storage import undo

        with undo.recording(self.db, label) as step:
            yield
        if step:
            self.stack.push(StepCommand(self.db, step[0], label, self.changed))


@contextmanager
def undoable(widget: QWidget, label: str) -> Iterator[None]:
    """Record the edit made inside the block so Ctrl+Z undoes it (no-op outside a window)."""
    controller = getattr(widget.window(), "undo", None)
    if isinstance(controller, UndoController):
        with controller.recording(label):
            yield
    else:
        yield
