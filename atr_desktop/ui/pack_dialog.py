"""'Build pack…': check and build a meeting's pack with a progress dialog, then open it.

The store is read on the GUI thread (quick); checking, converting and assembling run as a
job of the task runner (ui/operations.py) that drives the pack worker process, so the
window stays responsive and a paper that hangs cannot freeze it. Cancel kills the worker;
nothing half-written is left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from atr_desktop.ui import pack_confirm
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.operations import Progress, Task, TaskRunner, runner_of

if TYPE_CHECKING:
    from atr_desktop.storage.database import Database

KINDS = (("Main pack", "main"), ("Supplementary pack", "supplement"),
         ("Part B pack (confidential)", "restricted"))  # fmt: skip


def pack_work(
    make_plan: Callable[[], Any],
    out: Path,
    placeholders: bool,
    command: list[str] | None,
) -> Callable[[Progress], tuple[Any, Any]]:
    """The job: read the plan, check and build it into ``out`` through the pack worker.

    Returns the build's result and what the plan was made from (for an issue, the issue
    plan the dialog records once the user has confirmed). Reading the plan opens its own
    unit of work on the job's thread. Cancel stops the worker; nothing half-written is left.
    """

    def work(progress: Progress) -> tuple[Any, Any]:
        from atr_desktop.documents.pack.runner import Worker
        from atr_desktop.services import pack

        made = make_plan()
        plan = getattr(made, "plan", made)  # an issue plan carries the pack's plan
        stopped = lambda: progress.cancelled  # noqa: E731
        with Worker(command) as worker:
            checked = pack.check_plan(plan, progress.update, stopped, worker=worker)
            if progress.cancelled:
                raise UserError("Cancelled: nothing was written.")
            progress.update(-1, -1, "Putting the pack together")
            result = pack.build_plan(
                checked, out, placeholders, progress.update, stopped, worker=worker
            )
        return result, made

    return work


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
        # The window's task runner, or (a dialog on its own) one of the dialog's.
        self.tasks = (runner_of(parent) if parent is not None else None) or TaskRunner(
            None, None, self
        )
        self.job: Task | None = None
        self._out: Path | None = None
        self.progress: QProgressDialog | None = None
        self.built: Path | None = None
        self._issuing: Path | None = None  # where an issued pack's copy goes
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

    def _packs_folder(self) -> Path:
        from atr_desktop.services import settings

        return settings.packs_folder(self.db, app_paths().packs)

    def _default_out(self) -> Path:
        return self._packs_folder() / f"{self._label}-pack.pdf"

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
        if self.kind.currentData() == "restricted":
            chosen = pack_confirm.restricted_target(self, out, self._packs_folder())
            if chosen is not None and chosen != out:
                self.out_edit.setText(str(chosen))
            return chosen
        return out

    def start_build(self) -> None:
        """Build a draft pack (not recorded) at the chosen path."""
        out = self._out_path()
        if self.busy or out is None:
            return
        db, meeting, kind = self.db, self.meeting_id, self.kind.currentData()

        def make_plan() -> Any:  # on the job's thread, imports included
            from atr_desktop.services import pack

            return pack.plan(db, meeting, kind)

        self._issuing = None
        self._start(make_plan, out)

    def start_issue(self) -> None:
        """Build the pack into a private folder, record it as issued, save a copy."""
        import tempfile

        out = self._out_path()
        if self.busy or out is None:
            return
        db, meeting, kind = self.db, self.meeting_id, self.kind.currentData()

        def make_plan() -> Any:  # on the job's thread, imports included
            from atr_desktop.services import pack_issue

            return pack_issue.plan_issue(db, meeting, kind)

        self._issuing = out
        folder = Path(tempfile.mkdtemp(prefix="atr-issue-"))
        self._start(make_plan, folder / "pack.pdf")

    def _start(self, make_plan: Callable[[], Any], out: Path) -> None:
        self.results.setPlainText("Building…")
        self.open_button.setEnabled(False)
        for button in (self.build_button, self.issue_button, self.email_button):
            button.setEnabled(False)
        self.progress = QProgressDialog("Reading the agenda…", "Cancel", 0, 0, self)
        self.progress.setWindowTitle("Building the pack")
        self.progress.setObjectName("packProgress")
        self.progress.setAccessibleName("Pack build progress")
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel)
        self.progress.show()
        self._out = out
        work = pack_work(make_plan, out, self.placeholders.isChecked(), self.worker_command)
        self.job = self.tasks.run(
            "Building the pack to issue" if self._issuing else "Building the pack",
            work,
            self._on_built,
            on_error=self._on_failed,
            on_progress=self._on_progress,
            cancellable=True,
            quiet=True,
            parent=self,
        )

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.progress.cancel()
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

    def _on_built(self, outcome: tuple[Any, Any]) -> None:
        try:
            self._show_built(outcome)
        finally:
            self._on_finished()

    def _show_built(self, outcome: tuple[Any, Any]) -> None:
        result, made = outcome
        lines = []
        if self._issuing is not None:
            issued = self._issue(made, result, self._issuing)
            if issued is None:
                return
            lines.append(issued)
            self.built = self._issuing
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

    def _issue(self, made: Any, result: Any, out: Path) -> str | None:
        """Ask what goes out (version, pages, items to follow); then record the pack as
        issued and save its copy. None when not issued (the dialog says why)."""
        import shutil

        from atr_desktop.services import pack_issue

        version = made.plan.header.version_line
        if not pack_confirm.confirm_issue(self, version, result, out):
            self.results.setPlainText("Not issued: nothing was recorded or sent.")
            return None
        try:
            pack_issue.record_issue(self.db, made, Path(result.path), result)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.path, out)
        except (UserError, OSError) as exc:
            self.results.setPlainText(f"The pack was not issued: {exc}")
            return None
        return f"Issued {version.split(',')[0].lower()}; a copy is saved as {out}"

    def _on_failed(self, error: BaseException) -> None:
        try:
            if isinstance(error, UserError):
                self.results.setPlainText(str(error))
            else:
                self.results.setPlainText("The pack could not be built: this is a bug.")
                self.tasks.show_bug(error, self)
        finally:
            self._on_finished()

    def _on_finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.job is not None:
            if self._issuing is not None and self._out is not None:
                import shutil

                shutil.rmtree(self._out.parent, ignore_errors=True)  # the private build
            self.job = None
        for button in (self.build_button, self.issue_button, self.email_button):
            button.setEnabled(True)

    def write_email(self) -> None:
        """An email draft (.eml) to the distribution list with the latest issued pack."""
        from atr_desktop.services import pack_issue

        if not pack_issue.has_sendable_pack(self.db, self.meeting_id):
            show_user_error(
                self,
                "Issue the pack first (the Issue pack button): only an issued pack is sent, "
                "so the email carries exactly what is kept on record.",
            )
            return
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
            pack_confirm.open_in_viewer(self, self.built)

    def reject(self) -> None:
        if self.job is not None:
            self._cancel()
            self.tasks.wait(10000)
        super().reject()
