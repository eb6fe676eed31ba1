"""The demo programme built once per test session and copied into each test's tmp_path.

Building the demo takes seconds (papers are rendered, a pack is issued); copying the built
file and its papers folder takes milliseconds. Each copy gets its own database uuid, so no
two tests' databases look like the same store to backups or locks.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from pathlib import Path

DEMO_TODAY = dt.date(2026, 11, 25)  # the demo's "today" in every test that uses it


def build_template(folder: Path, demo: bool = True) -> Path:
    """A WY ATR database filled with the demo programme (or, without ``demo``, as ``init``
    leaves it), in ``folder``; returns its path."""
    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database

    path = folder / "atr.db"
    db = init_database(path)
    try:
        if demo:
            build_demo(db, today=DEMO_TODAY)
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return path


def copy_template(template: Path, target: Path) -> Path:
    """Copy the template database and its papers (kept by UUID) to ``target``, a new uuid."""
    import json

    from atr_desktop.storage.blobs import MARKER, papers_root

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    new_uuid = str(uuid.uuid4())
    raw = sqlite3.connect(target)
    try:
        old_uuid = raw.execute("SELECT value FROM db_meta WHERE key = 'uuid'").fetchone()[0]
        raw.execute("UPDATE db_meta SET value = ? WHERE key = 'uuid'", (new_uuid,))
        raw.commit()
    finally:
        raw.close()
    papers = papers_root(template) / old_uuid
    if papers.is_dir():
        copied = papers_root(target) / new_uuid
        shutil.copytree(papers, copied)
        marker = copied / MARKER
        if marker.exists():
            data = json.loads(marker.read_text(encoding="utf-8"))
            data["uuid"] = new_uuid
            marker.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return target
