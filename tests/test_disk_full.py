"""A real full disk at every step of opening, saving and backing up (issue 16, item 2).

Runs on a small tmpfs when mounting is permitted (as root, as CI runs); otherwise skipped
with that reason, and tests/test_disk_errors.py simulates a full disk with
``PRAGMA max_page_count`` and a failing fsync. Each step fills the disk, does what a user
does, and checks the message says the disk is full, nothing was moved aside, nothing half
was saved, and after space is freed everything saved before is there and whole.
"""

from __future__ import annotations

import datetime as dt
import os
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


CHILD = """
import resource, signal, sys
from pathlib import Path
from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services.groups import GroupInput, add_group
from atr_desktop.services.safety import open_live
from tests.safety_helpers import attach, make_item

path = Path(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
opened = open_live(path, app_paths())
limit = path.stat().st_size + 64 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
big = GroupInput(code="BIG", name="B", description="y" * 900_000)
item = make_item(opened.db)
steps = [
    ("save", lambda: add_group(opened.db, big)),
    ("attach", lambda: attach(opened.db, item, b"x" * 3_000_000, "Too big")),
    ("backup", lambda: backups.back_up(opened.db, out=path.parent / "out")),
]


def tight(step):
    def run():
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))  # smaller than any copy
        return step()

    return run


steps[2] = ("backup", tight(steps[2][1]))
for name, step in steps:
    try:
        step()
        print(name, "saved")
    except UserError as exc:
        print(name, "said:", exc)
opened.close()
"""


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_simulated_with_a_file_size_limit(db_path: Path) -> None:
    """Without mounting: a child process whose files may not grow past a limit."""
    import subprocess
    import sys

    init_database(db_path).close()
    before = codes(db_path)
    print("disk full: simulated with RLIMIT_FSIZE in a subprocess")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=120,
    )
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines() if line.strip())
    assert done.returncode == 0, done.stderr
    for step in ("save", "attach", "backup"):
        assert said[step].startswith("said:"), (step, said)
        assert not called_damaged(Exception(said[step])) and "Traceback" not in said[step]
    assert "full" in said["save"] or "input/output" in said["save"]
    assert untouched(db_path) and codes(db_path) == before
    assert check_everything(db_path).problems == []
