"""Scale benchmark: a decade of records and 100,000 actions against baselines from this run.

Ratios, not timed tests (machines are noisy): every figure is set beside a baseline measured
in the same run, on the same machine, and the targets of issue 12 are printed with them.

- first paint of the window on the 10-year database vs a bare PySide6 window (<= 1.3x);
- Home populated on the 10-year database vs the bare window's first paint (<= 3x);
- ``home`` (the service behind Home and ``atr-desktop home``) on a copy grown to 100,000
  actions vs on the one-year demo (<= 1.5x);
- peak memory (ru_maxrss, offscreen) of the window process with the 10-year database open
  (<= 150 MB), beside a bare PySide6 window's.

The 100,000-action copy is grown with one set-based INSERT ... SELECT from the decade's own
actions (every third copy left open, so Home and the filters have real work to do).

Usage: .venv/bin/python tools/bench_scale.py [--runs N] [--decade PATH] [--keep DIR]
(--decade reuses a database made by ``atr-desktop --db PATH demo --years 10``; --keep
leaves the databases in DIR for a later run.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bench_startup import BARE, measure  # noqa: E402  (the same bare window and floors)

TARGET_ACTIONS = 100_000

# Runs a command and prints the peak resident memory of that child process, in KiB.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True, timeout=300)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

COLUMNS = (
    "group_id, meeting_id, agenda_item_id, description, owner_person_id, owner_text, "
    "raised_on, due_date, revised_due_date, rag_override, rag_override_reason, "
    "closure_proposed_on, status_reason"
)


def cli(env: dict[str, str], db: Path, *args: str) -> float:
    """Run ``atr-desktop --db DB ARGS``; returns the seconds it took."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "atr_desktop", "--db", str(db), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def grow_actions(source: Path, target: Path, total: int) -> int:
    """Copy ``source`` to ``target`` and grow its action log to ``total`` with one INSERT."""
    shutil.copyfile(source, target)
    con = sqlite3.connect(target)
    try:
        have = con.execute("SELECT count(*) FROM actions").fetchone()[0]
        need = total - have
        copies = need // max(have, 1) + 1
        con.execute("BEGIN")
        con.execute(
            f"""
            WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?)
            INSERT INTO actions (ref, {COLUMNS}, status, closed_at_meeting_id, closed_on)
            SELECT a.ref || '-' || n.k, {", ".join("a." + c.strip() for c in COLUMNS.split(","))},
                   CASE WHEN n.k % 3 = 0 THEN 'open' ELSE a.status END,
                   CASE WHEN n.k % 3 = 0 THEN NULL ELSE a.closed_at_meeting_id END,
                   CASE WHEN n.k % 3 = 0 THEN NULL ELSE a.closed_on END
            FROM actions a CROSS JOIN n
            ORDER BY n.k, a.id
            LIMIT ?
            """,
            (copies, need),
        )
        con.execute("COMMIT")
        return int(con.execute("SELECT count(*) FROM actions").fetchone()[0])
    finally:
        con.close()


def home_seconds(demo: Path, grown: Path, calls: int = 151) -> tuple[float, float]:
    """Median seconds of the ``home`` service on ``demo`` and on ``grown``, called in turn
    ``calls`` times each after a warm-up call: a call takes milliseconds, so a handful of
    runs measured one after the other mostly measured what else the machine was doing."""
    from atr_desktop.services.home import home
    from atr_desktop.storage.database import open_database

    dbs = [open_database(demo), open_database(grown)]
    try:
        times: list[list[float]] = [[], []]
        for db in dbs:
            home(db)
        for _ in range(calls):
            for db, spent in zip(dbs, times, strict=True):
                start = time.perf_counter()
                home(db)
                spent.append(time.perf_counter() - start)
        return statistics.median(times[0]), statistics.median(times[1])
    finally:
        for db in dbs:
            db.close()


def peak_kib(env: dict[str, str], cmd: list[str]) -> int:
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


def verdict(value: float, limit: float) -> str:
    return "within target" if value <= limit else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--decade", type=Path, help="a 10-year demo database to reuse")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        env["ATR_DESKTOP_HOME"] = str(Path(tmp) / "home")
        demo, decade, grown = folder / "demo.db", folder / "decade.db", folder / "100k.db"
        if not demo.exists():
            print(f"one-year demo built in {cli(env, demo, 'demo'):.1f} s", flush=True)
        if args.decade:
            decade = args.decade
        elif not decade.exists():
            took = cli(env, decade, "demo", "--years", "10")
            print(f"10-year demo built in {took:.1f} s", flush=True)
        # At the newest schema before it is copied: the copy has no papers folder, so it
        # could not be backed up before an upgrade of its own.
        from atr_desktop.storage.database import open_database

        open_database(decade).close()
        if not grown.exists():
            start = time.perf_counter()
            count = grow_actions(decade, grown, TARGET_ACTIONS)
            print(f"grown to {count:,} actions in {time.perf_counter() - start:.1f} s", flush=True)

        env["ATR_DESKTOP_STARTUP_TRACE"] = "1"
        app = [sys.executable, "-m", "atr_desktop", "--db", str(decade)]
        marks = measure(app, env, args.runs)
        b, p, q = marks["bare"], marks["painted"], marks["populated"]
        bare_mem = peak_kib(env, [sys.executable, "-c", BARE]) / 1024
        app_mem = peak_kib(env, app) / 1024
        h_demo, h_grown = home_seconds(demo, grown)

    today = dt.date.today().isoformat()
    print(f"\nscale benchmark, {today}, median of {args.runs} runs")
    print(f"bare PySide6 window, first paint:        {b:.3f} s")
    qt, orm = marks["qt_floor"], marks["orm_floor"]
    print(f"floor, bare + the shell's Qt imports:    {qt:.3f} s  {qt / b:.2f}x bare")
    print(f"10-year database, first paint:           {p:.3f} s  {p / b:.2f}x bare "
          f"(target <= 1.3x: {verdict(p / b, 1.3)})")  # fmt: skip
    print(f"floor, + SQLAlchemy ORM and the models:  {orm:.3f} s  {orm / b:.2f}x bare")
    print(f"10-year database, Home populated:        {q:.3f} s  {q / b:.2f}x bare "
          f"(target <= 3x: {verdict(q / b, 3.0)})")  # fmt: skip
    print(f"home service, one-year demo:             {h_demo * 1000:.1f} ms")
    ratio = h_grown / h_demo
    print(f"home service, {TARGET_ACTIONS:,} actions:       {h_grown * 1000:.1f} ms  "
          f"{ratio:.2f}x demo (target <= 1.5x: {verdict(ratio, 1.5)})")  # fmt: skip
    print(f"peak memory, bare PySide6 window:        {bare_mem:.0f} MB")
    print(f"peak memory, window on 10-year database: {app_mem:.0f} MB  "
          f"(target <= 150 MB: {verdict(app_mem, 150)})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
