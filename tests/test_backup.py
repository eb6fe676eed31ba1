"""Backups: verified copies with their papers, rotation, restore, before an upgrade."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from atr_desktop.domain.rotation import Policy, to_keep
from atr_desktop.errors import StoreError, UserError
from atr_desktop.services import backup as service
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.storage import backup as store
from atr_desktop.storage.database import Database, open_database
from tests.safety_helpers import attach, make_item

UTC = dt.UTC


def at(day: str, hour: int = 12) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


# -- rotation (pure) ---------------------------------------------------------------------
def test_rotation_keeps_newest_per_day_week_and_month() -> None:
    # Four backups a day for 400 days.
    start = at("2025-10-01")
    stamps = [start + dt.timedelta(hours=6 * i) for i in range(400 * 4)]
    keep = to_keep(stamps, Policy(daily=7, weekly=5, monthly=12, recent=1))
    newest = max(stamps)
    assert newest in keep
    days = {t.date() for t in keep}
    # 7 most recent days each keep their last backup of the day (18:00).
    for back in range(1, 7):
        day = newest.date() - dt.timedelta(days=back)
        assert dt.datetime.combine(day, dt.time(18), UTC) in keep
    assert len(keep) <= 7 + 5 + 12
    assert (
        len(to_keep(stamps, Policy(daily=7, weekly=5, monthly=12))) == len(keep) + 7
    )  # the 10 newest
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12  # a year of monthly copies
    assert min(days) > (newest - dt.timedelta(days=366)).date()
    # Nothing else in the newest day survives but its newest.
    assert newest.hour == 6 and at(newest.date().isoformat(), 0) not in keep


def test_rotation_with_gaps_counts_days_that_have_backups() -> None:
    stamps = [at("2026-01-01"), at("2026-03-15"), at("2026-03-15", 9), at("2026-11-20")]
    keep = to_keep(stamps, Policy(daily=2, weekly=0, monthly=0, recent=1))
    assert keep == {at("2026-11-20"), at("2026-03-15")}
    assert to_keep([], Policy()) == set()


def test_rotation_weekly_uses_iso_weeks() -> None:
    # Monday 2026-11-23 and Sunday 2026-11-22 are in different ISO weeks.
    stamps = [at("2026-11-22"), at("2026-11-23"), at("2026-11-21")]
    assert to_keep(stamps, Policy(daily=0, weekly=2, monthly=0, recent=1)) == {
        at("2026-11-23"),
        at("2026-11-22"),
    }


# -- backups -----------------------------------------------------------------------------
def test_backup_carries_papers_and_verifies(db: Database, tmp_path: Path) -> None:
    item = make_item(db)
    _, sha = attach(db, item, b"%PDF-1.4 first paper")
    folder = tmp_path / "shared-drive"
    result = service.back_up(db, out=folder)
    assert result.papers_copied == 1
    manifest = json.loads(store.manifest_path(result.backup.path).read_text())
    assert manifest["uuid"] == db.uuid and manifest["generation"] == 1
    assert manifest["papers"] == [sha]
    assert db.uuid[:8] in result.backup.path.name and "_g1_" in result.backup.path.name
    assert (folder / "papers" / sha[:2] / sha).read_bytes() == b"%PDF-1.4 first paper"
    assert store.verify_backup(store.read_backup(result.backup.path)) == []
    copy = sqlite3.connect(result.backup.path)
    assert copy.execute("select count(*) from paper_files").fetchone()[0] == 1
    copy.close()
    # A second backup copies only what is new.
    attach(db, item, b"second paper", title="Second")
    again = service.back_up(db, out=folder)
    assert again.papers_copied == 1
    assert again.backup.papers == 2


def test_backup_refuses_a_copy_that_does_not_verify(db: Database, tmp_path: Path) -> None:
    def lose_a_row(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM groups WHERE id = (SELECT max(id) FROM groups)")

    dest = tmp_path / "out" / "copy.db"
    with pytest.raises(store.BackupError, match="did not verify"):
        store.snapshot(db.path, dest, adjust=lose_a_row)
    assert not dest.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_damaged_paper_is_never_backed_up_as_whole(db: Database, tmp_path: Path) -> None:
    item = make_item(db)
    _, sha = attach(db, item, b"original bytes")
    db.blobs.path_for(sha).write_bytes(b"tampered")
    with pytest.raises(UserError, match="damaged"):
        service.back_up(db, out=tmp_path / "b")
    assert store.list_backups(tmp_path / "b") == []


def test_restore_brings_back_records_and_papers(db: Database, tmp_path: Path) -> None:
    item = make_item(db)
    _, sha = attach(db, item, b"minutes of the last meeting")
    made = service.back_up(db)
    add_group(db, GroupInput(code="LATE", name="Added after the backup"))
    path = db.path
    db.close()
    # The laptop lost its papers folder too.
    for f in (path.with_name(path.name + "-papers")).rglob("*"):
        if f.is_file():
            f.unlink()
    info = service.restore(path, made.backup.path)
    assert info.papers == 1
    again = open_database(path)
    try:
        assert "LATE" not in {g.code for g in list_groups(again)}
        assert again.blobs.read_bytes(sha) == b"minutes of the last meeting"
    finally:
        again.close()
    reasons = [b.reason for b in service.list_backups(service.folder_for(path))]
    assert "before-restore" in reasons  # what was there is kept, so a restore can be undone
    restored_away = next(
        b for b in service.list_backups(service.folder_for(path)) if b.reason == "before-restore"
    )
    copy = sqlite3.connect(restored_away.path)
    assert copy.execute("select count(*) from groups where code='LATE'").fetchone()[0] == 1
    copy.close()


def test_restore_refuses_a_backup_that_changed(db: Database) -> None:
    made = service.back_up(db)
    path = db.path
    db.close()
    with made.backup.path.open("r+b") as fh:
        fh.seek(5000)
        fh.write(b"\xff" * 64)
    before = path.read_bytes()
    with pytest.raises(UserError, match="did not verify"):
        service.restore(path, made.backup.path)
    assert path.read_bytes() == before


def test_rotation_in_folder_removes_old_copies_and_unused_papers(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    item = make_item(db)
    _, old_sha = attach(db, item, b"old paper")
    first = store.write_backup(db.path, db.blobs, folder, "auto", now=at("2025-01-01"))
    # The paper is withdrawn and erased from the live file; later backups do not carry it.
    with db.session() as s:
        s.execute(store_sql("DELETE FROM paper_files"))
        s.execute(store_sql("DELETE FROM papers"))
    for day in range(20):
        store.write_backup(
            db.path, db.blobs, folder, "auto", now=at("2026-11-01") + dt.timedelta(days=day)
        )
    removed = store.rotate(folder, Policy(daily=3, weekly=0, monthly=0, recent=1))
    assert first.path in removed
    assert len(store.list_backups(folder)) == 3
    assert not store.papers_store(folder).exists(old_sha)  # erased papers leave backups too


def store_sql(text: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import text as sql

    return sql(text)


def test_backup_before_upgrade(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from atr_desktop.services.setup import init_database
    from atr_desktop.storage import migrate

    init_database(db_path).close()
    monkeypatch.setattr(migrate, "state", lambda engine: "behind")
    upgraded: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine: upgraded.append("yes"))
    open_database(db_path).close()
    assert upgraded == ["yes"]
    backups = service.list_backups(service.folder_for(db_path))
    assert [b.reason for b in backups] == ["before-upgrade"]

    def broken(engine: object) -> None:
        raise RuntimeError("migration 0002 exploded")

    monkeypatch.setattr(migrate, "upgrade", broken)
    with pytest.raises(StoreError, match="backed up just before"):
        open_database(db_path)
    assert len(service.list_backups(service.folder_for(db_path))) == 2


def test_no_upgrade_without_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from atr_desktop.services import settings
    from atr_desktop.services.setup import init_database
    from atr_desktop.storage import migrate

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    db = init_database(db_path)
    settings.update(db, {"backup_folder": str(blocker)})
    db.close()
    monkeypatch.setattr(migrate, "state", lambda engine: "behind")
    monkeypatch.setattr(migrate, "upgrade", lambda engine: pytest.fail("upgraded unprotected"))
    with pytest.raises(StoreError, match="left as it is"):
        open_database(db_path)


# -- the command line --------------------------------------------------------------------
def test_cli_backup_list_restore(db: Database, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("backup")
    assert code == 0, err
    assert "Backed up and verified" in out
    code, out, _ = cli("backups", "list", "--json")
    listed = json.loads(out)["backups"]
    assert len(listed) == 1 and listed[0]["id"].endswith(".db")
    assert listed[0]["created_at"].startswith("20")
    add_group(db, GroupInput(code="GONE", name="Will be undone"))
    db.close()
    code, out, err = cli("restore", listed[0]["path"], "--yes")
    assert code == 0, err
    code, out, _ = cli("groups", "list", "--json")
    assert "GONE" not in out
    code, out, _ = cli("backups", "list")
    assert "before-restore" in out and "manual" in out


def test_cli_restore_asks_first(db: Database, cli) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = cli("backup")
    backups = service.list_backups(service.folder_for(db.path))
    code, _, err = cli("restore", str(backups[0].path))
    assert code == 1 and "--yes" in err


def test_cli_backup_to_an_unwritable_place(db: Database, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = cli("backup", "--out", str(blocker / "sub"))
    assert code == 1
    assert "Traceback" not in err and "backup folder" in err


def test_safety_copies_survive_rotation_for_a_month(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    start = at("2026-11-01", 9)
    store.write_backup(db.path, db.blobs, folder, "before-restore", now=start)
    for n in range(1, 30):
        store.write_backup(db.path, db.blobs, folder, "auto", now=start + dt.timedelta(hours=n))
    store.rotate(folder, Policy(daily=1, weekly=0, monthly=0, recent=1))
    reasons = [b.manifest.reason for b in store.list_backups(folder)]
    assert reasons == ["auto", "before-restore"]
    store.write_backup(db.path, db.blobs, folder, "auto", now=start + dt.timedelta(days=31))
    store.rotate(folder, Policy(daily=1, weekly=0, monthly=0, recent=1))
    assert [b.manifest.reason for b in store.list_backups(folder)] == ["auto"]


def test_unattended_backups_skip_when_nothing_changed(db: Database) -> None:
    first = service.back_up(db, reason="auto")
    again = service.back_up(db, reason="exit")
    assert again.backup.path == first.backup.path
    add_group(db, GroupInput(code="NEW", name="A change"))
    third = service.back_up(db, reason="auto")
    assert third.backup.path != first.backup.path
    manual = service.back_up(db, reason="manual")  # asked for: always written
    assert manual.backup.path != third.backup.path
    assert len(service.list_backups(service.folder_for(db.path))) == 3
