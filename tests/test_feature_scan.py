"""PySide6's __feature__ scan answers from a module's name, not by reading its source."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

import atr_desktop.ui  # noqa: F401  (quietens the scan, as the window's start does)
from atr_desktop.ui import feature_scan


def test_a_module_imported_beside_the_window_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[object] = []
    real = inspect.getsource

    def counting(obj: object) -> str:
        read.append(obj)
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", counting)
    (tmp_path / "atr_plain_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert __import__("atr_plain_module").VALUE == 1  # as an import statement does
    finally:
        sys.modules.pop("atr_plain_module", None)
    assert read == []


def test_the_window_modules_still_count_as_pyside_ones() -> None:
    feature = sys.modules["shibokensupport.feature"]
    __import__("atr_desktop.ui.main_window", fromlist=["MainWindow"])
    assert feature.pyside_feature_dict["atr_desktop.ui.main_window"] == 0
    assert feature_scan.quieten()  # this PySide6 still has the scan to answer
