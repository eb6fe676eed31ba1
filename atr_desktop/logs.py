"""Logging to a rotating file in the user's log folder.

Logs hold what happened and where, never the text of records (names, emails, minutes):
code logs ids and counts only, and tracebacks are logged without local variables.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "atr-desktop.log"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Attach a rotating file handler; returns the log file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILENAME
    root = logging.getLogger("atr_desktop")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
