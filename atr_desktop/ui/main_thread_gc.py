"""Python's cyclic garbage collector, run only on the GUI thread.

Left automatic, the collector runs on whichever thread happens to allocate when a
threshold is crossed: the opening check's thread, a background job's. If it then frees a
cycle that holds a Qt object, that object is destroyed off the GUI thread, and Qt aborts
("Timers cannot be started from another thread", then a crash; seen in the window's
tests while the opening check swept papers). As Anki and qutebrowser do, automatic
collection is switched off once a window exists and a timer on the GUI thread collects
each generation when its threshold is passed, as the automatic collector would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

EVERY_MS = 1000  # often enough that memory does not grow between collections


class MainThreadCollector(QObject):
    """Collects on a timer of the GUI thread; :func:`install` makes the one collector."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

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
