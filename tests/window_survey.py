"""Walk the main window's pages and its main dialogs as a user would meet them.

Used in-process by tests/test_gui_screens.py (Alt keys, focus, names) and as a script under
Xvfb (``python -m tests.window_survey DB``), which prints each window's minimum size and the
screen's available size as JSON, so a test can check every one fits a small laptop screen.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&\s])")


def main_dialogs(window: Any) -> Iterator[tuple[str, Callable[[], QDialog]]]:
    """(name, factory) for each dialog a day's work opens, built on the demo database."""
    from atr_desktop.services import actions, groups, meetings, people, tor
    from atr_desktop.ui.action_bulk import BulkUpdateDialog, ImportDialog
    from atr_desktop.ui.action_dialog import ActionDialog
    from atr_desktop.ui.declarations_tab import AddDeclarationDialog
    from atr_desktop.ui.forward_plan_dialog import ForwardPlanDialog
    from atr_desktop.ui.group_dialog import GroupDialog
    from atr_desktop.ui.guide import GuideWindow
    from atr_desktop.ui.item_dialogs import AgendaItemDialog
    from atr_desktop.ui.meeting_dialog import MeetingDialog
    from atr_desktop.ui.meeting_record import MeetingRecordDialog
    from atr_desktop.ui.member_dialogs import AddMemberDialog
    from atr_desktop.ui.pack_dialog import PackDialog
    from atr_desktop.ui.person_dialog import PersonDialog
    from atr_desktop.ui.settings_dialog import SettingsDialog
    from atr_desktop.ui.tor_editor import TorEditor

    db = window.db
    meeting = meetings.list_meetings(db)[0]
    held = next(m for m in meetings.list_meetings(db) if m.status == "held")
    action = actions.list_actions(db)[0]
    group = groups.list_groups(db)[0]
    yield "Register and minutes", lambda: MeetingRecordDialog(db, held.id, window)
    yield "Schedule meetings", lambda: MeetingDialog(db, None, window)
    yield "Edit meeting", lambda: MeetingDialog(db, meeting, window)
    yield "Build pack", lambda: PackDialog(db, meeting.id, window)
    yield "Agenda item", lambda: AgendaItemDialog(db, meeting.id, None, None, window)
    yield "Forward plan", lambda: ForwardPlanDialog(db, group.code, window)
    yield "Action", lambda: ActionDialog(db, action, window)
    yield "Update actions", lambda: BulkUpdateDialog(db, [action.ref], window)
    yield "Import actions", lambda: ImportDialog(db, window)
    yield "Group", lambda: GroupDialog(db, group, window)
    yield "Person", lambda: PersonDialog(db, people.list_people(db)[0], window)
    yield "Add member", lambda: AddMemberDialog(db, group.code, window)
    yield "Declaration", lambda: AddDeclarationDialog(db, window)
    yield "Terms of Reference", lambda: TorEditor(db, tor.get_version(db, group.code), window)
    yield "Settings", lambda: SettingsDialog(db, window)
    yield "User guide", lambda: GuideWindow(window)


def windows(window: Any) -> Iterator[tuple[str, QWidget]]:
    """Each page of the main window (shown in turn), then each main dialog (shown, then closed)."""
    from atr_desktop.ui.main_window import AREAS

    for area in AREAS:
        window.go_to(area)
        QApplication.processEvents()
        yield area, window
        yield from _other_tabs(area, window)
    for name, make in main_dialogs(window):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        yield name, dialog
        yield from _other_tabs(name, dialog)
        dialog.close()
        dialog.deleteLater()


def _other_tabs(name: str, root: QWidget) -> Iterator[tuple[str, QWidget]]:
    """The same window with each other tab of its (visible) tab widgets shown in turn."""
    for tabs in [t for t in root.findChildren(QTabWidget) if t.isVisibleTo(root)]:
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != first:
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{name} / {tabs.tabText(index).replace('&', '')}", root
        tabs.setCurrentIndex(first)


def visible_parts(root: QWidget) -> list[QWidget]:
    """The widgets a user can reach now: shown, and not on a hidden tab or page."""
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.window() is root]


def mnemonic_of(widget: QWidget) -> str | None:
    text = ""
    if isinstance(widget, QLabel):
        # A label's Alt key works only through its buddy, and only in plain text.
        if widget.buddy() is None or widget.textFormat() == Qt.TextFormat.RichText:
            return None
        text = widget.text()
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_keys(root: QWidget) -> dict[str, list[str]]:
    """Alt key -> the controls it reaches in ``root`` as shown now (menus and tabs included)."""
    keys: dict[str, list[str]] = {}
    parts = visible_parts(root)
    for widget in parts:
        key = mnemonic_of(widget)
        if key:  # disabled ones too: they clash as soon as they are enabled
            label = widget.text() if hasattr(widget, "text") else widget.objectName()
            keys.setdefault(key, []).append(label)
    for widget in parts:
        if isinstance(widget, QTabWidget):
            bar = widget.tabBar()
            for i in range(bar.count()):
                found = MNEMONIC.search(bar.tabText(i))
                if found:
                    keys.setdefault(found.group(1).lower(), []).append(bar.tabText(i))
    menubar = getattr(root, "menuBar", None)
    if menubar is not None:
        for action in menubar().actions():
            found = MNEMONIC.search(action.text())
            if found:
                keys.setdefault(found.group(1).lower(), []).append(action.text())
    return keys


def clashes(root: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in alt_keys(root).items() if len(v) > 1}


def survey(db_path: Path) -> dict[str, Any]:
    from atr_desktop.logs import setup_logging
    from atr_desktop.paths import app_paths
    from atr_desktop.ui.main_window import MainWindow
    from atr_desktop.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    paths = app_paths()
    window = MainWindow(paths, setup_logging(paths.logs))
    window.show()
    window.open_store(db_path)
    screen = app.primaryScreen()  # type: ignore[attr-defined]
    sizes = {}
    for name, shown in windows(window):
        hint = shown.minimumSizeHint().expandedTo(shown.minimumSize())
        sizes[name] = [hint.width(), hint.height()]
    available = screen.availableGeometry()
    result = {
        "screen": [available.width(), available.height()],
        "ratio": screen.devicePixelRatio(),
        "sizes": sizes,
    }
    window.close_store()
    return result


if __name__ == "__main__":
    print(json.dumps(survey(Path(sys.argv[1]))))


def focus_chain(root: QWidget) -> list[QWidget]:
    """The controls Tab visits in ``root``, in order (one lap of the focus chain)."""
    reachable = {
        w
        for w in visible_parts(root)
        if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    }
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and len(chain) < 2000:
        if widget in reachable and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def out_of_reading_order(root: QWidget) -> list[tuple[str, str]]:
    """Pairs (A, B) where Tab goes from A back up to B, in the same column.

    Reading order is top to bottom and left to right; moving up is fine only into a new
    column on the right (the next pane of a splitter) or back to the window's start.
    """
    chain = focus_chain(root)
    bad = []
    for a, b in itertools.pairwise(chain):
        ra = a.rect().translated(a.mapTo(root, a.rect().topLeft()))
        rb = b.rect().translated(b.mapTo(root, b.rect().topLeft()))
        above = rb.bottom() < ra.top()
        same_row_leftwards = abs(rb.center().y() - ra.center().y()) < 8 and rb.right() < ra.left()
        if (above and rb.left() < ra.right()) or same_row_leftwards:
            bad.append((_name(a), _name(b)))
    return bad


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}:{widget.objectName() or widget.accessibleName() or text}"
