"""The pages behind each area of the window; imported only once the store is open.

Every page is a QWidget with ``refresh()``, which re-reads what it shows after a change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from atr_desktop.storage.database import Database


def build_pages(window: QWidget, db: Database) -> dict[str, QWidget]:
    """One page per area, in the order of MainWindow.AREAS."""
    from atr_desktop.ui.actions_page import ActionsPage
    from atr_desktop.ui.decisions_page import DecisionsPage
    from atr_desktop.ui.groups_page import GroupsPage
    from atr_desktop.ui.home_page import HomePage
    from atr_desktop.ui.meetings_page import MeetingsPage
    from atr_desktop.ui.people_page import PeoplePage

    return {
        "Home": HomePage(db),
        "Groups": GroupsPage(db),
        "People": PeoplePage(db),
        "Meetings": MeetingsPage(db),
        "Actions": ActionsPage(db),
        "Decisions": DecisionsPage(db),
    }
