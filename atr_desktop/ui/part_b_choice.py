"""Asking, before a log is exported, whether Part B (confidential) rows go in.

Leaving them out is the default (Enter or Escape); putting them in is a deliberate click
that marks the whole file OFFICIAL-SENSITIVE.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_include_part_b(parent: QWidget, what: str) -> bool | None:
    """True to include Part B rows, False to leave them out, None when cancelled."""
    box = QMessageBox(parent)
    box.setObjectName("partBChoice")
    box.setWindowTitle("Part B (confidential) " + what)
    box.setText(
        f"Part B (confidential) {what} are left out of the export, which is marked OFFICIAL."
    )
    box.setInformativeText(
        "Include them only for those entitled to see Part B business: the whole file is "
        "then marked OFFICIAL-SENSITIVE."
    )
    leave = box.addButton("Leave them out", QMessageBox.ButtonRole.AcceptRole)
    include = box.addButton("Include Part B", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(leave)
    box.exec()
    clicked = box.clickedButton()
    if clicked is include:
        return True
    if clicked is leave:
        return False
    return None
