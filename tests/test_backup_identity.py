"""Backups are offered and restored by the database's UUID (issue 16, item 3).

Reproduced before the fix: two programmes backing up into the same folder; the damaged
one was offered the other's (newer) backup, and 'restore' accepted it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.services import settings
from atr_desktop.services.groups import GroupInput, add_group
from atr_desktop.services.safety import Damaged, open_live
from atr_desktop.services.setup import init_database
from atr_desktop.storage.database import Database
from tests.test_papers_by_uuid import damage_middle


@pytest.mark.allow_warning_logs
def test_the_damaged_database_is_offered_its_own_backup_not_the_newest(
    db: Database,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    settings.update(db, {"organisation_name": "Calderdale ATR"})
    mine = backups.back_up(db, now=dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC))
    other = init_database(tmp_path / "other" / "atr.db")
    settings.update(other, {"organisation_name": "Kirklees ATR"})
    theirs = backups.back_up(other, now=dt.datetime(2027, 2, 8, 9, 0, tzinfo=dt.UTC))
    other.close()
    assert mine.backup.path.parent == theirs.backup.path.parent  # one shared folder
    path = db.path
    db.close()
    damage_middle(path)
    with pytest.raises(Damaged) as caught:
        open_live(path, app_paths())
    offered = caught.value.backup
    assert offered is not None and offered.path == mine.backup.path
    assert "Calderdale ATR" in str(caught.value) and "1 February 2027" in str(caught.value)
    assert "Kirklees" not in str(caught.value)
    # Restoring the other programme's backup in its place is refused...
    code, _, err = cli("restore", str(theirs.backup.path), "--yes")
    assert code == 1 and "Kirklees ATR" in err and "--other-database" in err
    assert not path.exists()
    # ...its own is accepted and says which it is.
    code, out, err = cli("restore", str(mine.backup.path), "--yes")
    assert code == 0 and "Calderdale ATR" in out, err
    code, out, _ = cli("backups", "list")
    assert "Calderdale ATR" in out and "Kirklees ATR" in out


def test_another_database_is_restored_only_when_asked_for_by_name(
    db: Database,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    other = init_database(tmp_path / "other.db")
    add_group(other, GroupInput(code="KIRK", name="Kirklees only"))
    theirs = backups.back_up(other)
    uuid8 = other.uuid[:8]
    other.close()
    db.close()
    code, _, err = cli("restore", str(theirs.backup.path), "--yes")
    assert code == 1 and uuid8 in err
    code, _, err = cli("restore", str(theirs.backup.path), "--yes", "--other-database", "0000")
    assert code == 1
    code, _, err = cli("restore", str(theirs.backup.path), "--yes", "--other-database", uuid8)
    assert code == 0, err
    code, out, _ = cli("groups", "list")
    assert "KIRK" in out
