"""Help > User guide: the journeys, offline, in the window's own words."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget

from atr_desktop.ui.main_window import AREAS
from tests.gui_helpers import every_page


@pytest.fixture
def window(demo_window):
    return demo_window


def words_on_screen(window) -> set[str]:
    """Every area, tab, button and menu item a user can see, as written (no & or …)."""
    from atr_desktop.services import meetings
    from atr_desktop.ui.meeting_record import MeetingRecordDialog
    from atr_desktop.ui.pack_dialog import PackDialog

    every_page(window)
    held = next(m for m in meetings.list_meetings(window.db) if m.status == "held")
    record = MeetingRecordDialog(window.db, held.id, window)
    pack = PackDialog(window.db, held.id, window)
    texts = set(AREAS) | {window.search_box.placeholderText().split(" (")[0]}
    for root in (window, record, pack):
        texts |= {b.text() for b in root.findChildren(QAbstractButton)}
        texts |= {a.text() for a in root.findChildren(QAction)}
        for tabs in root.findChildren(QTabWidget):
            texts |= {tabs.tabText(i) for i in range(tabs.count())}
        for button in root.findChildren(QAbstractButton):
            menu = getattr(button, "menu", lambda: None)()
            if menu is not None:
                texts |= {a.text() for a in menu.actions()}
    record.deleteLater()
    pack.deleteLater()
    return {re.sub(r"&(?=\S)", "", t).rstrip("…").strip() for t in texts if t}


def test_f1_opens_the_guide_to_every_journey(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    QApplication.processEvents()
    guide = window.guide
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    for journey in (
        "Setting up the year",
        "Gathering papers",
        "Issuing the pack",
        "On the day",
        "After the meeting",
        "The chair's view",
        "Once a year",
        "Leave and disaster",
        "A person's rights",
    ):
        assert journey in text
    guide.close()


def test_every_control_the_guide_names_is_in_the_window(window) -> None:
    from atr_desktop.paths import resources_dir

    html = (resources_dir() / "guide" / "index.html").read_text(encoding="utf-8")
    named = re.findall(r"<b>(.*?)</b>", html, flags=re.S)
    on_screen = words_on_screen(window)
    missing = []
    for phrase in named:
        if "Ctrl" in phrase:
            continue
        for part in phrase.replace("&gt;", ">").split(">"):
            word = " ".join(part.split()).rstrip("…").replace("&#x27;", "'")
            if word and word not in on_screen:
                missing.append(word)
    assert missing == [], missing
