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


def build_template(folder: Path) -> Path:
    """A WY ATR database filled with the demo programme, in ``folder``; returns its path."""
    from atr_desktop.services.demo import build_demo
    from atr_desktop.services.setup import init_database

    path = folder / "atr.db"
    db = init_database(path)
    try:
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
    """Copy the template database and its papers folder to ``target`` (a new uuid)."""
    from atr_desktop.storage.database import blob_dir_for

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    papers = blob_dir_for(template)
    if papers.is_dir():
        shutil.copytree(papers, blob_dir_for(target))
    raw = sqlite3.connect(target)
    try:
        raw.execute("UPDATE db_meta SET value = ? WHERE key = 'uuid'", (str(uuid.uuid4()),))
        raw.commit()
    finally:
        raw.close()
    return target
