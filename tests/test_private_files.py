"""Personal data stays private on disk: the app's files are 0600 and folders 0700 (a shared
hand-over copy takes its folder's permissions), and no record value reaches a log."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from atr_desktop.errors import UserError
from atr_desktop.logs import setup_logging
from atr_desktop.storage.database import open_database
from atr_desktop.storage.models import Person

ROOT = Path(__file__).resolve().parent.parent
SECRET_NAME = "Zanzibarova"
SECRET_NOTE = "diabetic, needs breaks"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows keeps per-user folders private")


def _mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ATR_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ATR_DESKTOP_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "atr_desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_everything_the_app_writes_is_readable_by_the_user_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    work.mkdir(mode=0o755)
    db = work / "atr.db"
    old = os.umask(0o022)  # a typical shell: without the app's own umask files are 0644
    try:
        for args in (
            ("demo",),
            ("person", "export", "1", "--out", str(work / "sar" / "person.json")),
            ("backup",),
            ("actions", "remind", "--out", str(work / "drafts")),
            ("person", "erase", "2", "--yes"),  # the erasure ledger
            ("handover", "export", "--to", str(work / "handed")),  # the registry
        ):
            done = _cli(home, "--db", str(db), *args)
            assert done.returncode == 0, done.stderr
    finally:
        os.umask(old)
    files = [p for p in (*home.rglob("*"), *work.rglob("*")) if p.is_file()]
    names = {p.name for p in files}
    assert {"atr.db", "atr-desktop.log", "person.json", "atr.db-erasures.json"} <= names
    assert "live-copies.json" in names  # the registry
    assert any(n.endswith(".eml") for n in names) and any(n.endswith(".db.json") for n in names)
    assert {str(p.relative_to(tmp_path)): _mode(p) for p in files if _mode(p) != "0o600"} == {}
    folders = [p for p in (*home.rglob("*"), *work.rglob("*")) if p.is_dir()]
    assert home / "data" / "backups" in folders and work / "drafts" in folders
    assert {str(p.relative_to(tmp_path)): _mode(p) for p in folders if _mode(p) != "0o700"} == {}


def test_a_shared_handover_copy_takes_its_folders_permissions(cli, db, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o770)  # the team's folder: the group may read and write
    db.close()
    old = os.umask(0o077)
    try:
        code, _, err = cli("handover", "export", "--to", str(shared))
    finally:
        os.umask(old)
    assert code == 0, err
    copy = next(shared.glob("*.db"))
    assert _mode(copy) == "0o660"


def test_a_refused_save_logs_no_values(db, db_path: Path, tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    db.close()
    readonly = open_database(db_path, readonly=True)
    try:
        with pytest.raises(UserError, match="read-only") as caught, readonly.session() as s:
            s.add(Person(first_name="Ilse", last_name=SECRET_NAME, notes=SECRET_NOTE))
    finally:
        readonly.close()
    logging.getLogger("atr_desktop").handlers[-1].flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "save refused" in logged
    assert SECRET_NAME not in logged and SECRET_NOTE not in logged
    # The SQLAlchemy error behind it, shown by any later handler, holds no values either.
    assert SECRET_NAME not in str(caught.value.__cause__)


@pytest.mark.allow_warning_logs
def test_a_bugs_traceback_is_logged_without_its_message(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    try:
        raise ValueError(f"'{SECRET_NAME}' is not a date")
    except ValueError:
        logging.getLogger("atr_desktop.test").exception("unexpected error in a command")
    logging.getLogger("atr_desktop").handlers[-1].flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError" in logged and "test_private_files.py" in logged
    assert SECRET_NAME not in logged
