"""The People tab: everyone held, with the person editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from atr_desktop.services import people
from atr_desktop.services.people import PersonInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.people_widgets import make_button
from atr_desktop.ui.person_dialog import PersonDialog
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

COLUMNS: list[Column[PersonInfo]] = [
    Column("Name", lambda p: p.name, sort_key=lambda p: (p.last_name.lower(), p.first_name)),
    Column("Email", lambda p: p.email),
    Column("Organisation", lambda p: p.organisation),
    Column("Sector", lambda p: p.sector),
    Column("Job title", lambda p: p.job_title),
    Column("Groups", lambda p: ", ".join(p.groups)),
]


class PeopleTab(QWidget):
    def __init__(self, db: Database, changed: Callable[[], None]) -> None:
        super().__init__()
        self.db = db
        self.changed = changed
        self.view: RecordView[PersonInfo] = RecordView(COLUMNS, "people")
        self.view.enable_history(db, "person", lambda p: p.name)
        self.add_button = make_button("&Add person…", "addPerson", self.add_person)
        self.edit_button = make_button("Edit pe&rson…", "editPerson", self.edit_person)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.say_when_empty(
            "No people yet. Add each person once; they can then be members of any group."
            " A whole group's members can be imported on the Import members tab.",
            "Add the first person…",
            self.add_person,
        )
        self.view.activated.connect(lambda p: self.edit_person())
        self.view.selection_changed.connect(self._enable)

    def refresh(self) -> None:
        self.view.set_records(people.list_people(self.db))
        self._enable()

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.view.current() is not None)

    def _done(self, person: PersonInfo | None) -> None:
        if person is not None:
            self.changed()
            self.view.select_where(lambda p: p.id == person.id)

    def add_person(self) -> None:
        dialog = PersonDialog(self.db, None, self)
        if dialog.exec():
            self._done(dialog.result_person)

    def edit_person(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        person = self.view.current()
        if person is None:
            return
        dialog = PersonDialog(self.db, people.get_person(self.db, person.id), self)
        if dialog.exec():
            self._done(dialog.result_person)
