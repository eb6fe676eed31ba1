"""Small dialogs of the Members tab: add a membership, end one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.people import ROLES, default_voting
from atr_desktop.services import members, people
from atr_desktop.services.members import MemberInfo, SecondChair
from atr_desktop.storage.database import Database
from atr_desktop.ui.confirm import save_asking
from atr_desktop.ui.date_field import DateField, enter_moves_on
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.reload import TypedForm, save_and_close


def date_edit(name: str, accessible: str, day: dt.date | None = None) -> DateField:
    """The shared date box, filled with ``day`` (today by default)."""
    edit = DateField()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setDate(day or dt.date.today())
    return edit


def day_of(edit: DateField) -> dt.date:
    """The date typed; a plain message (UserError) when it is not one."""
    return edit.date()


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.rejected.connect(dialog.reject)
    return box


class AddMemberDialog(QDialog):
    """Choose a person and a role; a deputy names the member they stand in for."""

    def __init__(self, db: Database, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.group = db, group
        self.result_member: MemberInfo | None = None
        self.holders: dict[int, int] = {}  # the chair the hand-over question named, as read
        self.setWindowTitle(f"Add a member to {group}")
        self.person = QComboBox()
        self.person.setObjectName("personCombo")
        self.person.setAccessibleName("Person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for p in people.list_people(db):
            self.person.addItem(f"{p.name} <{p.email}>" if p.email else p.name, p.id)
        self.person.setCurrentIndex(-1)
        self.role = QComboBox()
        self.role.setObjectName("roleCombo")
        self.role.setAccessibleName("Role")
        self.role.addItems(list(ROLES))
        self.role.setCurrentText("member")
        self.deputy_for = QComboBox()
        self.deputy_for.setObjectName("deputyForCombo")
        self.deputy_for.setAccessibleName("Deputy for")
        for m in members.current_members(db, group):
            if not m.via:
                self.deputy_for.addItem(m.name, m.person_id)
        self.voting = QCheckBox("&Voting member")
        self.voting.setObjectName("votingCheck")
        self.start = date_edit("startDate", "Start date")
        form = QFormLayout()
        form.addRow("&Person:", self.person)
        form.addRow("&Role:", self.role)
        form.addRow("&Deputy for:", self.deputy_for)
        form.addRow("", self.voting)
        form.addRow("&Start date:", self.start)
        self.buttons = _buttons(self, "Add member")
        self.buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.role.currentTextChanged.connect(self._role_changed)
        self._role_changed(self.role.currentText())

    def _role_changed(self, role: str) -> None:
        self.voting.setChecked(default_voting(role))
        self.deputy_for.setEnabled(role == "deputy")

    def save(self) -> None:
        person_id = self.person.currentData()
        if self.person.currentIndex() < 0 or person_id is None:
            show_user_error(self, "Choose the person to add (type to search the list).")
            return
        role = self.role.currentText()

        def add(replace: bool) -> MemberInfo:
            try:
                return members.add_membership(
                    self.db,
                    self.group,
                    person_id,
                    role,
                    voting=self.voting.isChecked(),
                    deputy_for=self.deputy_for.currentData() if role == "deputy" else None,
                    start=day_of(self.start),
                    replace_chair=replace,
                    expected_holders=self.holders if replace else None,
                )
            except SecondChair as exc:  # the holder asked about: ended only as they were
                self.holders = exc.holders
                raise

        added = save_asking(
            self,
            add,
            title="A second chair?",
            go_text="Hand the role over",
            question=f"Make them {role} in place of the current one?",
        )
        if added is None:
            return
        self.result_member = added
        self.accept()


class EndMemberDialog(QDialog):
    """The membership's last day ("Member until", inclusive: docs/people.md) and why."""

    def __init__(self, db: Database, member: MemberInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.member = db, member
        self.ended: list[MemberInfo] = []
        self.setWindowTitle(f"End {member.name}'s membership of {member.group}")
        self.day = date_edit("endDate", "Member until (the last day of membership)")
        self.reason = QLineEdit()
        self.reason.setObjectName("endReason")
        self.reason.setAccessibleName("Reason")
        form = QFormLayout()
        form.addRow("&Member until:", self.day)
        form.addRow("&Reason (optional):", self.reason)
        buttons = _buttons(self, "End membership")
        buttons.accepted.connect(self.save)
        enter_moves_on(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.form = TypedForm([self.day, self.reason])

    def _show(self, member: MemberInfo) -> None:
        """The membership read again (a colleague ended it meanwhile): their date and reason."""
        self.member = member
        self.day.setDate(member.end_date or dt.date.today())
        self.reason.setText(member.end_reason)

    def save(self) -> None:
        ended = save_and_close(
            self,
            self.form,
            lambda: members.end_membership(
                self.db,
                self.member.group,
                self.member.person_id,
                day_of(self.day),
                self.reason.text(),
                read=self.member,
            ),
            lambda: members.get_membership(self.db, self.member.id),
            self._show,
        )
        self.ended = ended or []
