"""Is a process still running? (For telling a stale live-copy lock from a real one.)

POSIX asks with signal 0; Windows asks OpenProcess/GetExitCodeProcess through ctypes. The
Windows probe is injectable so its branch is tested on any machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

STILL_ACTIVE = 259
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
ERROR_ACCESS_DENIED = 5


def _windows_probe(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return bool(ctypes.get_last_error() == ERROR_ACCESS_DENIED)  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _posix_probe(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    return True


def pid_alive(
    pid: int,
    platform: str = sys.platform,
    windows_probe: Callable[[int], bool] = _windows_probe,
    posix_probe: Callable[[int], bool] = _posix_probe,
) -> bool:
    if pid <= 0:
        return False
    if platform.startswith("win"):
        return windows_probe(pid)
    return posix_probe(pid)
