"""Terms of Reference: version history, the draft editor, approval, comparing two versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import long_date, short_date
from atr_desktop.domain.tor import SectionDiff
from atr_desktop.errors import UserError
from atr_desktop.services import tor
from atr_desktop.services.tor import TorInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.member_dialogs import date_edit, day_of
from atr_desktop.ui.people_widgets import (
    choose_save_path,
    fill_groups,
    group_combo,
    make_button,
    status_label,
)
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.style import chip_stylesheet
from atr_desktop.ui.table_model import Column
from atr_desktop.ui.tor_editor import TorEditor

FLAG_COLOURS = {"overdue": "#f4b6b6", "due soon": "#ffe0a0"}
CHANGED = "#fff3b0"

COLUMNS: list[Column[TorInfo]] = [
    Column("Version", lambda t: t.version, sort_key=lambda t: t.version),
    Column("Status", lambda t: t.status.capitalize()),
    Column("Approved", lambda t: short_date(t.approved_on)),
    Column("At / by", lambda t: ", ".join(p for p in (t.approved_meeting, t.approved_by) if p)),
    Column("Review", lambda t: short_date(t.review_date)),
    Column("Flag", lambda t: t.review_flag, background=lambda t: FLAG_COLOURS.get(t.review_flag)),
]


def _paragraphs(text: str) -> str:
    """Plain text as HTML: '- ' or '* ' lines become bullets, as in the Word export."""
    out = []
    for line in (ln.strip() for ln in text.splitlines()):
        if line.startswith(("- ", "* ")):
            out.append(f"<ul><li>{escape(line[2:])}</li></ul>")
        elif line:
            out.append(f"<p>{escape(line)}</p>")
    return "".join(out)


def version_html(info: TorInfo) -> str:
    head = f"<h2>{escape(info.group_name)}: Terms of Reference</h2>"
    status = f"Version {info.version} ({info.status})"
    if info.approved_on:
        status += f", approved {long_date(info.approved_on)}"
    body = "".join(
        f"<h3>{escape(title)}</h3>{_paragraphs(text) or '<p><i>Not set.</i></p>'}"
        for title, text in info.sections()
    )
    return f"{head}<p><b>{escape(status)}</b></p>{body}"


def compare_html(old: int, new: int, diffs: list[SectionDiff]) -> str:
    """Every section; changed ones highlighted, with what it was and what it is now."""
    changed = sum(1 for d in diffs if d.changed)
    parts = [f"<h2>Version {old} compared with version {new}</h2>",
             f"<p><b>{changed} of {len(diffs)} sections changed.</b></p>"]  # fmt: skip
    for d in diffs:
        if not d.changed:
            parts.append(f"<h3>{escape(d.title)} (unchanged)</h3>{_paragraphs(d.new)}")
            continue
        parts.append(
            f'<table width="100%" cellpadding="6" bgcolor="{CHANGED}"><tr><td>'
            f"<h3>{escape(d.title)}: CHANGED</h3>"
            f"<p><b>Version {old}:</b></p>{_paragraphs(d.old) or '<p><i>blank</i></p>'}"
            f"<p><b>Version {new}:</b></p>{_paragraphs(d.new) or '<p><i>blank</i></p>'}"
            "</td></tr></table>"
        )
    return "".join(parts)


class ApproveDialog(QDialog):
    """At which meeting, or on which date, and by whom the draft was approved."""

    def __init__(self, db: Database, draft: TorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.draft = db, draft
        self.result_tor: TorInfo | None = None
        self.setWindowTitle(f"Approve version {draft.version} of the {draft.group} ToR")
        self.meeting = QComboBox()
        self.meeting.setObjectName("approvalMeeting")
        self.meeting.setAccessibleName("Meeting that approved it")
        self.meeting.addItem("Not at a meeting (use the date)", None)
        for ref, label in tor.approval_meetings(db, draft.group):
            self.meeting.addItem(label, ref)
        self.day = date_edit("approvalDate", "Date approved")
        self.by = QLineEdit(draft.group_name)
        self.by.setObjectName("approvedBy")
        self.by.setAccessibleName("Approved by")
        form = QFormLayout()
        form.addRow("At &meeting:", self.meeting)
        form.addRow("Or on &date:", self.day)
        form.addRow("Approved &by:", self.by)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Once approved, this version is never edited again."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        meeting = self.meeting.currentData()
        try:
            self.result_tor = tor.approve(
                self.db,
                self.draft.group,
                meeting=meeting,
                on=None if meeting else day_of(self.day),
                by=self.by.text(),
            )
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()


class TorTab(QWidget):
    def __init__(self, db: Database, changed: Callable[[], None]) -> None:
        super().__init__()
        self.db = db
        self.changed = changed
        self.group = group_combo("torGroup")
        self.flag = QLabel("")
        self.flag.setObjectName("torReviewFlag")
        self.view: RecordView[TorInfo] = RecordView(COLUMNS, "torVersions")
        self.view.enable_history(db, "tor", lambda t: f"ToR version {t.version}")
        self.browser = QTextBrowser()
        self.browser.setObjectName("torText")
        self.browser.setAccessibleName("Terms of Reference text or comparison")
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        for combo, name in ((self.old_combo, "compareOld"), (self.new_combo, "compareNew")):
            combo.setObjectName(name)
            combo.setAccessibleName("Version to compare")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = status_label("torStatus")
        self.draft_button = make_button(
            "&New draft", "newDraft", self.new_draft, "A draft copied from the latest version"
        )
        self.edit_button = make_button("Edit d&raft…", "editDraft", self.edit_draft)
        self.approve_button = make_button("&Approve draft…", "approveDraft", self.approve)
        self.discard_button = make_button("Discard draft", "discardDraft", self.discard)
        self.compare_button = make_button("&Compare", "compareVersions", self.compare)
        self.export_button = make_button("Export &Word…", "exportTor", self.export)
        top = QHBoxLayout()
        label = QLabel("Gro&up:")
        label.setBuddy(self.group)
        top.addWidget(label)
        top.addWidget(self.group, 1)
        top.addWidget(self.flag)
        buttons = FlowLayout()
        for b in (self.draft_button, self.edit_button, self.approve_button, self.discard_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel("Compare version"))
        buttons.addWidget(self.old_combo)
        buttons.addWidget(QLabel("with"))
        buttons.addWidget(self.new_combo)
        buttons.addWidget(self.compare_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.export_button)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([470, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.group.currentIndexChanged.connect(lambda *_: self.refresh_versions())
        self.view.selection_changed.connect(self._show_selected)

    def code(self) -> str:
        return str(self.group.currentData() or "")

    def show_version(self, tor_id: int) -> bool:
        """Choose the group whose Terms of Reference include version ``tor_id``, and select it."""
        for index in range(self.group.count()):
            code = self.group.itemData(index)
            if code and any(v.id == tor_id for v in tor.list_versions(self.db, code)):
                self.group.setCurrentIndex(index)  # refreshes the versions
                return self.view.show_id(tor_id)
        return False

    def versions(self) -> list[TorInfo]:
        return self.view.model.records

    def draft(self) -> TorInfo | None:
        return next((v for v in self.versions() if v.status == "draft"), None)

    def refresh(self) -> None:
        fill_groups(self.group, self.db)
        self.refresh_versions()

    def refresh_versions(self) -> None:
        versions = tor.list_versions(self.db, self.code()) if self.code() else []
        self.view.set_records(versions)
        for combo in (self.old_combo, self.new_combo):
            combo.clear()
            for v in versions:
                combo.addItem(f"{v.version} ({v.status})", v.version)
        if len(versions) >= 2:
            self.old_combo.setCurrentIndex(len(versions) - 2)
            self.new_combo.setCurrentIndex(len(versions) - 1)
        flagged = next((v for v in versions if v.review_flag), None)
        self.flag.setText(
            f"Review {flagged.review_flag}: {long_date(flagged.review_date)}"
            if flagged and flagged.review_date
            else ""
        )
        chip = chip_stylesheet(FLAG_COLOURS[flagged.review_flag]) if flagged else ""
        self.flag.setStyleSheet(chip)
        if versions and self.view.current() is None:
            self.view.select_where(lambda v: v.version == versions[-1].version)
        self._show_selected()

    def _show_selected(self) -> None:
        draft = self.draft()
        self.draft_button.setEnabled(bool(self.code()) and draft is None)
        for b in (self.edit_button, self.approve_button, self.discard_button):
            b.setEnabled(draft is not None)
        self.compare_button.setEnabled(len(self.versions()) >= 2)
        self.export_button.setEnabled(bool(self.versions()))
        chosen = self.view.current()
        if chosen is None:
            self.browser.setHtml(
                "<p>No Terms of Reference yet: press <b>New draft</b> to write the first.</p>"
            )
        else:
            self.browser.setHtml(version_html(chosen))

    def _select(self, version: int) -> None:
        self.view.select_where(lambda v: v.version == version)
        self._show_selected()

    def new_draft(self) -> None:
        draft = attempt(self, lambda: tor.start_draft(self.db, self.code()))
        if draft:
            self.changed()
            self._select(draft.version)
            self.status.setText(f"Started draft version {draft.version}: press Edit draft.")

    def edit_draft(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        editor = TorEditor(self.db, draft, self)
        if editor.exec() and editor.result_tor:
            self.changed()
            self._select(draft.version)
            self.status.setText(f"Saved draft version {draft.version}.")

    def approve(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        dialog = ApproveDialog(self.db, draft, self)
        if dialog.exec() and dialog.result_tor:
            self.changed()
            self._select(draft.version)
            approved_on = dialog.result_tor.approved_on or dt.date.today()
            self.status.setText(f"Version {draft.version} approved {long_date(approved_on)}.")

    def discard(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        answer = QMessageBox.question(
            self, "Discard draft", f"Throw away draft version {draft.version}?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: tor.discard_draft(self.db, self.code()))
            self.changed()

    def compare(self) -> None:
        old, new = self.old_combo.currentData(), self.new_combo.currentData()
        if old is None or new is None:
            return
        diffs = attempt(self, lambda: tor.compare(self.db, self.code(), old, new))
        if diffs is not None:
            self.browser.setHtml(compare_html(old, new, diffs))
            changed = [d.title for d in diffs if d.changed]
            self.status.setText(
                f"{len(changed)} section(s) changed: {', '.join(changed)}." if changed
                else "The two versions are the same."
            )  # fmt: skip

    def export(self) -> None:
        chosen = self.view.current()
        version = chosen.version if chosen else None
        out = choose_save_path(
            self, "Export the Terms of Reference",
            f"{self.code()} Terms of Reference v{version}.docx", "Word document (*.docx)",
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        written = attempt(self, lambda: tor.export_docx(self.db, self.code(), out, version))
        if written:
            self.status.setText(f"Wrote {written}.")
