"""Where ATR Desktop keeps its files, for the user or for a portable copy.

Data lives in the user's *local* (not roaming) data folder, so a roaming profile never
drags several GB of papers across the network. A portable copy keeps its data beside the
program when a ``portable.txt`` marker sits next to it. ``ATR_DESKTOP_HOME`` redirects
everything (tests use it so that no test touches the real user folders).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

PORTABLE_MARKER = "portable.txt"
DB_FILENAME = "atr-desktop.db"


@dataclass(frozen=True)
class AppPaths:
    """The folders the app writes to; created on first use."""

    data: Path
    logs: Path
    cache: Path
    documents: Path | None = None  # the user's visible Documents folder

    @property
    def packs(self) -> Path:
        """Where packs go by default: a folder people see (and back up), never the hidden
        data folder. The pack folder setting overrides it."""
        return (self.documents or Path.home() / "Documents") / "ATR Desktop" / "Packs"

    @property
    def default_db(self) -> Path:
        return self.data / DB_FILENAME

    @property
    def templates(self) -> Path:
        """User-customised templates; resources/templates holds the defaults."""
        return self.data / "templates"

    @property
    def backups(self) -> Path:
        return self.data / "backups"


def program_dir() -> Path:
    """The folder holding the program (the bundle's folder when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Bundled defaults: icons, templates, fonts."""
    base = Path(getattr(sys, "_MEIPASS", program_dir()))
    return base / "resources"


def app_paths(
    env: dict[str, str] | None = None,
    exe_dir: Path | None = None,
    dirs: Callable[..., PlatformDirsABC] | None = None,
) -> AppPaths:
    """Resolve the app's folders: ``ATR_DESKTOP_HOME``, then portable, then platformdirs.

    ``dirs`` is the platformdirs class to ask (this platform's by default); tests pass
    ``platformdirs.windows.Windows`` to check the Windows folders from Linux.
    """
    env = dict(os.environ) if env is None else env
    home = env.get("ATR_DESKTOP_HOME")
    if home:
        root = Path(home)
        return AppPaths(
            data=root / "data",
            logs=root / "logs",
            cache=root / "cache",
            documents=root / "Documents",
        )
    exe_dir = exe_dir or program_dir()
    if (exe_dir / PORTABLE_MARKER).exists():
        root = exe_dir / "data"
        return AppPaths(data=root, logs=root / "logs", cache=root / "cache", documents=exe_dir)
    import platformdirs

    # Local, not roaming: %LOCALAPPDATA%\ATR Desktop on Windows, ~/.local/share on Linux.
    found = (dirs or platformdirs.PlatformDirs)("ATR Desktop", appauthor=False, roaming=False)
    return AppPaths(
        data=Path(found.user_data_dir),
        logs=Path(found.user_log_dir),
        cache=Path(found.user_cache_dir),
        documents=Path(found.user_documents_dir),
    )


def resolve_db_path(cli_db: str | None, paths: AppPaths, env: dict[str, str] | None = None) -> Path:
    """``--db`` wins, then ``ATR_DESKTOP_DB``, then the default in the data folder."""
    env = dict(os.environ) if env is None else env
    chosen = cli_db or env.get("ATR_DESKTOP_DB")
    return Path(chosen).expanduser() if chosen else paths.default_db
