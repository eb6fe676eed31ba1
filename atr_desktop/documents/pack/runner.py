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
import sys
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


def worker_command() -> list[str]:
    """How to start the worker: the frozen app has a hidden ``--pack-worker`` flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--pack-worker"]
    return [sys.executable, "-m", "atr_desktop.documents.pack.worker"]


def _reader(stream: IO[str], out: queue.Queue[str | None]) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


def _run(
    payload: dict[str, Any],
    on_event: Events,
    cancelled: Cancelled,
    timeout: float,
    command: Sequence[str] | None,
) -> None:
    """Run one job; raises WorkerTimeout (with the paper being read), WorkerCancelled,
    WorkerFailed."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            list(command or worker_command()),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        lines: queue.Queue[str | None] = queue.Queue()
        assert proc.stdin is not None and proc.stdout is not None
        thread = threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True)
        thread.start()
        current = ""
        try:
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.write(json.dumps(payload))
                proc.stdin.close()
            last = time.monotonic()
            while True:
                if cancelled():
                    raise WorkerCancelled()
                if time.monotonic() - last > timeout:
                    raise WorkerTimeout(current)
                try:
                    line = lines.get(timeout=0.05)
                except queue.Empty:
                    continue
                if line is None:
                    break
                last = time.monotonic()
                try:
                    event = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if event.get("event") == "start":
                    current = event.get("key", "")
                if event.get("event") == "error":
                    raise WorkerFailed(event.get("message", "the worker failed"))
                on_event(event)
            proc.wait(timeout=30)
            if proc.returncode != 0:
                errors.seek(0)
                tail = errors.read()[-300:].decode("utf-8", "replace").strip()
                raise WorkerFailed(f"the worker stopped (code {proc.returncode}) {tail}")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            thread.join(timeout=5)


def run_prepare(
    jobs: list[Job],
    cache: Path,
    converter: Converter | None,
    on_event: Events = lambda _e: None,
    cancelled: Cancelled = lambda: False,
    timeout: float = PAPER_TIMEOUT,
    command: Sequence[str] | None = None,
) -> dict[str, Prepared]:
    """Check and convert every paper; a paper that hangs becomes a 'took too long' problem."""
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
            _run(payload, collect, cancelled, timeout, command)
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
) -> BuiltPack:
    """Assemble the pack in the worker; ``out`` is written only when it succeeds."""
    found: list[BuiltPack] = []

    def collect(event: dict[str, Any]) -> None:
        if event.get("event") == "built":
            found.append(BuiltPack(**event["result"]))
        on_event(event)

    payload = {"mode": "build", "spec": spec.to_json(), "out": str(out)}
    try:
        _run(payload, collect, cancelled, timeout, command)
    except WorkerTimeout:
        raise WorkerFailed(f"building the pack took longer than {timeout:.0f} seconds") from None
    if not found:
        raise WorkerFailed("the worker finished without a pack")
    return found[0]
