"""The Meetings area: the meetings list (by group, upcoming or past), scheduling a series,
the meeting editor, the agenda editor with papers, and the agenda and invite outputs."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import hhmm, long_date, short_date
from atr_desktop.services import groups, meeting_outputs, meetings, minutes, settings
from atr_desktop.services.meetings import STATUS_LABELS, MeetingInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.agenda_editor import AgendaEditor
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.meeting_dialog import MeetingDialog
from atr_desktop.ui.operations import run_or_now
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.style import heading
from atr_desktop.ui.table_model import Column

COLUMNS: list[Column[MeetingInfo]] = [
    Column("Group", lambda m: m.group_code),
    Column("Date", lambda m: short_date(m.date), lambda m: m.date),
    Column("Time", lambda m: hhmm(m.start_time)),
    Column("Venue", lambda m: m.venue or ("Online" if m.online_link else "")),
    Column(
        "Status",
        lambda m: STATUS_LABELS.get(m.status, m.status),
        background=lambda m: "#f8d7da" if m.status == "cancelled" else None,
    ),
    Column("Papers due", lambda m: short_date(m.papers_due), lambda m: m.papers_due),
]


NO_MEETING = "<p>Select a meeting, or schedule one.</p>"


class MeetingsPage(QWidget):
    # The kinds of record this page shows: it re-reads when a commit changes one.
    SHOWS = frozenset(
        {
            "meetings",
            "meeting_series",
            "agenda_items",
            "papers",
            "paper_files",
            "packs",
            "minutes",
            "forward_plan",
            "groups",
        }
    )

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._shown = False
        self.group_filter = QComboBox()
        self.group_filter.setObjectName("meetingGroupFilter")
        self.group_filter.setAccessibleName("Show meetings of group")
        self.when_filter = QComboBox()
        self.when_filter.setObjectName("meetingWhenFilter")
        self.when_filter.setAccessibleName("Show upcoming or past meetings")
        for text, key in (("Upcoming", "upcoming"), ("Past", "past"), ("All dates", "all")):
            self.when_filter.addItem(text, key)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Group:"))
        filters.addWidget(self.group_filter)
        filters.addWidget(self.when_filter)
        filters.addStretch(1)
        self.view: RecordView[MeetingInfo] = RecordView(COLUMNS, "meetings")
        self.view.say_when_empty(
            "No meetings here yet. Schedule a group's meetings one at a time or as a series"
            " (every month, every other month...); Upcoming shows only those still to come.",
            "Schedule meetings…",
            self.schedule,
        )
        self.schedule_button = self._button("&Schedule…", "scheduleMeetings", self.schedule)
        self.edit_button = self._button("E&dit meeting…", "editMeeting", self.edit)
        self.cancel_button = self._button("Ca&ncel meeting…", "cancelMeeting", self.cancel)
        self.plan_button = self._button("Forward p&lan…", "forwardPlan", self.show_plan)
        buttons = FlowLayout()
        for b in (self.schedule_button, self.edit_button, self.cancel_button, self.plan_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view)
        left_layout.addLayout(buttons)

        # Shown before the page first reads (pages read when first shown), so a screen
        # reader never meets a selectable label with no text.
        self.header = QLabel(NO_MEETING)
        self.header.setObjectName("meetingHeader")
        self.header.setAccessibleName("The chosen meeting")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The agenda and the invites share one menu button, so the row fits a laptop screen.
        self.agenda_button = self._button("Agenda and in&vites", "agendaOutputs", None)
        agenda_menu = QMenu(self.agenda_button)
        self.export_button = agenda_menu.addAction("Agenda to &Word…", self.export)
        self.ics_button = agenda_menu.addAction("&Invite to this meeting (.ics)…", self.invite)
        self.series_ics_button = agenda_menu.addAction(
            "&All the group's invites (.ics)…", self.group_invites
        )
        self.agenda_button.setMenu(agenda_menu)
        self.chase_button = self._button("For &authors…", "authorOutputs", None)
        self.chase_button.setToolTip(
            "The blank cover sheet, the expected papers list and an email draft per author"
        )
        menu = QMenu(self.chase_button)
        menu.addAction("Blank &cover-sheet template…", self.cover_template)
        menu.addAction("&Expected papers list (Word)…", self.chase_list)
        menu.addAction("E&mail drafts to authors…", self.author_emails)
        self.chase_button.setMenu(menu)
        self.minutes_button = QToolButton()
        self.minutes_button.setObjectName("registerMinutes")
        self.minutes_button.setText("Register and &minutes…")
        self.minutes_button.setAccessibleName("Register and minutes")
        self.minutes_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.minutes_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.minutes_button.clicked.connect(self.open_record_dialog)
        self.minutes_button.setToolTip(
            "Take the register and the minutes of this meeting (the arrow: approve the "
            "minutes, or withdraw an approval)"
        )
        minutes_menu = QMenu(self.minutes_button)
        minutes_menu.addAction("Approve these minutes…", self.approve_minutes).setObjectName(
            "approveMinutesAction"
        )
        minutes_menu.addAction(
            "Withdraw the approval of these minutes…", self.withdraw_minutes_approval
        ).setObjectName("withdrawApprovalAction")
        self.minutes_button.setMenu(minutes_menu)
        self.pack_button = self._button("Build &pack…", "buildPack", self.build_pack)
        self.brief_button = self._button("Chair's &brief…", "chairBrief", self.write_brief)
        self.publish_button = self._button("Publish…", "publishMeeting", self.publish)
        self.publish_button.setToolTip(
            "Write the meeting's public page set for the website: a web page, accessible "
            "PDFs and the papers (Part A only). The pack stays the print version."
        )
        self.publish_converter: object = "find"  # Word or LibreOffice (tests may say none)
        outputs = FlowLayout()
        # What can be done with the selected meeting (enabled only while one is selected).
        self.meeting_outputs: tuple[QAbstractButton, ...] = (
            self.pack_button,
            self.publish_button,
            self.brief_button,
            self.agenda_button,
            self.chase_button,
            self.minutes_button,
        )
        for output in self.meeting_outputs:
            outputs.addWidget(output)
        outputs.addStretch(1)
        self.editor = AgendaEditor(db)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addLayout(outputs)
        right_layout.addWidget(self.editor, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Meetings"))
        layout.addWidget(splitter, 1)
        self.group_filter.currentIndexChanged.connect(lambda *_: self.load())
        self.when_filter.currentIndexChanged.connect(lambda *_: self.load())
        self.view.selection_changed.connect(self.show_selected)
        # The current row can settle after the selection does: follow both.
        self.view.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.view.activated.connect(lambda m: self.edit())
        self.editor.changed.connect(self.show_header)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem("All groups", None)
        for g in groups.list_groups(self.db):
            self.group_filter.addItem(f"{g.code}  {g.name}", g.code)
        index = self.group_filter.findData(current)
        self.group_filter.setCurrentIndex(max(0, index))
        self.group_filter.blockSignals(False)
        self.load()
        self.editor.refresh()  # the same meeting's agenda may have changed (an undo, say)

    def load(self, select_id: int | None = None) -> None:
        today = dt.date.today()
        when = self.when_filter.currentData()
        rows = meetings.list_meetings(
            self.db,
            group=self.group_filter.currentData(),
            since=today if when == "upcoming" else None,
            until=today - dt.timedelta(days=1) if when == "past" else None,
        )
        if when == "past":
            rows.reverse()
        self.view.set_records(rows)
        if select_id is not None:
            self.view.select_where(lambda m: m.id == select_id)
        elif self.view.current() is None:
            self.view.select_where(lambda m: True)
        self.show_selected()

    def current(self) -> MeetingInfo | None:
        return self.view.current()

    def open_record_dialog(self) -> None:
        from atr_desktop.ui.meeting_record import MeetingRecordDialog

        meeting = self.current()
        if meeting is not None:
            MeetingRecordDialog(self.db, meeting.id, self).exec()

    def approve_minutes(self) -> None:
        """Approve the selected meeting's minutes at a later meeting that has taken place."""
        from atr_desktop.ui import minutes_approval

        meeting = self.current()
        if meeting is not None and minutes_approval.approve(self, self.db, meeting.id):
            self.show_header()

    def withdraw_minutes_approval(self) -> None:
        """Withdraw an approval given in error, with a reason on record."""
        from atr_desktop.ui import minutes_approval

        meeting = self.current()
        if meeting is not None and minutes_approval.withdraw(self, self.db, meeting.id):
            self.show_header()

    def write_brief(self) -> None:
        from atr_desktop.services.brief import write_brief

        meeting = self.current()
        if meeting is None:
            return
        path = self.save_path(
            "Save the chair's brief",
            f"chairs-brief-{meeting.date.isoformat()}.docx",
            "Word document (*.docx);;PDF (*.pdf)",
        )
        if path is not None:
            db, meeting_id = self.db, meeting.id
            run_or_now(
                self,
                "Writing the chair's brief",
                lambda progress: write_brief(db, meeting_id, path),
                self._saved,
            )

    def build_pack(self) -> None:
        from atr_desktop.ui.pack_dialog import PackDialog

        meeting = self.current()
        if meeting is not None:
            PackDialog(self.db, meeting.id, self).exec()
            self.show_header()

    def publish(self) -> None:
        from atr_desktop.ui.publish_action import publish_meeting

        meeting = self.current()
        if meeting is None:
            return
        folder = self.choose_folder("Publish the meeting's public pages into")
        if folder:
            publish_meeting(self, self.db, meeting.id, Path(folder), self.publish_converter)

    def show_record(self, kind: str, record_id: int) -> None:
        """Select the meeting (and agenda item) a search result or Home line names."""
        from atr_desktop.services.refs import meeting_of_record

        meeting_id, item_id = meeting_of_record(self.db, kind, record_id)
        if meeting_id is None:
            return
        if not self.view.select_where(lambda m: m.id == meeting_id):
            self.group_filter.setCurrentIndex(0)
            self.when_filter.setCurrentIndex(self.when_filter.findData("all"))
            self.load(select_id=meeting_id)
        self.show_selected()
        if item_id is not None:
            self.editor.tree.select_id(item_id)

    def show_selected(self) -> None:
        meeting = self.current()
        if meeting is not None and meeting.id == self.editor.meeting_id and self._shown:
            self.show_header()
            return
        self._shown = meeting is not None
        for b in (self.edit_button, self.cancel_button, *self.meeting_outputs):
            b.setEnabled(meeting is not None)
        self.editor.show_meeting(meeting.id if meeting else None)
        self.show_header()

    def show_header(self) -> None:
        meeting = self.current()
        if meeting is None:
            self.header.setText(NO_MEETING)
            return
        meeting = meetings.get_meeting(self.db, meeting.id)
        end = f" to {hhmm(meeting.end_time)}" if meeting.end_time else ""
        where = escape(meeting.venue) + (
            f"<br>Online: {escape(meeting.online_link)}" if meeting.online_link else ""
        )
        status = STATUS_LABELS.get(meeting.status, meeting.status)
        if meeting.cancel_reason:
            status += f" ({escape(meeting.cancel_reason)})"
        self.header.setText(
            f"<h3>{escape(meeting.group_name)}</h3>"
            f"<p>{long_date(meeting.date)}, {hhmm(meeting.start_time)}{end}<br>{where}<br>"
            f"<b>Status:</b> {status} &nbsp; <b>Papers due:</b> {short_date(meeting.papers_due)}"
            f" &nbsp; <b>Pack issued:</b> {short_date(meeting.pack_issue)}"
            f"<br><b>Minutes:</b> {escape(minutes.approval_state(self.db, meeting.id))}</p>"
        )

    def _after(self, made: list[MeetingInfo]) -> None:
        if made:
            if self.view.select_where(lambda m: m.id == made[0].id) is False:
                self.when_filter.setCurrentIndex(self.when_filter.findData("all"))
                self.view.select_where(lambda m: m.id == made[0].id)
            self.show_selected()

    def schedule(self) -> None:
        dialog = MeetingDialog(self.db, None, self, group=self.group_filter.currentData())
        if dialog.exec():
            self.load()
            self._after(dialog.result_meetings)

    def edit(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        meeting = self.current()
        if meeting is None:
            return
        dialog = MeetingDialog(self.db, meeting, self)
        if dialog.exec():
            self.load()
            self._after(dialog.result_meetings)

    def show_plan(self) -> None:
        from atr_desktop.ui.forward_plan_dialog import ForwardPlanDialog

        meeting = self.current()
        group = self.group_filter.currentData() or (meeting.group_code if meeting else None)
        ForwardPlanDialog(self.db, group, self).exec()
        self.editor.refresh()

    def cancel(self) -> None:
        meeting = self.current()
        if meeting is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            "Cancel meeting",
            f"Cancel the {meeting.group_code} meeting of {long_date(meeting.date)}? It stays on"
            " record, and its invite becomes a cancellation.\nReason:",
        )
        if ok:
            attempt(
                self,
                lambda: meetings.cancel_meeting(self.db, meeting.id, reason, meeting.row_version),
            )
            self.load(meeting.id)  # cancelled, or refused as someone changed it: as it is now

    def save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Ask where to save (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return Path(name) if name else None

    def choose_folder(self, title: str) -> str:
        """Ask for a folder (tests replace this)."""
        return QFileDialog.getExistingDirectory(self, title)

    def _saved(self, path: Path) -> None:
        QMessageBox.information(self, "Saved", f"Saved {path}")

    def export(self) -> None:
        meeting = self.current()
        if meeting is None:
            return
        path = self.save_path(
            "Save the agenda",
            f"Agenda {meeting.group_code} {meeting.date.isoformat()}.docx",
            "Word (*.docx)",
        )
        if not path or not attempt(
            self, lambda: meeting_outputs.export_agenda(self.db, meeting.id, path)
        ):
            return
        if any(r.confidential for r in self.editor.tree.rows.values()):
            # The confidential items go on their own agenda, saved beside the first.
            part_b = path.with_name(f"{path.stem} Part B{path.suffix}")
            if attempt(
                self, lambda: meeting_outputs.export_agenda(self.db, meeting.id, part_b, "B")
            ):
                QMessageBox.information(self, "Saved", f"Saved {path}\nand {part_b}")
                return
        self._saved(path)

    def organiser_ready(self) -> bool:
        """Ask once for the organiser's mailbox (saved as a setting): Outlook needs it to
        send changes and cancellations to everyone invited. Blank is allowed."""
        if settings.get(self.db, "invite_organiser_email") or self._organiser_asked:
            return True
        address, ok = QInputDialog.getText(
            self,
            "Organiser of the invites",
            "The secretariat's email address, which Outlook shows as the organiser and uses "
            "to send changes and cancellations (asked once; change it in Settings):",
        )
        if not ok:
            return False
        self._organiser_asked = True
        if address.strip():
            return (
                attempt(
                    self,
                    lambda: settings.update(self.db, {"invite_organiser_email": address.strip()}),
                )
                is not None
            )
        return True

    _organiser_asked = False

    def invite(self) -> None:
        meeting = self.current()
        if meeting is None or not self.organiser_ready():
            return
        path = self.save_path(
            "Save the invite",
            f"{meeting.group_code} {meeting.date.isoformat()}.ics",
            "Calendar (*.ics)",
        )
        if path and attempt(
            self, lambda: meeting_outputs.export_ics(self.db, path, meeting_ref=meeting.id)
        ):
            self._saved(path)

    def group_invites(self) -> None:
        meeting = self.current()
        if meeting is None or not self.organiser_ready():
            return
        path = self.save_path(
            "Save the group's invites", f"{meeting.group_code} meetings.ics", "Calendar (*.ics)"
        )
        if path and attempt(
            self, lambda: meeting_outputs.export_ics(self.db, path, group=meeting.group_code)
        ):
            self._saved(path)

    def cover_template(self) -> None:
        path = self.save_path(
            "Save the cover-sheet template", "Cover sheet template.docx", "Word (*.docx)"
        )
        if path and attempt(self, lambda: meeting_outputs.cover_template(self.db, path)):
            self._saved(path)

    def chase_list(self) -> None:
        meeting = self.current()
        if meeting is None:
            return
        path = self.save_path(
            "Save the expected papers list",
            f"Expected papers {meeting.group_code} {meeting.date.isoformat()}.docx",
            "Word (*.docx)",
        )
        if (
            path
            and attempt(self, lambda: meeting_outputs.chase_list_docx(self.db, meeting.id, path))
            is not None
        ):
            self._saved(path)

    def author_emails(self) -> None:
        meeting = self.current()
        if meeting is None:
            return
        folder = self.choose_folder("Save the email drafts in")
        if not folder:
            return
        written = attempt(
            self, lambda: meeting_outputs.author_emails(self.db, meeting.id, Path(folder))
        )
        if written is not None:
            QMessageBox.information(
                self,
                "Email drafts",
                f"Wrote {len(written)} draft(s) to {folder}: open each, check it and send it.",
            )
