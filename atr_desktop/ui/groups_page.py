"""The Groups area: the list of groups, one group's details, add, edit, close and reopen."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.services import groups
from atr_desktop.services.groups import GroupInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.group_dialog import GroupDialog
from atr_desktop.ui.history_dialog import HistoryDialog
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.style import heading
from atr_desktop.ui.table_model import Column
from atr_desktop.ui.undo import undoable

COLUMNS: list[Column[GroupInfo]] = [
    Column("Code", lambda g: g.code),
    Column("Name", lambda g: g.name),
    Column("Kind", lambda g: g.kind.capitalize()),
    Column("Age focus", lambda g: g.age_focus),
    Column("Rhythm", lambda g: g.rhythm),
    Column("Constituents", lambda g: ", ".join(g.constituents)),
    Column("Status", lambda g: "Open" if g.active else f"Closed {short_date(g.closed_on)}"),
]


class GroupsPage(QWidget):
    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset(
        {
            "groups",
            "group_constituents",
            "memberships",
            "meeting_series",
            "standing_items",
            "tor_versions",
            "people",
        }
    )

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        title = heading("Groups")
        self.view: RecordView[GroupInfo] = RecordView(COLUMNS, "groups")
        self.view.say_when_empty(
            "No groups yet. Each board, network or task group that meets has its own"
            " members, Terms of Reference and meetings.",
            "Add the first group…",
            self.add_group,
        )
        self.details = QTextBrowser()
        self.details.setObjectName("groupDetails")
        self.details.setAccessibleName("Group details")
        self.add_button = self._button("&Add group…", "addGroup", self.add_group)
        self.edit_button = self._button("Ed&it…", "editGroup", self.edit_group)
        self.close_button = self._button("&Close group…", "closeGroup", self.close_or_reopen)
        self.history_button = self._button("Hi&story…", "groupHistory", self.show_history)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.close_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        self.view.selection_changed.connect(self._show_selected)
        self.view.activated.connect(lambda g: self.edit_group())

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        self.view.set_records(groups.list_groups(self.db))
        if self.view.current() is None:
            self.view.select_where(lambda g: True)
        self._show_selected()

    def _show_selected(self) -> None:
        group = self.view.current()
        for button in (self.edit_button, self.close_button, self.history_button):
            button.setEnabled(group is not None)
        if group is None:
            self.details.setHtml("<p>Select a group to see its details.</p>")
            return
        self.close_button.setText("&Reopen group…" if not group.active else "&Close group…")
        status = "Open" if group.active else f"Closed on {short_date(group.closed_on)}"
        parts = [
            f"<h3>{escape(group.name)} ({escape(group.code)})</h3>",
            f"<p><b>Kind:</b> {escape(group.kind.capitalize())}<br>",
            f"<b>Age focus:</b> {escape(group.age_focus)}<br>",
            f"<b>Rhythm:</b> {escape(group.rhythm)}<br>",
            f"<b>Status:</b> {status}</p>",
        ]
        if group.constituents:
            parts.append(
                f"<p><b>Constituent groups:</b> {escape(', '.join(group.constituents))}</p>"
            )
        parts.append(f"<p>{escape(group.description)}</p>")
        self.details.setHtml("".join(parts))

    def _changed(self, group: GroupInfo | None) -> None:
        if group is None:
            return
        # The commit's change notice has refreshed every page that shows groups.
        self.view.select_where(lambda g: g.id == group.id)

    def add_group(self) -> None:
        dialog = GroupDialog(self.db, None, self)
        if dialog.exec():
            self._changed(dialog.result_group)

    def edit_group(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        group = self.view.current()
        if group is None:
            return
        dialog = GroupDialog(self.db, group, self)
        if dialog.exec():
            self._changed(dialog.result_group)

    def show_history(self) -> None:
        group = self.view.current()
        if group is not None:
            HistoryDialog(self.db, "group", group.id, group.name, self).exec()

    def show_record(self, kind: str, record_id: int) -> None:
        self.view.select_where(lambda g: g.id == record_id)

    def close_or_reopen(self) -> None:
        group = self.view.current()
        if group is None:
            return
        if not group.active:
            answer = QMessageBox.question(self, "Reopen group", f"Reopen {group.name}?")
            if answer == QMessageBox.StandardButton.Yes:
                with undoable(self, f"reopen group {group.code}"):
                    reopened = attempt(self, lambda: groups.reopen_group(self.db, group.id))
                self._changed(reopened)
            return
        reason, ok = QInputDialog.getText(
            self,
            "Close group",
            f"Close {group.name}? It stays on record with its meetings and decisions.\n"
            "Reason (optional):",
        )
        if ok:
            with undoable(self, f"close group {group.code}"):
                closed = attempt(self, lambda: groups.close_group(self.db, group.id, reason))
            self._changed(closed)
