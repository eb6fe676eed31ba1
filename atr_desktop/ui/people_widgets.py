"""Small pieces the People area's tabs share: buttons, the group chooser, file choosers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QWidget

from atr_desktop.services import groups
from atr_desktop.storage.database import Database


def make_button(text: str, name: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda *_: slot())
    return button


def group_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName("Group")
    return combo


def fill_groups(combo: QComboBox, db: Database) -> None:
    """Each group as 'CODE  Name' with its code as data; keeps the current choice."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for g in groups.list_groups(db, include_closed=False):
        combo.addItem(f"{g.code}  {g.name}", g.code)
    index = combo.findData(keep)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def status_label(name: str) -> QLabel:
    """Where a tab says what just happened ('Wrote members.xlsx'), without a pop-up."""
    label = QLabel("")
    label.setObjectName(name)
    label.setAccessibleName("Status")
    label.setWordWrap(True)
    return label
