"""The pack worker: a separate process that reads, checks, converts and assembles papers.

A damaged or hostile paper can hang or crash this process, never the app. It reads JSON
jobs on stdin, one a line, and writes one JSON event per line on stdout (``end`` closes
each job):
``{"event": "start", "key": ...}`` before each paper, ``{"event": "done", ...}`` after it,
``{"event": "progress", "text": ...}`` while assembling, ``{"event": "built", ...}`` at
the end, or ``{"event": "error", "message": ...}``. A ``text`` job answers
``{"event": "text", "text": ...}``: a paper's words for search (text_extract.py).

Run as ``python -m atr_desktop.documents.pack.worker`` (or ``ATR-Desktop --pack-worker``
in the frozen bundle, where sys.executable is the app).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any


def _emit(event: str, **data: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **data}) + "\n")
    sys.stdout.flush()


def run_job(job: dict[str, Any]) -> None:
    from atr_desktop.adapters.office import Converter
    from atr_desktop.documents.pack.prepare import Job, prepare

    if job["mode"] == "prepare":
        converter = Converter(**job["converter"]) if job.get("converter") else None
        cache = Path(job["cache"])
        for item in job["jobs"]:
            paper = Job(**item)
            _emit("start", key=paper.key)
            result = prepare(paper, cache, converter, float(job.get("timeout", 120)))
            _emit("done", key=paper.key, result=dataclasses.asdict(result))
        _emit("finished")
    elif job["mode"] == "build":
        from atr_desktop.documents.pack.assemble import build_pack
        from atr_desktop.documents.pack.spec import PackSpec

        spec = PackSpec.from_json(job["spec"])
        built = build_pack(spec, Path(job["out"]), lambda text: _emit("progress", text=text))
        _emit("built", result=dataclasses.asdict(built))
    elif job["mode"] == "text":
        from atr_desktop.documents.text_extract import extract_text

        _emit("text", text=extract_text(Path(job["path"])))
    else:
        _emit("error", message=f"unknown job {job['mode']!r}")


def main() -> int:
    """Run jobs, one JSON line each, until stdin closes; ``end`` follows every job."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            run_job(json.loads(line))
        except Exception as exc:  # reported to the app, which shows it plainly
            _emit("error", message=f"{type(exc).__name__}: {exc}")
        _emit("end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
