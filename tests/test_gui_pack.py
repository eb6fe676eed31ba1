"""The pack dialog driven as a user would: build with progress, open, cancel."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes
from tests.test_pack_problems import SLOW_WORKER


def make_dialog(qtbot: Any, db: Any, command: list[str] | None = None) -> Any:
    from atr_desktop.ui.pack_dialog import PackDialog

    meeting = make_meeting(db)
    item = add_item(db, meeting, "Workforce")
    add_paper(db, item, "Workforce plan", pdf_bytes(2), "plan.pdf")
    add_paper(db, item, "Slow paper", pdf_bytes(1), "slow.pdf")
    dialog = PackDialog(db, meeting, worker_command=command)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_build_through_the_progress_dialog_then_open(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    dialog = make_dialog(qtbot, db)
    assert "ATR Strategy Group" in dialog.heading.text()
    out = tmp_path / "my pack.pdf"
    dialog.out_edit.clear()
    qtbot.keyClicks(dialog.out_edit, str(out))
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.progress is not None and dialog.progress.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert out.is_file()
    assert "Built" in dialog.results.toPlainText()
    # The papers' own accessibility, so an accessible version can be asked for in time.
    assert (
        "Accessibility: Item 5, plan.pdf ('Workforce plan'): is not tagged for accessibility"
        in dialog.results.toPlainText()
    )
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out)]


def test_problems_are_listed_in_the_dialog(qtbot: Any, db: Any, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, db)
    meeting_item = add_item(db, dialog.meeting_id, "Missing")
    add_paper(db, meeting_item, "Never sent", None)
    dialog.out_edit.setText(str(tmp_path / "p.pdf"))
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert "Never sent" in dialog.results.toPlainText()
    assert not (tmp_path / "p.pdf").exists()
    qtbot.mouseClick(dialog.placeholders, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert (tmp_path / "p.pdf").is_file()
    assert "Placeholder page for" in dialog.results.toPlainText()


def test_cancel_leaves_nothing_half_written(qtbot: Any, db: Any, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, db, command=[sys.executable, "-c", SLOW_WORKER])
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "pack.pdf"
    dialog.out_edit.setText(str(out))
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    progress = dialog.progress
    assert progress is not None
    qtbot.waitUntil(lambda: "slow.pdf" in progress.labelText(), timeout=30000)
    # The window stays responsive while the worker is stuck on the slow paper.
    assert dialog.busy and not dialog.build_button.isEnabled()
    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert "Cancelled" in dialog.results.toPlainText()
    assert not out.exists()
    assert list(folder.iterdir()) == []
    assert not dialog.open_button.isEnabled()


def _answer_when_shown(qtbot: Any, name: str, button_text: str, seen: list[str]) -> None:
    """Answer the message box ``name`` when it appears (it opens after the build finishes)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def poll() -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()),
            None,
        )  # fmt: skip
        if box is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, poll)


def test_issue_confirms_what_goes_out_then_email_draft_and_open(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    import email

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from atr_desktop.paths import app_paths
    from atr_desktop.services import pack_issue
    from tests.gui_helpers import with_modal

    dialog = make_dialog(qtbot, db)
    late = add_item(db, dialog.meeting_id, "Finance")
    add_paper(db, late, "Budget report", None)
    # Packs go to a folder people can see, not the hidden data folder.
    default = Path(dialog.out_edit.text())
    assert default.parent == app_paths().packs and app_paths().data not in default.parents
    assert default.parent.parts[-3:] == ("Documents", "ATR Desktop", "Packs")
    asked_for_a_name: list[object] = []
    eml_path = tmp_path / "pack.eml"

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked_for_a_name.append(args)
        return (str(eml_path), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)

    def read(box: Any) -> str:
        text = box.text()
        box.accept()
        return text

    [said] = with_modal(read, lambda: dialog.email_button.click())
    assert said.startswith("Issue the pack first (the Issue pack button)")
    assert "'pack issue'" not in said and asked_for_a_name == []

    out = tmp_path / "issued.pdf"
    dialog.out_edit.setText(str(out))
    dialog.placeholders.setChecked(True)
    seen: list[str] = []
    _answer_when_shown(qtbot, "confirmIssue", "Go back", seen)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert dialog.results.toPlainText() == "Not issued: nothing was recorded or sent."
    assert pack_issue.list_packs(db, dialog.meeting_id) == [] and not out.exists()
    question = seen[0]
    assert question.startswith("Issue this pack? Pack version 1, issued ")
    assert "pages (pack pages 1 to " in question
    assert "Still to follow (a placeholder page stands in for each):" in question
    assert "Budget report" in question

    _answer_when_shown(qtbot, "confirmIssue", "Issue it", seen)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    said = dialog.results.toPlainText()
    assert said.startswith(f"Issued pack version 1; a copy is saved as {out}")
    assert "(id" not in said
    packs = pack_issue.list_packs(db, dialog.meeting_id)
    assert len(packs) == 1 and out.is_file()
    assert out.stat().st_size == packs[0].size
    qtbot.mouseClick(dialog.email_button, Qt.MouseButton.LeftButton)
    assert "Wrote the email draft" in dialog.results.toPlainText()
    message = email.message_from_bytes(eml_path.read_bytes())
    assert [p.get_filename() for p in message.walk() if p.get_filename()]

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no PDF viewer
    [said] = with_modal(read, lambda: dialog.open_button.click())
    assert said.startswith("This computer has no program set up to open PDF files")
    assert str(out) in said


def test_dialog_says_what_was_removed_and_refuses_a_changed_paper(
    qtbot: Any, db: Any, tmp_path: Path
) -> None:
    from tests.pack_fixtures import hostile_pdf
    from tests.test_pack_safety import tamper

    dialog = make_dialog(qtbot, db)
    hostile = add_paper(db, add_item(db, dialog.meeting_id, "Forms"), "Macros", hostile_pdf())
    dialog.out_edit.setText(str(tmp_path / "p.pdf"))
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    text = dialog.results.toPlainText()
    assert "Built" in text
    assert "Note: Item 6, paper.pdf ('Macros'): active content removed for the pack" in text
    tamper(db, hostile)
    out = tmp_path / "again.pdf"
    dialog.out_edit.setText(str(out))
    qtbot.mouseClick(dialog.placeholders, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert "has changed since it was attached" in dialog.results.toPlainText()
    assert not out.exists()


def test_a_restricted_pack_is_not_saved_in_the_packs_folder_without_asking(
    qtbot: Any, db: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.gui_helpers import with_modal

    dialog = make_dialog(qtbot, db)
    secret = add_item(db, dialog.meeting_id, "Contract award", confidential=True)
    add_paper(db, secret, "Tender scores", pdf_bytes(1), "scores.pdf")
    with db.session() as s:
        from atr_desktop.storage.models import AgendaItem

        s.get_one(AgendaItem, secret).exemption = "commercial"
    dialog.kind.setCurrentIndex(dialog.kind.findData("restricted"))
    default = Path(dialog.out_edit.text())

    def answer(text: str):  # type: ignore[no-untyped-def]
        def act(box: Any) -> str:
            said = box.text()
            next(b for b in box.buttons() if b.text() == text).click()
            return said

        return act

    [said] = with_modal(answer("Cancel"), lambda: dialog.build_button.click())
    assert "restricted (Part B) pack" in said and not dialog.busy
    assert not default.exists()
    private = tmp_path / "private" / "restricted.pdf"
    private.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(private), ""))
    with_modal(answer("Choose another place…"), lambda: dialog.build_button.click())
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert dialog.out_edit.text() == str(private)
    assert "Built" in dialog.results.toPlainText(), dialog.results.toPlainText()
    assert private.is_file() and not default.exists()
