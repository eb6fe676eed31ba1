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


def child_cpu() -> float:
    """CPU seconds used so far by finished children (0 where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(exe: Path, env: dict[str, str], db: Path) -> dict[str, float]:
    """One ``--version`` and one traced window start: wall seconds to each mark, and CPU."""
    cpu0, start = child_cpu(), time.perf_counter()
    subprocess.run([str(exe), "--version"], env=env, check=True, capture_output=True)
    version, cpu1 = time.perf_counter() - start, child_cpu()
    launched = time.time()
    out = subprocess.run(
        [str(exe), "--db", str(db)],
        env={**env, TRACE_ENV: "1"},
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    cpu2 = child_cpu()
    marks = {
        words[0]: float(words[1])
        for words in (line.split() for line in out.splitlines())
        if len(words) >= 2 and words[0] in ("painted", "populated")
    }
    return {
        "--version": version,
        "--version CPU": cpu1 - cpu0,
        "first paint": marks["painted"] - launched,
        "populated": marks["populated"] - launched,
        "window CPU": cpu2 - cpu1,
    }


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
        runners = {"venv": venv, "bundle": bundled}
        results: dict[str, dict[str, list[float]]] = {label: {} for label in runners}
        for exe in runners.values():
            run_once(exe, env, db)  # warm the disk cache for both alike
        for _ in range(args.runs):  # interleaved, so a busy spell hits both alike
            for label, exe in runners.items():
                for what, seconds in run_once(exe, env, db).items():
                    results[label].setdefault(what, []).append(seconds)
    print(f"Startup, median of {args.runs} interleaved runs (seconds; ratio = bundle/venv):")
    print(f"  {'':14} {'venv':>7} {'bundle':>7} {'ratio':>6}")
    for what in results["venv"]:
        v = statistics.median(results["venv"][what])
        b = statistics.median(results["bundle"][what])
        print(f"  {what:14} {v:7.3f} {b:7.3f} {b / v if v else float('nan'):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
