"""The Actions area: the chairs' tracker across all groups.

Filter by group, owner, status, overdue, due within N days and text; sort by any column;
select several and update them at once; edit one; import a log; export; reminder drafts;
and the way into a meeting's register and minutes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import RAG_COLOURS, STATUSES
from atr_desktop.services import action_outputs, actions, groups
from atr_desktop.services.actions import ActionFilter, ActionInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.part_b_choice import ask_include_part_b
from atr_desktop.ui.style import heading
from atr_desktop.ui.table_model import Column
from atr_desktop.ui.windowed_view import WindowedView

COLUMNS: list[Column[ActionInfo]] = [
    Column("Ref", lambda a: a.ref),
    Column("Group", lambda a: a.group_code),
    Column("Action", lambda a: a.description),
    Column("Owner", lambda a: a.owner),
    Column("Due", lambda a: short_date(a.due_date), sort_key=lambda a: a.due_date or ""),
    Column(
        "Revised",
        lambda a: short_date(a.revised_due_date),
        sort_key=lambda a: a.revised_due_date or "",
    ),
    Column("Status", lambda a: a.status.capitalize()),
    Column("RAG", lambda a: a.rag, background=lambda a: "#" + RAG_COLOURS.get(a.rag, "FFFFFF")),
    Column("Raised at", lambda a: a.raised_at, sort_key=lambda a: a.raised_on),
    Column("Latest update", lambda a: a.latest_update),
]
# What each column sorts by in the service (actions.SORTS); "" leaves the tracker's order.
COLUMN_SORTS: tuple[str, ...] = (
    *("ref", "group", "description", "owner", "due", "revised", "status", "rag", "raised"),
    "",
)


MIN_FILTER = 2


def _words(typed: str) -> str:
    """The filter box's text once it can narrow: a single letter would match most of a
    decade's log (74,000 of 100,000 actions start a word with "s") and only slow typing."""
    return typed if len(typed.strip()) >= MIN_FILTER else ""


def _button(text: str, name: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


class ActionsPage(QWidget):
    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset({"actions", "action_updates", "people", "groups", "meetings", "settings"})

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.group = QComboBox()
        self.group.setObjectName("actionsGroup")
        self.group.setAccessibleName("Filter by group")
        self.owner = QLineEdit()
        self.owner.setObjectName("actionsOwner")
        self.owner.setAccessibleName("Filter by owner")
        self.owner.setPlaceholderText("Owner")
        self.owner.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("actionsStatus")
        self.status.setAccessibleName("Filter by status")
        self.status.addItem("All open", "open-all")
        self.status.addItem("Any status", None)
        for status in STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.overdue = QCheckBox("&Overdue only")
        self.overdue.setObjectName("actionsOverdue")
        self.due_within = QSpinBox()
        self.due_within.setObjectName("actionsDueWithin")
        self.due_within.setAccessibleName("Due within days (0 for any)")
        self.due_within.lineEdit().setAccessibleName("Due within days")
        self.due_within.setRange(0, 365)
        self.due_within.setSpecialValueText("any time")
        self.due_within.setPrefix("due within ")
        self.due_within.setSuffix(" days")
        filters = FlowLayout()
        for label, widget in (
            ("Grou&p:", self.group),
            ("O&wner:", self.owner),
            ("&Status:", self.status),
        ):
            lab = QLabel(label)
            lab.setBuddy(widget)
            filters.addWidget(lab)
            filters.addWidget(widget)
        filters.addWidget(self.overdue)
        filters.addWidget(self.due_within)
        filters.addStretch(1)
        self.view: WindowedView[ActionInfo] = WindowedView(
            COLUMNS, "actions", lambda ids: actions.actions_by_id(self.db, ids, history=False)
        )
        self.view.enable_history(db, "action", lambda a: a.ref)
        self.view.filter.setPlaceholderText("Filter: type the start of a word (two letters on)")
        self.view.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.say_when_empty(
            "No actions to show. Actions are agreed in a meeting's minutes (Register and"
            " minutes on the Meetings page); an existing action log can be imported.",
            "Import an action log…",
            self.import_log,
        )
        self.count = QLabel()
        self.count.setObjectName("actionsCount")
        self.edit_button = _button("E&dit…", "editAction", self.edit_action)
        self.bulk_button = _button("&Update selected…", "bulkUpdate", self.bulk_update)
        buttons = FlowLayout()
        for b in (
            self.edit_button,
            self.bulk_button,
            _button("&Import…", "importActions", self.import_log),
            _button("E&xport…", "exportActions", self.export),
            _button("&Reminders…", "remindActions", self.remind),
            _button("Register and &minutes…", "openMeetingRecord", self.open_meeting_record),
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Actions"))
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.group.currentIndexChanged.connect(lambda _: self.refresh())
        self.status.currentIndexChanged.connect(lambda _: self.refresh())
        self.owner.textChanged.connect(lambda _: self.view.typing.start())
        self.view.query_changed.connect(self.refresh)
        self.overdue.toggled.connect(lambda _: self.refresh())
        self.due_within.valueChanged.connect(lambda _: self.refresh())
        self.view.activated.connect(lambda _: self.edit_action())
        self.view.selection_changed.connect(self._enable)
        self._fill_groups()

    def _fill_groups(self) -> None:
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem("All groups", None)
        for g in groups.list_groups(self.db):
            self.group.addItem(f"{g.code}  {g.name}", g.code)
        self.group.blockSignals(False)

    def filters(self) -> ActionFilter:
        status = self.status.currentData()
        return ActionFilter(
            group=self.group.currentData(),
            owner=self.owner.text(),
            status=None if status == "open-all" else status,
            overdue=self.overdue.isChecked(),
            due_within=self.due_within.value() or None,
            open_only=status == "open-all",
            text=_words(self.view.filter.text()),
            sort=COLUMN_SORTS[self.view.sort_column] if self.view.sort_column >= 0 else "",
            descending=self.view.sort_order == Qt.SortOrder.DescendingOrder,
        )

    def refresh(self) -> None:
        """The ids the filters match (one query); the rows shown are fetched as they show."""
        self.view.typing.stop()
        found = actions.action_ids(self.db, self.filters())
        self.view.set_ids([action_id for action_id, _overdue in found])
        overdue = sum(is_overdue for _id, is_overdue in found)
        self.count.setText(f"{len(found):,} actions, {overdue:,} overdue")
        self._enable()

    def show_due_within(self, days: int) -> None:
        """Every open action overdue or due within ``days``, of every group: what Home's
        "Actions overdue and due soon" lists, all of it (its "and N more")."""
        self._reset_filters(status_index=0, due_within=max(days, 1))  # all open

    def show_record(self, kind: str, record_id: int) -> None:
        """Select the action a Home line or search hit names (clearing filters that hide it)."""
        if kind == "action" and not self.view.select_id(record_id):
            self.clear_filters()
            self.view.select_id(record_id)

    def clear_filters(self) -> None:
        """Every action, open or closed, of every group and owner."""
        self._reset_filters(status_index=self.status.findData(None), due_within=0)

    def _reset_filters(self, status_index: int, due_within: int) -> None:
        """Every group and owner, no text, the status and days given; one re-read."""
        quiet = (
            self.group,
            self.status,
            self.owner,
            self.overdue,
            self.due_within,
            self.view.filter,
        )
        for widget in quiet:
            widget.blockSignals(True)
        self.group.setCurrentIndex(0)
        self.status.setCurrentIndex(status_index)
        self.owner.clear()
        self.overdue.setChecked(False)
        self.due_within.setValue(due_within)
        self.view.filter.clear()
        for widget in quiet:
            widget.blockSignals(False)
        self.refresh()

    def _enable(self) -> None:
        chosen = self.view.selected()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.bulk_button.setEnabled(bool(chosen))

    def edit_action(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        from atr_desktop.ui.action_dialog import ActionDialog

        current = self.view.current()
        if current is None:
            return
        action = actions.get_action(self.db, current.id)  # with its every update
        if ActionDialog(self.db, action, self).exec():
            self.refresh()

    def bulk_update(self) -> None:
        from atr_desktop.ui.action_bulk import BulkUpdateDialog

        chosen = self.view.selected()
        refs, read = [a.ref for a in chosen], [a.row_version for a in chosen]
        if refs and BulkUpdateDialog(self.db, refs, self, read).exec():
            self.refresh()

    def import_log(self) -> None:
        from atr_desktop.ui.action_bulk import ImportDialog

        dialog = ImportDialog(self.db, self)
        if dialog.exec():
            self.refresh()
            QMessageBox.information(self, "Import", f"Imported {len(dialog.imported)} actions.")

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the action log", "action-log.xlsx", "Excel (*.xlsx);;Word (*.docx)"
        )
        if not name:
            return
        include = ask_include_part_b(self, "actions")
        if include is None:
            return
        done = self.export_to(Path(name), include)
        if done is not None:
            shown = done.written + done.left_out
            said = (
                f"Wrote {done.written} of the {shown} actions shown to {done.path}."
                if done.left_out
                else f"Wrote the {shown} action(s) shown to {done.path}."
            )
            if done.left_out:
                said += "\n\n" + done.left_out_sentence()
            QMessageBox.information(self, "Export", said)

    def described(self) -> str:
        """The filters in the window's words, written at the top of the export."""
        parts = [" ".join(self.group.currentText().split()) if self.group.currentData() else ""]
        parts.append(f"owner '{self.owner.text().strip()}'" if self.owner.text().strip() else "")
        parts.append(self.status.currentText().lower())
        parts.append("overdue only" if self.overdue.isChecked() else "")
        days = self.due_within.value()
        parts.append(f"due within {days} days" if days else "")
        typed = self.view.filter.text().strip()
        parts.append(f"matching '{typed}'" if typed else "")
        return "Shown: " + ", ".join(p for p in parts if p) + "."

    def export_to(self, out: Path, include_part_b: bool = False) -> action_outputs.LogExport | None:
        """Exactly what the view shows, in its order (never the whole log behind it)."""
        ids = self.view.shown_ids()
        return attempt(
            self,
            lambda: action_outputs.export_shown(
                self.db, out, ids, self.described(), confidential=include_part_b
            ),
        )

    def remind(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the reminder drafts")
        if folder:
            written = self.remind_to(Path(folder))
            if written is not None:
                QMessageBox.information(
                    self,
                    "Reminders",
                    f"Wrote {len(written)} email drafts to {folder}: open "
                    "each in Outlook, check it and send it.",
                )

    def remind_to(self, folder: Path) -> list[Path] | None:
        return attempt(self, lambda: action_outputs.reminders(self.db, folder))

    def open_meeting_record(self) -> None:
        from atr_desktop.ui.meeting_chooser import MeetingChooser

        chooser = MeetingChooser(self.db, self, self.group.currentData())
        if chooser.exec() and chooser.chosen is not None:
            self.open_record(chooser.chosen)

    def open_record(self, meeting_id: int) -> None:
        from atr_desktop.ui.meeting_record import MeetingRecordDialog

        MeetingRecordDialog(self.db, meeting_id, self).exec()
        self.refresh()
