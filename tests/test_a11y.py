"""A screen reader can name every control: the window walked over AT-SPI.

Runs from .ci/run (``pytest -m a11y``), not from ./check.sh: it needs Xvfb, a D-Bus session
and the system python3 with python3-pyatspi (which does not load into the venv), so the
walk happens in tests/a11y_probe.py, in a subprocess, and reports back as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"


def missing_tools() -> str | None:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (tools/setup.sh lists the packages)"
    has_pyatspi = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if has_pyatspi.returncode != 0:
        return "python3-pyatspi is not installed for the system python3"
    return None


pytestmark = [
    pytest.mark.a11y,
    pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools())),
]


def probe(db_path: Path, *app_args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT)
    app = [sys.executable, "-m", "tests.a11y_app", str(db_path), *app_args]
    done = subprocess.run(
        [
            *("dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24"),
            *(SYSTEM_PYTHON, str(ROOT / "tests" / "a11y_probe.py"), *app),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_every_focusable_control_has_a_name_and_a_role(demo_db, db_path: Path) -> None:
    demo_db.close()
    result = probe(db_path)
    assert result["seen"] > 500  # the window, its six pages and the register were walked
    assert result["problems"] == []


def test_the_probe_notices_a_control_without_a_name(demo_db, db_path: Path) -> None:
    demo_db.close()
    result = probe(db_path, "--with-unnamed-button")
    assert [p["role"] for p in result["problems"]] == ["push button"]
