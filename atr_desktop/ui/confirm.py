"""Asking before saving something unusual: the window's side of :class:`NeedsConfirmation`.

A service refuses a meeting on a bank holiday (or a second chair) until it is called again
with ``confirmed=True``; here the window shows the questions and calls again on Yes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.ui.errors import show_user_error

T = TypeVar("T")


def ask(
    parent: QWidget | None,
    questions: list[str],
    title: str = "Please check",
    go_text: str = "Save anyway",
    question: str = "Save it anyway?",
) -> bool:
    """Show the questions; True only when the user chooses to go ahead (No is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "\n\n".join(questions), parent=parent)
    box.setObjectName("confirmBox")
    box.setInformativeText(question)
    go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is go


def save_asking(
    parent: QWidget | None,
    save: Callable[[bool], T],
    refused: Callable[[UserError], None] | None = None,
    **wording: str,
) -> T | None:
    """Run ``save(confirmed=False)``; if the service asks, ask the user and run it again.

    Returns None (after a plain message for a refusal, or ``refused(error)``: a dialog
    that edits one record, ui/reload.py) when nothing was saved.
    """
    confirmed = False
    while True:
        try:
            return save(confirmed)
        except NeedsConfirmation as exc:
            if confirmed or not ask(parent, exc.questions, **wording):
                return None
            confirmed = True
        except UserError as exc:
            if refused is not None:
                refused(exc)
            else:
                show_user_error(parent, str(exc))
            return None
