"""The People area: people, members by group, declarations, Terms of Reference, import."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from atr_desktop.storage.database import Database
from atr_desktop.ui.declarations_tab import DeclarationsTab
from atr_desktop.ui.import_tab import ImportTab
from atr_desktop.ui.members_tab import MembersTab
from atr_desktop.ui.people_tab import PeopleTab
from atr_desktop.ui.style import heading
from atr_desktop.ui.tor_tab import TorTab


class PeoplePage(QWidget):
    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset(
        {
            "people",
            "organisations",
            "sectors",
            "memberships",
            "declarations",
            "tor_versions",
            "groups",
            "erasures",
        }
    )

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.people = PeopleTab(db, self.changed)
        self.members = MembersTab(db, self.changed, self.start_import)
        self.declarations = DeclarationsTab(db, self.changed)
        self.tor = TorTab(db, self.changed)
        self.importer = ImportTab(db, self.changed)
        self.importer.setObjectName("importMembersTab")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("peopleTabs")
        self.tabs.setAccessibleName("People area")
        for tab, title in (
            (self.people, "&People"),
            (self.members, "&Members by group"),
            (self.declarations, "&Declarations register"),
            (self.tor, "&Terms of Reference"),
            (self.importer, "&Import members"),
        ):
            self.tabs.addTab(tab, title)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _: self._read_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(heading("People"))
        layout.addWidget(self.tabs, 1)

    def changed(self) -> None:
        """Something was saved: every tab re-reads what it shows."""

    def refresh(self) -> None:
        """Re-read the tab on screen; the others re-read when they are next chosen."""
        self._stale = {self.people, self.members, self.declarations, self.tor, self.importer}
        self._read_shown()

    def _read_shown(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.refresh()  # type: ignore[attr-defined]

    def show_record(self, kind: str, record_id: int) -> None:
        """Open the tab that holds the record a Home line or search hit names, and select it."""
        if kind == "declaration":
            self.tabs.setCurrentWidget(self.declarations)
            self.declarations.view.show_id(
                record_id, lambda: self.declarations.due_only.setChecked(False)
            )
        elif kind == "tor":
            self.tabs.setCurrentWidget(self.tor)
            self.tor.show_version(record_id)
        else:  # a person (an organisation's hit names its people in the same tab)
            self.tabs.setCurrentWidget(self.people)
            if kind == "person":
                self.people.view.show_id(record_id)

    def start_import(self, group: str) -> None:
        self.tabs.setCurrentWidget(self.importer)  # reads the tab (its groups) first
        self.importer.set_group(group)
        self.importer.path.setFocus()
