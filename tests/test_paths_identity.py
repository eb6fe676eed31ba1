"""Paths (env, portable, platform folders) and the identity adapter's Windows branch."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.adapters.identity import current_user, machine_name
from atr_desktop.paths import PORTABLE_MARKER, app_paths, resolve_db_path


def test_home_override(tmp_path: Path) -> None:
    paths = app_paths({"ATR_DESKTOP_HOME": str(tmp_path)})
    assert paths.data == tmp_path / "data"
    assert paths.default_db == tmp_path / "data" / "atr-desktop.db"


def test_portable_marker_keeps_data_beside_the_program(tmp_path: Path) -> None:
    (tmp_path / PORTABLE_MARKER).write_text("")
    paths = app_paths({}, exe_dir=tmp_path)
    assert paths.data == tmp_path / "data"
    assert paths.logs == tmp_path / "data" / "logs"


def test_platform_folders_without_marker(tmp_path: Path) -> None:
    paths = app_paths({}, exe_dir=tmp_path)
    assert "ATR Desktop" in str(paths.data)


def test_db_choice_order(tmp_path: Path) -> None:
    paths = app_paths({"ATR_DESKTOP_HOME": str(tmp_path)})
    env = {"ATR_DESKTOP_DB": "/x/env.db"}
    assert resolve_db_path("/x/cli.db", paths, env) == Path("/x/cli.db")
    assert resolve_db_path(None, paths, env) == Path("/x/env.db")
    assert resolve_db_path(None, paths, {}) == paths.default_db


def test_windows_user_and_machine_from_injected_environment() -> None:
    env = {"USERNAME": "jsmith", "USERDOMAIN": "NHS", "COMPUTERNAME": "LTH-LAP-0042"}
    assert current_user(env, platform="win32") == "NHS\\jsmith"
    assert machine_name(env, platform="win32") == "LTH-LAP-0042"
    assert current_user({}, platform="win32", fallback=lambda: "fallback") == "fallback"


def test_linux_user_and_machine() -> None:
    assert current_user({"USER": "officer"}, platform="linux") == "officer"
    assert machine_name({}, platform="linux", hostname=lambda: "laptop") == "laptop"
