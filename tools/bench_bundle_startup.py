"""Startup of the bundle against the venv: ``--version``, first paint and populated window.

Prints medians and the bundle/venv ratio (below 1 means the bundle is faster); asserts
nothing, since times on a shared machine vary. installer/smoke.sh runs it after the smoke.
    .venv/bin/python tools/bench_bundle_startup.py [--runs N] [BUNDLE_DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACE_ENV = "ATR_DESKTOP_STARTUP_TRACE"  # see atr_desktop/ui/launcher.py


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment: no venv or PYTHONPATH, offscreen Qt, a private home."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "ATR_DESKTOP_HOME": str(home / "atr"),
    }
    if sys.platform.startswith("win"):
        env = {**os.environ, **{k: v for k, v in env.items() if k != "PATH"}}
    env.update(extra)
    return env


def time_version(exe: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(exe), "--version"], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def time_window(exe: Path, env: dict[str, str], db: Path) -> tuple[float, float]:
    """Seconds from launch to the first paint and to the populated window."""
    start = time.time()
    out = subprocess.run(
        [str(exe), "--db", str(db)],
        env={**env, TRACE_ENV: "1"},
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    marks = dict(
        line.split()[:2]
        for line in out.splitlines()
        if line.split()[:1] in (["painted"], ["populated"])
    )
    return float(marks["painted"]) - start, float(marks["populated"]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "atr-desktop"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    suffix = ".exe" if sys.platform.startswith("win") else ""
    bundled = Path(args.bundle) / f"atr-desktop{suffix}"
    scripts = "Scripts" if sys.platform.startswith("win") else "bin"
    venv = ROOT / ".venv" / scripts / f"atr-desktop{suffix}"
    for exe in (bundled, venv):
        if not exe.exists():
            print(f"Missing {exe}: build the bundle and set up .venv first.", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = clean_env(home)
        db = home / "bench.db"
        subprocess.run(
            [str(venv), "--db", str(db), "demo"], env=env, check=True, capture_output=True
        )
        results: dict[str, dict[str, list[float]]] = {}
        for label, exe in (("venv", venv), ("bundle", bundled)):
            time_version(exe, env)  # warm the disk cache for both alike
            rows: dict[str, list[float]] = {"--version": [], "first paint": [], "populated": []}
            for _ in range(args.runs):
                rows["--version"].append(time_version(exe, env))
                paint, populated = time_window(exe, env, db)
                rows["first paint"].append(paint)
                rows["populated"].append(populated)
            results[label] = rows
    print(f"Startup, median of {args.runs} runs (seconds):")
    print(f"  {'':12} {'venv':>7} {'bundle':>7} {'ratio':>6}")
    for what in ("--version", "first paint", "populated"):
        v = statistics.median(results["venv"][what])
        b = statistics.median(results["bundle"][what])
        print(f"  {what:12} {v:7.3f} {b:7.3f} {b / v:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
