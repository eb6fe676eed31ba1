"""Add or edit a group (form: forms/group_dialog.ui)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from atr_desktop.domain.groups import GroupKind
from atr_desktop.services import groups
from atr_desktop.storage.database import Database
from atr_desktop.ui.forms.ui_group_dialog import Ui_GroupDialog
from atr_desktop.ui.reload import TypedForm, save_and_close
from atr_desktop.ui.undo import undoable


class GroupDialog(QDialog):
    def __init__(
        self, db: Database, group: groups.GroupInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.group = group
        self.result_group: groups.GroupInfo | None = None
        self.ui = Ui_GroupDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("Edit group" if group else "Add group")
        for kind in GroupKind:
            self.ui.kindCombo.addItem(kind.value.capitalize(), kind.value)
        for other in groups.list_groups(db):
            if other.kind == GroupKind.JOINT or (group and other.id == group.id):
                continue
            item = QListWidgetItem(f"{other.code}  {other.name}")
            item.setData(Qt.ItemDataRole.UserRole, other.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.constituentsList.addItem(item)
        if group:
            self.fill(group)
        else:
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(GroupKind.OTHER.value))
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        ui = self.ui
        self.form = TypedForm(
            [
                ui.nameEdit,
                ui.codeEdit,
                ui.kindCombo,
                ui.ageEdit,
                ui.rhythmEdit,
                ui.descriptionEdit,
                ui.constituentsList,
            ]
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, group: groups.GroupInfo) -> None:
        """Show ``group`` as read (on opening, and again on Reload)."""
        self.group = group
        self.ui.nameEdit.setText(group.name)
        self.ui.codeEdit.setText(group.code)
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(group.kind))
        self.ui.ageEdit.setText(group.age_focus)
        self.ui.rhythmEdit.setText(group.rhythm)
        self.ui.descriptionEdit.setPlainText(group.description)
        for row in range(self.ui.constituentsList.count()):
            item = self.ui.constituentsList.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in group.constituents
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def reread(self) -> groups.GroupInfo:
        """The group read again (only an edit can be refused as changed since it was read)."""
        assert self.group is not None
        return groups.get_group(self.db, self.group.id)

    def _kind_changed(self) -> None:
        joint = self.ui.kindCombo.currentData() == GroupKind.JOINT.value
        self.ui.constituentsList.setEnabled(joint)
        self.ui.constituentsLabel.setEnabled(joint)

    def data(self) -> groups.GroupInput:
        codes = []
        for row in range(self.ui.constituentsList.count()):
            item = self.ui.constituentsList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(item.data(Qt.ItemDataRole.UserRole))
        return groups.GroupInput(
            code=self.ui.codeEdit.text(),
            name=self.ui.nameEdit.text(),
            kind=self.ui.kindCombo.currentData(),
            age_focus=self.ui.ageEdit.text(),
            rhythm=self.ui.rhythmEdit.text(),
            description=self.ui.descriptionEdit.toPlainText(),
            constituents=codes,
        )

    def save(self) -> None:
        self.result_group = save_and_close(self, self.form, self.write, self.reread, self.fill)

    def write(self) -> groups.GroupInfo:
        label = "add group" if self.group is None else f"edit group {self.group.code}"
        with undoable(self.parentWidget() or self, label):
            if self.group is None:
                return groups.add_group(self.db, self.data())
            return groups.update_group(
                self.db, self.group.id, self.data(), expected_version=self.group.row_version
            )
