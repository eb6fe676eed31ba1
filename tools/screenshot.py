"""Screenshot the main window: ``python tools/screenshot.py DB OUT_DIR [AREA ...]``.

Writes OUT_DIR/<area>.png for each area (all of them when none is named), with the window
maximised on the screen it runs on; with no area named, also the register and minutes
window of a held meeting, and Actions under the high-contrast palette. Run it under Xvfb
to see the window as a user would::

    xvfb-run -a -s "-screen 0 1366x768x24" \\
        python tools/screenshot.py demo.db docs/screenshots/1366x768
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        python tools/screenshot.py demo.db docs/screenshots/1920x1080-150
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from atr_desktop.logs import setup_logging
from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import AREAS, MainWindow
from atr_desktop.ui.style import apply_style


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    areas = argv[2:] or list(AREAS)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    paths = app_paths()
    window = MainWindow(paths, setup_logging(paths.logs))
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    window.open_store(db)
    pending = list(areas)

    def shoot() -> None:
        if not pending:
            if not argv[2:]:
                extras()
            app.quit()
            return
        area = pending.pop(0)
        window.go_to(area)
        QTimer.singleShot(300, lambda: (window.grab().save(str(out / f"{area}.png")), shoot()))

    def extras() -> None:
        from atr_desktop.services import meetings
        from atr_desktop.ui.meeting_record import MeetingRecordDialog

        assert window.db is not None
        held = [m for m in meetings.list_meetings(window.db) if m.status == "held"][-1]
        record = MeetingRecordDialog(window.db, held.id, window)
        record.show()
        wait(600)
        record.grab().save(str(out / "Register and minutes.png"))
        record.close()
        window.set_high_contrast(True)
        window.go_to("Actions")
        wait(400)
        window.grab().save(str(out / "Actions, high contrast.png"))
        window.set_high_contrast(False)

    def wait(ms: int) -> None:
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    QTimer.singleShot(300, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
