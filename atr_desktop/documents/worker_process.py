"""How to start the document worker process (pack/worker.py): its command line only.

Kept apart from the pack's runner so that anything in documents/ may start the worker
(text_extract reads a paper's words there) without importing the pack, which the worker
itself imports.
"""

from __future__ import annotations

import sys


def worker_command() -> list[str]:
    """How to start the worker: the frozen app has a hidden ``--pack-worker`` flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--pack-worker"]
    return [sys.executable, "-m", "atr_desktop.documents.pack.worker"]
