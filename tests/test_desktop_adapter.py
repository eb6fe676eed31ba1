"""The Windows desktop adapter's branches, driven by injected probes, and the data folder."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import platformdirs.windows
import pytest

from atr_desktop.adapters.desktop import (
    APP_USER_MODEL_ID,
    ensure_std_streams,
    set_taskbar_identity,
)
from atr_desktop.paths import app_paths


class Opened:
    """Records which files the adapter opened in place of the missing streams."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, name: str) -> io.StringIO:
        self.names.append(name)
        return io.StringIO()


def test_windowed_program_started_from_a_console_writes_there() -> None:
    fake_sys = SimpleNamespace(stdout=None, stderr=None)
    opened = Opened()
    fix = ensure_std_streams(fake_sys, "win32", lambda: True, opened)
    assert fix == "console"
    assert opened.names == ["CONOUT$", "CONOUT$"]
    print("ATR Desktop", file=fake_sys.stdout)  # no longer fails
    assert fake_sys.stdout.getvalue() == "ATR Desktop\n"


def test_windowed_program_from_the_start_menu_writes_nowhere() -> None:
    import os

    fake_sys = SimpleNamespace(stdout=None, stderr=None)
    opened = Opened()
    assert ensure_std_streams(fake_sys, "win32", lambda: False, opened) == "devnull"
    assert opened.names == [os.devnull, os.devnull]


def test_streams_that_exist_are_left_alone() -> None:
    out, err = io.StringIO(), io.StringIO()
    fake_sys = SimpleNamespace(stdout=out, stderr=err)

    def must_not_attach() -> bool:
        raise AssertionError("attached a console although the streams were there")

    assert ensure_std_streams(fake_sys, "win32", must_not_attach) == "ok"
    assert fake_sys.stdout is out and fake_sys.stderr is err


def test_only_windows_attaches_a_console() -> None:
    fake_sys = SimpleNamespace(stdout=io.StringIO(), stderr=None)
    opened = Opened()
    assert ensure_std_streams(fake_sys, "linux", lambda: True, opened) == "devnull"
    assert len(opened.names) == 1  # only the missing stream is replaced


def test_taskbar_identity_is_set_on_windows_only() -> None:
    calls: list[str] = []
    assert set_taskbar_identity("win32", calls.append) is True
    assert calls == [APP_USER_MODEL_ID]
    assert set_taskbar_identity("linux", calls.append) is False
    assert calls == [APP_USER_MODEL_ID]


def test_taskbar_identity_failure_does_not_stop_the_app() -> None:
    def broken(app_id: str) -> None:
        raise OSError("shell32 refused")

    assert set_taskbar_identity("win32", broken) is False


def test_windows_data_goes_to_local_not_roaming_app_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folders = {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\jsmith\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\jsmith\AppData\Roaming",
        "CSIDL_PERSONAL": r"C:\Users\jsmith\Documents",
    }
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    paths = app_paths({}, exe_dir=tmp_path, dirs=platformdirs.windows.Windows)
    for folder in (paths.data, paths.logs, paths.cache):
        assert str(folder).startswith(folders["CSIDL_LOCAL_APPDATA"]), folder
        assert "ATR Desktop" in str(folder)
    assert str(paths.data).endswith("ATR Desktop")
    # Packs are for people: under their Documents, where they can see them.
    assert str(paths.packs).startswith(folders["CSIDL_PERSONAL"])
    assert paths.packs.parts[-2:] == ("ATR Desktop", "Packs")


def test_window_icon_is_found(qapp: object) -> None:
    from atr_desktop.ui.launcher import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes(), "the icon file did not load"
