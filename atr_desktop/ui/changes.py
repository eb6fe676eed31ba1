"""One broadcaster of change notices: each page re-reads when, and only when, its kinds change.

After every unit of work that changed something, the database reports which kinds of
record (tables) it touched (storage/undo.py reads them from the session, so nobody lists
them by hand). :class:`ChangeNotices` turns that into a call of each subscriber whose
declared kinds it meets, on the GUI thread: a commit made there is delivered at once (so
the page is current when the edit returns), one made by a background job is queued to it.
A page that is not on screen is marked stale and re-reads when it is next shown.
An undo or redo is a unit of work like any other, so it refreshes the same pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database
    from atr_desktop.storage.undo import Changes
    from atr_desktop.ui.operations import TaskRunner

# Kinds that no page shows: the audit trail is read when asked for, typing is autosaved.
UNSHOWN = frozenset({"audit_log", "draft_text", "db_meta"})


class ChangeNotices(QObject):
    """The window's broadcaster: ``changed(kinds)`` after each commit, on the GUI thread."""

    # Kinds travel as one comma-joined string: no Python container passes through Qt
    # (PySide6 6.12 on Python 3.11 loses references to None converting some of them).
    changed = Signal(str)
    _relay = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscribers: list[tuple[QWidget, frozenset[str], Callable[[], None], bool]] = []
        self._stop: Callable[[], None] | None = None
        self._held: set[str] = set()
        self._stale: dict[int, Callable[[], None]] = {}  # pages to re-read when next shown
        self._runner: TaskRunner | None = None
        self._relay.connect(self._from_job, Qt.ConnectionType.QueuedConnection)

    def hold_for(self, runner: TaskRunner) -> None:
        """Hold what background jobs change until the runner is idle, then tell once.

        A job that commits several times (a paper at a time) refreshes each page once,
        after it has finished, not in the middle of its work.
        """
        self._runner = runner
        runner.busy_changed.connect(self._release)

    def _from_job(self, kinds: str) -> None:
        self._held |= set(kinds.split(","))
        self._release()

    def _release(self) -> None:
        if self._held and (self._runner is None or not self._runner.running):
            kinds, self._held = frozenset(self._held), set()
            self._deliver(kinds, True)

    def attach(self, db: Database | None) -> None:
        """Listen to ``db`` (None: to nothing)."""
        if self._stop is not None:
            self._stop()
            self._stop = None
        if db is not None:
            self._stop = db.on_commit(self._committed)

    def _committed(self, changes: Changes) -> None:
        kinds = frozenset(changes.kinds) - UNSHOWN
        if not kinds:
            return
        if threading.current_thread() is threading.main_thread():
            self._deliver(kinds, changes.undoing)
        else:
            self._relay.emit(",".join(sorted(kinds)))

    def _deliver(self, kinds: frozenset[str], external: bool) -> None:
        """``external``: an undo, a redo or a background job, not an edit made in a widget."""
        self.changed.emit(",".join(sorted(kinds)))
        alive = [entry for entry in self._subscribers if isValid(entry[0])]
        self._subscribers = alive
        for widget, shows, refresh, others_only in list(alive):
            if not (shows & kinds and (external or not others_only)):
                continue
            if not others_only and widget.window().isVisible() and not widget.isVisible():
                self.mark_stale(widget, refresh)  # re-read when next shown, not now
            else:
                refresh()

    def mark_stale(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        """Call ``refresh`` when ``widget`` is next shown (a page off screen reads nothing)."""
        if id(widget) not in self._stale:
            widget.installEventFilter(self)
        self._stale[id(widget)] = refresh

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            refresh = self._stale.pop(id(watched), None)
            if refresh is not None:
                watched.removeEventFilter(self)
                refresh()
        return False

    def subscribe(
        self,
        widget: QWidget,
        kinds: Iterable[str],
        refresh: Callable[[], None],
        others_only: bool = False,
    ) -> None:
        """Call ``refresh`` whenever a commit changes one of ``kinds``, while ``widget`` lives.

        ``others_only``: only for changes the widget did not make itself (an undo, a job).
        """
        self._subscribers.append((widget, frozenset(kinds), refresh, others_only))

    def unsubscribe(self, widget: QWidget) -> None:
        self._subscribers = [e for e in self._subscribers if e[0] is not widget]

    def clear(self) -> None:
        self._subscribers.clear()
        self._stale.clear()


def follow(widget: QWidget, kinds: Iterable[str], refresh: Callable[[], None]) -> None:
    """Subscribe a tab of a dialog to the notices of the window the dialog is over.

    Only changes the tab did not make itself (an undo or redo, a background job) reload it,
    and after the event that caused them: a tab that reloads inside its own widget's signal
    would delete the widget that is signalling.
    """
    owner: QWidget | None = widget
    while owner is not None:
        notices = getattr(owner, "changes", None)
        if isinstance(notices, ChangeNotices):

            def later() -> None:
                QTimer.singleShot(0, widget, refresh)

            notices.subscribe(widget, kinds, later, others_only=True)
            return
        owner = owner.parentWidget()
