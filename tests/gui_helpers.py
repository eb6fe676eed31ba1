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


def with_modals(handlers: list[Callable[[QWidget], Any]], trigger: Callable[[], Any]) -> list[Any]:
    """Like :func:`with_modal` for dialogs that open one after another: each handler acts
    on the next modal dialog to appear (a new one each time)."""
    outcome: list[Any] = []
    done: list[QWidget] = []

    def act() -> None:
        if len(outcome) == len(handlers):
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or any(dialog is d for d in done):
            QTimer.singleShot(20, act)
            return
        done.append(dialog)
        try:
            outcome.append(handlers[len(outcome)](dialog))
        except BaseException as exc:
            outcome.append(exc)
            dialog.close()
        QTimer.singleShot(20, act)

    QTimer.singleShot(0, act)
    trigger()
    for result in outcome:
        if isinstance(result, BaseException):
            raise result
    return outcome


def every_page(window: Any) -> dict[str, QWidget]:
    """Each area's page of the main window, made (and read) if it was not shown yet, as the
    officer's first click on its area would."""
    from atr_desktop.ui.main_window import AREAS

    return {area: window.pages.ensure(area) for area in AREAS}
