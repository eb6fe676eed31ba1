"""The main window's shell: navigation, menus and status bar.

The shell imports no storage code, so it paints at once; :meth:`MainWindow.open_store`
then loads the store and the real pages (see pages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from atr_desktop import APP_NAME, __version__
from atr_desktop.paths import AppPaths
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.safety import Safety

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database

AREAS = ("Home", "Groups", "People", "Meetings", "Actions", "Decisions")


class MainWindow(QMainWindow):
    first_paint = Signal()
    populated = Signal()

    def __init__(self, paths: AppPaths, log_file: Path) -> None:
        super().__init__()
        self.paths = paths
        self.log_file = log_file
        self.db: Database | None = None
        self.safety = Safety(self)
        self.pages: dict[str, QWidget] = {}
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1180, 740)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Areas of the app")
        self.nav.addItems(list(AREAS))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 48)
        self.stack = QStackedWidget()
        self.stack.setObjectName("areas")
        for name in AREAS:
            waiting = QLabel(f"{name}: opening the database…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(waiting)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.db_label = QLabel("No database open")
        self.db_label.setObjectName("databasePath")
        self.db_label.setAccessibleName("Database file")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self.nav.setCurrentRow(0)

    # -- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action(file_menu, "&New database…", self.new_database, "Ctrl+N")
        self.open_action = self._action(
            file_menu, "&Open database…", self.open_database_dialog, "Ctrl+O"
        )
        file_menu.addSeparator()
        self.safety.add_menu_items(file_menu)
        file_menu.addSeparator()
        self.settings_action = self._action(file_menu, "&Settings…", self.show_settings, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        go_menu = self.menuBar().addMenu("&Go")
        for index, name in enumerate(AREAS):
            self._action(go_menu, f"&{name}", partial(self.go_to, name), f"Ctrl+{index + 1}")
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About ATR Desktop", self.show_about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    # -- the store ---------------------------------------------------------------------
    def open_store(self, path: Path, create_if_missing: bool = False) -> bool:
        """Open (or, on first start, create) the database and show the real pages."""
        from atr_desktop.errors import UserError
        from atr_desktop.services.setup import init_database

        try:
            if create_if_missing and not path.exists():
                init_database(path).close()
        except UserError as exc:
            show_user_error(self, str(exc))
            self.statusBar().showMessage("No database open: use File > Open or New database.")
            return False
        if self.current_path() == path:
            self.close_store()  # reopening: give up our own lock first
        opened = self.safety.open(path)
        if opened is None:
            if self.db is None:
                self.statusBar().showMessage("No database open: use File > Open or New database.")
            return False
        self.close_store()
        self.db = db = opened.db
        self.safety.adopt(opened)
        suffix = " (read-only)" if db.readonly else ""
        self.db_label.setText(f"{path}{suffix}")
        self.setWindowTitle(f"{path.name}{suffix} - {APP_NAME}")
        self._install_pages(db)
        self.populated.emit()
        return True

    def close_store(self) -> None:
        self.safety.release()  # closes the database and gives up the live-copy lock
        if self.db is not None:
            self.db.close()
            self.db = None

    def current_path(self) -> Path | None:
        return None if self.db is None else self.db.path

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safety.on_exit()  # a backup as the window closes
        super().closeEvent(event)

    def _install_pages(self, db: Database) -> None:
        from atr_desktop.ui.pages import build_pages

        current = max(self.nav.currentRow(), 0)
        while (widget := self.stack.widget(0)) is not None:
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages = build_pages(self, db)
        for name in AREAS:
            self.stack.addWidget(self.pages[name])
        self.stack.setCurrentIndex(current)

    def refresh_pages(self) -> None:
        """Redraw every page after a change (cheap: each page re-reads what it shows)."""
        for page in self.pages.values():
            page.refresh()  # type: ignore[attr-defined]

    def go_to(self, area: str) -> None:
        self.nav.setCurrentRow(AREAS.index(area))

    # -- file actions ------------------------------------------------------------------
    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "New database",
            str(self.paths.data / "atr-desktop.db"),
            "ATR Desktop database (*.db)",
        )
        if name:
            path = Path(name)
            if path.suffix != ".db":
                path = path.with_suffix(".db")
            if path.exists():
                show_user_error(
                    self, f"{path} already exists: choose another name, or open it instead."
                )
                return
            self.open_store(path, create_if_missing=True)

    def open_database_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(self.paths.data),
            "ATR Desktop database (*.db);;All files (*)",
        )
        if name:
            self.open_store(Path(name))

    def show_settings(self) -> None:
        if self.db is None:
            show_user_error(self, "Open a database first: settings are kept in the database.")
            return
        from atr_desktop.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.db, self).exec():
            self.safety.start_backup_timer()  # the interval may have changed
            self.refresh_pages()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Governance administration for the West Yorkshire Adversity, Trauma and "
            "Resilience Programme: groups, membership, Terms of Reference, meetings, "
            "papers, minutes, decisions and actions.</p>"
            "<p>Works offline; it never connects to the network.</p>"
            f"<p>Log file: {self.log_file}</p>",
        )
