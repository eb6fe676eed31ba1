"""Measure backups and integrity checks: prints times, asserts nothing about them.

Usage: .venv/bin/python tools/bench_safety.py [PAPERS_MB]
- a backup of a database with PAPERS_MB (default 100) of papers: first, then incremental;
- a restore of it;
- header check, quick_check and integrity_check against database size.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - start:.2f} s", flush=True)
    return result


def main() -> int:
    papers_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ATR_DESKTOP_HOME"] = str(Path(tmp) / "home")
        from atr_desktop.services import backup
        from atr_desktop.services.demo import build_demo
        from atr_desktop.services.safety import header_problem
        from atr_desktop.services.setup import init_database
        from atr_desktop.storage.backup import check_file
        from tests.safety_helpers import attach, make_item

        db = init_database(Path(tmp) / "atr.db")
        build_demo(db)
        item = make_item(db)
        for i in range(papers_mb * 2):  # 500 KB papers
            attach(db, item, os.urandom(500_000), title=f"paper {i}")
        out = Path(tmp) / "backups"
        first = timed(
            f"first backup ({papers_mb} MB of papers)", lambda: backup.back_up(db, out=out)
        )
        print(f"  copied {first.papers_copied} papers, {first.papers_bytes_copied / 1e6:.0f} MB")
        attach(db, item, os.urandom(500_000), title="one more")
        again = timed("second backup (one new paper)", lambda: backup.back_up(db, out=out))
        print(f"  copied {again.papers_copied} paper(s)")
        path = db.path
        db.close()
        timed("restore (papers already present)", lambda: backup.restore(path, again.backup.path))
        for mb in (10, 100, 400):
            big = Path(tmp) / f"big{mb}.db"
            conn = sqlite3.connect(big)
            conn.execute("PRAGMA application_id=1096045124")
            conn.execute("create table t(id integer primary key, a text, b text)")
            conn.execute("create index ia on t(a)")
            rows = mb * 1024 * 1024 // 300
            conn.executemany(
                "insert into t(a,b) values(?,?)",
                ((f"k{i % 9973}-{i}", "x" * 200) for i in range(rows)),
            )
            conn.commit()
            conn.close()
            size = big.stat().st_size / 2**20
            timed(f"{size:.0f} MB header check", lambda b=big: header_problem(b))
            timed(f"{size:.0f} MB quick_check", lambda b=big: check_file(b, full=False))
            timed(f"{size:.0f} MB integrity_check", lambda b=big: check_file(b, full=True))
            big.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
