"""Spare every import PySide6's ``__feature__`` scan of its source file.

PySide6 wraps ``__import__`` and, the first time it meets a module, reads the module's whole
source (``inspect.getsource``) to see whether it mentions "PySide6", so it can tell which
modules may switch on ``snake_case`` or ``true_property``. Opening the window imports about
360 modules (SQLAlchemy's among them), and that reading alone cost about 100 ms of the start
(issue 12). ATR Desktop never selects a feature, so every module sees PySide6's default
names whatever the scan decides; the scan is answered from the module's name instead:
the app's own window modules "use PySide6", everything else is left alone (-1, "ignore").
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (loads shibokensupport.feature, the scan's home)

OURS = ("atr_desktop.ui", "PySide6")


def by_name(module: ModuleType) -> bool:
    """The scan's question, "does this module use PySide6?", answered without its source."""
    return str(getattr(module, "__name__", "")).startswith(OURS)


def quieten() -> bool:
    """Answer the scan by name; False (and nothing changed) if this PySide6 has no scan."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", by_name)  # noqa: B010  (a private name)
    return True
