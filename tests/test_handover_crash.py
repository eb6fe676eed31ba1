"""Hand-over survives a kill at every step (issue 16, item 6).

Reproduced before the fix: a kill during 'handover export' left two live copies; the
shared copy could be carried on in after a colleague took it on; a user whose registry
never saw the database took a pre-hand-over backup as live. Each test here forks the real
service, kills it with SIGKILL at one step, then checks that exactly one copy can be used
as live, that nothing saved is lost, and that running the command again finishes the job.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import settings
from atr_desktop.services.groups import GroupInput, add_group, list_groups
from atr_desktop.services.handover import export_to, import_from
from atr_desktop.services.safety import NotLive, open_live
from atr_desktop.storage.database import Database, read_meta

pytestmark = pytest.mark.slow_safety

EXPORT_STEPS = ["backed-up", "copied", "pending", "replaced", "marked"]
IMPORT_STEPS = ["checked", "backed-up", "copied", "retired", "installed"]


def killed_at(step: str, work: Callable[[Callable[[str], None]], object]) -> None:
    """Run ``work`` in a forked child that SIGKILLs itself when it reaches ``step``."""

    def hook(name: str) -> None:
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            work(hook)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, step


def live(path: Path) -> bool:
    """Can ``path`` be opened as the live copy (and is the saved group in it)?"""
    if not path.exists():
        return False
    try:
        opened = open_live(path, app_paths())
    except NotLive:
        return False
    try:
        assert "KEEP" in [g.code for g in list_groups(opened.db)]
        return True
    finally:
        opened.close()


def waiting(copy: Path) -> bool:
    """A hand-over copy that can still be taken on (not retired)."""
    return copy.exists() and not read_meta(copy).get("handed_over_to")


def export(local: Path, shared: Path) -> Callable[[Callable[[str], None]], object]:
    def run(step: Callable[[str], None]) -> object:
        opened = open_live(local, app_paths())
        try:
            return export_to(opened.db, shared, app_paths(), step=step)
        finally:
            opened.close()

    return run


@pytest.mark.parametrize("step", EXPORT_STEPS)
def test_a_kill_at_each_export_step_leaves_one_live_copy(
    db: Database, tmp_path: Path, step: str
) -> None:
    add_group(db, GroupInput(code="KEEP", name="Saved before the hand-over"))
    local, shared = db.path, tmp_path / "shared"
    db.close()
    killed_at(step, export(local, shared))
    copy = shared / local.name
    assert live(local) != waiting(copy), f"after a kill at {step!r}"
    if live(local):  # the hand-over did not happen: doing it again finishes it
        export(local, shared)(lambda name: None)
    assert not live(local) and waiting(copy)
    assert not list(shared.glob(".*.incoming*")) or step in ("copied", "pending")


@pytest.mark.parametrize("step", IMPORT_STEPS)
def test_a_kill_at_each_import_step_never_forks(db: Database, tmp_path: Path, step: str) -> None:
    add_group(db, GroupInput(code="KEEP", name="Saved before the hand-over"))
    local, shared = db.path, tmp_path / "shared"
    db.close()
    export(local, shared)(lambda name: None)
    copy, mine = shared / local.name, tmp_path / "colleague" / "atr.db"
    killed_at(step, lambda hook: import_from(copy, mine, app_paths(), step=hook))
    assert not (waiting(copy) and live(mine)), f"two live copies after a kill at {step!r}"
    if not live(mine):  # taking it on again resumes, even when the copy was retired
        import_from(copy, mine, app_paths())
    assert live(mine) and not waiting(copy) and not live(local)
    with pytest.raises(NotLive, match="handed over"):  # nobody carries on in the shared copy
        open_live(copy, app_paths())


def test_a_pre_hand_over_backup_is_not_taken_as_live_by_a_new_user(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atr_desktop.services.backup import list_backups

    shared_backups = tmp_path / "shared-backups"
    settings.update(db, {"backup_folder": str(shared_backups)})
    add_group(db, GroupInput(code="KEEP", name="Saved before the hand-over"))
    local, shared = db.path, tmp_path / "shared"
    db.close()
    export(local, shared)(lambda name: None)
    before = next(b for b in list_backups(shared_backups) if b.reason == "before-handover")
    # A colleague on another computer (an empty registry) finds the old backup.
    monkeypatch.setenv("ATR_DESKTOP_HOME", str(tmp_path / "colleague-home"))
    with pytest.raises(UserError, match="old copy"):
        import_from(before.path, tmp_path / "colleague" / "atr.db", app_paths())
    with pytest.raises(NotLive, match="old copy"):
        open_live(before.path, app_paths())
