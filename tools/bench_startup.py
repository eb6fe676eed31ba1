"""Start-up benchmark: time to first paint and to a populated window, against a bare
PySide6 window measured in the same run (a ratio, not a timed test: machines are noisy).

Two floors are measured in the same run too, to show what no code of ours can go below:
the bare window once it has imported the Qt classes the shell imports (PySide6 makes the
Python enums of each class on first touch: about 180 for the shell), and that window then
importing SQLAlchemy's ORM and the models, which Home's first read needs.

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


def _shell_qt_imports() -> str:
    """The ``from PySide6... import ...`` lines of the modules the shell imports before it
    paints (read from the source, so the floor follows the code)."""
    import ast

    ui = Path(__file__).resolve().parent.parent / "atr_desktop" / "ui"
    lines = []
    for name in ("main_window.py", "style.py", "launcher.py"):
        for node in ast.walk(ast.parse((ui / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                names = ", ".join(alias.name for alias in node.names)
                lines.append(f"from {node.module} import {names}")
    return "\n".join(lines)


def floors() -> tuple[str, str]:
    """(the bare window with the shell's Qt imports, that window then loading the ORM)."""
    with_qt = BARE.replace("import sys, time", "import sys, time\n" + _shell_qt_imports())
    with_orm = with_qt.replace(
        "app.exec()",
        "app.exec()\n"
        "import sqlalchemy.orm, atr_desktop.storage.models\n"
        "sqlalchemy.orm.configure_mappers()\n"
        'print(f"populated {time.time():.4f}", flush=True)',
    )
    return with_qt, with_orm


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
        marks = measure([sys.executable, "-m", "atr_desktop", "--db", str(db)], env, args.runs)
    b = marks["bare"]
    print(f"bare PySide6 window, first paint:   {b:.3f} s")
    for label, key in (
        ("floor: + the shell's Qt imports", "qt_floor"),
        ("ATR Desktop, first paint:", "painted"),
        ("floor: + SQLAlchemy ORM, models", "orm_floor"),
        ("ATR Desktop, populated window:", "populated"),
    ):
        print(f"{label:35s} {marks[key]:.3f} s  ({marks[key] / b:.2f}x bare)")
    return 0


def measure(app: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    """Medians over ``runs`` interleaved runs of the bare window, the two floors and the
    app (``painted``, ``populated``), in seconds from each process's start."""
    with_qt, with_orm = floors()
    env = dict(env, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        samples.setdefault("bare", []).append(run([sys.executable, "-c", BARE], env)["painted"])
        samples.setdefault("qt_floor", []).append(
            run([sys.executable, "-c", with_qt], env)["painted"]
        )
        samples.setdefault("orm_floor", []).append(
            run([sys.executable, "-c", with_orm], env)["populated"]
        )
        marks = run(app, env)
        samples.setdefault("painted", []).append(marks["painted"])
        samples.setdefault("populated", []).append(marks["populated"])
    return {key: statistics.median(values) for key, values in samples.items()}


if __name__ == "__main__":
    sys.exit(main())
