"""Papers belong to a database by its UUID, never by its path (issue 16, item 1).

The failure reproduced: a damaged file was moved aside, a new empty database was made at
the same path, and its clean-up on opening deleted every paper of the old programme.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.safety import open_live, sweep_papers
from atr_desktop.storage.blobs import QUARANTINE_DAYS, BlobStore, papers_root
from atr_desktop.storage.database import Database, open_database
from tests.safety_helpers import attach, make_item

LATER = dt.timedelta(days=2)  # past the day a new store waits before any clean-up


def damage_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek((size // 2) // 4096 * 4096)
        fh.write(b"\x5a" * 4096)


def papers_on_disk(db_path: Path) -> set[str]:
    return {p.name for p in papers_root(db_path).rglob("*") if len(p.name) == 64}


@pytest.mark.allow_warning_logs
def test_a_new_database_after_a_move_aside_never_touches_the_old_papers(
    db: Database,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    item = make_item(db)
    old_uuid = db.uuid
    shas = {attach(db, item, f"paper {n}".encode(), f"Paper {n}")[1] for n in range(5)}
    made = backups.back_up(db)
    late = attach(db, item, b"attached after the backup", "Late")[1]  # only in the live store
    path = db.path
    db.close()
    damage_middle(path)
    code, _, err = cli("groups", "list")  # moves it aside, offers its own backup
    assert code == 1 and "moved aside" in err and str(made.backup.path) in err
    code, _, err = cli("groups", "list")  # the CLI says what happened, not just 'run init'
    assert code == 1 and "moved aside as damaged" in err and old_uuid[:8] in err
    code, out, err = cli("init")
    assert code == 0, err
    for _ in range(2):  # open twice: the sweep would have run on the second open
        code, _, err = cli("groups", "list")
        assert code == 0, err
    assert shas | {late} <= papers_on_disk(path)
    # The new database, opened days later, still cannot touch them.
    new = open_live(path, app_paths(), now=dt.datetime.now(dt.UTC) + LATER)
    try:
        assert new.db.uuid != old_uuid
        assert not (shas | {late}) & new.db.blobs.all_hashes()
    finally:
        new.close()
    assert shas | {late} <= papers_on_disk(path)
    # The old programme comes back whole, by asking for it by name over the new one.
    code, _, err = cli("restore", str(made.backup.path), "--yes")
    assert code == 1 and "--other-database" in err
    code, _, err = cli("restore", str(made.backup.path), "--yes", "--other-database", old_uuid[:8])
    assert code == 0, err
    code, out, err = cli("check")
    assert code == 0 and "all 5 papers" in out
    restored = open_database(path)
    try:
        assert restored.blobs.exists(late)  # still in its own store, for a later re-attach
    finally:
        restored.close()


def test_the_sweep_waits_a_day_quarantines_and_never_deletes_for_30_days(db: Database) -> None:
    item = make_item(db)
    kept = attach(db, item, b"a real paper")[1]
    stray = db.blobs.put_bytes(b"left by a crash between the file and its record")
    now = dt.datetime.now(dt.UTC)
    first = sweep_papers(db, now)
    assert first.skipped == "the papers store is less than a day old"
    assert db.blobs.exists(stray)
    report = sweep_papers(db, now + LATER)
    assert report.quarantined == [stray] and not db.blobs.exists(stray)
    assert db.blobs.exists(kept) and stray in db.blobs.quarantined()
    # A record that points at it again (a restore) brings it back.
    with db.session() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE paper_files SET sha256=:s"), {"s": stray})
    back = sweep_papers(db, now + LATER)
    assert back.returned == [stray] and db.blobs.exists(stray)
    assert back.quarantined == [kept]  # no record points at it any more
    # Quarantined files go only after 30 days.
    assert sweep_papers(db, now + LATER + dt.timedelta(days=29)).purged == []
    assert kept in db.blobs.quarantined()
    gone = sweep_papers(db, now + LATER + QUARANTINE_DAYS + dt.timedelta(days=1))
    assert gone.purged == [kept] and kept not in db.blobs.quarantined()


@pytest.mark.allow_warning_logs
def test_the_sweep_holds_while_a_damaged_copy_may_need_the_papers(db: Database) -> None:
    item = make_item(db)
    sha = attach(db, item, b"needed by the damaged copy")[1]
    backups.back_up(db)
    path = db.path
    db.close()
    # The file is moved aside and the backup (which has the paper) restored; then the
    # restored record loses the paper's row, as if it had been attached after the backup.
    damaged_copy = backups.move_aside(path, problem="test")
    shutil.copy(damaged_copy, path)
    opened = open_live(path, app_paths(), now=dt.datetime.now(dt.UTC) + LATER)
    try:
        with opened.db.session() as s:
            from sqlalchemy import text

            s.execute(text("DELETE FROM paper_files"))
        report = sweep_papers(opened.db, dt.datetime.now(dt.UTC) + LATER)
        assert "damaged copy" in report.skipped and opened.db.blobs.exists(sha)
    finally:
        opened.close()
    for side in path.parent.glob(f"{path.name}.damaged-*"):
        side.unlink()
    opened = open_live(path, app_paths(), now=dt.datetime.now(dt.UTC) + LATER)
    try:  # the damaged copy deleted by the user: now it is quarantined (not deleted)
        assert sha in opened.db.blobs.quarantined()
    finally:
        opened.close()


def test_papers_in_the_old_path_based_folder_are_taken_in_safely(db: Database) -> None:
    """A database from before papers were kept per UUID opens with all its papers; files
    it does not name stay where they are (another database at that path may need them)."""
    item = make_item(db)
    mine = {attach(db, item, f"mine {n}".encode())[1] for n in range(3)}
    path = db.path
    uuid = db.uuid
    db.close()
    root = papers_root(path)
    own = root / uuid
    for sha in mine:  # lay the papers out as the older version did
        (root / sha[:2]).mkdir(exist_ok=True)
        os.replace(own / sha[:2] / sha, root / sha[:2] / sha)
    shutil.rmtree(own)
    foreign = BlobStore(root).put_bytes(b"a paper of the database that was here before")
    opened = open_live(path, app_paths(), now=dt.datetime.now(dt.UTC) + LATER)
    try:
        assert all(opened.db.blobs.verify(sha) for sha in mine)
        assert not opened.db.blobs.exists(foreign)
    finally:
        opened.close()
    assert BlobStore(root).exists(foreign)  # never moved, never swept
    assert all(BlobStore(root).exists(sha) for sha in mine)  # linked, not moved
    code = __import__("atr_desktop.services.safety", fromlist=["x"]).check_everything(path)
    assert code.problems == [] and code.papers == 3
