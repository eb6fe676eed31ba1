"""Who is at the keyboard and on which machine, for the audit trail and the live-copy lock."""

from __future__ import annotations

import getpass
import os
import socket
import sys
from collections.abc import Callable, Mapping


def current_user(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    fallback: Callable[[], str] = getpass.getuser,
) -> str:
    """The operating-system user name: USERNAME (and USERDOMAIN) on Windows, USER elsewhere."""
    env = os.environ if env is None else env
    if platform.startswith("win"):
        name = env.get("USERNAME", "")
        domain = env.get("USERDOMAIN", "")
        if name:
            return f"{domain}\\{name}" if domain else name
    else:
        name = env.get("USER") or env.get("LOGNAME") or ""
        if name:
            return name
    try:
        return fallback()
    except Exception:
        return "unknown"


def machine_name(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    hostname: Callable[[], str] = socket.gethostname,
) -> str:
    """The computer's name (COMPUTERNAME on Windows). Reads a local setting, no network."""
    env = os.environ if env is None else env
    if platform.startswith("win") and env.get("COMPUTERNAME"):
        return env["COMPUTERNAME"]
    try:
        return hostname() or "unknown"
    except OSError:
        return "unknown"


def display_name(
    login: str | None = None,
    platform: str = sys.platform,
    full_name: Callable[[str], str] | None = None,
) -> str:
    """The person's full name as the computer knows it ("Sam Patel"), for "Sam Patel is
    editing these minutes"; the login name when the computer has none."""
    login = login or current_user()
    if full_name is None:
        full_name = _windows_full_name if platform.startswith("win") else _posix_full_name
    try:
        return full_name(login).strip() or login
    except (OSError, KeyError, AttributeError, ValueError):
        return login


def _posix_full_name(login: str) -> str:
    import pwd  # POSIX only

    return pwd.getpwnam(login).pw_gecos.split(",")[0]


def _windows_full_name(_login: str) -> str:
    """GetUserNameExW(NameDisplay) for the signed-in user (a domain's directory name)."""
    import ctypes

    size = ctypes.c_ulong(256)
    buffer = ctypes.create_unicode_buffer(size.value)
    secur32 = ctypes.WinDLL("secur32")  # type: ignore[attr-defined,unused-ignore]
    if not secur32.GetUserNameExW(3, buffer, ctypes.byref(size)):
        return ""
    return str(buffer.value)
