"""Screenshot the main window: ``python tools/screenshot.py DB OUT.png [AREA]``.

Run it under Xvfb (``xvfb-run -a``) to see the window as a user would; it also works with
QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from atr_desktop.logs import setup_logging
from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import MainWindow


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    area = argv[2] if len(argv) > 2 else "Home"
    app = QApplication(sys.argv[:1])
    paths = app_paths()
    window = MainWindow(paths, setup_logging(paths.logs))
    window.resize(1280, 760)
    window.show()

    def shoot() -> None:
        window.open_store(db)
        window.go_to(area)
        QTimer.singleShot(400, lambda: (window.grab().save(str(out)), app.quit()))

    QTimer.singleShot(100, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
