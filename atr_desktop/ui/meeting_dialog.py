"""Schedule a meeting or a series in one step, or edit one meeting (form: meeting_dialog.ui).

Editing one meeting of a series leaves the others alone; the repeat box is hidden then.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.domain import schedule
from atr_desktop.domain.dates import long_date, meeting_date_doubts
from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.services import groups, meetings
from atr_desktop.services.meetings import STATUS_LABELS, MeetingInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.confirm import save_asking
from atr_desktop.ui.date_field import enter_moves_on
from atr_desktop.ui.forms.ui_meeting_dialog import Ui_MeetingDialog
from atr_desktop.ui.reload import TypedForm, when_refused

RULES = (
    "Monthly",
    "Bimonthly",
    "Quarterly",
    "Second Tuesday",
    "First Wednesday",
    "Third Thursday",
    "Last Friday",
)


def ask_first(questions: list[str], confirmed: bool) -> None:
    """Raise the questions (blank ones dropped) unless the user has already said yes."""
    asked = [q for q in questions if q]
    if asked and not confirmed:
        raise NeedsConfirmation(asked)


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
            self.ui.startEdit.setTime(dt.time(10, 0))
            self.ui.endEdit.setTime(dt.time(12, 0))
            self.ui.statusCombo.setEnabled(False)
        else:
            self.ui.groupCombo.setEnabled(False)
            self.fill(meeting)
            self.ui.repeatBox.hide()
        ui = self.ui
        self.form = TypedForm(
            [
                ui.dateEdit,
                ui.startEdit,
                ui.endEdit,
                ui.venueEdit,
                ui.linkEdit,
                ui.notesEdit,
                ui.statusCombo,
            ]
        )
        self.ui.repeatBox.toggled.connect(self.update_preview)
        self.ui.ruleCombo.currentTextChanged.connect(self.update_preview)
        self.ui.countSpin.valueChanged.connect(self.update_preview)
        self.ui.skipEdit.textChanged.connect(self.update_preview)
        self.ui.dateEdit.dateChanged.connect(self.update_preview)
        enter_moves_on(self)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.update_preview()

    def fill(self, meeting: MeetingInfo) -> None:
        """Show ``meeting`` as read (on opening, and again on Reload)."""
        self.meeting = meeting
        self.setWindowTitle(f"Edit meeting {meeting.ref}")
        self.ui.groupCombo.setCurrentIndex(self.ui.groupCombo.findData(meeting.group_code))
        self.ui.dateEdit.setDate(meeting.date)
        self.ui.startEdit.setTime(meeting.start_time)
        self.ui.endEdit.setTime(meeting.end_time)
        self.ui.venueEdit.setText(meeting.venue)
        self.ui.linkEdit.setText(meeting.online_link)
        self.ui.notesEdit.setPlainText(meeting.notes)
        self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(meeting.status))

    def reload(self) -> None:
        assert self.meeting is not None
        self.fill(meetings.get_meeting(self.db, self.meeting.id))

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
                self.ui.dateEdit.checked_value(True) or dt.date.today(),
                rule,
                self.ui.countSpin.value(),
                schedule.Exceptions(frozenset(self.skip_months())),
            )
        except (ValueError, UserError) as exc:
            self.ui.previewList.addItem(str(exc))
            return
        doubts = {day: meeting_date_doubts(day, dt.date.today()) for day in days}
        self.ui.previewList.addItems(
            [long_date(d) + ("  (check: " + doubts[d][-1] + ")" if doubts[d] else "") for d in days]
        )

    def save(self) -> None:
        """Save what was typed; unlikely dates and a missing venue are asked about first."""
        refused = when_refused(self, self.form, self.reload) if self.meeting else None
        if save_asking(self, self.write, refused) is not None:
            self.accept()

    def write(self, confirmed: bool) -> list[MeetingInfo]:
        """Save with the service; everything worth asking is asked together, once."""
        typed = self.ui.dateEdit.typed()
        if typed is None:
            raise UserError("Meeting date: type a date, for example 31/03/2027.")
        day = typed.day
        start = self.ui.startEdit.value()
        if start is None:
            raise UserError("Start time: type the time the meeting starts, for example 10:00.")
        end = self.ui.endEdit.value()
        questions = [typed.weekday_clash() or ""]
        if not (self.ui.venueEdit.text().strip() or self.ui.linkEdit.text().strip()):
            questions.append("There is no venue or online link yet.")
        if self.meeting is None:
            repeat = self.ui.repeatBox.isChecked()
            data = meetings.MeetingInput(
                group=self.ui.groupCombo.currentData() or "",
                date=day,
                start_time=start,
                end_time=end,
                venue=self.ui.venueEdit.text(),
                online_link=self.ui.linkEdit.text(),
                repeat=self.ui.ruleCombo.currentText() if repeat else "",
                count=self.ui.countSpin.value() if repeat else 1,
                skip_months=self.skip_months() if repeat else [],
                notes=self.ui.notesEdit.toPlainText(),
            )
            questions += meetings.date_questions(meetings.planned_dates(data))
            ask_first(questions, confirmed)
            self.result_meetings = meetings.schedule_meetings(self.db, data, confirmed)
        else:
            if day != self.meeting.date:
                questions += meetings.date_questions([day])
            ask_first(questions, confirmed)
            changes = meetings.MeetingChanges(
                date=day,
                start_time=start,
                end_time=end,
                clear_end=end is None,
                venue=self.ui.venueEdit.text(),
                online_link=self.ui.linkEdit.text(),
                status=None
                if self.meeting.status == "cancelled"
                else self.ui.statusCombo.currentData(),
                notes=self.ui.notesEdit.toPlainText(),
            )
            self.result_meetings = [
                meetings.edit_meeting(
                    self.db, self.meeting.id, changes, confirmed, self.meeting.row_version
                )
            ]
        return self.result_meetings
