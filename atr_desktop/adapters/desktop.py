"""How the program meets the Windows desktop: console streams and the taskbar identity.

The Windows calls (kernel32, shell32) sit behind small default probes so the Windows
branches can be tested anywhere by injecting fakes (tests/test_desktop_adapter.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, Literal, TextIO

APP_USER_MODEL_ID = "WestYorkshireATR.ATRDesktop"

StreamFix = Literal["ok", "console", "devnull"]


def _attach_parent_console() -> bool:  # pragma: no cover - Windows only
    """Join the console of the program that started us (cmd.exe, PowerShell), if any."""
    import ctypes

    attach_parent_process = -1
    return bool(ctypes.windll.kernel32.AttachConsole(attach_parent_process))  # type: ignore[attr-defined]


def _open_text(name: str) -> TextIO:
    """A text stream that stays open for the life of the program."""
    return open(name, "w", encoding="utf-8", errors="replace")


def ensure_std_streams(
    sys_module: Any = sys,
    platform: str = sys.platform,
    attach_parent_console: Callable[[], bool] = _attach_parent_console,
    open_text: Callable[[str], TextIO] = _open_text,
) -> StreamFix:
    """Give a windowed Windows program a stdout and stderr that can be written to.

    The windowed atr-desktop.exe starts with none (PyInstaller's console=False), so a
    ``print`` would fail. Started from a console, it writes there; otherwise to nowhere.
    The console twin, atr-desktop-cli.exe, and every Linux run already have both.
    """
    if sys_module.stdout is not None and sys_module.stderr is not None:
        return "ok"
    fix: StreamFix = "devnull"
    target = os.devnull
    if platform.startswith("win") and attach_parent_console():
        target, fix = "CONOUT$", "console"
    if sys_module.stdout is None:
        sys_module.stdout = open_text(target)
    if sys_module.stderr is None:
        sys_module.stderr = open_text(target)
    return fix


def _set_explicit_app_id(app_id: str) -> None:  # pragma: no cover - Windows only
    import ctypes

    ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(app_id)  # type: ignore[attr-defined]


def set_taskbar_identity(
    platform: str = sys.platform,
    set_app_id: Callable[[str], None] = _set_explicit_app_id,
    app_id: str = APP_USER_MODEL_ID,
) -> bool:
    """On Windows, group the app's windows under its own taskbar icon (not Python's).

    Returns whether the identity was set. A failure costs only the icon grouping, so it
    never stops the app.
    """
    if not platform.startswith("win"):
        return False
    try:
        set_app_id(app_id)
    except (OSError, AttributeError):
        return False
    return True
