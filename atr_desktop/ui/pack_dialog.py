"""'Build pack…': check and build a meeting's pack with a progress dialog, then open it.

The store is read on the GUI thread (quick); checking, converting and assembling run on a
QThread that drives the pack worker process, so the window stays responsive and a paper
that hangs cannot freeze it. Cancel kills the worker; nothing half-written is left.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
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
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.ui.errors import show_user_error

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database

KINDS = (("Main pack", "main"), ("Supplementary pack", "supplement"),
         ("Restricted pack (Part B)", "restricted"))  # fmt: skip


class PackJob(QThread):
    """Runs check + build off the GUI thread; the heavy work is in the worker process."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, plan: Any, out: Path, placeholders: bool, command: list[str] | None) -> None:
        super().__init__()
        self.plan, self.out, self.placeholders, self.command = plan, out, placeholders, command
        self.cancel_flag = threading.Event()

    def run(self) -> None:
        from atr_desktop.services import pack

        def progress(done: int, total: int, text: str) -> None:
            self.progressed.emit(done, total, text)

        from atr_desktop.documents.pack.runner import Worker

        try:
            with Worker(self.command) as worker:
                checked = pack.check_plan(
                    self.plan, progress, self.cancel_flag.is_set, worker=worker
                )
                if self.cancel_flag.is_set():
                    raise UserError("Cancelled: nothing was written.")
                self.progressed.emit(-1, -1, "Putting the pack together")
                result = pack.build_plan(
                    checked,
                    self.out,
                    self.placeholders,
                    progress,
                    self.cancel_flag.is_set,
                    worker=worker,
                )
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(result)


class PackDialog(QDialog):
    """The pack for one meeting: choose the kind, build, see problems, open the PDF."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        parent: QWidget | None = None,
        worker_command: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.meeting_id, self.worker_command = db, meeting_id, worker_command
        self.job: PackJob | None = None
        self.progress: QProgressDialog | None = None
        self.built: Path | None = None
        self._issuing: tuple[Any, Path] | None = None
        self.setWindowTitle("Meeting pack")
        self.setObjectName("packDialog")
        self.setMinimumWidth(640)

        self.heading = QLabel(self._heading())
        self.heading.setObjectName("packHeading")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Which pack")
        for label, key in KINDS:
            self.kind.addItem(label, key)
        self.placeholders = QCheckBox("Put in a placeholder page for each paper with a problem")
        self.placeholders.setAccessibleName("Use placeholder pages")
        self.out_edit = QLineEdit(str(self._default_out()))
        self.out_edit.setAccessibleName("Save the pack as")
        self.choose = QPushButton("Choose…")
        self.choose.setAccessibleName("Choose where to save the pack")
        self.choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.out_edit, 1)
        where.addWidget(self.choose)
        form = QFormLayout()
        form.addRow("Pack", self.kind)
        form.addRow("Save as", where)
        form.addRow("", self.placeholders)

        self.build_button = QPushButton("Build pack")
        self.build_button.setAccessibleName("Build pack")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.start_build)
        self.issue_button = QPushButton("Issue pack")
        self.issue_button.setAccessibleName("Issue the pack (kept exactly as issued)")
        self.issue_button.clicked.connect(self.start_issue)
        self.email_button = QPushButton("Email draft…")
        self.email_button.setAccessibleName("Write an email draft with the issued pack")
        self.email_button.clicked.connect(self.write_email)
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open the pack in the PDF viewer")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_pack)
        self.results = QPlainTextEdit()
        self.results.setReadOnly(True)
        self.results.setAccessibleName("What happened")
        self.results.setPlaceholderText("Build the pack: problems with papers are listed here.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.build_button)
        actions.addWidget(self.issue_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.email_button)
        actions.addStretch(1)
        actions.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addLayout(actions)

    def _heading(self) -> str:
        from atr_desktop.domain.dates import long_date
        from atr_desktop.services.refs import find_meeting
        from atr_desktop.storage.models import Group

        with self.db.session() as s:
            meeting = find_meeting(s, self.meeting_id)
            group = s.get(Group, meeting.group_id)
            self._label = f"{group.code if group else ''}-{meeting.date.isoformat()}"
            return f"<b>{group.name if group else ''}</b>: {long_date(meeting.date)}"

    def _default_out(self) -> Path:
        return app_paths().data / "packs" / f"{self._label}-pack.pdf"

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the pack as", self.out_edit.text(), "PDF files (*.pdf)"
        )
        if name:
            self.out_edit.setText(name)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _out_path(self) -> Path | None:
        out = Path(self.out_edit.text().strip()).expanduser()
        if not out.name.lower().endswith(".pdf"):
            show_user_error(self, "Choose a file name ending .pdf for the pack.")
            return None
        return out

    def start_build(self) -> None:
        """Build a draft pack (not recorded) at the chosen path."""
        from atr_desktop.services import pack

        out = self._out_path()
        if self.busy or out is None:
            return
        try:
            plan = pack.plan(self.db, self.meeting_id, self.kind.currentData())
        except UserError as exc:
            self.results.setPlainText(str(exc))
            return
        self._issuing = None
        self._start(plan, out)

    def start_issue(self) -> None:
        """Build the pack into a private folder, record it as issued, save a copy."""
        import tempfile

        from atr_desktop.services import pack_issue

        out = self._out_path()
        if self.busy or out is None:
            return
        try:
            issuing = pack_issue.plan_issue(self.db, self.meeting_id, self.kind.currentData())
        except UserError as exc:
            self.results.setPlainText(str(exc))
            return
        self._issuing = (issuing, out)
        folder = Path(tempfile.mkdtemp(prefix="atr-issue-"))
        self._start(issuing.plan, folder / "pack.pdf")

    def _start(self, plan: Any, out: Path) -> None:
        self.results.setPlainText("Building…")
        self.open_button.setEnabled(False)
        for button in (self.build_button, self.issue_button, self.email_button):
            button.setEnabled(False)
        total = len(plan.papers)
        self.progress = QProgressDialog("Checking the papers…", "Cancel", 0, max(total, 1), self)
        self.progress.setWindowTitle("Building the pack")
        self.progress.setObjectName("packProgress")
        self.progress.setAccessibleName("Pack build progress")
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.job = PackJob(plan, out, self.placeholders.isChecked(), self.worker_command)
        self.progress.canceled.connect(self._cancel)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_built)
        self.job.failed.connect(self._on_failed)
        self.job.finished.connect(self._on_finished)
        self.progress.show()
        self.job.start()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel_flag.set()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling…")

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.progress is None:
            return
        if total < 0:
            self.progress.setRange(0, 0)  # assembling: a busy bar
        else:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
        if text:
            self.progress.setLabelText(text)

    def _on_built(self, result: Any) -> None:
        lines = []
        if self._issuing is not None:
            import shutil

            from atr_desktop.services import pack_issue

            issuing, out = self._issuing
            built = Path(result.path)
            try:
                info = pack_issue.record_issue(self.db, issuing, built, result)
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(built, out)
            except (UserError, OSError) as exc:
                self.results.setPlainText(f"The pack was not issued: {exc}")
                return
            lines.append(f"Issued {issuing.plan.header.version_line.split(',')[0].lower()}"
                         f" (id {info.id}); a copy is saved as {out}")  # fmt: skip
            self.built = out
        else:
            self.built = Path(result.path)
            lines.append(f"Built {result.path}")
        lines.append(
            f"{result.page_count} pages (pack pages {result.first_page} to {result.last_page})."
        )
        lines += [f"Placeholder page for: {p}" for p in result.placeholders]
        lines += [f"Note: {n}" for n in result.notes]
        lines += [f"Accessibility: {n}" for n in getattr(result, "accessibility", [])]
        lines += [f"Warning: {w}" for w in result.warnings]
        self.results.setPlainText("\n".join(lines))
        self.open_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.results.setPlainText(message)

    def _on_finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.job is not None:
            self.job.wait()
            if self._issuing is not None:
                import shutil

                shutil.rmtree(self.job.out.parent, ignore_errors=True)
            self.job.deleteLater()
            self.job = None
        for button in (self.build_button, self.issue_button, self.email_button):
            button.setEnabled(True)

    def write_email(self) -> None:
        """An email draft (.eml) to the distribution list with the latest issued pack."""
        from atr_desktop.services import pack_issue

        default = Path(self.out_edit.text().strip()).with_suffix(".eml")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the email draft as", str(default), "Email drafts (*.eml)"
        )
        if not name:
            return
        try:
            draft = pack_issue.email_draft(self.db, self.meeting_id, Path(name))
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        text = f"Wrote the email draft {draft.path} to {draft.recipients} recipient(s)."
        if not draft.attached:
            text += f"\nThe pack is too large to attach: it is saved as {draft.pack_path}."
        self.results.setPlainText(text)

    def open_pack(self) -> None:
        """Open the built PDF in the system's viewer (a local file; never the network)."""
        if self.built is not None and self.built.is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.built)))

    def reject(self) -> None:
        if self.job is not None:
            self._cancel()
            self.job.wait(10000)
        super().reject()
