"""The window as a screen reader meets it: ``python -m tests.a11y_app DB``.

Opens the main window on DB with the register and minutes window of a held meeting beside
it, and prints "ready" once both are shown; tests/a11y_probe.py then walks them over AT-SPI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from atr_desktop.logs import setup_logging
from atr_desktop.paths import app_paths
from atr_desktop.services import meetings
from atr_desktop.ui.main_window import AREAS, MainWindow
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from atr_desktop.ui.style import apply_style


def main(db_path: Path) -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("atr-a11y-check")
    apply_style(app)
    paths = app_paths()
    window = MainWindow(paths, setup_logging(paths.logs))
    window.show()
    window.open_store(db_path)
    assert window.db is not None
    for area in reversed(AREAS):  # every page made (each is made when first shown)
        window.go_to(area)
    held = next(m for m in meetings.list_meetings(window.db) if m.status == "held")
    record = MeetingRecordDialog(window.db, held.id, window)
    record.show()
    if "--with-unnamed-button" in sys.argv:  # proves the probe notices one
        from PySide6.QtWidgets import QPushButton

        record.layout().addWidget(QPushButton(record))
    QTimer.singleShot(500, lambda: print("ready", flush=True))
    QTimer.singleShot(120_000, app.quit)  # never outlive a stuck probe
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))  # DB [--with-unnamed-button]
