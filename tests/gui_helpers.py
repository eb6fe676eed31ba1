"""Helpers for GUI tests that act as a user: drive modal dialogs as they appear."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def with_modal(handler: Callable[[QWidget], Any], trigger: Callable[[], Any]) -> list[Any]:
    """Call ``trigger`` (which opens a modal dialog); ``handler(dialog)`` then acts on it.

    Returns a list holding the handler's result (or the exception it raised, re-raised here),
    so a failed assertion inside the dialog fails the test.
    """
    outcome: list[Any] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        try:
            outcome.append(handler(dialog))
        except BaseException as exc:
            outcome.append(exc)
            dialog.close()

    QTimer.singleShot(0, act)
    trigger()
    if outcome and isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome
