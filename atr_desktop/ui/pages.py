"""The pages behind each area of the window; imported only once the store is open.

Every page is a QWidget with ``refresh()``, which re-reads what it shows after a change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atr_desktop.storage.database import Database


class InfoPage(QWidget):
    """An area whose records are not kept yet: says what will be kept there."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        label = QLabel(f"<h2>{title}</h2><p>{text}</p>")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def refresh(self) -> None:
        pass


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
