"""The Minutes tab: a per-item editor fast from the keyboard, with autosave on each pause.

Typing is kept in DraftText after each pause (so a crash loses nothing); it is saved for
real when the user saves (Ctrl+S), moves to another item or closes the record. Ctrl+D adds
a decision and Ctrl+Shift+A an action under the current item.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import medium_date, short_date
from atr_desktop.errors import UserError
from atr_desktop.services import actions, decisions, minutes, minutes_export
from atr_desktop.services.minutes import ItemMinutes
from atr_desktop.storage.database import Database
from atr_desktop.ui import minutes_approval
from atr_desktop.ui.date_field import DateField, enter_moves_on
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.lease_keeper import Clock, LeaseKeeper, LeaseLine

AUTOSAVE_MS = 700
ADD_ACTION_KEYS = "Ctrl+Shift+A"


class QuickActionDialog(QDialog):
    """Action, owner, due date: Enter saves."""

    def __init__(
        self, binds: list[str], people: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickActionDialog")
        self.setWindowTitle("Add action")
        self.text = QLineEdit()
        self.text.setObjectName("quickActionText")
        self.text.setAccessibleName("Action")
        self.owner = QLineEdit()
        self.owner.setObjectName("quickActionOwner")
        self.owner.setAccessibleName("Owner (email or name)")
        self.owner.setPlaceholderText("A name from the register, an email, or a team")
        completer = QCompleter(list(people), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.due = DateField()
        self.due.setObjectName("quickActionDue")
        self.due.setAccessibleName("Due date")
        self.due.setDate(dt.date.today() + dt.timedelta(days=28))
        self.binds = QComboBox()
        self.binds.setObjectName("quickActionBinds")
        self.binds.setAccessibleName("Group it binds")
        for code in binds:
            self.binds.addItem(code, code)
        form = QFormLayout(self)
        form.addRow("&Action:", self.text)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Due:", self.due)
        if len(binds) > 1:
            form.addRow("&Binds:", self.binds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check_then_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        enter_moves_on(self)

    def check_then_accept(self) -> None:
        """Keep the dialog open (and what was typed) while the due date is not a date."""
        if attempt(self, self.due_date) is not None:
            self.accept()

    def due_date(self) -> dt.date:
        """The due date typed; a plain message (UserError) when it is not a date."""
        return self.due.date()


class MinutesTab(QWidget):
    def __init__(
        self,
        db: Database,
        meeting_id: int,
        binds: list[str],
        parent: QWidget | None = None,
        clock: Clock = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting_id = meeting_id
        self.binds = binds
        self.items: dict[int, ItemMinutes] = {}
        self.texts: dict[int, str] = {}
        self.current_id: int | None = None
        # Approved: amendments only, dated additions that need no lease (none is taken).
        self.locked = minutes.approval_state(db, meeting_id).startswith("approved")
        # Another officer's lease makes the tab read-only (services/leases.py).
        self.lease = LeaseKeeper(
            db, "minutes", meeting_id, self.unsaved, clock, self, lambda: not self.locked
        )
        self.lease_line = LeaseLine(self.lease)
        self.lease.changed.connect(self._lease_changed)
        self.status = QLabel()
        self.status.setObjectName("minutesStatus")
        self.notice = QLabel()
        self.notice.setObjectName("restoreNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #FFD27F; padding: 4px; color: black; }")
        self.notice.hide()
        self.item_list = QListWidget()
        self.item_list.setObjectName("minutesItems")
        self.item_list.setAccessibleName("Agenda items")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("discussionEdit")
        self.editor.setAccessibleName(
            "Discussion (paragraphs; start a line with '- ' for a bullet)"
        )
        self.editor.setPlaceholderText("Type the discussion. A line starting '- ' is a bullet.")
        self.decision_list = QListWidget()
        self.decision_list.setObjectName("decisionsList")
        self.decision_list.setAccessibleName("Decisions under this item")
        self.action_list = QListWidget()
        self.action_list.setObjectName("actionsList")
        self.action_list.setAccessibleName("Actions under this item")
        for lst in (self.decision_list, self.action_list):
            lst.setMaximumHeight(110)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.editor.textChanged.connect(self._typed)
        self.item_list.currentRowChanged.connect(self._item_changed)
        self.buttons = {
            name: self._button(text, name, slot)
            for text, name, slot in (
                ("&Save", "saveMinutes", self.save_current),
                ("Add &decision (Ctrl+D)", "addDecision", self.add_decision),
                ("Add &action (Ctrl+Shift+A)", "addAction", self.add_action),
                ("Item on the da&y…", "addAob", self.add_aob),
                ("De&fer item…", "deferItem", self.defer),
                ("A&pprove…", "approveMinutes", self.approve),
                ("&Withdraw approval…", "withdrawApproval", self.withdraw),
                ("Ame&ndment…", "amendMinutes", self.amend),
                ("E&xport to Word…", "exportMinutes", self.export),
            )
        }
        self.keys = {
            QKeySequence("Ctrl+S").toString(): self.save_current,
            QKeySequence("Ctrl+D").toString(): self.add_decision,
            QKeySequence(ADD_ACTION_KEYS).toString(): self.add_action,
        }
        for keys, slot in self.keys.items():
            QShortcut(QKeySequence(keys), self, slot)
        for widget in (self.editor, self.item_list, self.decision_list, self.action_list):
            widget.installEventFilter(self)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.editor, 1)
        rl.addWidget(QLabel("Decisions:"))
        rl.addWidget(self.decision_list)
        rl.addWidget(QLabel("Actions:"))
        rl.addWidget(self.action_list)
        splitter = QSplitter()
        splitter.addWidget(self.item_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 820])
        row1 = QHBoxLayout()
        row2 = QHBoxLayout()
        for name in ("saveMinutes", "addDecision", "addAction", "addAob", "deferItem"):
            row1.addWidget(self.buttons[name])
        row1.addStretch(1)
        for name in ("approveMinutes", "withdrawApproval", "amendMinutes", "exportMinutes"):
            row2.addWidget(self.buttons[name])
        row2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.lease_line)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self.reload(restore=True)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").split(" (")[0].rstrip("…"))
        button.clicked.connect(slot)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The minute-taker's keys work wherever the focus is in the tab.

        Handled here rather than left to the shortcut map alone: Ctrl+Shift+A is 'deselect'
        to text and list widgets on Linux, and a key must never fall through unnoticed.
        """
        if isinstance(event, QKeyEvent) and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            handler = self.keys.get(QKeySequence(event.keyCombination()).toString())
            if handler is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # deliver the key press here, handled below
                else:
                    handler()
                return True
        return super().eventFilter(watched, event)

    # --- loading -------------------------------------------------------------------------

    def reload(self, restore: bool = False, select: int | None = None) -> None:
        public = minutes.show(self.db, self.meeting_id)
        part_b = minutes.show(self.db, self.meeting_id, confidential=True)
        self.view = public
        if self.locked != public.locked:  # approved (the lease is given back) or withdrawn
            self.locked = public.locked
            self.lease.refresh()
        ordered = sorted(
            (*public.items, *part_b.items), key=lambda i: tuple(int(p) for p in i.number.split("."))
        )
        self.items = {i.item_id: i for i in ordered}
        restored = []
        for i in ordered:
            if restore and i.pending_draft is not None and not self.read_only:
                self.texts[i.item_id] = i.pending_draft
                restored.append(i.number)
            elif i.item_id not in self.texts or not restore:
                self.texts.setdefault(i.item_id, i.discussion)
        if restored:
            self.notice.setText(
                "Restored typing that was not saved when ATR Desktop last closed (item "
                + ", ".join(restored)
                + "). Check it, then save."
            )
            self.notice.show()
        if self.locked and public.approved_at:
            self.status.setText(
                f"<b>APPROVED</b> at the meeting of {medium_date(public.approved_at)}: locked. "
                "Corrections are recorded as amendments."
            )
        elif public.approval_withdrawn:
            self.status.setText(
                "<b>DRAFT</b>: an approval was withdrawn ("
                + html.escape(public.approval_withdrawn)
                + "); approve again at a meeting that has taken place."
            )
        else:
            self.status.setText("<b>DRAFT</b>: not yet approved.")
        keep = select if select is not None else self.current_id
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for i in ordered:
            marks = "".join(
                (
                    " [Part B]" if i.confidential else "",
                    " [on the day]" if i.added_on_day else "",
                    " [deferred]" if i.deferred else "",
                )
            )
            entry = QListWidgetItem(f"{i.number}  {i.title}{marks}")
            entry.setData(Qt.ItemDataRole.UserRole, i.item_id)
            self.item_list.addItem(entry)
        self.item_list.blockSignals(False)
        ids = [i.item_id for i in ordered]
        self.current_id = None
        self.item_list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._enable()

    @property
    def read_only(self) -> bool:
        """Approved, or someone else is editing these minutes."""
        return self.locked or not self.lease.editable

    def _enable(self) -> None:
        leased = self.lease.editable
        for name, button in self.buttons.items():
            if name in ("amendMinutes", "withdrawApproval"):
                button.setEnabled(self.locked and leased)
            else:
                button.setEnabled(name == "exportMinutes" or not self.read_only)
        self.editor.setReadOnly(self.read_only)

    def _lease_changed(self) -> None:
        """Someone else took or freed the minutes: show the saved text when they are theirs.

        Typing not yet saved is kept as unsaved typing (offered again when the minutes are
        next opened here), never simply dropped."""
        if not self.lease.editable:
            holder = self.lease.state.holder
            if self._keep_unsaved_typing() and holder is not None:
                self.notice.setText(
                    f"{holder.name} took over these minutes: what you typed and had not saved "
                    "is kept, and offered again when you next open them."
                )
                self.notice.show()
            self.texts = {i: m.discussion for i, m in self.items.items()}
            if self.current_id is not None:
                self.editor.blockSignals(True)
                self.editor.setPlainText(self.texts.get(self.current_id, ""))
                self.editor.blockSignals(False)
        self._enable()

    def _keep_unsaved_typing(self) -> bool:
        """Keep typing not yet saved as unsaved typing; True when there was some."""
        kept = False
        for item_id, text in self.texts.items():
            item = self.items.get(item_id)
            if item is not None and text != item.discussion:
                kept = True
                try:
                    minutes.autosave(self.db, self.meeting_id, item_id, text)
                except UserError as exc:
                    show_user_error(self, str(exc))
        return kept

    def unsaved(self) -> bool:
        """Typing not yet saved as the minutes (the lease is renewed while there is some)."""
        return any(self.texts.get(i, m.discussion) != m.discussion for i, m in self.items.items())

    def _item_changed(self, row: int) -> None:
        if self.current_id is not None:
            self.save_current()
        item = self.item_list.item(row)
        if item is None:
            return
        self.current_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts.get(self.current_id, ""))
        self.editor.blockSignals(False)
        self._show_lists()

    def _show_lists(self) -> None:
        self.decision_list.clear()
        self.action_list.clear()
        item = self.items.get(self.current_id or 0)
        if item is None:
            return
        for d in item.decisions:
            flag = " (needs ratification)" if d.needs_ratification else ""
            self.decision_list.addItem(f"{d.text}{flag}")
        for a in item.actions:
            self.action_list.addItem(
                f"{a.ref}  {a.description}  ({a.owner}, due {short_date(a.due)})"
            )
        for a in item.carried:
            self.action_list.addItem(
                f"Brought forward: {a.ref}  {a.description}  "
                f"({a.owner}, due {short_date(a.due)}, {a.status})"
            )

    # --- typing --------------------------------------------------------------------------

    def _typed(self) -> None:
        if self.current_id is not None and not self.read_only:
            self.texts[self.current_id] = self.editor.toPlainText()
            self.lease.touch()
            self.timer.start()

    def autosave(self) -> None:
        """Keep what is typed (the pause in typing has come)."""
        self.timer.stop()
        if self.current_id is None or self.read_only:
            return
        if self.texts[self.current_id] != self.items[self.current_id].discussion:
            minutes.autosave(self.db, self.meeting_id, self.current_id, self.texts[self.current_id])

    def save_current(self) -> bool:
        self.timer.stop()
        item_id = self.current_id
        if item_id is None or self.read_only:
            return True
        text = self.texts.get(item_id, "")
        if text == self.items[item_id].discussion and self.items[item_id].pending_draft is None:
            return True
        try:
            saved = minutes.write_item(self.db, self.meeting_id, item_id, text)
        except UserError as exc:
            show_user_error(self, str(exc))
            return False
        self.items[item_id] = saved
        self.notice.hide()
        return True

    # --- decisions, actions, items -------------------------------------------------------

    def _number(self) -> str:
        return self.items[self.current_id or 0].number

    def add_decision(self) -> None:
        if self.current_id is None or self.read_only:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, "Add decision", f"Decision under item {self._number()} (wording as minuted):"
        )
        if not ok or not text.strip():
            return
        binds = self.binds[0]
        if len(self.binds) > 1:
            binds, ok = QInputDialog.getItem(
                self, "Add decision", "Which group does it bind?", self.binds, 0, False
            )
            if not ok:
                return
        done = attempt(
            self,
            lambda: decisions.add_decision(
                self.db, self.meeting_id, self.current_id or 0, text, binds
            ),
        )
        if done:
            self.save_current()
            self.reload(select=self.current_id)

    def add_action(self) -> None:
        if self.current_id is None or self.read_only:
            return
        from atr_desktop.services import attendance

        register = attendance.get_register(self.db, self.meeting_id)
        people = sorted({ln.name for ln in register.lines if ln.person_id is not None})
        dialog = QuickActionDialog(self.binds, people, self)
        if not dialog.exec():
            return
        done = attempt(
            self,
            lambda: actions.add_action(
                self.db,
                self.meeting_id,
                self.current_id or 0,
                dialog.text.text(),
                dialog.owner.text(),
                dialog.due_date(),
                dialog.binds.currentData(),
            ),
        )
        if done:
            self.save_current()
            self.reload(select=self.current_id)

    def add_aob(self) -> None:
        title, ok = QInputDialog.getText(
            self, "Item on the day", "Title of the item raised under AOB:"
        )
        if not ok:
            return
        self.save_current()
        number = attempt(self, lambda: minutes.add_item_on_the_day(self.db, self.meeting_id, title))
        if number:
            self.reload()
            for row in range(self.item_list.count()):
                if self.item_list.item(row).text().startswith(f"{number}  "):
                    self.item_list.setCurrentRow(row)

    def defer(self) -> None:
        if self.current_id is None:
            return
        reason, ok = QInputDialog.getText(
            self, "Defer item", f"Defer item {self._number()} to a future meeting. Reason:"
        )
        if (
            ok
            and attempt(
                self,
                lambda: minutes.defer_item(self.db, self.meeting_id, self.current_id or 0, reason),
            )
            is not None
        ):
            self.reload()

    def approve(self) -> None:
        """Approve at a later meeting that has taken place, after a confirmation."""
        if self.save_current() and minutes_approval.approve(self, self.db, self.meeting_id):
            self.reload()

    def withdraw(self) -> None:
        """Withdraw an approval given in error, with a reason on record."""
        if minutes_approval.withdraw(self, self.db, self.meeting_id):
            self.reload()

    def amend(self) -> None:
        """A dated correction to approved minutes, under the current item."""
        if not self.locked or self.current_id is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, "Amendment", f"Correction to item {self._number()} (the approved text stays):"
        )
        if not ok or not text.strip():
            return
        reason, ok = QInputDialog.getText(self, "Amendment", "Why is it corrected?")
        if not ok:
            return
        item = self.current_id
        if attempt(self, lambda: minutes.amend(self.db, self.meeting_id, text, reason, item)):
            self.status.setText(self.status.text() + " An amendment is on record.")

    def export(self) -> None:
        self.save_current()
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the minutes", "minutes.docx", "Word (*.docx)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, out: Path, confidential: bool = False) -> Path | None:
        self.save_current()
        return attempt(
            self, lambda: minutes_export.export(self.db, self.meeting_id, out, confidential)
        )
