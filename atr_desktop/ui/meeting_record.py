"""A meeting's record on the day and after: the Register tab and the Minutes tab."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from atr_desktop.domain.dates import long_date
from atr_desktop.services import attendance, groups
from atr_desktop.storage.database import Database
from atr_desktop.ui.changes import follow
from atr_desktop.ui.lease_keeper import Clock
from atr_desktop.ui.minutes_tab import MinutesTab
from atr_desktop.ui.register_tab import RegisterTab
from atr_desktop.ui.undo import controller_of

REGISTER_SHOWS = ("attendance", "item_declarations", "memberships", "people", "declarations")
MINUTES_SHOWS = ("minutes", "minute_entries", "minute_amendments", "actions", "decisions")


class MeetingRecordDialog(QDialog):
    """Each tab holds its own lease (ui/lease_keeper.py) from opening to closing."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        parent: QWidget | None = None,
        clock: Clock = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingRecord")
        reg = attendance.get_register(db, meeting_id)
        group = groups.get_group(db, reg.group_code)
        binds = [group.code, *group.constituents]
        self.setWindowTitle(f"{reg.group_name}: {long_date(reg.date)}")
        self.register_tab = RegisterTab(db, meeting_id, clock=clock)
        self.minutes_tab = MinutesTab(db, meeting_id, binds, clock=clock)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self.register_tab, "&Register")
        self.tabs.addTab(self.minutes_tab, "&Minutes")
        if not self.minutes_tab.notice.isHidden():
            self.tabs.setCurrentIndex(1)  # restored typing: show it at once
        self.tabs.currentChanged.connect(self._tab_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{reg.group_name}, {long_date(reg.date)}</h2>"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1100, 720)
        # Ctrl+Z and Ctrl+Y work here as in the window; an undo shows in the tabs at once.
        controller = controller_of(parent) if parent is not None else None
        if controller is not None:
            controller.serve(self)
        follow(self, REGISTER_SHOWS, self.register_tab.reload)
        follow(self, MINUTES_SHOWS, self._minutes_changed)
        follow(self, ("leases",), self._leases_changed)  # another officer took or freed one

    def _leases_changed(self) -> None:
        for tab in (self.register_tab, self.minutes_tab):
            tab.lease.look()

    def _minutes_changed(self) -> None:
        """An undo (or a job) changed the minutes: show what is saved now, except where the
        officer has typed something not yet saved, which is kept."""
        tab = self.minutes_tab
        for item_id, text in list(tab.texts.items()):
            shown = tab.items.get(item_id)
            if shown is not None and text == shown.discussion:
                del tab.texts[item_id]  # untouched here: take the saved text
        tab.reload()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.register_tab:
            self.register_tab.reload()
        else:
            self.minutes_tab.save_current()
            self.minutes_tab.reload()

    def done(self, result: int) -> None:
        """Closing saves what is typed (nothing is left only in the window), then gives the
        minutes and the register back to whoever needs them next."""
        self.minutes_tab.save_current()
        self.minutes_tab.lease.release()
        self.register_tab.lease.release()
        super().done(result)
