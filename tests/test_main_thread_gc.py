"""Garbage is collected on the GUI thread only, once a window exists (ui/main_thread_gc)."""

from __future__ import annotations

import gc
import threading

from atr_desktop.ui import main_thread_gc


class Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        FREED.append(threading.current_thread().name)


FREED: list[str] = []


def test_cycles_made_on_a_worker_are_freed_on_the_gui_thread(qtbot) -> None:
    collector = main_thread_gc.install()
    assert not gc.isenabled()
    FREED.clear()

    def work() -> None:  # a job that leaves more cycles than the first threshold
        for _ in range(2_000):
            Cycle()

    worker = threading.Thread(target=work, name="a job")
    worker.start()
    worker.join()
    assert FREED == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: len(FREED) >= 1_000, timeout=5_000)
    assert set(FREED) == {threading.main_thread().name}
    assert collector.timer.isActive()


def test_start_up_is_frozen_once_the_window_has_shown_its_data(qtbot, tmp_path, db_path) -> None:  # type: ignore[no-untyped-def]
    """A full collection walks only what was made after start-up (issue 12's pauses)."""
    from atr_desktop.paths import app_paths
    from atr_desktop.ui.main_window import MainWindow

    collector = main_thread_gc.install()
    collector.settled = False
    collector.timer.setInterval(main_thread_gc.STARTING_MS)
    window = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.populated):
            assert window.open_store(db_path, create_if_missing=True)
        assert collector.settled
        assert collector.timer.interval() == main_thread_gc.EVERY_MS  # short pauses from now
        assert gc.get_freeze_count() > 10_000  # the modules, mappers and window
        FREED.clear()
        for _ in range(2_000):  # garbage made after start-up is still collected
            Cycle()
        qtbot.waitUntil(lambda: len(FREED) >= 1_000, timeout=5_000)
        assert set(FREED) == {threading.main_thread().name}
    finally:
        window.close_store()
        gc.unfreeze()
