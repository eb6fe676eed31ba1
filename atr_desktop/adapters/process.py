"""Is a process still running, and when did it start? (For judging a live-copy lock.)

A process id is reused once its process has gone, so "is pid 4242 alive?" is not enough:
the lock also records the holder's start time, and a process with that id but another
start time is someone else. POSIX asks with signal 0 and reads the start time from
/proc (Linux); Windows asks OpenProcess/GetExitCodeProcess/GetProcessTimes through ctypes.
The Windows probes are injectable so their branches are tested on any machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

STILL_ACTIVE = 259
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
ERROR_ACCESS_DENIED = 5
FILETIME_EPOCH = 11644473600  # seconds from 1601-01-01 (Windows) to 1970-01-01 (Unix)


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


def _windows_creation_time(pid: int) -> int | None:  # pragma: no cover - Windows only
    """The process's creation FILETIME (100 ns since 1601), or None if it cannot be read."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        created = times[0]
        return (created.dwHighDateTime << 32) | created.dwLowDateTime
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


def _linux_start_ticks(pid: int) -> int | None:
    """Field 22 of /proc/<pid>/stat: clock ticks after boot (None off Linux or if gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()  # the name may hold spaces and brackets
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def _boot_time() -> float | None:
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


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


def start_time(
    pid: int,
    platform: str = sys.platform,
    windows_creation: Callable[[int], int | None] = _windows_creation_time,
    linux_ticks: Callable[[int], int | None] = _linux_start_ticks,
    boot_time: Callable[[], float | None] = _boot_time,
    ticks_per_second: int | None = None,
) -> float | None:
    """When process ``pid`` started, in Unix seconds (rounded to 0.1 s); None if unknown.

    Rounded so that two readings of the same process always agree.
    """
    if pid <= 0:
        return None
    if platform.startswith("win"):
        filetime = windows_creation(pid)
        if filetime is None:
            return None
        return round(filetime / 10_000_000 - FILETIME_EPOCH, 1)
    ticks = linux_ticks(pid)
    boot = boot_time()
    if ticks is None or boot is None:
        return None
    hz = ticks_per_second or os.sysconf("SC_CLK_TCK")
    return round(boot + ticks / hz, 1)


def same_process(
    pid: int,
    started: float | None,
    alive: Callable[[int], bool] = pid_alive,
    started_at: Callable[[int], float | None] = start_time,
) -> bool:
    """True when ``pid`` is running and is the process that started at ``started``.

    A recorded start time that differs from the running process's means the id was reused:
    the holder is gone. Unknown start times fall back to whether the id is alive.
    """
    if not alive(pid):
        return False
    if started is None:
        return True
    now = started_at(pid)
    return now is None or abs(now - started) < 1.0
