"""Showing the two kinds of failure: a user's mistake (plain message) and a bug (details)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from atr_desktop.errors import UserError

log = logging.getLogger(__name__)
T = TypeVar("T")


def show_user_error(parent: QWidget | None, message: str, title: str = "ATR Desktop") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("userErrorBox")
    box.exec()


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run a user's action; a UserError becomes a plain message and None is returned."""
    try:
        return action()
    except UserError as exc:
        show_user_error(parent, str(exc))
        return None


class BugDialog(QMessageBox):
    """An unexpected error: what happened, where the log is, details to copy."""

    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bugDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("ATR Desktop: something went wrong")
        self.setText(
            "Something went wrong inside ATR Desktop. This is a bug, not your mistake; "
            "your saved work is safe."
        )
        self.setInformativeText(
            f"The details were written to {log_file}. Please send them to whoever supports "
            "ATR Desktop."
        )
        self.setDetailedText(details)
        copy = self.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        self.addButton(QMessageBox.StandardButton.Close)


def install_excepthook(log_file: Path) -> None:
    """Route uncaught exceptions to the log and a BugDialog (UserError to a plain message)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        active = QApplication.activeWindow()
        parent = active if active is not None and active.isVisible() else None
        if isinstance(exc, UserError):
            show_user_error(parent, str(exc))
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        details = "".join(traceback.format_exception(kind, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        BugDialog(details, log_file, parent).exec()

    sys.excepthook = hook
