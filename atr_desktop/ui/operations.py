"""The task runner: slow work off the GUI thread, its result or error back on it.

After Anki's CollectionOp/QueryOp (qt/aqt/operations/): a page hands the runner a
function and what to do with its result; the function runs on a worker thread of a
QThreadPool while the window keeps painting, and the result (or the error) arrives on the
GUI thread. Rules every job keeps:

- It calls services with the database, and each service opens its own unit of work on
  the job's thread (units of work are per thread): a job never shares a session with the
  GUI thread, and never holds a write transaction for the whole job, which would make
  the window's own saves wait.
- It reports how far it got through :class:`Progress`, and stops at the next
  ``progress.check()`` once the user presses Cancel (when it says it can stop).
- A :class:`UserError` becomes the usual plain message; anything else is a bug: logged,
  and shown in the bug dialog. Either way the runner is ready for the next job, so a bug
  in one job never stops the automatic backups.
- While it runs, edits to the kinds of record it writes are disabled, saying why
  (:meth:`TaskRunner.guard`).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar, QWidget
from shiboken6 import isValid

from atr_desktop.errors import UserError
from atr_desktop.ui.errors import BugDialog, show_user_error

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user pressed Cancel and the job stopped where it could."""


class Progress:
    """Given to a job: say how far it got; ask whether the user has cancelled."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        """``total`` < 0 means a busy bar (how far is not known)."""
        self._report(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (raise :class:`Cancelled`) if the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled()


class _Relay(QObject):
    """Lives on the GUI thread, so what a worker emits is queued to it (never run there).

    One for the runner's whole life: nothing is created or deleted per job, so no Qt
    object can vanish under a worker thread that is just finishing.
    """

    progressed = Signal(int, int, int, str)
    finished = Signal(int)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.runner = runner
        self.progressed.connect(self._progressed)
        self.finished.connect(self._finished)

    @Slot(int, int, int, str)
    def _progressed(self, key: int, done: int, total: int, text: str) -> None:
        task = self.runner.tasks.get(key)
        if task is not None:
            self.runner.progressed(task, done, total, text)

    @Slot(int)
    def _finished(self, key: int) -> None:
        task = self.runner.tasks.pop(key, None)
        if task is not None:
            self.runner.finished(task)


@dataclass(eq=False)
class Task:
    """One job the runner holds: its name, what it writes, and how it ended."""

    label: str
    work: Callable[[Progress], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    writes: frozenset[str]
    cancellable: bool
    quiet: bool
    parent: QWidget | None
    on_progress: Callable[[int, int, str], None] | None = None
    progress: Progress = field(init=False)
    result: Any = None
    error: BaseException | None = None
    working: bool = True  # False once the work itself has returned (before the callbacks)
    ended_at: float = 0.0  # time.perf_counter() when the work returned
    thread: int = 0  # the thread the work ran on (never the GUI thread's)


class TaskRunner(QObject):
    """The window's runner: one progress bar and Cancel button in the status bar."""

    busy_changed = Signal()

    def __init__(
        self, status_bar: QStatusBar | None, log_file: Path | None, parent: QObject
    ) -> None:
        """``status_bar`` None: no bar of its own (a dialog that shows its own progress)."""
        super().__init__(parent)
        self.log_file = log_file or Path("the ATR Desktop log file")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running: list[Task] = []
        self.tasks: dict[int, Task] = {}  # by key, for the relay
        self._keys = itertools.count(1)
        self._relay = _Relay(self)
        self._guards: list[tuple[QWidget, frozenset[str]]] = []
        self._held: dict[int, tuple[bool, str]] = {}  # id(widget) -> (enabled, tooltip)
        self.status_bar = status_bar
        self._running_said: str | None = None  # the status bar's words for a running job
        self.bar = QProgressBar()
        self.bar.setObjectName("taskProgress")
        self.bar.setAccessibleName("Progress of the running job")
        self.bar.setMaximumWidth(220)
        self.bar.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelTask")
        self.cancel_button.setAccessibleName("Cancel the running job")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        if status_bar is not None:
            status_bar.addPermanentWidget(self.bar)
            status_bar.addPermanentWidget(self.cancel_button)

    # -- running ---------------------------------------------------------------------------
    def run(
        self,
        label: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        writes: Iterable[str] = (),
        cancellable: bool = False,
        quiet: bool = False,
        parent: QWidget | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Start ``work(progress)`` on a worker thread; ``on_done(result)`` on this one.

        ``writes``: the kinds of record it writes (their edits are disabled meanwhile);
        ``quiet``: no progress bar (the automatic backup); ``on_error`` replaces the message;
        ``on_progress(done, total, text)`` for a dialog showing its own progress. When
        ``parent`` is gone by the time the job ends, nothing is called back.
        """
        task = Task(label, work, on_done, on_error, frozenset(writes), cancellable, quiet, parent)
        task.on_progress = on_progress
        key = next(self._keys)
        relay = self._relay
        task.progress = Progress(
            lambda done, total, text: relay.progressed.emit(key, done, total, text)
        )
        self.tasks[key] = task
        self.running.append(task)
        self._show()

        def job() -> None:
            _lower_priority()
            task.thread = threading.get_ident()
            try:
                task.result = task.work(task.progress)
            except BaseException as exc:  # delivered to the GUI thread, never lost
                task.error = exc
            task.ended_at = time.perf_counter()
            task.working = False
            try:
                relay.finished.emit(key)
            except RuntimeError:  # the runner (a closed dialog's) is gone: nobody to tell
                log.info("a job finished after its runner closed")

        self.pool.start(job)
        return task

    def progressed(self, task: Task, done: int, total: int, text: str) -> None:
        if task.on_progress is not None and (task.parent is None or isValid(task.parent)):
            task.on_progress(done, total, text)
        if task.quiet:
            return
        if total < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)
        if text:
            self._say(f"{task.label}: {text}", running=True)

    def finished(self, task: Task) -> None:
        try:
            if task.parent is not None and not isValid(task.parent):
                return  # the dialog that asked is gone: nobody to tell
            if task.error is None:
                if task.on_done is not None:
                    task.on_done(task.result)
            else:
                self._failed(task)
        finally:
            self.running.remove(task)
            self._show()

    def _failed(self, task: Task) -> None:
        error = task.error
        assert error is not None
        parent = task.parent if task.parent is not None and isValid(task.parent) else None
        if isinstance(error, Cancelled):
            self._say(f"{task.label}: cancelled; nothing was changed.")
        elif task.on_error is not None:
            task.on_error(error)
        elif isinstance(error, UserError):
            show_user_error(parent or self._window(), str(error))
        else:
            self.show_bug(error, parent)

    def show_bug(self, error: BaseException, parent: QWidget | None = None) -> None:
        """A job's bug: logged with its traceback, then the bug dialog (which does not block)."""
        details = "".join(traceback.format_exception(error))
        log.error("unexpected error in a background job: %s", details)
        dialog = BugDialog(details, self.log_file, parent or self._window())
        dialog.open()

    def _say(self, text: str, running: bool = False) -> None:
        """Show ``text`` in the status bar; ``running``: it names a job still at work, so
        it goes when the last job ends (it lingered ten seconds, as if still running)."""
        if self.status_bar is not None:
            self.status_bar.showMessage(text, 10_000)
            self._running_said = text if running else None

    def _window(self) -> QWidget | None:
        owner = self.parent()
        return owner if isinstance(owner, QWidget) else None

    def cancel(self) -> None:
        for task in self.running:
            if task.cancellable:
                task.progress.cancel()
        self._say("Cancelling…")

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every job (closing the window, tests); True if all finished."""
        return self.pool.waitForDone(msecs)

    # -- what is busy ----------------------------------------------------------------------
    def writing(self, kinds: Iterable[str]) -> str:
        """Why an edit of ``kinds`` must wait ('' if it need not)."""
        wanted = frozenset(kinds)
        for task in self.running:
            if task.writes & wanted:
                return f"Wait until '{task.label}' has finished: it is writing these records."
        return ""

    def guard(self, widget: QWidget, kinds: Iterable[str]) -> None:
        """Disable ``widget`` while a job writes any of ``kinds``; its tooltip says why.

        Guard a container of edit controls (whose own state nothing else changes): its
        children keep their own enabled state and get it back when the job ends.
        """
        self._guards.append((widget, frozenset(kinds)))

    def _show(self) -> None:
        visible = [t for t in self.running if not t.quiet]
        self.bar.setVisible(bool(visible))
        self.cancel_button.setVisible(any(t.cancellable for t in visible))
        if visible:
            self.bar.setRange(0, 0)
            self._say(f"{visible[-1].label}…", running=True)
        elif self._running_said is not None and self.status_bar is not None:
            if self.status_bar.currentMessage() == self._running_said:
                self.status_bar.clearMessage()
            self._running_said = None
        self._guards = [g for g in self._guards if isValid(g[0])]
        for widget, kinds in self._guards:
            reason = self.writing(kinds)
            held = self._held.get(id(widget))
            if reason and held is None:
                self._held[id(widget)] = (widget.isEnabled(), widget.toolTip())
                widget.setEnabled(False)
                widget.setToolTip(reason)
            elif not reason and held is not None:
                del self._held[id(widget)]
                widget.setEnabled(held[0])
                widget.setToolTip(held[1])
        share_the_lock(self, bool(self.running))
        self.busy_changed.emit()


JOB_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
_default_interval = sys.getswitchinterval()
_busy: set[int] = set()  # runners with a job running


def share_the_lock(runner: object, busy: bool) -> None:
    """While any job runs, the interpreter hands its lock over ten times as often.

    The GUI thread needs the lock for every Python call Qt makes while painting (each
    cell's data, each delegate). With a job computing on a worker, each of those waited
    up to the switch interval (5 ms) for the worker to let go, and a repaint of a few
    hundred cells stalled: importing 400 members left 69-114 ms gaps, 35-42 ms at 0.5 ms,
    the import no slower. Put back when the last job ends.
    """
    (_busy.add if busy else _busy.discard)(id(runner))
    sys.setswitchinterval(JOB_SWITCH_INTERVAL if _busy else _default_interval)


def _lower_priority() -> None:
    """Let the GUI thread win the CPU on a busy machine: a job is never in a hurry.

    QThread's priority is honoured on Windows and macOS; on Linux a thread's nice value is
    its own, so it is raised there too (best effort: a refusal changes nothing).
    """
    QThread.currentThread().setPriority(QThread.Priority.LowPriority)
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def runner_of(widget: QWidget) -> TaskRunner | None:
    """The task runner of the window ``widget`` sits in (through dialogs' parents)."""
    owner: QWidget | None = widget
    while owner is not None:
        found = getattr(owner.window(), "tasks", None)
        if isinstance(found, TaskRunner):
            return found
        owner = owner.window().parentWidget()
    return None


def run_or_now(
    widget: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    **options: Any,
) -> Task | None:
    """Run ``work`` as a job of the window's runner; outside a window, here and now.

    Returns the task (None when it ran at once). A UserError outside a window is shown.
    """
    runner = runner_of(widget)
    if runner is not None:
        return runner.run(label, work, on_done, parent=widget, **options)
    try:
        result = work(Progress(lambda done, total, text: None))
    except UserError as exc:
        show_user_error(widget, str(exc))
        return None
    on_done(result)
    return None
