"""What the checks on opening cost on a decade's database (issue 16, item 4).

Usage: .venv/bin/python tools/bench_open_check.py [YEARS ...]   (default: 1 10 20)

Builds the demo programme, then grows it to YEARS years of papers: every year adds the
demo year's meetings' worth of received papers (6 per meeting, 24 meetings) with 30 KB of
extracted text each, through the real tables (so the search index grows with them). Then
times, on a warm cache: the header check (the baseline, O(1)), the schema check, the
``quick_check`` and the full ``integrity_check``, and a full open through open_live
(lock, header, schema, quick_check, WAL watch, sweep) as the command line does it.
Prints each as seconds and as a ratio to the header check; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "programme",
    "adversity",
    "trauma",
    "resilience",
    "schools",
    "police",
    "health",
    "partners",
    "report",
]


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def grow(path: Path, years: int) -> None:
    rng = random.Random(years)
    conn = sqlite3.connect(path)
    papers = conn.execute("SELECT id FROM papers").fetchall()
    per_year = 24 * 6
    for n in range((years - 1) * per_year):
        paper_id = papers[n % len(papers)][0]
        text = " ".join(rng.choice(WORDS) for _ in range(4000))  # about 30 KB
        sha = f"{n:064x}"
        conn.execute(
            "INSERT INTO paper_files (paper_id, version, filename, sha256, size, media_type, "
            "added_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                paper_id,
                100 + n,
                f"paper-{n}.pdf",
                sha,
                1,
                "application/pdf",
                dt.datetime(2027, 1, 1).isoformat(" "),
                text,
            ),
        )
    conn.commit()
    conn.close()


def main() -> int:
    years_list = [int(a) for a in sys.argv[1:]] or [1, 10, 20]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ATR_DESKTOP_HOME"] = str(Path(tmp) / "home")
        from atr_desktop.paths import app_paths
        from atr_desktop.services.demo import build_demo
        from atr_desktop.services.safety import (
            header_problem,
            open_live,
            quick_check,
            schema_problem,
        )
        from atr_desktop.services.setup import init_database
        from atr_desktop.storage.backup import check_file
        from atr_desktop.storage.database import open_database

        base = Path(tmp) / "demo.db"
        db = init_database(base)
        build_demo(db)
        db.close()
        print(
            "years  size     header   schema          quick_check        integrity_check"
            "     open (CLI)"
        )
        for years in years_list:
            path = Path(tmp) / f"y{years}.db"
            shutil.copy(base, path)
            grow(path, years)
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            size = path.stat().st_size / 1e6
            head = timed(lambda p=path: header_problem(p), 20)
            db = open_database(path)
            schema = timed(lambda d=db: schema_problem(d), 5)
            db.close()
            quick = timed(lambda p=path: quick_check(p))
            full = timed(lambda p=path: check_file(p, full=True), 1)

            def whole(p: Path = path) -> None:
                open_live(p, app_paths()).close()

            opening = timed(whole)
            print(
                f"{years:>5}  {size:6.1f} MB {head * 1e3:5.2f} ms "
                f"{schema * 1e3:5.1f} ms (x{schema / head:,.0f})  "
                f"{quick:6.3f} s (x{quick / head:,.0f})  {full:6.3f} s (x{full / head:,.0f})  "
                f"{opening:6.3f} s",
                flush=True,
            )
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
