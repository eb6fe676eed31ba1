"""Two small dialogs of the Actions area: update several actions at once, and import a log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import STATUSES
from atr_desktop.errors import UserError
from atr_desktop.services import actions, actions_import, groups, minutes
from atr_desktop.services.actions import ActionChange
from atr_desktop.services.actions_import import ImportRow
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.reload import TypedForm, save_and_close
from atr_desktop.ui.table_model import Column


class BulkUpdateDialog(QDialog):
    """The same status and dated update for every selected action."""

    def __init__(
        self,
        db: Database,
        refs: list[str],
        parent: QWidget | None = None,
        versions: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.refs = refs
        self.versions: list[int | None] = [*versions] if versions else [None] * len(refs)
        self.setObjectName("bulkUpdateDialog")
        self.setWindowTitle(f"Update {len(refs)} actions")
        self.status = QComboBox()
        self.status.setObjectName("bulkStatus")
        self.status.setAccessibleName("New status")
        self.status.addItem("(leave as it is)", None)
        for status in STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.meeting = QComboBox()
        self.meeting.setObjectName("bulkMeeting")
        self.meeting.setAccessibleName("Meeting that agreed the closure")
        self.meeting.addItem("(not closing)", None)
        for m in minutes.meeting_choices(db):
            self.meeting.addItem(m.label, m.id)
        self.note = QPlainTextEdit()
        self.note.setObjectName("bulkNote")
        self.note.setAccessibleName("Dated update for each")
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(QLabel(", ".join(refs)))
        form.addRow("&Status:", self.status)
        form.addRow("Closure agreed &at:", self.meeting)
        form.addRow("&Update:", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.form = TypedForm([self.status, self.meeting, self.note])

    def reread(self) -> list[int | None]:
        """The actions' versions read again (the boxes hold nothing of theirs to show)."""
        return [actions.get_action(self.db, ref).row_version for ref in self.refs]

    def hold(self, versions: list[int | None]) -> None:
        self.versions = versions

    def save(self) -> None:
        change = ActionChange(
            status=self.status.currentData(),
            note=self.note.toPlainText(),
            at_meeting=self.meeting.currentData(),
        )
        save_and_close(
            self,
            self.form,
            lambda: actions.update_many(self.db, self.refs, change, None, self.versions),
            self.reread,
            self.hold,
        )


IMPORT_COLUMNS: list[Column[ImportRow]] = [
    Column("Row", lambda r: r.line, align_right=True),
    Column("Ref", lambda r: r.ref or "(new)"),
    Column("Action", lambda r: r.description),
    Column("Owner", lambda r: r.owner),
    Column("Due", lambda r: short_date(r.due), sort_key=lambda r: r.due or ""),
    Column("Status", lambda r: r.status),
    Column(
        "Problems",
        lambda r: "; ".join(r.problems) or "OK",
        background=lambda r: "#f4a6a6" if r.problems else "#a8d5a2",
    ),
]


class ImportDialog(QDialog):
    """Choose a file and a group, check every row, then import (problem rows block it)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.imported: tuple[str, ...] = ()
        self.setObjectName("importDialog")
        self.setWindowTitle("Import an action log")
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setAccessibleName("File to import")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for the file")
        browse.clicked.connect(self._browse)
        self.group = QComboBox()
        self.group.setObjectName("importGroup")
        self.group.setAccessibleName("Group the actions bind")
        for g in groups.list_groups(db, include_closed=False):
            self.group.addItem(f"{g.code}  {g.name}", g.code)
        self.check_button = QPushButton("&Check the file")
        self.check_button.setObjectName("importCheck")
        self.check_button.clicked.connect(self.check)
        self.preview: RecordView[ImportRow] = RecordView(IMPORT_COLUMNS, "importRows")
        self.summary = QLabel(
            "Choose a .xlsx or .csv file with columns: reference, action, "
            "owner, due date, status, update."
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.skip = QCheckBox("&Skip the rows with problems")
        self.skip.setObjectName("importSkip")
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.skip.toggled.connect(lambda _: self._enable())
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        form = QFormLayout()
        form.addRow("&File:", top)
        form.addRow("&Group:", self.group)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)
        self.rows: list[ImportRow] = []
        self.resize(900, 520)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Action log to import", "", "Action logs (*.xlsx *.csv)"
        )
        if name:
            self.path.setText(name)
            self.check()

    def _enable(self) -> None:
        bad = sum(1 for r in self.rows if r.problems)
        self.import_button.setEnabled(bool(self.rows) and (bad == 0 or self.skip.isChecked()))

    def check(self) -> None:
        try:
            self.rows = actions_import.preview(
                self.db, Path(self.path.text()), self.group.currentData()
            )
        except UserError as exc:
            self.rows = []
            self.summary.setText(str(exc))
        else:
            bad = sum(1 for r in self.rows if r.problems)
            self.summary.setText(
                f"{len(self.rows)} rows; {bad} with problems."
                + (" Fix them in the file and check again, or skip them." if bad else " Ready.")
            )
        self.preview.set_records(self.rows)
        self._enable()

    def run_import(self) -> None:
        try:
            result = actions_import.import_actions(
                self.db, Path(self.path.text()), self.group.currentData(), self.skip.isChecked()
            )
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.imported = result.imported
        self.accept()
