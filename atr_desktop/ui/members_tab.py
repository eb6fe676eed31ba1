"""Members by group: the members table, add and end memberships, exports and the email list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.services import member_exports, members
from atr_desktop.services.members import MemberInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.member_dialogs import AddMemberDialog, EndMemberDialog
from atr_desktop.ui.people_widgets import (
    choose_save_path,
    fill_groups,
    group_combo,
    make_button,
    status_label,
)
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

COLUMNS: list[Column[MemberInfo]] = [
    Column("Name", lambda m: m.name, sort_key=lambda m: m.name.split(" ")[-1].lower()),
    Column("Role", lambda m: m.role),
    Column("Voting", lambda m: "Yes" if m.voting else "No"),
    Column("Organisation", lambda m: m.organisation),
    Column("Sector", lambda m: m.sector),
    Column("Deputy for", lambda m: m.deputy_for),
    Column("Via", lambda m: m.via),
    Column("From", lambda m: short_date(m.start_date), sort_key=lambda m: m.start_date),
    Column(
        "Member until",
        lambda m: short_date(m.end_date),
        sort_key=lambda m: m.end_date.isoformat() if m.end_date else "",
        background=lambda m: None if m.current else "#e0e0e0",
    ),
    Column("Email", lambda m: m.email),
]


class MembersTab(QWidget):
    def __init__(
        self, db: Database, changed: Callable[[], None], start_import: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.db = db
        self.changed = changed
        self.start_import = start_import
        self.group = group_combo("membersGroup")
        self.history = QCheckBox("&Show ended memberships too")
        self.history.setObjectName("showEnded")
        self.private = QCheckBox("Exports include &lived experience and private notes")
        self.private.setObjectName("includePrivate")
        self.view: RecordView[MemberInfo] = RecordView(COLUMNS, "members")
        self.view.enable_history(db, "membership", lambda m: f"{m.name}, {m.role}")
        self.count = QLabel("")
        self.count.setObjectName("membersCount")
        self.status = status_label("membersStatus")
        self.add_button = make_button("&Add member…", "addMember", self.add_member)
        self.end_button = make_button("E&nd membership…", "endMember", self.end_member)
        self.import_button = make_button(
            "Import fr&om a file…", "importMembers", lambda: self.start_import(self.code())
        )
        self.csv_button = make_button(
            "Export &CSV…", "exportMembersCsv", lambda: self.export("csv")
        )
        self.xlsx_button = make_button(
            "Export E&xcel…", "exportMembersXlsx", lambda: self.export("xlsx")
        )
        self.emails_button = make_button(
            "Cop&y email addresses", "copyEmails", self.copy_emails,
            "Copies 'Name <email>; …' to paste into Outlook's To box",
        )  # fmt: skip
        top = QHBoxLayout()
        label = QLabel("Gro&up:")
        label.setBuddy(self.group)
        top.addWidget(label)
        top.addWidget(self.group, 1)
        top.addWidget(self.history)
        top.addWidget(self.count)
        row1 = FlowLayout()
        for b in (self.add_button, self.end_button, self.import_button):
            row1.addWidget(b)
        row1.addStretch(1)
        for b in (self.csv_button, self.xlsx_button, self.emails_button):
            row1.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(row1)
        layout.addWidget(self.private)
        layout.addWidget(self.status)
        self.group.currentIndexChanged.connect(lambda *_: self.refresh_members())
        self.history.toggled.connect(lambda *_: self.refresh_members())
        self.view.selection_changed.connect(self._enable)

    def code(self) -> str:
        return str(self.group.currentData() or "")

    def refresh(self) -> None:
        fill_groups(self.group, self.db)
        self.refresh_members()

    def refresh_members(self) -> None:
        if not self.code():
            self.view.set_records([])
            return
        if self.history.isChecked():
            rows = members.membership_history(self.db, self.code())
        else:
            rows = members.current_members(self.db, self.code())
        self.view.set_records(rows)
        current = sum(1 for m in rows if m.current)
        self.count.setText(f"{current} current member(s)")
        self._enable()

    def _enable(self) -> None:
        member = self.view.current()
        self.end_button.setEnabled(member is not None and member.current and not member.via)

    def add_member(self) -> None:
        dialog = AddMemberDialog(self.db, self.code(), self)
        if dialog.exec() and dialog.result_member:
            added = dialog.result_member
            self.changed()
            self.view.select_where(lambda m: m.id == added.id)
            self.status.setText(f"{added.name} added as {added.role}.")

    def end_member(self) -> None:
        member = self.view.current()
        if member is None:
            return
        dialog = EndMemberDialog(self.db, member, self)
        if dialog.exec() and dialog.ended:
            self.changed()
            until = short_date(dialog.ended[0].end_date)
            self.status.setText(
                f"{member.name} is a member until {until} (the last day); the membership "
                "then stays in the history (tick 'Show ended memberships too')."
            )

    def export(self, kind: str) -> None:
        code = self.code()
        out = choose_save_path(
            self, "Export members", f"{code} members.{kind}",
            "CSV (*.csv)" if kind == "csv" else "Excel workbook (*.xlsx)",
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")
        written = attempt(
            self,
            lambda: member_exports.export_members(self.db, code, out, self.private.isChecked()),
        )
        if written:
            self.status.setText(f"Wrote {written}.")

    def copy_emails(self) -> None:
        text = member_exports.email_list(self.db, self.code())
        QApplication.clipboard().setText(text)
        count = text.count("<")
        self.status.setText(f"Copied {count} email address(es): paste them into Outlook.")
