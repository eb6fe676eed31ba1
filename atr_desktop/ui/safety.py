"""The window's side of data safety: opening with the lock, backups, restore, hand-over.

Opening goes through services.safety.open_live; this module turns what it raises into
dialogs (someone else has it open: read-only?; damaged: restore the newest backup?) and
keeps two timers while a database is open: a heartbeat on the live-copy lock and the
regular backup (setting 'backup_interval_minutes'; 0 turns it off).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from atr_desktop.errors import UserError
from atr_desktop.ui.errors import show_user_error

if TYPE_CHECKING:
    from atr_desktop.services.safety import Damaged, Opened
    from atr_desktop.storage.database import Database
    from atr_desktop.storage.lock import LockInfo
    from atr_desktop.ui.main_window import MainWindow
    from atr_desktop.ui.operations import Task

log = logging.getLogger(__name__)
HEARTBEAT_MS = 60 * 1000  # the lock's own thread beats too; this notices a take-over


CLI_HINT = " (on the command line, add --read-only)"


def ask(
    parent: QWidget | None, title: str, text: str, yes: str, name: str, detail: str = ""
) -> bool:
    """A question with one named action button and Cancel; True when the action is chosen."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    box.setObjectName(name)
    if detail:
        box.setInformativeText(detail)
    action = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    action.setAccessibleName(yes)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(action)
    box.exec()
    return box.clickedButton() is action


TAKE_OVER_WARNING = (
    "Their copy of ATR Desktop has shown no sign of life for over 5 minutes: it probably "
    "closed without tidying up, or their laptop went to sleep. Take over only if you are "
    "sure they are not still working in it."
)


def ask_take_over(parent: QWidget | None, whose: str) -> bool:
    """The one take-over question, for the live-copy lock of a file and for another
    officer's lapsed lease on minutes or a register: ``whose`` says what is held, by whom."""
    return ask(parent, "Take over?", whose, "Take over", "takeOverBox", TAKE_OVER_WARNING)


class Safety(QObject):
    """Owns the open database's lock, the heartbeat and backup timers, and the menu items."""

    checked = Signal(object)  # from the quick-check thread: None, or the problem found

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.opened: Opened | None = None
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.back_up_in_background)
        self.worker: Task | None = None  # the automatic backup while it runs
        self.last_path: Path | None = None  # what was last opened, even if it failed
        self.checked.connect(self._check_done)
        self._after_check: list[Callable[[], None]] = []
        self.checking: threading.Thread | None = None

    # -- menu ------------------------------------------------------------------------------
    def add_menu_items(self, menu: QMenu) -> None:
        self.backup_action = self._item(menu, "&Back up now", self.back_up_now)
        self.restore_action = self._item(menu, "&Restore from backup…", self.restore_dialog)
        self.handover_action = self._item(menu, "&Hand over to a colleague…", self.handover)
        self.takeover_action = self._item(menu, "&Take on a handed-over copy…", self.take_on)

    def _item(self, menu: QMenu, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- opening ---------------------------------------------------------------------------
    def open(self, path: Path) -> Opened | None:
        """Open ``path`` as the live copy, asking the user when it is locked or damaged."""
        from atr_desktop.services.safety import Damaged, NotLive, open_live
        from atr_desktop.storage.lock import Locked

        paths = self.window.paths
        self.last_path = path
        try:
            return open_live(path, paths, background_check=True, take_over=self.ask_take_over)
        except (Locked, NotLive) as exc:
            if isinstance(exc, Locked):
                from atr_desktop.storage.lock import describe

                text = f"{path.name} is open by {describe(exc.holder)}."
                detail = (
                    "Only one copy can be live at a time. Open it read-only to look, "
                    "or ask them to close it and try again."
                )
            else:
                text, detail = str(exc).replace(CLI_HINT, ""), ""
            if not ask(self.window, "Open read-only?", text, "Open read-only", "lockedBox", detail):
                return None
            return self._attempt(
                lambda: open_live(path, paths, readonly=True, background_check=True)
            )
        except Damaged as exc:
            self.offer_restore(path, exc)
            return None
        except UserError as exc:
            show_user_error(self.window, str(exc))
            return None

    def ask_take_over(self, holder: LockInfo) -> bool:
        """The lock's holder is gone (no sign of life for 5 minutes): take over?"""
        from atr_desktop.storage.lock import describe

        who = "someone (the lock cannot be read)" if holder.user == "unknown" else describe(holder)
        name = self.last_path.name if self.last_path else "The database"
        return ask_take_over(self.window, f"{name} is marked open by {who}.")

    def when_checked(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the check after opening has passed (at once if it has)."""
        if self.opened is not None and self.opened.checked:
            then()
        else:
            self._after_check.append(then)

    def _check_done(self, problem: object) -> None:
        """The background quick_check finished (on the GUI thread now)."""
        waiting, self._after_check = self._after_check, []
        if self.opened is None:
            return
        if problem is None:
            for then in waiting:
                then()
            return
        path = self.opened.db.path
        log.info("the check after opening failed: %s", problem)
        self.window.close_store()
        self.window.open_store(path)  # opening again moves it aside and offers the backup

    def _attempt(self, fn):  # type: ignore[no-untyped-def]
        try:
            return fn()
        except UserError as exc:
            show_user_error(self.window, str(exc))
            return None

    def offer_restore(self, path: Path, exc: Damaged) -> None:
        if exc.backup is None:
            show_user_error(self.window, str(exc), "The database is damaged")
            return
        from atr_desktop.services.safety import Missing

        moved = (
            f"It was moved aside to {exc.moved_to.name}; nothing was deleted. "
            if (exc.moved_to)
            else ""
        )
        detail = (
            f"{moved}The newest verified backup of this database is "
            f"{exc.backup.describe()}. Restore it now? Work saved after that time is not in it."
        )
        text = (
            f"{path.name} is not there: it was moved aside as damaged. No new, empty "
            "database was made in its place."
            if isinstance(exc, Missing)
            else f"{path.name} is damaged ({exc.problem})."
        )
        if ask(self.window, "The database is damaged", text, "Restore", "damagedBox", detail):
            self.restore(path, exc.backup.path, confirmed=True)

    def adopt(self, opened: Opened) -> None:
        """Start the timers for a newly opened database and show what the user should know."""
        from atr_desktop.services.safety import start_background_check

        self.release()
        self.opened = opened
        if not opened.checked:
            self.checking = start_background_check(opened, self.window.paths, self.checked.emit)
        if opened.lock is not None:
            self.heartbeat.start()
        self.start_backup_timer()
        if opened.notes:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "About this database",
                "\n\n".join(opened.notes),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("openNotesBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not blocking: the window carries on loading behind it

    def start_backup_timer(self) -> None:
        from atr_desktop.services import settings

        self.backup_timer.stop()
        if self.opened is None or self.opened.db.readonly or self.opened.db.on_server:
            return  # a server's backups are its administrator's (services.safety.SERVER_JOBS)
        minutes = int(settings.get(self.opened.db, "backup_interval_minutes"))
        if minutes > 0:
            self.backup_timer.start(minutes * 60 * 1000)

    def release(self) -> None:
        self._after_check = []
        if self.checking is not None:  # it reads through this database: let it finish
            self.checking.join()
            self.checking = None
        self.heartbeat.stop()
        self.backup_timer.stop()
        self.wait_for_background()
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def beat(self) -> None:
        if self.opened is None or self.opened.lock is None:
            return
        if not self.opened.lock.heartbeat():
            self.heartbeat.stop()
            show_user_error(
                self.window,
                "Someone else has taken over this database (it showed no sign of life for "
                "over 5 minutes): "
                "save nothing more here; close it and open it again read-only.",
            )

    # -- backups ---------------------------------------------------------------------------
    def back_up(self, reason: str, quiet: bool = False) -> bool:
        from atr_desktop.services.backup import back_up

        if self.opened is None or self.opened.db.readonly:
            if not quiet:
                show_user_error(self.window, "Open a database you may change to back it up.")
            return False
        QApplication.setOverrideCursor(self.window.cursor())
        try:
            result = back_up(self.opened.db, reason=reason)
        except UserError as exc:
            if quiet:
                self.window.statusBar().showMessage(f"Backup failed: {exc}")
                log.info("automatic backup failed: %s", exc)
            else:
                show_user_error(self.window, str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(
            f"Backed up and verified: {result.backup.path.name} "
            f"({result.papers_copied} new papers copied).",
            10_000,
        )
        return True

    def back_up_now(self) -> None:
        """ "Back up now": a verified backup through the task runner, the window free."""
        from atr_desktop.services.backup import back_up

        if self.opened is None or self.opened.db.readonly:
            show_user_error(self.window, "Open a database you may change to back it up.")
            return
        if self.opened.db.on_server:
            self._portable_copy(self.opened.db)
            return
        db = self.opened.db

        def done(result: Any) -> None:
            self.window.statusBar().showMessage(
                f"Backed up and verified: {result.backup.path.name} "
                f"({result.papers_copied} new papers copied).",
                10_000,
            )

        self.window.tasks.run(
            "Backing up", lambda progress: back_up(db, reason="manual"), done, parent=self.window
        )

    def _portable_copy(self, db: Database) -> None:
        """On a server, "Back up now" keeps a portable copy (the server's own backups are
        its administrator's): a job, with where it went said in the status bar."""
        from atr_desktop.services.backup import folder_for
        from atr_desktop.services.store_copy import portable_copy

        paths = self.window.paths

        def done(outcome: Any) -> None:
            path, copied = outcome
            self.window.statusBar().showMessage(
                f"Copied the whole programme into {path.name} ({copied.papers} papers, "
                "every count and hash checked); it opens read-only.",
                15_000,
            )

        self.window.tasks.run(
            "Copying the programme from the server",
            lambda progress: portable_copy(db, folder_for(db.path), paths),
            done,
            parent=self.window,
        )

    def back_up_in_background(self) -> None:
        """The regular backup: a quiet job, so the window never freezes for it.

        Whatever happens to one backup (refused, or a bug shown in the bug dialog), the
        runner finishes the job, so the timer's next backup starts as usual.
        """
        from atr_desktop.services.backup import back_up

        if self.opened is None or self.opened.db.readonly or self.worker is not None:
            return
        if self.opened.db.on_server:
            return
        db = self.opened.db

        def done(result: Any) -> None:
            self.worker = None
            self.window.statusBar().showMessage(
                f"Backed up automatically: {result.backup.path.name}.", 10_000
            )

        def failed(exc: BaseException) -> None:
            self.worker = None
            if isinstance(exc, UserError):
                log.info("automatic backup failed: %s", exc)
                self.window.statusBar().showMessage(f"The automatic backup failed: {exc}", 10_000)
            else:
                self.window.tasks.show_bug(exc, self.window)

        self.worker = self.window.tasks.run(
            "Automatic backup",
            lambda progress: back_up(db, reason="auto"),
            done,
            on_error=failed,
            quiet=True,
        )

    def wait_for_background(self) -> None:
        self.window.tasks.wait()

    def on_exit(self) -> None:
        """Back up as the window closes (skipped for a read-only copy)."""
        if self.opened is not None and not (self.opened.db.readonly or self.opened.db.on_server):
            self.back_up("exit", quiet=True)

    def restore_dialog(self) -> None:
        from atr_desktop.services.backup import folder_for

        path = self.window.current_path() or self.last_path
        if path is None:
            path = self.window.paths.default_db
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Restore from backup",
            str(folder_for(path)),
            "ATR Desktop backup (*.db)",
        )
        if name:
            self.restore(path, Path(name))

    def restore(self, live: Path, backup: Path, confirmed: bool = False) -> None:
        from atr_desktop.services.backup import expected_uuid, info_of, restore
        from atr_desktop.storage.backup import read_backup

        chosen = self._attempt(lambda: read_backup(backup))
        if chosen is None:
            return
        info = info_of(chosen)
        described = info.describe()
        when = chosen.manifest.created_at.astimezone().strftime("%H:%M on %d %B %Y")
        text = (
            f"Replace {live.name} with {described}? "
            "What is there now is backed up first, so this can be undone."
        )
        data = self.window.paths.data
        expected = expected_uuid(live, data)
        other = ""
        if expected and expected != info.uuid:
            # Another database: asked for by its name, on a button that says it.
            name = info.programme or f"database {info.uuid[:8]}"
            text = (
                f"{backup.name} is {described}: a different database from the one at "
                f"{live.name} (database {expected[:8]}). Replace it with {name}? What is "
                "there now is backed up first."
            )
            if not ask(
                self.window, "Restore another database?", text, f"Restore {name}", "otherDbBox"
            ):
                return
            other = info.uuid[:8]
        elif not confirmed and not ask(
            self.window, "Restore from backup", text, "Restore", "restoreBox"
        ):
            return
        self.window.close_store()
        if self._attempt(lambda: restore(live, backup, other_database=other, data=data)):
            self.window.statusBar().showMessage(f"Restored from the backup of {when}.", 10_000)
        self.window.open_store(live)

    # -- hand-over -------------------------------------------------------------------------
    def handover(self) -> None:
        from atr_desktop.services.handover import export_to

        if self.opened is None or self.opened.db.readonly:
            show_user_error(self.window, "Open the live database to hand it over.")
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, "Hand over into which shared folder?", str(self.window.paths.data)
        )
        if not folder:
            return
        text = (
            f"Write a copy for your colleague into {folder}? This copy then stops being "
            "live: it will open read-only, and your colleague carries on with theirs."
        )
        if not ask(self.window, "Hand over to a colleague", text, "Hand over", "handoverBox"):
            return
        db = self.opened.db
        result = self._attempt(lambda: export_to(db, Path(folder), self.window.paths))
        if result is None:
            return
        path = db.path
        self.window.close_store()
        QMessageBox.information(
            self.window,
            "Handed over",
            f"The copy for your colleague is {result.path}. They take it on with "
            "File > Take on a handed-over copy. This copy is now read-only.",
        )
        self.window.open_store(path)

    def take_on(self) -> None:
        from atr_desktop.services.handover import import_from

        name, _ = QFileDialog.getOpenFileName(
            self.window, "Take on a handed-over copy", "", "ATR Desktop database (*.db)"
        )
        if not name:
            return
        live = self.window.current_path() or self.window.paths.default_db
        text = (
            f"Take on {name} as your live database ({live})? The database there now is "
            "backed up first."
        )
        if not ask(self.window, "Take on a handed-over copy", text, "Take on", "takeOnBox"):
            return
        self.window.close_store()
        paths = self.window.paths
        if self._attempt(lambda: import_from(Path(name), live, paths)) is not None:
            self.window.statusBar().showMessage(f"{live.name} is now the live copy.", 10_000)
        self.window.open_store(live)
