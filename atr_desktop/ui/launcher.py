"""Start the window: paint the shell first, then open the store just after."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from atr_desktop import APP_NAME, __version__
from atr_desktop.paths import AppPaths, chosen_db, is_server, resolve_db_path, resources_dir
from atr_desktop.ui.errors import install_excepthook
from atr_desktop.ui.main_window import MainWindow
from atr_desktop.ui.style import apply_style, saved_high_contrast

TRACE_ENV = "ATR_DESKTOP_STARTUP_TRACE"


def app_icon() -> QIcon:
    """The window and taskbar icon (resources/icons, made by tools/make_icon.py)."""
    return QIcon(str(resources_dir() / "icons" / "atr-desktop.png"))


def open_first(window: MainWindow, db_path: Path) -> bool:
    """Open the database; on a first start, make it. A database moved aside as damaged is
    never silently replaced by a new empty one: opening says so and offers its backup."""
    from atr_desktop.services.backup import damaged_copies

    return window.open_store(db_path, create_if_missing=not damaged_copies(db_path))


def run_gui(paths: AppPaths, log_file: Path, db_arg: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ATR Programme")
    QApplication.setWindowIcon(app_icon())
    apply_style(app, saved_high_contrast(paths.data))  # None: as the system asks
    install_excepthook(log_file)
    window = MainWindow(paths, log_file)
    trace = os.environ.get(TRACE_ENV)
    if trace:
        window.first_paint.connect(lambda: print(f"painted {time.time():.4f}", flush=True))
        window.populated.connect(
            lambda: (
                print(f"populated {time.time():.4f}", flush=True),
                QTimer.singleShot(0, app.quit),
            )
        )
    chosen = chosen_db(db_arg)
    # Open the store only once the shell has painted: the user sees a window at once.
    if chosen is not None and is_server(chosen):
        url = chosen
        window.first_paint.connect(
            lambda: QTimer.singleShot(0, lambda: window.open_server_store(url))
        )
    else:
        db_path = resolve_db_path(db_arg, paths)
        window.first_paint.connect(
            lambda: QTimer.singleShot(0, lambda: open_first(window, db_path))
        )
    window.show()
    code: int = app.exec()
    window.close_store()
    return code
