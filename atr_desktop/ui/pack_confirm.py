"""The questions the pack window asks before something leaves the secretariat's hands:
issuing (what goes out), saving a restricted pack in the shared Packs folder, and opening
the PDF when the computer has no viewer for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from atr_desktop.ui.errors import show_user_error


def _ask(parent: QWidget, name: str, title: str, text: str, go: str, back: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName(name)
    yes = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def issue_question(version_line: str, result: Any, out: Path) -> str:
    """What goes out, in words: the version, the pages, and the items still to follow."""
    lines = [
        f"Issue this pack? {version_line}.",
        f"{result.page_count} pages (pack pages {result.first_page} to {result.last_page}).",
    ]
    if result.placeholders:
        lines.append("Still to follow (a placeholder page stands in for each):")
        lines += [f"  - Item {p.item}: {p.paper}" for p in result.placeholders]
    else:
        lines.append("Every paper is in it: nothing is still to follow.")
    lines.append(
        f"Once issued it is kept exactly as it is; a copy is saved as {out}. A late paper "
        "goes in a supplementary pack."
    )
    return "\n".join(lines)


def confirm_issue(parent: QWidget, version_line: str, result: Any, out: Path) -> bool:
    return _ask(
        parent,
        "confirmIssue",
        "Issue the pack",
        issue_question(version_line, result, out),
        "Issue it",
        "Go back",
    )


def restricted_target(parent: QWidget, out: Path, default_folder: Path) -> Path | None:
    """A restricted (Part B) pack is not saved in the Packs folder (often synced to
    OneDrive or shared) without asking; the user may choose another place."""
    packs, folder = default_folder.resolve(), out.parent.resolve()
    if folder != packs and packs not in folder.parents:
        return out
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Restricted pack",
        f"This is the restricted (Part B) pack, and {default_folder} is the usual Packs "
        "folder, which is often synced or shared. Save it somewhere only those entitled to "
        "it can open?",
        parent=parent,
    )
    box.setObjectName("restrictedPackFolder")
    elsewhere = box.addButton("Choose another place…", QMessageBox.ButtonRole.AcceptRole)
    here = box.addButton("Save it in Packs anyway", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(elsewhere)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is here:
        return out
    if box.clickedButton() is not elsewhere:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the restricted pack as", str(Path.home() / out.name), "PDF files (*.pdf)"
    )
    return Path(name) if name else None


def open_in_viewer(parent: QWidget, path: Path) -> bool:
    """Open a local file in its program; say so plainly when none is set up for it."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    show_user_error(
        parent,
        f"This computer has no program set up to open PDF files, so the pack could not be "
        f"opened. It is saved as {path}: open it from there, or ask IT for a PDF reader.",
    )
    return False
