"""Help > User guide: the short guide to the journeys, shipped as HTML in resources/guide.

Shown in a QTextBrowser (no web engine, nothing fetched): links inside the guide work, and
a link that leaves it is refused rather than opened.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from atr_desktop.paths import resources_dir


def guide_file() -> QUrl:
    return QUrl.fromLocalFile(str(resources_dir() / "guide" / "index.html"))


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ATR Desktop user guide")
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuide")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)  # offline: only the guide's own pages
        self.browser.setSource(guide_file())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)
