"""A real full disk at every step of opening, saving and backing up (issue 16, item 2).

Runs on a small tmpfs when mounting is permitted (as root, as CI runs); otherwise skipped
with that reason, and tests/test_disk_errors.py simulates a full disk with
``PRAGMA max_page_count`` and a failing fsync. Each step fills the disk, does what a user
does, and checks the message says the disk is full, nothing was moved aside, nothing half
was saved, and after space is freed everything saved before is there and whole.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.services.safety import check_everything, open_live
from atr_desktop.services.setup import init_database
from tests.safety_helpers import attach, make_item
from tests.small_disk import fill, remount, small_filesystem, untouched

pytestmark = pytest.mark.slow_safety


def called_damaged(exc: BaseException) -> bool:
    return "is damaged" in str(exc) or "moved aside" in str(exc)


def codes(path: Path) -> list[str]:
    opened = open_live(path, app_paths(), readonly=True)
    try:
        return sorted(g.code for g in list_groups(opened.db))
    finally:
        opened.close()


def test_a_full_disk_at_every_step_is_said_plainly_and_moves_nothing(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk", 6 * 1024) as disk:
        path = disk / "atr.db"
        db = init_database(path)
        attach(db, make_item(db), b"%PDF- a paper" * 100, "Budget")
        db.close()
        before = codes(path)
        print("disk full: a real 6 MB tmpfs")  # which variant ran (see the module docstring)

        # 1. Opening for changes on a full disk.
        filler = fill(disk)
        with pytest.raises(UserError, match="is full") as opening:
            open_live(path, app_paths())
        assert not called_damaged(opening.value) and untouched(path)
        # 1b. Opening read-only to look: it either works or says why, never 'damaged'.
        try:
            codes(path)
        except UserError as exc:
            assert not called_damaged(exc)
        assert untouched(path)
        filler.unlink()

        # 2. Saving when the disk fills up while the database is open.
        opened = open_live(path, app_paths())
        try:
            filler = fill(disk)
            with pytest.raises(UserError, match="disk is full") as saving:
                add_group(opened.db, GroupInput(code="BIG", name="Big", description="y" * 400_000))
            assert "nothing was damaged" in str(saving.value)
            with pytest.raises(UserError, match=r"full|space"):
                attach(opened.db, make_item(opened.db, "second"), b"x" * 200_000, "Too big")
            # 3. Backing up onto the full disk.
            with pytest.raises(UserError, match="space") as backing:
                backups.back_up(opened.db, out=disk / "backups")
            assert not called_damaged(backing.value)
            assert not list((disk / "backups").glob(".incoming-*"))
        finally:
            filler.unlink()
            opened.close()
        assert untouched(path)
        assert codes(path) == before  # nothing half-saved
        assert check_everything(path).problems == []

        # 4. On a read-only drive: opening for changes says so, looking works.
        remount(disk, "ro")
        try:
            with pytest.raises(UserError, match="read-only") as readonly:
                open_live(path, app_paths(), now=dt.datetime.now(dt.UTC))
            assert not called_damaged(readonly.value)
            try:
                assert codes(path) == before
            except UserError as exc:  # SQLite may need to write its -shm to read a WAL file
                assert not called_damaged(exc)
        finally:
            remount(disk, "rw")
        assert untouched(path)
