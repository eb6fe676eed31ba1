"""The import wizard: 1 choose a file, 2 check every row (problems and their reasons),
3 import, or import with the problem rows skipped. Nothing is imported while a problem row
remains unless the user ticks 'skip'."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.errors import NeedsConfirmation
from atr_desktop.services import member_import
from atr_desktop.services.member_import import ImportPreview, PreviewRow
from atr_desktop.storage.database import Database
from atr_desktop.ui.confirm import ask
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.operations import run_or_now, runner_of
from atr_desktop.ui.people_widgets import fill_groups, group_combo, make_button, status_label
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

PROBLEM = "#f4b6b6"


def _bg(p: PreviewRow) -> str | None:
    return PROBLEM if p.row.problems else None


COLUMNS: list[Column[PreviewRow]] = [
    Column("Line", lambda p: p.row.line, sort_key=lambda p: p.row.line, background=_bg),
    Column("Problem or what will happen", lambda p: p.action, background=_bg),
    Column("Name", lambda p: p.row.name),
    Column("Email", lambda p: p.row.email),
    Column("Organisation", lambda p: p.row.organisation),
    Column("Sector", lambda p: p.row.sector),
    Column("Role", lambda p: p.row.role),
    Column("Lived experience", lambda p: "Yes" if p.row.lived_experience else ""),
]


HAND_OVER = {
    "title": "A second chair?",
    "go_text": "Hand the role over",
    "question": "Hand the role over to the person in the file?",
}


class ImportTab(QWidget):
    def __init__(self, db: Database, changed: Callable[[], None]) -> None:
        super().__init__()
        self.db = db
        self.changed = changed
        self._guarded = False
        self.preview: ImportPreview | None = None
        self.group = group_combo("importGroup")
        self.path = QLineEdit()
        self.path.setObjectName("importFile")
        self.path.setAccessibleName("File to import")
        self.path.setPlaceholderText("A .csv or .xlsx file, as saved from Excel")
        self.browse_button = make_button("&Browse…", "browseImport", self.browse)
        self.check_button = make_button("&Check the file", "checkImport", self.check)
        self.summary = QLabel("Choose the group and a file, then press Check the file.")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.view: RecordView[PreviewRow] = RecordView(COLUMNS, "importRows")
        self.skip = QCheckBox("&Skip the problem rows and import the others")
        self.skip.setObjectName("skipProblems")
        self.import_button = make_button("Import the &rows", "runImport", self.run)
        self.status = status_label("importStatus")
        # The edit controls sit in two containers the task runner disables while an import
        # writes; the preview table stays as it is (disabling it repainted every visible
        # row while the job competed for the interpreter: a 50-100 ms pause at the start).
        self.choose = QWidget()
        self.finish = QWidget()
        step1 = QHBoxLayout(self.choose)
        step1.setContentsMargins(0, 0, 0, 0)
        step1.addWidget(QLabel("<b>1</b> Group:"))
        step1.addWidget(self.group)
        step1.addWidget(QLabel("File:"))
        step1.addWidget(self.path, 1)
        step1.addWidget(self.browse_button)
        step1.addWidget(self.check_button)
        step3 = QHBoxLayout(self.finish)
        step3.setContentsMargins(0, 0, 0, 0)
        step3.addWidget(QLabel("<b>3</b>"))
        step3.addWidget(self.skip)
        step3.addStretch(1)
        step3.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choose)
        layout.addWidget(QLabel("<b>2</b> Every row, with the reason a row cannot be imported:"))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.finish)
        layout.addWidget(self.status)
        self.skip.toggled.connect(lambda *_: self._enable())
        self.path.textChanged.connect(lambda *_: self._forget())
        self.group.currentIndexChanged.connect(lambda *_: self._forget())

    def refresh(self) -> None:
        fill_groups(self.group, self.db)
        self._enable()

    def set_group(self, code: str) -> None:
        index = self.group.findData(code)
        if index >= 0:
            self.group.setCurrentIndex(index)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import members", "", "Membership lists (*.csv *.xlsx);;All files (*)"
        )
        if path:
            self.path.setText(path)
            self.check()

    def _forget(self) -> None:
        self.preview = None
        self.view.set_records([])
        self.skip.setChecked(False)
        self._enable()

    def check(self) -> None:
        code = str(self.group.currentData() or "")
        path = Path(self.path.text().strip())
        shown = attempt(self, lambda: member_import.preview(self.db, path, code))
        self.preview = shown
        # Problem rows first, so none hides below the fold of a long list.
        rows = sorted(shown.rows, key=lambda p: (not p.row.problems, p.row.line)) if shown else []
        self.view.set_records(rows)
        self.status.setText("")
        if shown is None:
            self.summary.setText("The file could not be checked: see the message.")
        elif shown.problems:
            lines = ", ".join(str(r.line) for r in shown.problems)
            self.summary.setText(
                f"{len(shown.rows)} rows: {len(shown.good)} ready, {len(shown.problems)} with "
                f"problems (lines {lines}), shown in red with the reason. Fix them in the file "
                "and check again, or skip them."
            )
        else:
            self.summary.setText(f"{len(shown.rows)} rows, all ready to import into {code}.")
        self._enable()

    def _enable(self) -> None:
        shown = self.preview
        self.skip.setEnabled(bool(shown and shown.problems))
        ready = shown is not None and bool(shown.good)
        self.import_button.setEnabled(ready and (not shown.problems or self.skip.isChecked()))  # type: ignore[union-attr]

    def run(self) -> None:
        """Import as a job: a long sheet never freezes the window; all rows or none."""
        shown = self.preview
        if shown is None:
            return
        path, db, skip = Path(self.path.text().strip()), self.db, self.skip.isChecked()

        def work(replace: bool) -> member_import.ImportResult | NeedsConfirmation:
            try:
                return member_import.import_members(
                    db, path, shown.group, skip_invalid=skip, replace_chair=replace
                )
            except NeedsConfirmation as exc:  # a second chair: asked on the GUI thread
                return exc

        def done(result: member_import.ImportResult | NeedsConfirmation) -> None:
            if isinstance(result, NeedsConfirmation):
                if ask(self, result.questions, **HAND_OVER):
                    start(True)
                return
            text = (
                f"Imported {result.memberships} membership(s) into {shown.group}: "
                f"{result.added_people} new people, {result.linked_people} already held."
            )
            if result.skipped:
                text += f" Skipped {len(result.skipped)} problem row(s)."
            if runner_of(self) is None:
                self.changed()  # in a window, the change notice refreshes the tabs
            self._forget()
            self.summary.setText("Done. Choose another file to import more.")
            self.status.setText(text)

        def start(replace: bool) -> None:
            run_or_now(
                self,
                f"Importing members into {shown.group}",
                lambda progress: work(replace),
                done,
                writes=("memberships", "people"),
            )

        runner = runner_of(self)
        if runner is not None and not self._guarded:
            self._guarded = True
            for controls in (self.choose, self.finish):
                runner.guard(controls, ("memberships", "people"))
        start(False)
