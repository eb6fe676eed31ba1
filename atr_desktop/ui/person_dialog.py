"""Add or edit a person (form: forms/person_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from atr_desktop.services import people
from atr_desktop.services.people import PersonInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt
from atr_desktop.ui.forms.ui_person_dialog import Ui_PersonDialog
from atr_desktop.ui.reload import TypedForm, save_and_close


class PersonDialog(QDialog):
    def __init__(
        self, db: Database, person: PersonInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.person = person
        self.result_person: PersonInfo | None = None
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Edit {person.name}" if person else "Add person")
        self.organisations = dict(people.list_organisations(db))
        self.ui.organisationCombo.addItems(["", *sorted(self.organisations)])
        self.ui.sectorCombo.addItems(["", *people.list_sectors(db)])
        self.ui.organisationCombo.currentTextChanged.connect(self._organisation_changed)
        if person:
            self.fill(person)
        ui = self.ui
        self.form = TypedForm(
            [
                ui.titleEdit,
                ui.firstEdit,
                ui.lastEdit,
                ui.emailEdit,
                ui.jobEdit,
                ui.organisationCombo,
                ui.sectorCombo,
                ui.phoneEdit,
                ui.livedCheck,
                ui.preferencesEdit,
                ui.notesEdit,
            ]
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, person: PersonInfo) -> None:
        """Show ``person`` as read (on opening, and again on Reload)."""
        self.person = person
        ui = self.ui
        ui.titleEdit.setText(person.title)
        ui.firstEdit.setText(person.first_name)
        ui.lastEdit.setText(person.last_name)
        ui.emailEdit.setText(person.email)
        ui.jobEdit.setText(person.job_title)
        ui.organisationCombo.setCurrentText(person.organisation)
        ui.sectorCombo.setCurrentText(person.sector)
        ui.phoneEdit.setText(person.phone)
        ui.livedCheck.setChecked(person.lived_experience)
        ui.preferencesEdit.setPlainText(person.preferences)
        ui.notesEdit.setPlainText(person.notes)

    def _organisation_changed(self, name: str) -> None:
        """Choosing a known organisation shows its sector."""
        sector = self.organisations.get(name)
        if sector:
            self.ui.sectorCombo.setCurrentText(sector)

    def data(self) -> people.PersonInput:
        ui = self.ui
        return people.PersonInput(
            title=ui.titleEdit.text(),
            first_name=ui.firstEdit.text(),
            last_name=ui.lastEdit.text(),
            email=ui.emailEdit.text(),
            job_title=ui.jobEdit.text(),
            organisation=ui.organisationCombo.currentText(),
            sector=ui.sectorCombo.currentText(),
            phone=ui.phoneEdit.text(),
            lived_experience=ui.livedCheck.isChecked(),
            preferences=ui.preferencesEdit.toPlainText(),
            notes=ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        person = self.person
        if person is not None:
            self.result_person = save_and_close(
                self,
                self.form,
                lambda: people.update_person(
                    self.db, person.id, self.data(), expected_version=self.person_version()
                ),
                lambda: people.get_person(self.db, person.id),
                self.fill,
            )
            return
        self.result_person = attempt(self, lambda: people.add_person(self.db, self.data()))
        if self.result_person is not None:
            self.accept()

    def person_version(self) -> int:
        assert self.person is not None
        return self.person.row_version
