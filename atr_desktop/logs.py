"""Logging to a rotating file in the user's log folder, readable by the user only.

Logs hold what happened and where, never the text of records (names, emails, minutes):
code logs ids and counts only, and tracebacks are logged without local variables or the
exception's message (its type and error code only). The
folder is created 0700 and each file 0600 (an existing, older log is tightened too), so a
colleague on a shared machine cannot read them.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from atr_desktop.paths import log_files

LOG_FILENAME = "atr-desktop.log"
BACKUP_COUNT = 3


class _PrivateFormatter(logging.Formatter):
    """Tracebacks with where and what kind, never the exception's words: those can quote
    the record being saved (a value that failed to parse, a row that broke a rule)."""

    def formatException(self, ei):  # type: ignore[no-untyped-def]
        exc = ei[1]
        parts: list[str] = []
        seen: set[int] = set()
        while exc is not None and id(exc) not in seen:
            seen.add(id(exc))
            frames = "".join(traceback.format_tb(exc.__traceback__))
            kind = type(exc).__qualname__
            code = getattr(exc, "errno", None) or getattr(exc, "sqlite_errorname", None)
            parts.append(
                f"Traceback (most recent call last):\n{frames}{kind}"
                + (f" [{code}]" if code else "")
            )
            exc = exc.__cause__ or exc.__context__
        return "\n-- while handling, after --\n".join(reversed(parts))


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose every generation is created readable by the user only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        with contextlib.suppress(OSError):  # Windows keeps its own per-user ACLs
            os.chmod(self.baseFilename, 0o600)
        return stream


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Log to ``log_dir`` (replacing a handler for another folder); returns the file."""
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(log_dir, 0o700)
    path = log_dir / LOG_FILENAME
    root = logging.getLogger("atr_desktop")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == path.resolve():
            return path
        root.removeHandler(old)
        old.close()
    for older in log_files(path):
        with contextlib.suppress(OSError):
            os.chmod(older, 0o600)
    handler = _PrivateRotatingHandler(
        path, maxBytes=1_000_000, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(_PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
