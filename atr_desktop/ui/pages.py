"""The pages behind each area of the window; imported only once the store is open.

Every page is a QWidget with ``refresh()``, which re-reads what it shows after a change.
A page's module is imported, and the page made, only when it is first wanted (issue 12:
opening a decade's store makes the page on screen, not six).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window imports this module before the store (and SQLAlchemy) loads
    from atr_desktop.storage.database import Database

# The window's areas, in the order of its list (MainWindow.AREAS is these keys).
PAGE_CLASSES = {
    "Home": ("home_page", "HomePage"),
    "Groups": ("groups_page", "GroupsPage"),
    "People": ("people_page", "PeoplePage"),
    "Meetings": ("meetings_page", "MeetingsPage"),
    "Actions": ("actions_page", "ActionsPage"),
    "Decisions": ("decisions_page", "DecisionsPage"),
}


def build_page(name: str, db: Database) -> QWidget:
    """The page of the area ``name`` (a key of PAGE_CLASSES), not yet read."""
    module, cls = PAGE_CLASSES[name]
    page: QWidget = getattr(import_module(f"atr_desktop.ui.{module}"), cls)(db)
    return page


def build_pages(window: QWidget, db: Database) -> dict[str, QWidget]:
    """Every page at once, in the areas' order (for checks that walk them all)."""
    return {name: build_page(name, db) for name in PAGE_CLASSES}


class Pages(dict[str, QWidget]):
    """The window's pages by area, each made by ``make`` the first time it is asked for.

    Iterating gives the pages made so far; ``pages[name]`` makes one if need be, then reads
    it (``refresh``) once it is in the dict, so a read that asks for the page again finds it.
    """

    def __init__(self, make: Callable[[str], QWidget] | None = None) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> QWidget:
        if self._make is None or name not in PAGE_CLASSES:
            raise KeyError(name)
        page = self._make(name)
        self[name] = page
        page.refresh()  # type: ignore[attr-defined]
        return page

    def ensure(self, name: str) -> QWidget:
        """The page of ``name``, made and read now if it was not made yet."""
        return self[name]
