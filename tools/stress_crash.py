"""Kill a writer at random moments N times (default 1,000) and check nothing was lost.

Usage: .venv/bin/python tools/stress_crash.py [KILLS] [SEED]
Not run in CI (it takes several minutes); the figure goes in docs/safety.md. See
tests/crash_harness.py for what is written and what is checked: after each kill the file
is opened as the app opens it (lock recovery, header, schema and quick_check, the papers
clean-up two days on, so it runs and quarantines).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2027
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ATR_DESKTOP_HOME"] = str(Path(tmp) / "home")
        from tests.crash_harness import run_kills

        start = time.perf_counter()
        stats = run_kills(Path(tmp) / "atr.db", kills, seed)
        took = time.perf_counter() - start
    print(
        f"{stats.kills} kills in {took:.1f} s: {stats.groups_confirmed} groups and "
        f"{stats.papers_confirmed} papers reported saved, all present; "
        f"{stats.kills_mid_paper} kills left a paper without its record, "
        f"{stats.swept} leftover file(s) quarantined on opening."
    )
    for problem in stats.problems:
        print("PROBLEM:", problem)
    return 1 if stats.problems else 0


if __name__ == "__main__":
    sys.exit(main())
