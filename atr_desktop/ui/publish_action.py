"""The window's "Publish…" action: the meeting's public page set, made off the GUI thread.

Publishing reads the records (its own sessions) and runs Word or LibreOffice for the
accessible PDFs, which takes seconds, so it runs in a QThread behind a busy dialog; the
result says what was written and what the secretariat should still do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error


class PublishJob(QThread):
    failed = Signal(str)

    def __init__(
        self, db: Database, meeting_id: int, folder: Path, overwrite: bool, converter: Any
    ) -> None:
        super().__init__()
        self.args = (db, meeting_id, folder, converter, overwrite)
        self.result: Any = None

    def run(self) -> None:
        from atr_desktop.services.publish import publish

        try:
            self.result = publish(*self.args)
        except UserError as exc:
            self.failed.emit(str(exc))


def summary(result: Any) -> str:
    """What was published, in the words the dialog shows."""
    pdfs = len(result.pdfs)
    papers = sum(1 for f in result.files if f.kind == "paper")
    lines = [
        f"Published {result.index}.",
        f"{pdfs} accessible PDF(s) made with {result.converter}." if pdfs else "",
        f"{papers} paper(s) copied as their authors sent them.",
        *result.messages,
    ]
    return "\n\n".join(line for line in lines if line)


def publish_meeting(
    parent: QWidget, db: Database, meeting_id: int, folder: Path, converter: Any = "find"
) -> Any:
    """Ask before replacing a published page, publish, and show what happened."""
    overwrite = False
    if (folder / "index.html").exists():
        answer = QMessageBox.question(
            parent,
            "Replace the published page?",
            f"{folder} already holds a published page. Replace it?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        overwrite = True
    busy = QProgressDialog(
        "Publishing: writing the page and the accessible PDFs…", "", 0, 0, parent
    )
    busy.setWindowTitle("Publish")
    busy.setCancelButton(None)  # type: ignore[arg-type]
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    job = PublishJob(db, meeting_id, folder, overwrite, converter)
    errors: list[str] = []
    job.failed.connect(errors.append)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    busy.show()
    job.start()
    loop.exec()
    job.wait()
    busy.close()
    if errors:
        show_user_error(parent, errors[0], "Publish")
        return None
    box = QMessageBox(QMessageBox.Icon.Information, "Published", summary(job.result),
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("publishedBox")
    box.exec()
    return job.result
