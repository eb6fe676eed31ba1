"""Keep ``None`` alive on Python 3.11 under PySide6 6.12.

Why this exists: PySide6 6.12's bindings return ``None`` to Python without taking a new
reference (the generated code assumes PEP 683's immortal ``None`` of Python 3.12+). On
Python 3.11, as Debian 12 ships, every Qt call that returns nothing (``setText``,
``setData``, ``addItem``, ``hide``...) or returns an empty value (``currentData()`` on
"All groups", ``parent()`` of a top-level widget) therefore takes one reference away from
``None``. A Home refresh made about 120 such calls; the process starts with about 37,000
references, so a day's work ended in ``Fatal Python error: none_dealloc``. Signals, Python
models answering Qt (``data()`` returning ``None``) and painting are not affected.

The loss cannot be avoided call by call, so it is given back: :func:`keeps_none_refs`
wraps each page's ``refresh`` (a refresh never leaves the count lower than it found it)
and :class:`NoneWatch` does the same once a second for everything else (dialogs, typing). Giving back more than was lost is harmless:
``None`` is never freed anyway. On 3.12+ ``None`` is immortal and both do nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer

P = ParamSpec("P")
T = TypeVar("T")

NONE_IS_IMMORTAL = sys.version_info >= (3, 12)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

# The highest count seen: what the program's own references have needed so far. Topping up
# to it, not to a count taken before a call, also covers references the cycle collector
# frees at moments of its own choosing (inside a refresh or between two).
_high_water = 0


def top_up(held: int = 0) -> int:
    """Raise ``None``'s count to the highest seen so far; how many references were given.

    ``held``: references the caller holds only for the moment (a pending return value),
    left out of the high-water mark.
    """
    global _high_water
    if NONE_IS_IMMORTAL:
        return 0
    now = sys.getrefcount(None) - held
    _high_water = max(_high_water, now)
    missing = _high_water - now
    for _ in range(missing):
        _incref(None)
    return missing


def keeps_none_refs(refresh: Callable[P, T]) -> Callable[P, T]:
    """``refresh`` wrapped so that it never leaves ``None``'s count lower than it was."""

    @functools.wraps(refresh)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
        top_up()
        try:
            result = refresh(*args, **kwargs)
        except BaseException:
            top_up()
            raise
        top_up(held=result is None)
        return result

    return guarded


class NoneWatch(QObject):
    """Once a second, ``None``'s count back up to the highest it has been."""

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        top_up()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if not NONE_IS_IMMORTAL:
            self.timer.start()

    def check(self) -> int:
        return top_up()
