"""The window survives a day of refreshes: no page refresh takes references away from None.

PySide6 6.12 on Python 3.11 loses one reference to ``None`` per Qt call that returns
nothing (see ui/none_refs.py); when the count reached zero the app aborted with
``none_dealloc``. On Python 3.12+ ``None`` is immortal and the question is moot.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from atr_desktop.ui.none_refs import NONE_IS_IMMORTAL, NoneWatch, keeps_none_refs

pytestmark = pytest.mark.skipif(
    NONE_IS_IMMORTAL, reason="moot: None is immortal on Python 3.12+ (PEP 683)"
)


def test_every_page_refreshes_fifty_times_without_losing_none(qtbot: Any, demo_db: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from atr_desktop.ui.pages import build_pages

    window = QWidget()
    qtbot.addWidget(window)
    pages = build_pages(window, demo_db)
    for name, page in pages.items():
        page.setParent(window)
        for _ in range(5):
            page.refresh()  # type: ignore[attr-defined]
        before = sys.getrefcount(None)
        for _ in range(50):
            page.refresh()  # type: ignore[attr-defined]
        after = sys.getrefcount(None)
        assert after == before, f"{name}: 50 refreshes moved None's count by {after - before}"


def test_qt_calls_lose_none_references_and_the_guard_gives_them_back(qtbot: Any) -> None:
    """The binding's loss is real (so the guard is needed), and the guard makes it whole."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)

    def set_texts() -> None:
        for i in range(200):
            label.setText(str(i))

    watch = NoneWatch(label)
    before = sys.getrefcount(None)
    set_texts()
    assert sys.getrefcount(None) <= before - 200, "PySide6 no longer loses references"
    assert watch.check() >= 200
    assert sys.getrefcount(None) >= before
    before = sys.getrefcount(None)
    keeps_none_refs(set_texts)()
    assert sys.getrefcount(None) == before
