"""The main window's shell: navigation, menus and status bar.

The shell imports no storage code, so it paints at once; :meth:`MainWindow.open_store`
then loads the store and the real pages (see pages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from atr_desktop import APP_NAME, __version__
from atr_desktop.paths import AppPaths
from atr_desktop.ui import main_thread_gc
from atr_desktop.ui.changes import ChangeNotices
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.operations import TaskRunner
from atr_desktop.ui.pages import PAGE_CLASSES, Pages, build_page
from atr_desktop.ui.read_only import hide_edit_controls, title_note
from atr_desktop.ui.safety import Safety
from atr_desktop.ui.style import (
    AREA_ICONS,
    apply_icons,
    apply_style,
    fit_small_screens,
    icon,
    is_high_contrast,
    name_for_screen_readers,
    save_high_contrast,
)
from atr_desktop.ui.undo import UndoController

if TYPE_CHECKING:
    from atr_desktop.services.safety import Opened
    from atr_desktop.storage.database import Database

AREAS = tuple(PAGE_CLASSES)  # Home, Groups, People, Meetings, Actions, Decisions
# Which area opens a record of each kind (search results, Home lines).
AREA_FOR_KIND = {
    "meeting": "Meetings",
    "item": "Meetings",
    "minutes": "Meetings",
    "paper": "Meetings",
    "action": "Actions",
    "decision": "Decisions",
    "person": "People",
    "organisation": "People",
    "declaration": "People",
    "tor": "People",
    "group": "Groups",
}

# Which area lists the whole of each Home section.
SECTION_AREAS = {
    "actions": "Actions",
    "minutes_awaiting_approval": "Meetings",
    "decisions_awaiting_ratification": "Decisions",
    "tor_reviews": "Groups",
    "declarations_due": "People",
}


KIND_LABELS = {
    "meeting": "Meeting",
    "item": "Agenda item",
    "minutes": "Minutes",
    "paper": "Paper",
    "action": "Action",
    "decision": "Decision",
    "person": "Person",
    "organisation": "Organisation",
    "declaration": "Declaration",
    "tor": "Terms of Reference",
    "group": "Group",
}


class MainWindow(QMainWindow):
    first_paint = Signal()
    populated = Signal()
    record_opened = Signal(str, int)

    def __init__(self, paths: AppPaths, log_file: Path) -> None:
        super().__init__()
        self.paths = paths
        self.log_file = log_file
        self.db: Database | None = None
        collector = main_thread_gc.install()  # no Qt object is ever freed on a worker thread
        self.populated.connect(collector.settle)
        self.safety = Safety(self)
        self.pages = Pages()  # made once a store is open (_install_pages)
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1180, 740)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Areas of the app")
        self.nav.addItems(list(AREAS))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 72)
        self.stack = QStackedWidget()
        self.stack.setObjectName("areas")
        for name in AREAS:
            waiting = QLabel(f"{name}: opening the database…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(waiting)
        self.nav.currentRowChanged.connect(self._show_area)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search everything")
        self.search_box.setPlaceholderText("Search everything (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_icon = self.search_box.addAction(
            icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_box.setMaximumWidth(420)
        self.search_box.returnPressed.connect(lambda: self.run_search(self.search_box.text()))
        toolbar = QToolBar("Search")
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        self.results = QTextBrowser()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._open_link)
        self.results_dock = QDockWidget("Search results", self)
        self.results_dock.setObjectName("searchDock")
        self.results_dock.setWidget(self.results)
        self.results.setMinimumWidth(280)
        self.results.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.results.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # whole words only
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.results_dock)
        self.results_dock.hide()

        self.db_label = QLabel("No database open")
        self.db_label.setObjectName("databasePath")
        self.db_label.setAccessibleName("Database file")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        self.changes = ChangeNotices(self)
        self.tasks = TaskRunner(self.statusBar(), log_file, self)
        self.changes.hold_for(self.tasks)
        self.undo = UndoController(self)
        self.undo.said.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self._build_menus()
        self.apply_icons()
        # Reading order: the search box along the top, then the areas, then the page.
        QWidget.setTabOrder(self.search_box, self.nav)
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
        self.settings_action.setObjectName("settingsAction")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo.undo_action
        self.redo_action = self.undo.redo_action
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(
            edit_menu, "&Find…", self.focus_search, QKeySequence.StandardKey.Find
        )
        edit_menu.addSeparator()
        self.contrast_action = self._action(
            edit_menu, "&High-contrast colours", lambda: self.set_high_contrast(None)
        )
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(is_high_contrast())
        go_menu = self.menuBar().addMenu("&Go")
        for index, name in enumerate(AREAS):
            self._action(go_menu, f"&{name}", partial(self.go_to, name), f"Ctrl+{index + 1}")
        help_menu = self.menuBar().addMenu("&Help")
        self.guide_action = self._action(
            help_menu, "&User guide", self.show_guide, QKeySequence.StandardKey.HelpContents
        )
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

    def apply_icons(self) -> None:
        """The app's icons, in the variant for the palette in use."""
        for row, name in enumerate(AREAS):
            item = self.nav.item(row)
            if item is not None:
                item.setIcon(icon(AREA_ICONS[name]))
        self.search_icon.setIcon(icon("search"))
        self.guide_action.setIcon(icon("help"))
        apply_icons(self)

    def set_high_contrast(self, on: bool | None) -> None:
        """Switch the high-contrast palette (None: as the menu item now says) and keep the
        choice for next time; every colour-coded row is redrawn in its high-contrast colours."""
        if on is None:
            on = self.contrast_action.isChecked()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, high_contrast=on)
        self.contrast_action.setChecked(on)
        save_high_contrast(self.paths.data, on)
        self.apply_icons()
        if self.db is not None:
            self.refresh_pages()
        self.statusBar().showMessage("High-contrast colours " + ("on" if on else "off"), 5000)

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
        self._show_store(opened, str(path), path.name)
        return True

    def open_server_store(self, url: str) -> bool:
        """Open a team's store on a PostgreSQL server (--db postgresql://...).

        The file's safety machinery (lock, check on opening, automatic backups) is the
        server's there, so the store opens at once, or one sentence says why not.
        """
        from atr_desktop.errors import UserError
        from atr_desktop.services.safety import open_server
        from atr_desktop.storage.database import shown

        self.close_store()
        try:
            opened = open_server(url, self.paths)
        except UserError as exc:
            show_user_error(self, str(exc))
            self.statusBar().showMessage("No database open: use File > Open or New database.")
            return False
        where = shown(url)
        self._show_store(opened, where, where.rsplit("/", 1)[-1].split("?", 1)[0])
        opened.db.watch_others()  # others' edits reach the pages as change notices
        return True

    def _show_store(self, opened: Opened, label: str, title: str) -> None:
        self.close_store()
        self.db = db = opened.db
        self.safety.adopt(opened)
        self.undo.attach(db)
        self.changes.attach(db)
        suffix = title_note(db.readonly, db.can_write)
        self.db_label.setText(f"{label}{suffix}")
        self.setWindowTitle(f"{title}{suffix} - {APP_NAME}")
        self._install_pages(db)
        for action in (self.undo_action, self.redo_action, self.settings_action):
            action.setVisible(True)  # a store opened before may have hidden them
        if not db.can_write:
            hide_edit_controls(self)  # a reader sees no control that would only be refused
        self.populated.emit()

    def close_store(self) -> None:
        self.tasks.wait()  # a job still running finishes with the database it started on
        self.undo.attach(None)
        self.changes.attach(None)
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
        """Stand a placeholder in for each area; only the page on screen is made and read
        now, each other one when first shown (opening a decade's store costs one page)."""
        current = max(self.nav.currentRow(), 0)
        while (widget := self.stack.widget(0)) is not None:
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.changes.clear()
        for _ in AREAS:
            self.stack.addWidget(QWidget())
        self.pages = Pages(partial(self._make_page, db))
        self.stack.setCurrentIndex(current)
        self.pages.ensure(AREAS[current])  # on screen: made and read now
        self.apply_icons()

    def _make_page(self, db: Database, name: str) -> QWidget:
        page = build_page(name, db)
        fit_small_screens(page)
        name_for_screen_readers(page)
        index = AREAS.index(name)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if self.stack.currentWidget() is placeholder:
            self.stack.setCurrentWidget(page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        # Each page declares the kinds of record it shows and re-reads when they change.
        self.changes.subscribe(page, page.SHOWS, page.refresh)  # type: ignore[attr-defined]
        signal = getattr(page, "record_requested", None)
        if signal is not None:
            signal.connect(self.open_record)
        more = getattr(page, "section_requested", None)
        if more is not None:
            more.connect(self.open_section)
        apply_icons(page)
        if not db.can_write:
            hide_edit_controls(page)  # a reader sees no control that would only be refused
        return page

    def _show_area(self, row: int) -> None:
        if self.db is not None and 0 <= row < len(AREAS):
            self.pages.ensure(AREAS[row])  # made and read the first time it is shown
        self.stack.setCurrentIndex(row)

    def refresh_pages(self) -> None:
        """Redraw every page (after something outside the database changed: settings file)."""
        for page in self.pages.values():
            page.refresh()  # type: ignore[attr-defined]

    def go_to(self, area: str) -> None:
        self.nav.setCurrentRow(AREAS.index(area))

    def open_record(self, kind: str, record_id: int) -> None:
        """Show the record of ``kind`` with ``record_id`` in its area."""
        area = AREA_FOR_KIND.get(kind, "Home")
        self.go_to(area)
        page = self.pages[area]
        show = getattr(page, "show_record", None)
        if show is not None:
            show(kind, record_id)
        self.record_opened.emit(kind, record_id)

    def open_section(self, section: str, days: int) -> None:
        """Home's "and N more": the whole list on its page."""
        area = SECTION_AREAS.get(section, "Home")
        self.go_to(area)
        if section == "actions":
            self.pages["Actions"].show_due_within(days)  # type: ignore[attr-defined]

    # -- search ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self, text: str) -> None:
        if self.db is None or not text.strip():
            return
        from html import escape

        from atr_desktop.domain.dates import short_date
        from atr_desktop.services import search
        from atr_desktop.services.meetings import get_meeting

        hits = search.search(self.db, text)
        # An organisation opens as the People list narrowed to its name.
        self._organisations = {
            h.id: h.title.replace(search.MARK_START, "").replace(search.MARK_END, "")
            for h in hits
            if h.kind == "organisation"
        }
        where: dict[int, str] = {}  # meeting id -> "SG, 9 Feb 2027"
        for meeting_id in {h.meeting_id for h in hits if h.meeting_id is not None}:
            meeting = get_meeting(self.db, meeting_id)
            where[meeting_id] = f"{meeting.group_code}, {short_date(meeting.date)}"
        if not hits:
            body = f"<p>Nothing matches <b>{escape(text)}</b>.</p>"
        else:
            body = "".join(
                f'<p><a href="open:{h.kind}:{h.id}">{escape(KIND_LABELS.get(h.kind, h.kind))}: '
                f"{search.mark_html(h.title)}</a>"
                + (f" <i>· {escape(where[h.meeting_id])}</i>" if h.meeting_id in where else "")
                + f"<br>{h.html()}</p>"
                for h in hits
            )
        self.results.setHtml(f"<h3>{len(hits)} results for {escape(text)}</h3>{body}")
        self.results_dock.show()
        self.resizeDocks([self.results_dock], [self._results_width()], Qt.Orientation.Horizontal)

    def _results_width(self) -> int:
        """Wide enough to read a line of a snippet, never more than a third of the window."""
        return max(360, min(self.width() // 3, 520))

    def _open_link(self, url: QUrl) -> None:
        _scheme, kind, record_id = url.toString().split(":", 2)
        self.open_record(kind, int(record_id))
        name = getattr(self, "_organisations", {}).get(int(record_id))
        if kind == "organisation" and name:
            self.pages["People"].people.view.filter.setText(name)  # type: ignore[attr-defined]

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

    def show_guide(self) -> None:
        """The short user guide shipped in resources/guide, in a window beside this one."""
        from atr_desktop.ui.guide import GuideWindow

        if getattr(self, "guide", None) is None:
            self.guide = GuideWindow(self)
        self.guide.show()
        self.guide.raise_()

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
