"""The window survives a day of refreshes: no page refresh moves None's reference count.

With PySide6 6.12.0 on Python 3.11 every void Qt call lost a reference to ``None`` and the
window aborted with ``none_dealloc`` after a few hundred refreshes (issue 12); the binding
is pinned (tests/test_qt_binding.py). The pages must not depend on it either way: after
5 warm-up refreshes, 20 more of each page leave ``sys.getrefcount(None)`` unchanged, and
(``-m slow``, from .ci/run) a day's worth, 1,000 refreshes and repaints of every page through
tools/stress_refresh.py, leave it where it was. On Python 3.12+ ``None`` is immortal and the
question is moot.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="moot: None is immortal on Python 3.12+ (PEP 683)"
)


def none_refs_after(refresh: Any, times: int) -> int:
    """None's count after ``times`` refreshes, with garbage the refreshes left collected
    (the cycle collector otherwise frees it, and the None it holds, when it chooses).

    What the process held before is frozen out of the collection (``gc.freeze``): in a
    worker that has run hundreds of tests, collecting the whole heap each time made these
    two guards take 20 s instead of 2; the refreshes' own garbage is collected as before.
    """
    for _ in range(times):
        refresh()
    gc.collect()
    return sys.getrefcount(None)


@pytest.fixture(autouse=True)
def _frozen_heap() -> Iterator[None]:
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def test_every_page_refreshes_twenty_times_without_moving_none(qtbot: Any, demo_db: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from atr_desktop.ui.pages import build_pages

    window = QWidget()
    qtbot.addWidget(window)
    pages = build_pages(window, demo_db)
    for page in pages.values():
        page.setParent(window)
    moved = {}
    for name, page in pages.items():
        before = none_refs_after(page.refresh, 5)  # type: ignore[attr-defined]
        moved[name] = none_refs_after(page.refresh, 20) - before  # type: ignore[attr-defined]
    assert moved == dict.fromkeys(pages, 0)


def test_every_page_paints_twenty_times_without_moving_none(qtbot: Any, demo_db: Any) -> None:
    """Painting calls Qt's virtuals on the objects Python made (a proxy's header, a tree's
    lines) once per row: each page is shown and painted 20 times, None's count unmoved."""
    from PySide6.QtWidgets import QStackedWidget

    from atr_desktop.ui.pages import build_pages

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.resize(1366, 768)
    pages = build_pages(stack, demo_db)
    for page in pages.values():
        stack.addWidget(page)
    stack.show()
    moved = {}
    for name, page in pages.items():
        stack.setCurrentWidget(page)
        before = none_refs_after(page.grab, 5)
        moved[name] = none_refs_after(page.grab, 20) - before
    assert moved == dict.fromkeys(pages, 0)


@pytest.mark.slow
def test_every_page_survives_a_thousand_refreshes(demo_path: Path) -> None:
    """A secretariat's day, and more: 1,000 refreshes and repaints of each page on the demo
    (in its own process, as the window would run), None's count never falling."""
    tool = Path(__file__).resolve().parent.parent / "tools" / "stress_refresh.py"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(tool), "--db", str(demo_path), "--times", "1000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=540,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert done.stdout.count("1000 refreshes") == 6
    assert "None's count held on every page." in done.stdout
