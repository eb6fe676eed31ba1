"""Stress: refresh (and repaint) every page of the window 1,000 times; None must hold.

Outside the test suite (it takes minutes): the suite's tests/test_none_refs.py runs 50
refreshes a page. This opens a copy of a database (the demo by default, or ``--db``),
refreshes every page ``--times`` times, repainting each, and prints ``sys.getrefcount(None)``
before, half way and after per page; it exits 1 if a page let it fall, or if it still
moved in the second half (a first-time cache may add a few references early on). On
Python 3.12+ None is immortal and the run says so.

    python tools/stress_refresh.py [--db PATH] [--times 1000] [--pages Home,Actions]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

WARM_UP = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database to copy (default: a new demo)")
    parser.add_argument("--times", type=int, default=1000)
    parser.add_argument("--pages", help="only these pages, comma-separated (Home,Actions)")
    args = parser.parse_args(argv)
    if sys.version_info >= (3, 12):
        print("None is immortal on Python 3.12+: nothing to stress.")
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's app
    from PySide6.QtWidgets import QApplication, QWidget

    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database
    from atr_desktop.storage.database import open_database
    from atr_desktop.ui.pages import build_pages

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stress.db"
        if args.db:
            shutil.copy(args.db, path)
            db = open_database(path)
        else:
            db = init_database(path)
            build_demo(db, today=dt.date.today())
        window = QWidget()
        pages = build_pages(window, db)
        moved = 0
        chosen = args.pages.split(",") if args.pages else list(pages)
        for name, page in pages.items():
            page.setParent(window)
            if name not in chosen:
                continue
            for _ in range(WARM_UP):  # first paints fill Qt's and SQLAlchemy's caches
                page.refresh()  # type: ignore[attr-defined]
                page.repaint()
            app.processEvents()
            gc.collect()
            before = sys.getrefcount(None)
            start = time.perf_counter()
            counts = []
            for half in (args.times // 2, args.times - args.times // 2):
                for _ in range(half):
                    page.refresh()  # type: ignore[attr-defined]
                    page.repaint()
                app.processEvents()
                gc.collect()
                counts.append(sys.getrefcount(None))
            middle, after = counts
            seconds = time.perf_counter() - start
            print(
                f"{name:10s} {args.times} refreshes in {seconds:6.1f} s: "
                f"None {before} -> {middle} (half way) -> {after}"
            )
            # Falling is what aborts; any drift in the second half is a leak either way.
            moved += after < before or after != middle
        window.close()
        db.close()
    print("None's count held on every page." if not moved else f"{moved} pages moved it.")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
