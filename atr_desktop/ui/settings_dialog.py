"""The settings dialog, built from domain.settings.SPECS so a new setting needs no UI code."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from atr_desktop.domain.settings import SPECS
from atr_desktop.errors import UserError
from atr_desktop.services import settings
from atr_desktop.storage.database import Database
from atr_desktop.ui.errors import show_user_error
from atr_desktop.ui.undo import undoable

FOLDER_KEYS = {"backup_folder", "packs_folder"}
FILE_KEYS = {"logo_path"}


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self.editors: dict[str, QWidget] = {}
        values = settings.all_settings(db)
        form = QFormLayout()
        for spec in SPECS:
            value = values[spec.key]
            editor: QWidget
            if isinstance(value, int) and not isinstance(value, bool):
                spin = QSpinBox()
                spin.setRange(0, 10_000)
                spin.setValue(value)
                editor = spin
            else:
                line = QLineEdit(", ".join(value) if isinstance(value, list) else str(value))
                editor = line
            editor.setObjectName(spec.key)
            editor.setAccessibleName(spec.label)
            if spec.help:
                editor.setToolTip(spec.help)
            self.editors[spec.key] = editor
            row: QWidget = editor
            if spec.key in FOLDER_KEYS | FILE_KEYS:
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(editor, 1)
                browse = QPushButton("Browse…")
                browse.setAccessibleName(f"Browse for {spec.label}")
                browse.clicked.connect(lambda _=False, k=spec.key: self._browse(k))
                box.addWidget(browse)
            form.addRow(spec.label + ":", row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self, key: str) -> None:
        editor = self.editors[key]
        assert isinstance(editor, QLineEdit)
        if key in FOLDER_KEYS:
            chosen = QFileDialog.getExistingDirectory(self, "Choose a folder", editor.text())
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Choose a logo", editor.text(), "Images (*.png *.jpg *.jpeg)"
            )
        if chosen:
            editor.setText(chosen)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            out[key] = editor.value() if isinstance(editor, QSpinBox) else editor.text()  # type: ignore[attr-defined]
        return out

    def save(self) -> None:
        try:
            with undoable(self.parentWidget() or self, "change settings"):
                settings.update(self.db, self.values())
        except UserError as exc:
            show_user_error(self, str(exc))
            return
        self.accept()
