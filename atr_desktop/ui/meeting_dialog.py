"""Schedule a meeting or a series in one step, or edit one meeting (form: meeting_dialog.ui).

Editing one meeting of a series leaves the others alone; the repeat box is hidden then.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.domain import schedule
from atr_desktop.domain.dates import long_date
from atr_desktop.errors import UserError
from atr_desktop.services import groups, meetings
from atr_desktop.services.meetings import STATUS_LABELS, MeetingInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.forms.ui_meeting_dialog import Ui_MeetingDialog

RULES = (
    "Monthly",
    "Bimonthly",
    "Quarterly",
    "Second Tuesday",
    "First Wednesday",
    "Third Thursday",
    "Last Friday",
)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class MeetingDialog(QDialog):
    def __init__(
        self,
        db: Database,
        meeting: MeetingInfo | None = None,
        parent: QWidget | None = None,
        group: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting = meeting
        self.result_meetings: list[MeetingInfo] = []
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        for g in groups.list_groups(db, include_closed=False):
            self.ui.groupCombo.addItem(f"{g.code}  {g.name}", g.code)
        for status in meetings.STATUSES[:-1]:
            self.ui.statusCombo.addItem(STATUS_LABELS[status], status)
        self.ui.ruleCombo.addItems(RULES)
        if meeting is None:
            self.setWindowTitle("Schedule meetings")
            if group:
                self.ui.groupCombo.setCurrentIndex(self.ui.groupCombo.findData(group))
            self.ui.dateEdit.setDate(QDate.currentDate().addDays(28))
            self.ui.startEdit.setTime(QTime(10, 0))
            self.ui.endEdit.setTime(QTime(12, 0))
            self.ui.statusCombo.setEnabled(False)
        else:
            self.setWindowTitle(f"Edit meeting {meeting.ref}")
            self.ui.groupCombo.setCurrentIndex(self.ui.groupCombo.findData(meeting.group_code))
            self.ui.groupCombo.setEnabled(False)
            d = meeting.date
            self.ui.dateEdit.setDate(QDate(d.year, d.month, d.day))
            self.ui.startEdit.setTime(QTime(meeting.start_time.hour, meeting.start_time.minute))
            end = meeting.end_time or meeting.start_time
            self.ui.endEdit.setTime(QTime(end.hour, end.minute))
            self.ui.venueEdit.setText(meeting.venue)
            self.ui.linkEdit.setText(meeting.online_link)
            self.ui.notesEdit.setPlainText(meeting.notes)
            self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(meeting.status))
            self.ui.repeatBox.hide()
        self.ui.repeatBox.toggled.connect(self.update_preview)
        self.ui.ruleCombo.currentTextChanged.connect(self.update_preview)
        self.ui.countSpin.valueChanged.connect(self.update_preview)
        self.ui.skipEdit.textChanged.connect(self.update_preview)
        self.ui.dateEdit.dateChanged.connect(self.update_preview)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.update_preview()

    def skip_months(self) -> list[int]:
        months = []
        for part in self.ui.skipEdit.text().replace(" ", ",").split(","):
            if part.strip():
                if not part.strip().isdigit() or not 1 <= int(part) <= 12:
                    raise UserError(f"'{part.strip()}' is not a month: use 1 to 12 (8 is August).")
                months.append(int(part))
        return months

    def update_preview(self) -> None:
        """Show the dates the series will have, so the user sees them before saving."""
        self.ui.previewList.clear()
        if not self.ui.repeatBox.isChecked():
            return
        try:
            rule = schedule.parse_rule(self.ui.ruleCombo.currentText())
            days = schedule.series_dates(
                to_date(self.ui.dateEdit.date()),
                rule,
                self.ui.countSpin.value(),
                schedule.Exceptions(frozenset(self.skip_months())),
            )
        except (ValueError, UserError) as exc:
            self.ui.previewList.addItem(str(exc))
            return
        self.ui.previewList.addItems([long_date(d) for d in days])

    def save(self) -> None:
        start = to_time(self.ui.startEdit.time())
        end = to_time(self.ui.endEdit.time())
        try:
            if self.meeting is None:
                repeat = self.ui.repeatBox.isChecked()
                data = meetings.MeetingInput(
                    group=self.ui.groupCombo.currentData() or "",
                    date=to_date(self.ui.dateEdit.date()),
                    start_time=start,
                    end_time=end if end != start else None,
                    venue=self.ui.venueEdit.text(),
                    online_link=self.ui.linkEdit.text(),
                    repeat=self.ui.ruleCombo.currentText() if repeat else "",
                    count=self.ui.countSpin.value() if repeat else 1,
                    skip_months=self.skip_months() if repeat else [],
                    notes=self.ui.notesEdit.toPlainText(),
                )
                self.result_meetings = meetings.schedule_meetings(self.db, data)
            else:
                changes = meetings.MeetingChanges(
                    date=to_date(self.ui.dateEdit.date()),
                    start_time=start,
                    end_time=end if end != start else None,
                    clear_end=end == start,
                    venue=self.ui.venueEdit.text(),
                    online_link=self.ui.linkEdit.text(),
                    status=None
                    if self.meeting.status == "cancelled"
                    else self.ui.statusCombo.currentData(),
                    notes=self.ui.notesEdit.toPlainText(),
                )
                self.result_meetings = [meetings.edit_meeting(self.db, self.meeting.id, changes)]
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()
