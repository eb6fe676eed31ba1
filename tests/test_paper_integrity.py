"""'check' and backups name every changed or missing paper (issue 16, item 10).

Reproduced before the fix: a paper changed on disk was reported by 'check' only as a hash
prefix, and a backup stopped at the first missing paper without naming the others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atr_desktop.services import backup as backups
from atr_desktop.storage.backup import BackupError
from atr_desktop.storage.database import Database
from tests.safety_helpers import attach, make_item


def spoil(db: Database) -> tuple[str, str, str]:
    item = make_item(db)
    _, kept = attach(db, item, b"%PDF- the budget", "Budget 2027-28")
    _, changed = attach(db, item, b"%PDF- the risk register", "Risk register")
    _, missing = attach(db, item, b"%PDF- the minutes", "Draft minutes")
    db.blobs.path_for(changed).write_bytes(b"%PDF- edited outside ATR Desktop")
    db.blobs.path_for(missing).unlink()
    return kept, changed, missing


def test_check_names_every_changed_and_missing_paper(db: Database, cli) -> None:  # type: ignore[no-untyped-def]
    _, changed, missing = spoil(db)
    code, _, err = cli("check")
    assert code == 1
    assert "Changed on disk" in err and "'Risk register' (Risk register.pdf" in err
    assert changed[:12] in err
    assert "Missing from" in err and "'Draft minutes' (Draft minutes.pdf" in err
    assert missing[:12] in err
    assert "Budget" not in err


def test_a_backup_names_every_changed_and_missing_paper(db: Database, tmp_path: Path) -> None:
    spoil(db)
    with pytest.raises(BackupError) as caught:
        backups.back_up(db, out=tmp_path / "out")
    said = str(caught.value)
    assert "2 paper(s)" in said
    assert "'Risk register'" in said and "has changed on disk" in said
    assert "'Draft minutes'" in said and "is missing" in said
    assert backups.list_backups(tmp_path / "out") == []  # no backup that looks whole


def test_a_backup_missing_many_papers_names_a_few_and_counts_the_rest(
    db: Database, tmp_path: Path
) -> None:
    """A store copied without its papers folder: one readable sentence, not 622 names."""
    item = make_item(db)
    for n in range(12):
        _, sha = attach(db, item, f"%PDF- paper {n}".encode(), f"Paper {n:02d}")
        db.blobs.path_for(sha).unlink()
    with pytest.raises(BackupError) as caught:
        backups.back_up(db, out=tmp_path / "out")
    said = str(caught.value)
    assert "12 paper(s)" in said and "; and 7 more (" in said
    assert said.count("is missing") == 5
    assert "'atr-desktop check' lists them all" in said
