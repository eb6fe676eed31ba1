"""A combo box whose value changes only by a deliberate choice.

A plain QComboBox changes its value when the mouse wheel rolls over it or Up/Down is
pressed while it has focus: on the register that silently changed someone's attendance
and the quorum while the officer scrolled the table. Here the wheel scrolls the table
behind, and the arrow keys move between cells; the value changes only by opening the list
(click, Alt+Down, F4 or Space) and choosing, or by typing the start of a choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

STEPPING_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


class SteadyComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Focus by click or Tab, never by the wheel passing over it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the table behind scrolls instead

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() in STEPPING_KEYS and not alt:
            event.ignore()  # the table moves to the next cell instead
            return
        super().keyPressEvent(event)
