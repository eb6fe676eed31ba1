"""Where ATR Desktop keeps its files, for the user or for a portable copy.

Data lives in the user's *local* (not roaming) data folder, so a roaming profile never
drags several GB of papers across the network. A portable copy keeps its data beside the
program when a ``portable.txt`` marker sits next to it. ``ATR_DESKTOP_HOME`` redirects
everything (tests use it so that no test touches the real user folders).
"""

from __future__ import annotations

import os
import re
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
    chosen = chosen_db(cli_db, env)
    if is_server(chosen):
        assert chosen is not None
        return server_folder(chosen, paths) / DB_FILENAME
    return Path(chosen).expanduser() if chosen else paths.default_db


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(address: str | Path | None) -> bool:
    """A PostgreSQL URL (a team's shared store on a server) rather than a file's path."""
    return isinstance(address, str) and address.strip().lower().startswith(SERVER_SCHEMES)


def chosen_db(cli_db: str | None, env: dict[str, str] | None = None) -> str | None:
    """What the user chose: ``--db``, then ``ATR_DESKTOP_DB`` (a path or a server URL)."""
    env = dict(os.environ) if env is None else env
    return cli_db or env.get("ATR_DESKTOP_DB") or None


def server_folder(url: str, paths: AppPaths) -> Path:
    """Where this machine keeps what belongs to a server store but not in it (the erasure
    ledger's copy, papers until they move into the database): named by host and database,
    never by the password."""
    rest = url.split("://", 1)[1]
    where, _, query = rest.partition("?")
    where = where.rsplit("@", 1)[-1]
    host = next((p[5:] for p in query.split("&") if p.startswith("host=")), "")
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{host}_{where}").strip("_.") or "server"
    return paths.data / "servers" / name[:120]


PRIVATE_UMASK = 0o077


def restrict_new_files(paths: AppPaths | None = None) -> None:
    """Everything the app creates from now on is readable by the user only (0600 files,
    0700 folders): the database and its WAL, backups, logs, the lock and registry,
    subject-access files and email drafts. Set once at start, before anything is written;
    the app's own folders, if an older version made them open, are closed too. On Windows
    the per-user folders are private already and the umask is ignored."""
    os.umask(PRIVATE_UMASK)
    if paths is None:
        return
    for folder in (paths.data, paths.logs, paths.cache, paths.backups):
        try:
            if folder.is_dir() and folder.stat().st_mode & 0o077:
                os.chmod(folder, 0o700)
        except OSError:
            continue


def share_with_folder(folder: Path, *items: Path) -> None:
    """Give ``items`` (files, or folders with everything in them) ``folder``'s permissions:
    a copy put in a shared folder (the hand-over copy, a shared backup folder) is readable
    by whoever may read that folder, as the user chose, and no more."""
    try:
        dir_mode = folder.stat().st_mode & 0o777
    except OSError:
        return
    file_mode = dir_mode & 0o666
    for item in items:
        found = [item, *item.rglob("*")] if item.is_dir() else [item]
        for path in found:
            try:
                os.chmod(path, dir_mode if path.is_dir() else file_mode)
            except OSError:
                continue  # a file system without permissions (FAT, some shares)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10))}
_RESERVED |= {f"lpt{n}" for n in range(1, 10)}
NAME_LIMIT = 120


def child_file(folder: Path, name: str, fallback: str = "file") -> Path:
    """``folder / name`` for a file name the app makes from record text (a title, a group or
    person's name), which can never leave ``folder``: separators, '..', control characters,
    characters Windows refuses and reserved device names are taken out. The user's own
    output path (``--out``) is theirs and is not passed through here."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", suffix):
        stem, suffix = name, ""
    clean = _UNSAFE.sub(" ", stem)
    clean = " ".join(clean.split()).strip(" .")[:NAME_LIMIT].strip(" .")
    if not clean or clean.lower().split(".")[0] in _RESERVED:
        clean = fallback if not clean else f"_{clean}"
    path = folder / (f"{clean}.{suffix}" if suffix else clean)
    if path.resolve().parent != folder.resolve():  # cannot happen after cleaning: a guard
        raise ValueError("an output name left its folder")
    return path


def log_files(log_file: Path) -> list[Path]:
    """The log file and its rotated generations that exist (for an erasure to rewrite)."""
    names = [log_file, *(log_file.with_name(f"{log_file.name}.{n}") for n in range(1, 10))]
    return [p for p in names if p.is_file()]
