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
