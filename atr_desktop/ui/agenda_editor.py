"""The agenda editor: a tree of numbered, timed items, reordered by drag and drop or by
keyboard (Ctrl+Up/Down moves, Ctrl+Right makes a sub-item, Ctrl+Left undoes it), and the
papers panel of the selected item (attach by button or by dropping files on it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.dates import hhmm, short_date
from atr_desktop.errors import UserError
from atr_desktop.services import agenda, papers
from atr_desktop.services.agenda import AgendaRow
from atr_desktop.services.papers import PaperInfo
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import attempt, show_user_error
from atr_desktop.ui.flow_layout import FlowLayout
from atr_desktop.ui.item_dialogs import AgendaItemDialog, CoverSheetDialog
from atr_desktop.ui.operations import Progress, run_or_now, runner_of
from atr_desktop.ui.qt_virtuals import TreeLine
from atr_desktop.ui.record_view import RecordView
from atr_desktop.ui.style import describe_blank_cells
from atr_desktop.ui.table_model import Column

HEADERS = ("No.", "Time", "Title", "Lead", "Purpose", "Mins", "Paper", "Part")
ID_ROLE = Qt.ItemDataRole.UserRole


def _button(text: str, name: str, slot: object, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class AgendaTree(QTreeWidget):
    """Emits ``move_requested(item_id, new_number)`` when an item is dropped, and
    ``key_move(item_id, action)`` for the keyboard moves ('up', 'down', 'in', 'out')."""

    move_requested = Signal(int, str)
    key_move = Signal(int, str)
    files_dropped = Signal(int, list)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("agendaTree")
        self.setAccessibleName("Agenda items")
        self.setHeaderLabels(HEADERS)
        self.setRootIsDecorated(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows: dict[int, AgendaRow] = {}

    def current_row(self) -> AgendaRow | None:
        item = self.currentItem()
        return self.rows.get(item.data(0, ID_ROLE)) if item else None

    def set_rows(self, rows: list[AgendaRow]) -> None:
        keep = self.current_row()
        self.clear()
        self.rows = {r.id: r for r in rows}
        parents: dict[int, QTreeWidgetItem] = {}
        for r in rows:
            values = (
                r.number,
                hhmm(r.start),
                r.title + (" (deferred)" if r.deferred else ""),
                r.lead,
                r.purpose.capitalize(),
                str(r.minutes),
                r.paper_text,
                "B" if r.confidential else "A",
            )
            item = TreeLine(list(values))
            item.setData(0, ID_ROLE, r.id)
            if r.kind == "aob":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            parent = parents.get(r.parent_id) if r.parent_id else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.addTopLevelItem(item)
            parents[r.id] = item
            describe_blank_cells(item)
        self.expandAll()
        for col in range(len(HEADERS)):
            self.resizeColumnToContents(col)
        if keep is not None:
            self.select_id(keep.id)

    def select_id(self, item_id: int) -> None:
        for item in self._all_items():
            if item.data(0, ID_ROLE) == item_id:
                self.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        actions = {
            Qt.Key.Key_Up: "up",
            Qt.Key.Key_Down: "down",
            Qt.Key.Key_Right: "in",
            Qt.Key.Key_Left: "out",
        }
        if (
            row is not None
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in actions
        ):
            self.key_move.emit(row.id, actions[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    # Drag and drop: the new place is worked out here and done by the service, then the
    # tree is rebuilt from the store, so numbers and times always follow the saved order.
    def _files(self, event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> list[Path]:
        """Files dragged in from the file manager (or Outlook's saved attachments)."""
        if event.source() is self or not event.mimeData().hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._files(event)
        if files:
            item = self.itemAt(event.position().toPoint())
            event.acceptProposedAction()
            if item is not None:
                self.files_dropped.emit(item.data(0, ID_ROLE), files)
            return
        dragged = self.current_row()
        target_number = self.drop_number(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is not None and target_number:
            self.move_requested.emit(dragged.id, target_number)

    def drop_number(self, point: QPoint) -> str | None:
        """The number the dragged item would take if dropped at ``point``: above an item
        takes its place, below comes after it, on its middle makes a sub-item of it."""
        dragged = self.current_row()
        item = self.itemAt(point)
        if dragged is None:
            return None
        if item is None:
            last = [r for r in self.rows.values() if r.parent_id is None and r.kind != "aob"]
            return str(len(last))
        target = self.rows[item.data(0, ID_ROLE)]
        if target.id == dragged.id:
            return None
        rect = self.visualItemRect(item)
        y = point.y()
        if rect.top() + rect.height() / 4 < y < rect.bottom() - rect.height() / 4:
            kids = [r for r in self.rows.values() if r.parent_id == target.id]
            kids = [r for r in kids if r.id != dragged.id]
            return f"{target.number}.{len(kids) + 1}"
        siblings = sorted(
            (r for r in self.rows.values() if r.parent_id == target.parent_id),
            key=lambda r: tuple(int(x) for x in r.number.split(".")),
        )
        siblings = [r for r in siblings if r.id != dragged.id]
        index = next(i for i, r in enumerate(siblings) if r.id == target.id)
        if y >= rect.bottom() - rect.height() / 4:
            index += 1
        prefix = target.number.rsplit(".", 1)[0] + "." if "." in target.number else ""
        return f"{prefix}{index + 1}"


PAPER_COLUMNS: list[Column[PaperInfo]] = [
    Column("Ref", lambda p: p.reference or "-"),
    Column("Title", lambda p: p.title),
    Column("Author", lambda p: p.author),
    Column("Deadline", lambda p: short_date(p.deadline), lambda p: p.deadline or ""),
    Column(
        "Status",
        lambda p: p.status.capitalize(),
        background=lambda p: {"late": "#f8d7da", "received": "#d1e7dd"}.get(p.status),
    ),
    Column("File", lambda p: f"{p.filename} (v{p.version})" if p.filename else ""),
    Column(
        "Cover sheet",
        lambda p: "Needs " + ", ".join(p.missing_fields) if p.missing_fields else "Complete",
    ),
]


class PapersPanel(QWidget):
    """The papers of the selected item; drop files from the file manager to attach them."""

    changed = Signal()

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.meeting_id: int | None = None
        self.row: AgendaRow | None = None
        self._guarded = False
        self.setAcceptDrops(True)
        self.setObjectName("papersPanel")
        self.setAccessibleName("Papers for the selected item; drop files here to attach them")
        self.title = QLabel("Papers")
        self.title.setWordWrap(True)
        self.view: RecordView[PaperInfo] = RecordView(PAPER_COLUMNS, "papers")
        self.attach_button = _button(
            "Atta&ch file…",
            "attachPaper",
            self.choose_files,
            "Attach a paper to the selected item (or drop files here)",
        )
        self.expect_button = _button("E&xpect paper…", "expectPaper", self.expect)
        self.replace_button = _button(
            "Replace file…",
            "replacePaper",
            self.replace_file,
            "Attach a new version of the selected paper",
        )
        self.open_button = _button("&Open", "openPaper", self.open_file)
        self.cover_button = _button("Cover sheet…", "editCover", self.edit_cover)
        self.withdraw_button = _button("Withdraw…", "withdrawPaper", self.withdraw)
        # The edits sit together so a job writing papers can disable them as one; they
        # wrap onto a second line on a small screen.
        self.edits = QWidget()
        self.edits.setObjectName("paperEdits")
        edits = FlowLayout(self.edits)
        edits.setContentsMargins(0, 0, 0, 0)
        for b in (
            self.attach_button,
            self.expect_button,
            self.replace_button,
            self.cover_button,
            self.withdraw_button,
        ):
            edits.addWidget(b)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edits, 1)
        buttons.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.activated.connect(lambda p: self.edit_cover())
        self.view.selection_changed.connect(self._paper_selected)
        self.show_item(None, None)

    def _paper_selected(self) -> None:
        paper = self.view.current()
        self.cover_button.setEnabled(paper is not None)
        self.withdraw_button.setEnabled(paper is not None and paper.status != "withdrawn")
        self.replace_button.setEnabled(paper is not None)
        self.open_button.setEnabled(paper is not None and bool(paper.sha256))

    def show_item(self, meeting_id: int | None, row: AgendaRow | None) -> None:
        self.meeting_id, self.row = meeting_id, row
        for b in (self.attach_button, self.expect_button):
            b.setEnabled(row is not None)
        for b in (self.cover_button, self.withdraw_button, self.replace_button, self.open_button):
            b.setEnabled(False)
        if meeting_id is None or row is None:
            self.title.setText("<b>Papers</b>: select an agenda item")
            self.view.set_records([])
            return
        self.title.setText(f"<b>Papers for item {row.number}</b>: {row.title}")
        listed = [p for p in papers.list_papers(self.db, meeting_id) if p.item_id == row.id]
        self.view.set_records(listed)
        if self.view.current() is None:
            self.view.select_where(lambda p: True)
        self._paper_selected()

    def attach(self, paths: list[Path], paper_id: int | None = None) -> None:
        """Attach each file (a new version of ``paper_id`` when given) as a job: reading a
        long PDF never freezes the window. A refused file says why and changes nothing."""
        if self.meeting_id is None or self.row is None or not paths:
            return
        meeting_id, item_id, db = self.meeting_id, self.row.id, self.db

        def work(progress: Progress) -> tuple[list[PaperInfo], list[str]]:
            done, refused = [], []
            for index, path in enumerate(paths):
                progress.check()
                progress.update(index, len(paths), path.name)
                try:
                    done.append(
                        papers.attach_file(
                            db, meeting_id, item_id, path, paper_id=paper_id, text_apart=True
                        )
                    )
                except UserError as exc:
                    refused.append(str(exc))
            return done, refused

        def finished(outcome: tuple[list[PaperInfo], list[str]]) -> None:
            done, refused = outcome
            if refused:
                show_user_error(self, "\n\n".join(refused))
            if done:
                self.changed.emit()

        runner = runner_of(self)
        if runner is not None and not self._guarded:
            self._guarded = True  # while papers are being written, their edits wait
            runner.guard(self.edits, ("papers",))
        run_or_now(self, "Attaching papers", work, finished, writes=("papers",), cancellable=True)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Attach papers",
            "",
            "Papers (*.pdf *.docx *.doc *.xlsx *.xls *.pptx *.ppt *.png *.jpg *.jpeg)",
        )
        self.attach([Path(n) for n in names])

    def replace_file(self) -> None:
        paper = self.view.current()
        if paper is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            f"New version of {paper.title}",
            "",
            "Papers (*.pdf *.docx *.doc *.xlsx *.xls *.pptx *.ppt *.png *.jpg *.jpeg)",
        )
        if name:
            self.attach([Path(name)], paper_id=paper.id)

    def open_file(self) -> None:
        """Open the latest version in its own program (a copy with its real name)."""
        import shutil
        import tempfile

        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        paper = self.view.current()
        if paper is None or not paper.sha256:
            return
        folder = Path(tempfile.mkdtemp(prefix="atr-paper-"))
        copy = folder / paper.filename
        shutil.copyfile(papers.file_path(self.db, paper.sha256), copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.row is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() and self.row is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.db.can_write:  # a reader: nothing to attach
            return
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach(paths)

    def expect(self) -> None:
        if self.meeting_id is None or self.row is None:
            return
        title, ok = QInputDialog.getText(
            self, "Expect a paper", "Paper title:", text=self.row.title
        )
        if not ok:
            return
        author, ok = QInputDialog.getText(self, "Expect a paper", "Author's name:")
        if not ok:
            return
        email, _ = QInputDialog.getText(self, "Expect a paper", "Author's email (optional):")
        meeting_id, item_id = self.meeting_id, self.row.id

        def add() -> PaperInfo:
            return papers.expect_paper(self.db, meeting_id, item_id, title, author, email)

        if attempt(self, add) is not None:
            self.changed.emit()

    def edit_cover(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        paper = self.view.current()
        if paper is None:
            return
        dialog = CoverSheetDialog(self.db, paper, self)
        if dialog.exec():
            self.changed.emit()

    def withdraw(self) -> None:
        paper = self.view.current()
        if paper is None:
            return
        reason, ok = QInputDialog.getText(
            self, "Withdraw paper", f"Withdraw '{paper.title}'? It stays on record.\nReason:"
        )
        if not ok:
            return
        if attempt(self, lambda: papers.withdraw_paper(self.db, paper.id, reason)) is not None:
            self.changed.emit()


class AgendaEditor(QWidget):
    """The agenda of one meeting with its buttons, and the papers panel below."""

    changed = Signal()

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.meeting_id: int | None = None
        self.tree = AgendaTree()
        self.papers = PapersPanel(db)
        self.add_button = _button("Add &item…", "addItem", self.add_item)
        self.sub_button = _button("Add s&ub-item…", "addSubItem", self.add_sub_item)
        self.edit_button = _button("Edi&t item…", "editItem", self.edit_item)
        self.remove_button = _button("&Remove item", "removeItem", self.remove_item)
        self.build_button = _button(
            "From for&ward plan",
            "buildAgenda",
            self.build,
            "Add the forward plan's items due for this meeting",
        )
        self.copy_button = _button("Cop&y previous agenda", "copyPrevious", self.copy_previous)
        buttons = FlowLayout()
        for b in (
            self.add_button,
            self.sub_button,
            self.edit_button,
            self.remove_button,
            self.build_button,
            self.copy_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel("Drag items to reorder, or Ctrl+Up/Down; Ctrl+Right makes a sub-item.")
        hint.setObjectName("agendaHint")
        hint.setWordWrap(True)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree)
        top_layout.addLayout(buttons)
        top_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.papers)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tree.currentItemChanged.connect(lambda *_: self._item_selected())
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_item())
        self.tree.move_requested.connect(self.move_to)
        self.tree.key_move.connect(self.key_move)
        self.tree.files_dropped.connect(self.files_dropped)
        self.papers.changed.connect(self.refresh)
        self.show_meeting(None)

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        rows = agenda.agenda(self.db, self.meeting_id) if self.meeting_id else []
        self.tree.set_rows(rows)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        for b in (self.add_button, self.build_button, self.copy_button):
            b.setEnabled(self.meeting_id is not None)
        self._item_selected()

    def _item_selected(self) -> None:
        row = self.tree.current_row()
        for b in (self.sub_button, self.edit_button, self.remove_button):
            b.setEnabled(row is not None)
        self.papers.show_item(self.meeting_id, row)

    def _after(self, row: AgendaRow | None) -> None:
        if row is None:
            return
        self.refresh()
        self.tree.select_id(row.id)
        self.changed.emit()

    def add_item(self) -> None:
        if self.meeting_id is None:
            return
        dialog = AgendaItemDialog(self.db, self.meeting_id, parent=self)
        if dialog.exec():
            self._after(dialog.result_row)

    def add_sub_item(self) -> None:
        row = self.tree.current_row()
        if self.meeting_id is None or row is None:
            return
        dialog = AgendaItemDialog(self.db, self.meeting_id, under=row, parent=self)
        if dialog.exec():
            self._after(dialog.result_row)

    def edit_item(self) -> None:
        if not self.db.can_write:  # a reader double-clicks to look, not to edit
            return
        row = self.tree.current_row()
        if self.meeting_id is None or row is None:
            return
        dialog = AgendaItemDialog(self.db, self.meeting_id, row=row, parent=self)
        if dialog.exec():
            self._after(dialog.result_row)

    def remove_item(self) -> None:
        row = self.tree.current_row()
        if row is None:
            return

        def remove() -> bool:
            agenda.remove_item(self.db, row.id)
            return True

        if attempt(self, remove):
            self.refresh()
            self.changed.emit()

    def move_to(self, item_id: int, number: str) -> None:
        if not self.db.can_write:  # a reader cannot reorder the agenda
            return
        row = self.tree.rows.get(item_id)
        if self.meeting_id is None or row is None:
            return
        meeting_id = self.meeting_id
        self._after(
            attempt(self, lambda: agenda.move_item(self.db, meeting_id, row.number, number))
        )

    def key_move(self, item_id: int, action: str) -> None:
        if not self.db.can_write:  # a reader cannot reorder the agenda
            return
        moves = {
            "up": lambda: agenda.shift_item(self.db, item_id, -1),
            "down": lambda: agenda.shift_item(self.db, item_id, 1),
            "in": lambda: agenda.indent_item(self.db, item_id),
            "out": lambda: agenda.outdent_item(self.db, item_id),
        }
        self._after(attempt(self, moves[action]))

    def files_dropped(self, item_id: int, paths: list[Path]) -> None:
        """Files dropped on an agenda item are attached to it."""
        if not self.db.can_write:  # a reader: nothing to attach
            return
        self.tree.select_id(item_id)
        self.papers.attach(paths)

    def build(self) -> None:
        if self.meeting_id is None:
            return
        result = attempt(self, lambda: agenda.build_agenda(self.db, self.meeting_id or 0))
        if result is not None:
            self.refresh()
            self.changed.emit()

    def copy_previous(self) -> None:
        if self.meeting_id is None:
            return
        if attempt(self, lambda: agenda.copy_from_previous(self.db, self.meeting_id or 0)):
            self.refresh()
            self.changed.emit()
