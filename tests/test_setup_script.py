"""tools/setup.sh on machines we cannot run here, with the system's answers faked.

Fake ``dpkg-query``, ``ldconfig``, ``apt-cache`` and ``id`` go first on PATH, so each test
says what the machine has; ``--list-missing`` prints what set-up would install.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP = ROOT / "tools" / "setup.sh"
GLIB_LINE = "\tlibglib-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libglib-2.0.so.0\n"
OTHER_LINE = "\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1\n"


def fake_machine(
    tmp_path: Path,
    ldconfig: str,
    apt_knows: tuple[str, ...] = (),
    not_installed: tuple[str, ...] = (),
) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    cache = f"{ldconfig.count('=>')} libs found in cache\n{ldconfig}"
    (tmp_path / "ldconfig.txt").write_text(cache)
    scripts = {
        "ldconfig": f'[ "$1" = -p ] && cat "{tmp_path}/ldconfig.txt"',
        "apt-cache": 'case "$2" in {} ) exit 0;; *) exit 100;; esac'.format(
            "|".join(apt_knows) or "__none__"
        ),
        "dpkg-query": "case \"$3\" in {} ) exit 1;; *) printf 'install ok installed';; esac".format(
            "|".join(not_installed) or "__none__"
        ),
        "id": "echo 1000",
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_REPO": str(tmp_path / "repo"),
    }


def run_setup(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run a copy of setup.sh in an empty folder, so nothing can touch this checkout."""
    repo = Path(env["FAKE_REPO"])
    (repo / "tools").mkdir(parents=True, exist_ok=True)
    script = repo / "tools" / "setup.sh"
    script.write_text(SETUP.read_text(encoding="utf-8"), encoding="utf-8")
    return subprocess.run(
        ["bash", str(script), *args], capture_output=True, text=True, env=env, check=False
    )


def test_glib_found_by_its_library_whatever_the_package_is_called(tmp_path: Path) -> None:
    env = fake_machine(tmp_path, GLIB_LINE + OTHER_LINE, not_installed=("libglib2.0-0",))
    done = run_setup(env, "--list-missing")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("apt_knows", "wanted"),
    [
        (("libglib2.0-0t64",), "libglib2.0-0t64"),  # Debian 13, Ubuntu 24.04
        (("libglib2.0-0",), "libglib2.0-0"),  # Debian 12
    ],
)
def test_missing_glib_asks_for_the_package_this_release_has(
    tmp_path: Path, apt_knows: tuple[str, ...], wanted: str
) -> None:
    env = fake_machine(tmp_path, OTHER_LINE, apt_knows=apt_knows)
    done = run_setup(env, "--list-missing")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [wanted]


def test_the_line_for_a_user_without_root_works_on_a_fresh_machine(tmp_path: Path) -> None:
    env = fake_machine(tmp_path, GLIB_LINE, not_installed=("poppler-utils", "xvfb"))
    done = run_setup(env)
    assert done.returncode == 1
    command = next(line for line in done.stderr.splitlines() if "sudo" in line).strip()
    assert command.startswith("sudo apt-get update && sudo apt-get install -y")
    assert command.split()[-2:] == ["xvfb", "poppler-utils"]
