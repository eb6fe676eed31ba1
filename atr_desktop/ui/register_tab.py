"""The Register tab: status per person, deputy-for, late/left item, and a live quorum banner."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.errors import UserError
from atr_desktop.services import attendance, attendance_matrix, minutes
from atr_desktop.services.attendance import STATUS_LABELS, LineChange, Register, RegisterLine
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.style import describe_cells

HEADERS = ["Name", "Organisation", "Role", "Group", "Status", "Deputy for", "Arrived at", "Left at"]
STATUS_COL, DEPUTY_COL, ARRIVED_COL, LEFT_COL = 4, 5, 6, 7


def banner_html(reg: Register) -> tuple[str, str]:
    """The quorum banner's text and background colour."""
    lines = [
        (f"<b>{escape(q.group_code)}</b>: " if reg.joint else "") + escape(q.reason)
        for q in reg.quorum
    ]
    verdict = {True: "QUORATE", False: "NOT QUORATE", None: "QUORUM NOT CHECKED"}[reg.quorate]
    colour = {True: "#a8d5a2", False: "#f4a6a6", None: "#d9d9d9"}[reg.quorate]
    return f"<b>{verdict}</b><br>" + "<br>".join(lines), colour


class DeclarationDialog(QDialog):
    """Record an interest declared at the meeting, for an item or the whole meeting."""

    def __init__(
        self, reg: Register, items: list[minutes.ItemChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("declarationDialog")
        self.setWindowTitle("Declaration of interest")
        self.person = QComboBox()
        self.person.setObjectName("declarationPerson")
        self.person.setAccessibleName("Who declared")
        for line in reg.lines:
            if line.person_id is not None:
                self.person.addItem(line.name, line.person_id)
        self.interest = QLineEdit()
        self.interest.setObjectName("declarationInterest")
        self.interest.setAccessibleName("The interest")
        self.item = QComboBox()
        self.item.setObjectName("declarationItem")
        self.item.setAccessibleName("The item it concerns")
        self.item.addItem("(the whole meeting)", None)
        for i in items:
            self.item.addItem(f"{i.number}  {i.title}", i.number)
        self.left_room = QCheckBox("They &left the room for the item")
        self.left_room.setObjectName("declarationLeftRoom")
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        form.addRow("&Interest:", self.interest)
        form.addRow("I&tem:", self.item)
        form.addRow(self.left_room)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RegisterTab(QWidget):
    def __init__(self, db: Database, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting_id = meeting_id
        self.banner = QLabel()
        self.banner.setObjectName("quorumBanner")
        self.banner.setAccessibleName("Quorum")
        self.banner.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("registerTable")
        self.table.setAccessibleName("Register")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col, width in (
            (1, 220),
            (STATUS_COL, 135),
            (DEPUTY_COL, 150),
            (ARRIVED_COL, 140),
            (LEFT_COL, 140),
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        self.guest_button = QPushButton("Add &guest…")
        self.guest_button.setObjectName("addGuest")
        self.guest_button.clicked.connect(self.add_guest)
        self.declare_button = QPushButton("&Declaration of interest…")
        self.declare_button.setObjectName("addDeclaration")
        self.declare_button.clicked.connect(self.declare)
        self.matrix_button = QPushButton("Attendance ma&trix for the year…")
        self.matrix_button.setObjectName("attendanceMatrix")
        self.matrix_button.clicked.connect(self.matrix)
        self.declarations = QListWidget()
        self.declarations.setObjectName("declarationsList")
        self.declarations.setAccessibleName("Declarations of interest")
        self.declarations.setMaximumHeight(90)
        buttons = QHBoxLayout()
        buttons.addWidget(self.guest_button)
        buttons.addWidget(self.declare_button)
        buttons.addStretch(1)
        buttons.addWidget(self.matrix_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Declarations of interest:"))
        layout.addWidget(self.declarations)
        layout.addLayout(buttons)
        self.lines: list[RegisterLine] = []
        self.reload()

    def reload(self) -> None:
        reg = attendance.get_register(self.db, self.meeting_id)
        self.items = minutes.agenda_items(self.db, self.meeting_id)
        self.lines = list(reg.lines)
        members = [(ln.name, ln.person_id) for ln in reg.lines if ln.voting]
        self.table.setRowCount(len(reg.lines))
        for row, line in enumerate(reg.lines):
            for col, text in enumerate((line.name, line.organisation, line.role, line.constituent)):
                self.table.setItem(row, col, QTableWidgetItem(text))
            status = self._combo(
                f"Status of {line.name}",
                [(STATUS_LABELS[s], s) for s in attendance.STATUSES],
                line.status,
            )
            deputy = self._combo(
                f"{line.name} is deputy for", [("", None), *members], line.deputy_for_id
            )
            arrived = self._combo(
                f"{line.name} arrived at item", self._item_choices(), line.arrived_item
            )
            left = self._combo(f"{line.name} left at item", self._item_choices(), line.left_item)
            for col, combo in (
                (STATUS_COL, status),
                (DEPUTY_COL, deputy),
                (ARRIVED_COL, arrived),
                (LEFT_COL, left),
            ):
                combo.setEnabled(not reg.locked)
                self.table.setCellWidget(row, col, combo)
            status.currentIndexChanged.connect(lambda _, r=row: self._status_changed(r))
            arrived.currentIndexChanged.connect(
                lambda _, r=row: self._send(
                    r, LineChange(arrived=str(self._value(r, ARRIVED_COL) or ""))
                )
            )
            left.currentIndexChanged.connect(
                lambda _, r=row: self._send(r, LineChange(left=str(self._value(r, LEFT_COL) or "")))
            )
            deputy.currentIndexChanged.connect(lambda _, r=row: self._deputy_changed(r))
        self.table.setColumnHidden(3, not reg.joint)
        self.guest_button.setEnabled(not reg.locked)
        self.declare_button.setEnabled(not reg.locked)
        self.declarations.clear()
        for d in attendance.list_declarations(self.db, self.meeting_id):
            where = f" (item {d.item})" if d.item else ""
            left_room = ", left the room" if d.left_room else ""
            self.declarations.addItem(f"{d.name}: {d.interest}{where}{left_room}")
        describe_cells(self.table)  # a screen reader reads each control's cell
        self.show_quorum(reg)

    def _item_choices(self) -> list[tuple[str, object]]:
        def label(title: str) -> str:
            return title if len(title) <= 16 else title[:15] + "…"

        return [("", None), *[(f"{i.number} {label(i.title)}", i.number) for i in self.items]]

    def _combo(self, name: str, choices: list[tuple[str, object]], current: object) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for text, data in choices:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index) if current not in (None, "") else 0)
        return combo

    def combo(self, row: int, col: int) -> QComboBox:
        widget = self.table.cellWidget(row, col)
        assert isinstance(widget, QComboBox)
        return widget

    def _value(self, row: int, col: int) -> object:
        return self.combo(row, col).currentData()

    def row_of(self, name: str) -> int:
        return next(i for i, line in enumerate(self.lines) if line.name == name)

    def _status_changed(self, row: int) -> None:
        status = str(self._value(row, STATUS_COL))
        change = LineChange(status=status)
        if status == "deputy":
            member = self._value(row, DEPUTY_COL)
            if member is None:
                names = [
                    self.combo(row, DEPUTY_COL).itemText(i)
                    for i in range(1, self.combo(row, DEPUTY_COL).count())
                ]
                name, ok = QInputDialog.getItem(
                    self, "Deputy", "Deputy for which member?", names, 0, False
                )
                if not ok:
                    self.reload()
                    return
                self.combo(row, DEPUTY_COL).blockSignals(True)
                self.combo(row, DEPUTY_COL).setCurrentIndex(names.index(name) + 1)
                self.combo(row, DEPUTY_COL).blockSignals(False)
                member = self._value(row, DEPUTY_COL)
            change = LineChange(status=status, deputy_for=str(member))
        self._send(row, change)

    def _deputy_changed(self, row: int) -> None:
        if self._value(row, STATUS_COL) == "deputy" and self._value(row, DEPUTY_COL) is not None:
            self._send(row, LineChange(deputy_for=str(self._value(row, DEPUTY_COL))))

    def _send(self, row: int, change: LineChange) -> None:
        try:
            reg = attendance.set_line(self.db, self.lines[row].id, change)
        except UserError as exc:
            show_user_error(self, str(exc))
            self.reload()
            return
        self.lines = list(reg.lines)
        if change.deputy_for or change.status == "deputy":
            self.reload()  # the member replaced is now marked with apologies
        else:
            self.show_quorum(reg)

    def show_quorum(self, reg: Register) -> None:
        text, colour = banner_html(reg)
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ background: {colour}; padding: 6px; color: black; }}")

    def matrix(self) -> None:
        reg = attendance.get_register(self.db, self.meeting_id)
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Attendance matrix",
            f"{reg.group_code} attendance {reg.date.year}.xlsx",
            "Excel (*.xlsx);;Word (*.docx)",
        )
        if name:
            self.matrix_to(Path(name))

    def matrix_to(self, out: Path) -> Path | None:
        """Who came to how many of how many of this group's meetings this year."""
        reg = attendance.get_register(self.db, self.meeting_id)
        return attempt(
            self, lambda: attendance_matrix.export(self.db, reg.group_code, reg.date.year, out)
        )

    def add_guest(self) -> None:
        name, ok = QInputDialog.getText(self, "Guest in attendance", "Name, role and organisation:")
        if (
            ok
            and attempt(self, lambda: attendance.add_guest(self.db, self.meeting_id, name))
            is not None
        ):
            self.reload()

    def declare(self) -> None:
        reg = attendance.get_register(self.db, self.meeting_id)
        dialog = DeclarationDialog(reg, self.items, self)
        if not dialog.exec():
            return
        done = attempt(
            self,
            lambda: attendance.declare(
                self.db,
                self.meeting_id,
                dialog.person.currentData(),
                dialog.interest.text(),
                dialog.item.currentData(),
                dialog.left_room.isChecked(),
            ),
        )
        if done:
            self.reload()
