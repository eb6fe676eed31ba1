"""The composition root: paths, logging, then the command line or the window.

Only this module imports ``atr_desktop.ui``. The window path imports nothing heavy before
the shell has painted (SQLAlchemy, python-docx and reportlab load afterwards or on demand).
"""

from __future__ import annotations

import sys

from atr_desktop.paths import app_paths, restrict_new_files


def _db_only(argv: list[str]) -> tuple[bool, str | None]:
    """True (and the --db value) when argv asks for nothing but the window."""
    db: str | None = None
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest:
            db = rest.pop(0)
        elif arg.startswith("--db="):
            db = arg.split("=", 1)[1]
        else:
            return False, None
    return True, db


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from atr_desktop.adapters.desktop import ensure_std_streams, set_taskbar_identity
    from atr_desktop.logs import setup_logging

    ensure_std_streams()  # the windowed Windows program starts without them
    if argv[:1] == ["--pack-worker"]:
        # The frozen bundle's way to run the pack worker (sys.executable is the app).
        from atr_desktop.documents.pack.worker import main as worker_main

        return worker_main()
    paths = app_paths()
    restrict_new_files(paths)  # 0600 files, 0700 folders (docs/privacy.md)
    log_file = setup_logging(paths.logs)
    window_only, db_arg = _db_only(argv)
    if window_only:
        from atr_desktop.ui.launcher import run_gui

        set_taskbar_identity()
        return run_gui(paths, log_file, db_arg)
    from atr_desktop.cli import run
    from atr_desktop.cli.common import Context

    return run(argv, Context(paths, log_file))


if __name__ == "__main__":
    sys.exit(main())
