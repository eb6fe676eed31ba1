"""Python's cyclic garbage collector, run only on the GUI thread.

Left automatic, the collector runs on whichever thread happens to allocate when a
threshold is crossed: the opening check's thread, a background job's. If it then frees a
cycle that holds a Qt object, that object is destroyed off the GUI thread, and Qt aborts
("Timers cannot be started from another thread", then a crash; seen in the window's
tests while the opening check swept papers). As Anki and qutebrowser do, automatic
collection is switched off once a window exists and a timer on the GUI thread collects
each generation when its threshold is passed, as the automatic collector would.

Two things keep each collection short, so that no pause is felt while a job runs (issue
12: no gap over 100 ms in the GUI thread's event loop). Once the window has first shown
its data, the timer looks ten times a second (once a second until then, so start-up is
not slowed): a worker reading a spreadsheet makes some 200,000 objects a second, and at
one look a second the GUI thread stopped for 70-125 ms to walk them all. And at that
moment everything alive (the modules, classes, mappers and the window itself) is moved
out of the collector's sight with ``gc.freeze()``, so a full collection walks only what
was made since. The cost, written down: start-up's cyclic garbage, and a cycle among
start-up's objects that later becomes garbage, are never freed (a bounded, one-off
amount).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

EVERY_MS = 100  # a collection never walks more than a tenth of a second's new objects
STARTING_MS = 1000  # until start-up is over: no collection slows the first paint


class MainThreadCollector(QObject):
    """Collects on a timer of the GUI thread; :func:`install` makes the one collector."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.settled = False
        self.timer = QTimer(self)
        self.timer.setInterval(STARTING_MS)
        self.timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def settle(self) -> None:
        """Once start-up is over, freeze what exists and look ten times a second (once
        per process).

        Not collected first: a full collection here would be the very pause this avoids,
        just after Home shows. Start-up's cyclic garbage stays, a one-off amount.
        """
        if not self.settled:
            self.settled = True
            gc.freeze()
            self.timer.setInterval(EVERY_MS)

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds (oldest last)."""
        counts = gc.get_count()
        found = 0
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            found += gc.collect(generation)
        return found


_collector: MainThreadCollector | None = None


def install() -> MainThreadCollector:
    """Collect on the GUI thread from now on (once per process; the QApplication owns it)."""
    global _collector
    if _collector is None:
        from PySide6.QtWidgets import QApplication

        _collector = MainThreadCollector(QApplication.instance())
        _collector.start()
    return _collector
