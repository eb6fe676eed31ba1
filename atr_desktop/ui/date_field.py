"""The one date box (and time box) every dialog uses.

Officers type dates as they write them: 31/03/2027, 1/4/27, 7 Jul 2027, Wed 7 Jul 2027 or
ISO. The box reads them with :func:`atr_desktop.domain.dates.read_date` and shows beside
it the date it understood with its weekday ("Wednesday 7 July 2027"), or what is wrong.
Unlike QDateEdit it never turns what was typed into another date: a meeting "in 7202",
or "2027" typed into a time box becoming 20:27, cannot happen. Enter moves to the next
box rather than saving a half-filled dialog (see :func:`enter_moves_on`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from atr_desktop.domain.dates import TypedDate, hhmm, long_date, parse_hhmm, read_date, short_date
from atr_desktop.errors import NeedsConfirmation, UserError


class DateField(QWidget):
    """A date typed as text, with the understood date and weekday shown beside it.

    ``optional`` fields may be left blank (``value()`` is then None); others say
    "Type a date" when saved blank. ``label`` names the field in messages.
    """

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = False
        self.label = "Date"
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText("31/03/2027")
        self.edit.setMinimumWidth(110)
        self.pick = QToolButton(self)
        self.pick.setObjectName("datePick")
        self.pick.setText("…")
        self.pick.setToolTip("Choose from a calendar")
        self.pick.setAccessibleName("Choose from a calendar")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        menu = QMenu(self.pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.pick.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.shown = QLabel(self)
        self.shown.setObjectName("dateShown")
        self.shown.setMinimumWidth(190)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick)
        layout.addWidget(self.shown, 1)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._typed)
        self._typed("")

    # --- what the box holds ---------------------------------------------------------

    def setAccessibleName(self, name: str) -> None:
        """The name goes on the text box, which is what a screen reader lands on."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.label = name

    def setDate(self, day: dt.date | QDate | None) -> None:
        """Show ``day`` in the short UK form ('7 Jul 2027'); None leaves the box blank."""
        if isinstance(day, QDate):
            day = dt.date(day.year(), day.month(), day.day())
        self.edit.setText("" if day is None else short_date(day))

    def typed(self) -> TypedDate | None:
        """What was typed, read; None for a blank box. Raises UserError if unreadable."""
        if not self.edit.text().strip():
            if self.optional:
                return None
            raise UserError(f"{self.label}: type a date, for example 31/03/2027.")
        try:
            return read_date(self.edit.text())
        except ValueError as exc:
            raise UserError(f"{self.label}: {exc}") from None

    def value(self) -> dt.date | None:
        """The date typed (None when an optional box is blank); raises UserError when the
        text is not a date, and NeedsConfirmation when it names the wrong weekday."""
        typed = self.typed()
        if typed is None:
            return None
        clash = typed.weekday_clash()
        if clash:
            raise NeedsConfirmation([f"{self.label}: {clash}"])
        return typed.day

    def date(self) -> dt.date:
        """The date typed, for a box that may not be blank."""
        day = self.value()
        if day is None:
            raise UserError(f"{self.label}: type a date, for example 31/03/2027.")
        return day

    def checked_value(self, confirmed: bool) -> dt.date | None:
        """The date, with a weekday clash accepted once the user has confirmed it."""
        if confirmed:
            typed = self.typed()
            return None if typed is None else typed.day
        return self.value()

    # --- feedback -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the box moves on to the next box: it never saves the dialog."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.edit.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._show("" if self.optional else "Type a date, e.g. 31/03/2027", False)
            self.dateChanged.emit(None)
            return
        try:
            typed = read_date(text)
        except ValueError:
            self._show("Not a date yet: 31/03/2027 or 7 Jul 2027", True)
            self.dateChanged.emit(None)
            return
        clash = typed.weekday_clash()
        self._show(clash or long_date(typed.day), bool(clash))
        self.calendar.setSelectedDate(QDate(typed.day.year, typed.day.month, typed.day.day))
        self.dateChanged.emit(typed.day)

    def _show(self, text: str, wrong: bool) -> None:
        self.shown.setText(text)
        self.shown.setProperty("wrong", wrong)
        self.shown.setStyleSheet("color: #b00020;" if wrong else "")
        self.edit.setAccessibleDescription(text)

    def _picked(self, day: QDate) -> None:
        self.setDate(day)
        menu = self.pick.menu()
        if menu is not None:
            menu.hide()
        self.edit.setFocus()


class TimeField(QLineEdit):
    """A 24-hour time typed as HH:MM; '2027' is refused, never read as 20:27."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = "Time"
        self.setPlaceholderText("14:30")
        self.setMaximumWidth(90)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.label = name

    def setTime(self, value: dt.time | None) -> None:
        self.setText(hhmm(value))

    def value(self) -> dt.time | None:
        """The time typed, or None for a blank box; raises UserError for anything else."""
        if not self.text().strip():
            return None
        try:
            return parse_hhmm(self.text())
        except ValueError as exc:
            raise UserError(f"{self.label}: {exc}") from None


class EnterMovesOn(QObject):
    """Enter in a dialog's box moves to the next box instead of saving (a stray Enter once
    saved a meeting with a default date and no venue); Enter on a button still presses it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QDialog)
            and not isinstance(watched.focusWidget(), QAbstractButton)
        ):
            watched.focusNextChild()
            return True
        return False


def enter_moves_on(dialog: QDialog) -> None:
    """Install :class:`EnterMovesOn` on ``dialog`` (kept alive as its child)."""
    guard = EnterMovesOn(dialog)
    guard.setObjectName("enterMovesOn")
    dialog.installEventFilter(guard)
