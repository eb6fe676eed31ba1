"""The declarations of interest register: the due list, add, re-confirm, end, export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import short_date
from atr_desktop.domain.people import DECLARATION_KINDS
from atr_desktop.errors import UserError
from atr_desktop.services import declarations, people, settings
from atr_desktop.services.declarations import DeclarationInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.member_dialogs import date_edit, day_of
from atr_desktop.ui.people_widgets import choose_save_path, make_button, status_label
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.table_model import Column

AMBER = "#ffe0a0"


def _status(d: DeclarationInfo) -> str:
    if d.ended_on:
        return f"Ended {short_date(d.ended_on)}"
    return "Due for re-confirmation" if d.due else "Current"


COLUMNS: list[Column[DeclarationInfo]] = [
    Column("Name", lambda d: d.person),
    Column("Organisation", lambda d: d.organisation),
    Column("Interest", lambda d: d.interest),
    Column("Type", lambda d: d.kind),
    Column("Declared", lambda d: short_date(d.declared_on), sort_key=lambda d: d.declared_on),
    Column(
        "Last confirmed",
        lambda d: short_date(d.confirmed_on),
        sort_key=lambda d: d.confirmed_on.isoformat() if d.confirmed_on else "",
    ),
    Column(
        "Re-confirm by",
        lambda d: short_date(d.reconfirm_by),
        sort_key=lambda d: d.reconfirm_by.isoformat() if d.reconfirm_by else "9999",
        background=lambda d: AMBER if d.due else None,
    ),
    Column("Status", _status, background=lambda d: AMBER if d.due else None),
]


class AddDeclarationDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result_declaration: DeclarationInfo | None = None
        self.setWindowTitle("Record a declaration of interest")
        self.person = QComboBox()
        self.person.setObjectName("declarationPerson")
        self.person.setAccessibleName("Person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for p in people.list_people(db):
            self.person.addItem(f"{p.name} <{p.email}>" if p.email else p.name, p.id)
        self.person.setCurrentIndex(-1)
        self.interest = QLineEdit()
        self.interest.setObjectName("declarationInterest")
        self.interest.setAccessibleName("Interest")
        self.kind = QComboBox()
        self.kind.setObjectName("declarationKind")
        self.kind.setAccessibleName("Type of interest")
        self.kind.addItems(list(DECLARATION_KINDS))
        self.day = date_edit("declaredOn", "Date declared")
        form = QFormLayout()
        form.addRow("&Person:", self.person)
        form.addRow("&Interest:", self.interest)
        form.addRow("&Type:", self.kind)
        form.addRow("&Declared on:", self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.person.currentIndex() < 0:
            show_user_error(self, "Choose the person who declared the interest.")
            return
        try:
            self.result_declaration = declarations.add_declaration(
                self.db,
                self.person.currentData(),
                self.interest.text(),
                self.kind.currentText(),
                day_of(self.day),
            )
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()


class DeclarationsTab(QWidget):
    def __init__(self, db: Database, changed: Callable[[], None]) -> None:
        super().__init__()
        self.db = db
        self.changed = changed
        self.due_only = QCheckBox("Show &only those due for re-confirmation")
        self.due_only.setObjectName("dueOnly")
        self.summary = QLabel("")
        self.summary.setObjectName("declarationsSummary")
        self.view: RecordView[DeclarationInfo] = RecordView(COLUMNS, "declarations")
        self.view.enable_history(db, "declaration", lambda d: f"declaration {d.id}")
        self.view.table.setSelectionMode(self.view.table.SelectionMode.ExtendedSelection)
        self.status = status_label("declarationsStatus")
        self.add_button = make_button("&Add declaration…", "addDeclaration", self.add)
        self.confirm_button = make_button(
            "&Re-confirm selected", "confirmDeclarations", self.confirm,
            "Records today as the date each selected declaration was re-confirmed",
        )  # fmt: skip
        self.end_button = make_button("E&nd selected", "endDeclarations", self.end)
        self.word_button = make_button(
            "Export &Word…", "exportRegisterDocx", lambda: self.export("docx")
        )
        self.excel_button = make_button(
            "Export E&xcel…", "exportRegisterXlsx", lambda: self.export("xlsx")
        )
        top = QHBoxLayout()
        top.addWidget(self.due_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        buttons = FlowLayout()
        for b in (self.add_button, self.confirm_button, self.end_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.due_only.toggled.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        rows = declarations.list_declarations(self.db)
        due = sum(1 for r in rows if r.due)
        every = settings.get(self.db, "declaration_reconfirm_days")
        self.summary.setText(f"{due} due for re-confirmation (every {every} days)")
        self.view.set_records([r for r in rows if r.due] if self.due_only.isChecked() else rows)

    def add(self) -> None:
        dialog = AddDeclarationDialog(self.db, self)
        if dialog.exec() and dialog.result_declaration:
            self.changed()
            self.status.setText("Declaration recorded.")

    def _selected(self) -> list[DeclarationInfo]:
        chosen = self.view.selected()
        if not chosen:
            show_user_error(self, "Select one or more declarations in the register first.")
        return chosen

    def confirm(self) -> None:
        chosen = self._selected()
        today = dt.date.today()
        done = 0
        for d in chosen:
            try:
                declarations.confirm_declaration(self.db, d.id, today)
                done += 1
            except UserError as exc:
                show_user_error(self, f"{d.person}: {exc}")
        if done:
            self.changed()
            self.status.setText(f"Re-confirmed {done} declaration(s) today.")

    def end(self) -> None:
        chosen = self._selected()
        for d in chosen:
            declarations.end_declaration(self.db, d.id)
        if chosen:
            self.changed()
            self.status.setText(f"Ended {len(chosen)} declaration(s); they stay on the register.")

    def export(self, kind: str) -> None:
        out = choose_save_path(
            self, "Export the register", f"Declarations of interest.{kind}",
            "Word document (*.docx)" if kind == "docx" else "Excel workbook (*.xlsx)",
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")
        written = attempt(self, lambda: declarations.export_register(self.db, out))
        if written:
            self.status.setText(f"Wrote {written}.")
