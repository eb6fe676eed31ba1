"""Start-up benchmark: time to first paint and to a populated window, against a bare
PySide6 window measured in the same run (a ratio, not a timed test: machines are noisy).

Usage: .venv/bin/python tools/bench_startup.py [--runs N] [--db PATH]
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

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        print(f"painted {time.time():.4f}", flush=True)
        QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv[:1])
w = W(); w.resize(1180, 740); w.show()
app.exec()
"""


def run(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120).stdout
    marks = {}
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        if name in {"painted", "populated"}:
            marks.setdefault(name, float(stamp) - start)
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        env["ATR_DESKTOP_HOME"] = tmp
        env["ATR_DESKTOP_STARTUP_TRACE"] = "1"
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            subprocess.run(
                [sys.executable, "-m", "atr_desktop", "--db", str(db), "demo"],
                env=env,
                check=True,
                capture_output=True,
            )
        bare, paint, populated = [], [], []
        for _ in range(args.runs):
            bare.append(run([sys.executable, "-c", BARE], env)["painted"])
            marks = run([sys.executable, "-m", "atr_desktop", "--db", str(db)], env)
            paint.append(marks["painted"])
            populated.append(marks["populated"])
    b, p, q = (statistics.median(x) for x in (bare, paint, populated))
    print(f"bare PySide6 window, first paint:   {b:.3f} s")
    print(f"ATR Desktop, first paint:           {p:.3f} s  ({p / b:.2f}x bare)")
    print(f"ATR Desktop, populated window:      {q:.3f} s  ({q / b:.2f}x bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
