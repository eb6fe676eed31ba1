"""A tab's lease on a meeting's minutes or register, kept while the record is open.

Taken when the meeting's record opens (so the officer sees at once whether they may edit),
renewed every minute while there are unsaved edits or the officer has edited since the
last minute, released when the record closes or the app quits. Someone else's live lease
makes the tab read-only with a line saying who and until when; once it has lapsed the
officer may take it over after the same warning as the laptop's live-copy lock.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from atr_desktop.errors import UserError
from atr_desktop.services import leases
from atr_desktop.services.leases import LeaseState
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.safety import ask_take_over

log = logging.getLogger(__name__)
RENEW_MS = int(leases.RENEW_EVERY.total_seconds() * 1000)
Clock = Callable[[], dt.datetime | None]  # None: the database's clock (tests inject one)


class LeaseKeeper(QObject):
    """Holds one lease for a tab; ``changed`` whenever who holds it may have changed."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        kind: str,
        meeting_id: int,
        unsaved: Callable[[], bool] = lambda: False,
        clock: Clock = lambda: None,
        parent: QObject | None = None,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.db, self.kind, self.meeting_id = db, kind, meeting_id
        self.unsaved, self.clock, self.wanted = unsaved, clock, wanted
        self.state = LeaseState(kind, meeting_id, None, None)
        self.active = False  # edited since the last renewal
        self.timer = QTimer(self)
        self.timer.setInterval(RENEW_MS)
        self.timer.timeout.connect(self.tick)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)
        self.refresh()
        self.timer.start()

    @property
    def editable(self) -> bool:
        """This officer may edit: the lease is theirs (a read-only store takes none). With
        nothing to edit at length (approved minutes: a dated amendment at most), no lease is
        taken, and the record is free unless another officer's live lease is on it."""
        if not self.wanted():
            return not self.state.elsewhere
        return self.state.mine or (self.db.readonly and self.state.holder is None)

    def refresh(self) -> None:
        """Take the lease if it is free, renew it if it is ours; else note whose it is.
        When none is wanted (approved minutes) only look, and give back one still held."""
        if not self.wanted() and self.state.mine:
            self.release()
            self.timer.start()
        try:
            if self.db.readonly or not self.wanted():
                self.state = leases.who_holds(self.db, self.kind, self.meeting_id, self.clock())
            else:
                self.state = leases.take(self.db, self.kind, self.meeting_id, self.clock())
        except UserError as exc:  # a chair's login may not take one: look only
            log.info("lease not taken: %s", type(exc).__name__)
            self.state = leases.who_holds(self.db, self.kind, self.meeting_id, self.clock())
        self.changed.emit()

    def look(self) -> None:
        """Another officer took, renewed or gave back a lease: see where this one stands
        (taking it if it was freed), without renewing one of ours."""
        if not self.state.mine:
            self.refresh()
            return
        held = leases.who_holds(self.db, self.kind, self.meeting_id, self.clock())
        if not held.mine:
            self.state = held
            self.changed.emit()

    def touch(self) -> None:
        """The officer edited: renew on the next minute's tick."""
        self.active = True

    def tick(self) -> None:
        """Every minute: renew while editing; otherwise look whether it was lost or freed."""
        if self.state.mine and not (self.active or self.unsaved()):
            self.state = leases.who_holds(self.db, self.kind, self.meeting_id, self.clock())
            if self.state.mine or self.state.holder is not None:
                self.changed.emit()
                return
        self.active = False
        self.refresh()

    def take_over(self, parent: QWidget) -> bool:
        """Ask with the live-copy lock's warning, then take the lapsed lease."""
        held = leases.who_holds(self.db, self.kind, self.meeting_id, self.clock())
        if held.holder is None or held.mine or held.elsewhere:
            self.state = held
            self.refresh()
            return self.state.mine
        what = leases.KINDS[self.kind][0]
        whose = (
            f"{held.holder.name} on {held.holder.machine} was editing {what} until {held.until}."
        )
        if not ask_take_over(parent, whose[0].upper() + whose[1:]):
            return False
        try:
            self.state = leases.take_over(self.db, self.kind, self.meeting_id, self.clock())
        except UserError as exc:
            show_user_error(parent, str(exc))
            self.refresh()
            return False
        self.changed.emit()
        return self.state.mine

    def release(self) -> None:
        """Give the lease back (record closed, app quitting); a failure leaves it to lapse."""
        self.timer.stop()
        if not self.state.mine:
            return
        try:
            leases.release(self.db, self.kind, self.meeting_id)
        except Exception as exc:  # the store is gone: the lease lapses by itself
            log.info("lease left to lapse: %s", type(exc).__name__)
        self.state = LeaseState(self.kind, self.meeting_id, None, None)


class LeaseLine(QWidget):
    """'Sam Patel is editing these minutes until 14:37.', with Take over… once it lapses."""

    def __init__(self, keeper: LeaseKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.label = QLabel()
        self.label.setObjectName("leaseBanner")
        self.label.setAccessibleName("Who is editing")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("QLabel { background: #FFD27F; padding: 4px; color: black; }")
        self.take_over_button = QPushButton("&Take over…")
        self.take_over_button.setObjectName("takeOverLease")
        self.take_over_button.setAccessibleName("Take over")
        self.take_over_button.clicked.connect(lambda: keeper.take_over(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button)
        keeper.changed.connect(self.show_state)
        self.show_state()

    def show_state(self) -> None:
        state = self.keeper.state
        wanted = self.keeper.wanted()  # else a lapsed lease is no obstacle: nothing to take
        banner = state.banner() if wanted or state.live else ""
        self.label.setText(banner)
        self.take_over_button.setVisible(wanted and state.lapsed and not self.keeper.db.readonly)
        self.setVisible(bool(banner))
