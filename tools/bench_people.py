"""Measure the membership import and lists at scale: ``python tools/bench_people.py [N]``.

Writes an N-row membership XLSX and CSV (default 2000), imports each into a fresh
database, lists members and people, and prints the times (seconds) and rows per second.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from atr_desktop.services import member_import, members, people
from atr_desktop.services.setup import init_database
from tests.member_files import fixed, membership_sheet, write_csv, write_xlsx


def main(n: int) -> int:
    rows = fixed(membership_sheet(n))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in ("csv", "xlsx"):
            path = folder / f"members.{kind}"
            (write_csv if kind == "csv" else write_xlsx)(path, rows)
            db = init_database(folder / f"{kind}.db")
            t0 = time.perf_counter()
            preview = member_import.preview(db, path, "SG")
            t1 = time.perf_counter()
            result = member_import.import_members(db, path, "SG")
            t2 = time.perf_counter()
            listed = members.current_members(db, "SG")
            t3 = time.perf_counter()
            everyone = people.list_people(db)
            t4 = time.perf_counter()
            assert len(preview.rows) == n == result.memberships == len(listed) == len(everyone)
            print(
                f"{kind}: {n} rows  preview {t1 - t0:.2f}s  import {t2 - t1:.2f}s "
                f"({n / (t2 - t1):.0f} rows/s)  members list {t3 - t2:.2f}s  "
                f"people list {t4 - t3:.2f}s"
            )
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
