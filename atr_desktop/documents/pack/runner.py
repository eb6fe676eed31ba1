"""Running the pack worker from the app: a subprocess watched with a timeout per paper.

A paper that takes too long is reported as a problem and the worker restarted for the
rest; Cancel kills the worker at once. Reading is done by a thread into a queue, which
works the same on Windows (where select() cannot wait on pipes).
"""

from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from atr_desktop.adapters.office import Converter
from atr_desktop.documents.pack.prepare import Job, Prepared
from atr_desktop.documents.pack.spec import BuiltPack, PackSpec
from atr_desktop.documents.worker_process import worker_command

PAPER_TIMEOUT = 120.0
BUILD_TIMEOUT = 600.0

Events = Callable[[dict[str, Any]], None]
Cancelled = Callable[[], bool]


class WorkerCancelled(Exception):
    """The user pressed Cancel."""


class WorkerFailed(Exception):
    """The worker stopped without finishing (its message says why)."""


class WorkerTimeout(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _reader(stream: IO[str], out: queue.Queue[str | None]) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


class Worker:
    """One worker process that runs several jobs (check, then build), a JSON line each, so
    a build pays the process's start-up and imports once. Killed on Cancel or a timeout;
    the next job starts a fresh one."""

    def __init__(self, command: Sequence[str] | None = None) -> None:
        self.command = list(command or worker_command())
        self.proc: subprocess.Popen[str] | None = None
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.errors: IO[bytes] | None = None
        self.thread: threading.Thread | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure(self) -> subprocess.Popen[str]:
        if self.proc is not None and self.proc.poll() is None:
            return self.proc
        self.close()
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        self.proc = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            encoding="utf-8",
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self.lines = queue.Queue()
        assert self.proc.stdout is not None
        self.thread = threading.Thread(
            target=_reader, args=(self.proc.stdout, self.lines), daemon=True
        )
        self.thread.start()
        return self.proc

    def close(self) -> None:
        """Stop the worker (politely if idle, else killed) and tidy up."""
        proc, self.proc = self.proc, None
        if proc is not None:
            with contextlib.suppress(OSError):
                if proc.stdin is not None:
                    proc.stdin.close()
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self.thread is not None:
            self.thread.join(timeout=5)
            self.thread = None
        if self.errors is not None:
            self.errors.close()
            self.errors = None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        self.close()

    def _stderr_tail(self) -> str:
        if self.errors is None:
            return ""
        self.errors.seek(0)
        return self.errors.read()[-300:].decode("utf-8", "replace").strip()

    def run(
        self, payload: dict[str, Any], on_event: Events, cancelled: Cancelled, timeout: float
    ) -> None:
        """Run one job; raises WorkerTimeout (with the paper being read), WorkerCancelled,
        WorkerFailed. The worker is killed on any of them."""
        proc = self._ensure()
        current = ""
        try:
            assert proc.stdin is not None
            try:
                proc.stdin.write(json.dumps(payload) + "\n")
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass  # it died at once: reported below when its output ends
            last = time.monotonic()
            while True:
                if cancelled():
                    raise WorkerCancelled()
                if time.monotonic() - last > timeout:
                    raise WorkerTimeout(current)
                try:
                    line = self.lines.get(timeout=0.05)
                except queue.Empty:
                    continue
                if line is None:
                    proc.wait(timeout=30)
                    raise WorkerFailed(
                        f"the worker stopped (code {proc.returncode}) {self._stderr_tail()}"
                    )
                last = time.monotonic()
                try:
                    event = json.loads(line)
                except json.JSONDecodeError:
                    continue
                kind = event.get("event")
                if kind == "end":
                    return
                if kind == "start":
                    current = event.get("key", "")
                if kind == "error":
                    raise WorkerFailed(event.get("message", "the worker failed"))
                on_event(event)
        except BaseException:
            self.kill()
            raise


def _worker(worker: Worker | None, command: Sequence[str] | None) -> tuple[Worker, bool]:
    """The worker to use and whether this call owns (and so closes) it."""
    return (worker, False) if worker is not None else (Worker(command), True)


def run_prepare(
    jobs: list[Job],
    cache: Path,
    converter: Converter | None,
    on_event: Events = lambda _e: None,
    cancelled: Cancelled = lambda: False,
    timeout: float = PAPER_TIMEOUT,
    command: Sequence[str] | None = None,
    worker: Worker | None = None,
) -> dict[str, Prepared]:
    """Check and convert every paper; a paper that hangs becomes a 'took too long' problem."""
    runner, owned = _worker(worker, command)
    try:
        return _prepare(jobs, cache, converter, on_event, cancelled, timeout, runner)
    finally:
        if owned:
            runner.close()


def _prepare(
    jobs: list[Job],
    cache: Path,
    converter: Converter | None,
    on_event: Events,
    cancelled: Cancelled,
    timeout: float,
    runner: Worker,
) -> dict[str, Prepared]:
    results: dict[str, Prepared] = {}
    remaining = list(jobs)
    while remaining:

        def collect(event: dict[str, Any]) -> None:
            if event.get("event") == "done":
                results[event["key"]] = Prepared(**event["result"])
            on_event(event)

        payload = {
            "mode": "prepare",
            "jobs": [asdict(j) for j in remaining],
            "cache": str(cache),
            "converter": asdict(converter) if converter else None,
            "timeout": timeout,
        }
        try:
            runner.run(payload, collect, cancelled, timeout)
        except WorkerTimeout as exc:
            results[exc.key] = Prepared(
                exc.key,
                problem=f"took longer than {timeout:.0f} seconds to read, so it was stopped "
                "(it may be damaged or very large)",
            )
        except WorkerFailed as exc:
            # The worker died on a paper: blame that paper and carry on with the rest.
            key = next((j.key for j in remaining if j.key not in results), "")
            if not key:
                break
            results[key] = Prepared(key, problem=f"could not be read ({exc})")
        remaining = [j for j in remaining if j.key not in results]
    return results


def run_build(
    spec: PackSpec,
    out: Path,
    on_event: Events = lambda _e: None,
    cancelled: Cancelled = lambda: False,
    timeout: float = BUILD_TIMEOUT,
    command: Sequence[str] | None = None,
    worker: Worker | None = None,
) -> BuiltPack:
    """Assemble the pack in the worker; ``out`` is written only when it succeeds."""
    found: list[BuiltPack] = []

    def collect(event: dict[str, Any]) -> None:
        if event.get("event") == "built":
            found.append(BuiltPack(**event["result"]))
        on_event(event)

    payload = {"mode": "build", "spec": spec.to_json(), "out": str(out)}
    runner, owned = _worker(worker, command)
    try:
        runner.run(payload, collect, cancelled, timeout)
    except WorkerTimeout:
        raise WorkerFailed(f"building the pack took longer than {timeout:.0f} seconds") from None
    finally:
        if owned:
            runner.close()
    if not found:
        raise WorkerFailed("the worker finished without a pack")
    return found[0]
