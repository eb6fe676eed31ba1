"""The task runner: results and errors arrive on the GUI thread; a bug never stops backups."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import backup as backups
from atr_desktop.ui.main_window import MainWindow
from atr_desktop.ui.operations import Cancelled, Progress


@pytest.fixture
def window(qtbot, tmp_path: Path, db_path: Path):
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    assert win.open_store(db_path, create_if_missing=True)
    yield win
    win.close_store()


def test_a_result_arrives_on_the_gui_thread_and_a_refusal_as_a_message(window, qtbot) -> None:
    threads: list[bool] = []

    def work(progress: Progress) -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        progress.update(1, 2, "half way")
        return 42

    got: list[int] = []
    window.tasks.run("Counting", work, lambda r: got.append(r))
    assert window.tasks.bar.isVisible()
    assert window.statusBar().currentMessage().startswith("Counting")
    qtbot.waitUntil(lambda: got == [42], timeout=10_000)
    assert threads == [False]  # the work ran off the GUI thread
    assert not window.tasks.bar.isVisible()
    assert window.statusBar().currentMessage() == ""  # no job named as if still running

    def refused(progress: Progress) -> None:
        raise UserError("That file is not a membership sheet: choose the one from HR.")

    shown: list[str] = []
    window.tasks.run("Importing", refused, on_error=lambda exc: shown.append(str(exc)))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["That file is not a membership sheet: choose the one from HR."]


def test_cancel_stops_a_job_where_it_can_and_edits_wait_meanwhile(window, qtbot) -> None:
    release = threading.Event()

    def work(progress: Progress) -> None:
        release.wait(10)
        progress.check()  # the first point where it can stop

    edits = window.pages["People"].importer
    window.tasks.guard(edits, ("memberships",))
    window.tasks.run("Importing members", work, writes=("memberships",), cancellable=True)
    assert not edits.isEnabled()
    assert "Importing members" in edits.toolTip()
    assert window.tasks.cancel_button.isVisible()
    window.tasks.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=10_000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert edits.isEnabled() and "Importing members" not in edits.toolTip()


@pytest.mark.allow_warning_logs
def test_a_bug_in_a_job_shows_the_bug_dialog_and_backups_carry_on(
    window, qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backups.back_up
    calls: list[int] = []

    def broken_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug in the backup job")
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "back_up", broken_once)
    window.safety.backup_timer.timeout.emit()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)
    bug = window.findChild(QMessageBox, "bugDialog")
    assert bug is not None and bug.isVisible()
    assert "a bug in the backup job" in bug.detailedText()
    bug.close()
    assert window.safety.worker is None and window.safety.backup_timer.isActive()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20_000):
        window.safety.backup_timer.timeout.emit()  # the next regular backup runs as usual
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)
    assert [b.reason for b in backups.list_backups(backups.folder_for(db_path))] == ["auto"]


def test_cancelled_is_a_plain_exception() -> None:
    progress = Progress(lambda *a: None)
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.check()


def test_while_a_job_runs_the_interpreter_lock_is_handed_over_more_often(window, qtbot) -> None:
    """The GUI thread's paints wait for the lock at most 0.5 ms per call while a job
    computes (ui/operations.share_the_lock), and the default comes back afterwards."""
    import sys

    from atr_desktop.ui.operations import JOB_SWITCH_INTERVAL

    default = sys.getswitchinterval()
    assert default > JOB_SWITCH_INTERVAL
    release = threading.Event()
    seen: list[float] = []
    window.tasks.run(
        "Busy", lambda progress: seen.append(sys.getswitchinterval()) or release.wait(10)
    )
    assert sys.getswitchinterval() == JOB_SWITCH_INTERVAL
    release.set()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=10_000)
    assert seen == [JOB_SWITCH_INTERVAL]
    assert sys.getswitchinterval() == default
