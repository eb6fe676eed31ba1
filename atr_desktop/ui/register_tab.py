"""The Register tab: status per person, deputy-for, late/left item, and a live quorum banner."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
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
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.documents.invite_replies import REPLY_SUFFIXES
from atr_desktop.errors import UserError
from atr_desktop.services import attendance, attendance_matrix, minutes, register_bulk
from atr_desktop.services.attendance import STATUS_LABELS, LineChange, Register, RegisterLine
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.lease_keeper import Clock, LeaseKeeper, LeaseLine
from atr_desktop.ui.steady_combo import SteadyComboBox
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


class DeputyDialog(QDialog):
    """Whom a deputy attends for: nothing is chosen until the officer chooses (Enter alone
    used to take the first name in the list)."""

    def __init__(self, deputy: str, members: list[tuple[str, int]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("deputyDialog")
        self.setWindowTitle("Deputy attending")
        self.member = SteadyComboBox()
        self.member.setObjectName("deputyFor")
        self.member.setAccessibleName(f"{deputy} is deputy for")
        for name, person_id in members:
            self.member.addItem(name, person_id)
        self.member.setCurrentIndex(-1)
        self.member.setPlaceholderText("Choose the member they replace")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.member.currentIndexChanged.connect(lambda i: self.ok.setEnabled(i >= 0))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{escape(deputy)} attends as a deputy."))
        form.addRow("Deputy &for:", self.member)
        form.addRow(self.buttons)

    def accept(self) -> None:
        if self.member.currentIndex() >= 0:  # Enter with nothing chosen does nothing
            super().accept()


def reply_files(paths: list[Path]) -> list[Path]:
    """The dropped files that may be replies to an invite."""
    return [p for p in paths if p.suffix.lower() in REPLY_SUFFIXES]


class RegisterTab(QWidget):
    def __init__(
        self,
        db: Database,
        meeting_id: int,
        parent: QWidget | None = None,
        clock: Clock = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting_id = meeting_id
        # Approved minutes lock the register: nothing to edit, so no lease is taken.
        self.locked = minutes.approval_state(db, meeting_id).startswith("approved")
        # Another officer's lease makes the register read-only (services/leases.py).
        self.lease = LeaseKeeper(
            db, "register", meeting_id, clock=clock, parent=self, wanted=lambda: not self.locked
        )
        self.lease_line = LeaseLine(self.lease)
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
        self.all_present_button = QPushButton("Mark all &present")
        self.all_present_button.setObjectName("markAllPresent")
        self.all_present_button.setToolTip(
            "Everyone not marked yet is marked present; apologies and deputies stay as they are"
        )
        self.all_present_button.clicked.connect(self.mark_all_present)
        self.replies_button = QPushButton("Apologies from repl&ies…")
        self.replies_button.setObjectName("apologiesFromReplies")
        self.replies_button.setToolTip(
            "Choose the replies to the invite saved from Outlook (.ics or .eml), or drop them "
            "onto the register: those who declined get apologies"
        )
        self.replies_button.clicked.connect(self.choose_replies)
        self.matrix_button = QPushButton("Attendance ma&trix for the year…")
        self.matrix_button.setObjectName("attendanceMatrix")
        self.matrix_button.clicked.connect(self.matrix)
        self.declarations = QListWidget()
        self.declarations.setObjectName("declarationsList")
        self.declarations.setAccessibleName("Declarations of interest")
        self.declarations.setMaximumHeight(90)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present_button)
        buttons.addWidget(self.replies_button)
        buttons.addWidget(self.guest_button)
        buttons.addWidget(self.declare_button)
        buttons.addStretch(1)
        buttons.addWidget(self.matrix_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lease_line)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Declarations of interest:"))
        layout.addWidget(self.declarations)
        layout.addLayout(buttons)
        self.lines: list[RegisterLine] = []
        # Reply files dropped anywhere on the register give apologies (never via mail).
        self.setAcceptDrops(True)
        self.table.viewport().installEventFilter(self)
        self.table.viewport().setAcceptDrops(True)
        self.reload()
        self.lease.changed.connect(self._enable)

    def reload(self) -> None:
        reg = attendance.get_register(self.db, self.meeting_id)
        if self.locked != reg.locked:  # approved (the lease is given back) or withdrawn
            self.locked = reg.locked
            self.lease.refresh()
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
        self._enable()
        self.declarations.clear()
        for d in attendance.list_declarations(self.db, self.meeting_id):
            where = f" (item {d.item})" if d.item else ""
            left_room = ", left the room" if d.left_room else ""
            self.declarations.addItem(f"{d.name}: {d.interest}{where}{left_room}")
        describe_cells(self.table)  # a screen reader reads each control's cell
        self.show_quorum(reg)

    @property
    def read_only(self) -> bool:
        """Approved minutes lock it, or someone else is editing it."""
        return self.locked or not self.lease.editable

    def _enable(self) -> None:
        editable = not self.read_only
        for row in range(self.table.rowCount()):
            for col in (STATUS_COL, DEPUTY_COL, ARRIVED_COL, LEFT_COL):
                widget = self.table.cellWidget(row, col)
                if widget is not None:
                    widget.setEnabled(editable)
        for button in (
            self.guest_button,
            self.declare_button,
            self.all_present_button,
            self.replies_button,
        ):
            button.setEnabled(editable)

    def _item_choices(self) -> list[tuple[str, object]]:
        def label(title: str) -> str:
            return title if len(title) <= 16 else title[:15] + "…"

        return [("", None), *[(f"{i.number} {label(i.title)}", i.number) for i in self.items]]

    def _combo(self, name: str, choices: list[tuple[str, object]], current: object) -> QComboBox:
        combo = SteadyComboBox()
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
                deputies = self.combo(row, DEPUTY_COL)
                choices = [
                    (deputies.itemText(i), int(deputies.itemData(i)))
                    for i in range(1, deputies.count())
                    if deputies.itemData(i) != self.lines[row].person_id
                ]
                dialog = DeputyDialog(self.lines[row].name, choices, self)
                if not dialog.exec():
                    self.reload()
                    return
                member = dialog.member.currentData()
                deputies.blockSignals(True)
                deputies.setCurrentIndex(deputies.findData(member))
                deputies.blockSignals(False)
            change = LineChange(status=status, deputy_for=str(member))
        self._send(row, change)

    def _deputy_changed(self, row: int) -> None:
        if self._value(row, STATUS_COL) == "deputy" and self._value(row, DEPUTY_COL) is not None:
            self._send(row, LineChange(deputy_for=str(self._value(row, DEPUTY_COL))))

    def _send(self, row: int, change: LineChange) -> None:
        self.lease.touch()
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

    def mark_all_present(self) -> None:
        done = attempt(self, lambda: register_bulk.mark_all_present(self.db, self.meeting_id))
        if done is not None:
            self.reload()

    def choose_replies(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Replies to the invite",
            "",
            "Replies to an invite (*.ics *.eml);;All files (*)",
        )
        if names:
            self.take_replies([Path(n) for n in names])

    def take_replies(self, files: list[Path]) -> register_bulk.BulkResult | None:
        """Apologies for those who declined, then one message saying what was done."""
        done = attempt(
            self, lambda: register_bulk.apologies_from_replies(self.db, self.meeting_id, files)
        )
        if done is None:
            return None
        self.reload()
        said = (
            f"Apologies recorded for {', '.join(done.marked)}."
            if done.marked
            else "No apologies were recorded."
        )
        if done.notes:
            said += "\n\n" + "\n".join(done.notes)
        QMessageBox.information(self, "Replies to the invite", said)
        return done

    def _dropped(self, event: QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return reply_files([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.replies_button.isEnabled() and self._dropped(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.replies_button.isEnabled() and self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped(event)
        if files and self.replies_button.isEnabled():
            event.acceptProposedAction()
            self.take_replies(files)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Drops on the table land on its viewport: handle them as drops on the register."""
        if watched is self.table.viewport():
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                event.ignore()
                self.dragEnterEvent(event)  # type: ignore[arg-type]
                return event.isAccepted()
            if event.type() == QEvent.Type.Drop:
                self.dropEvent(event)  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

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
