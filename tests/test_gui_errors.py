"""A bug shows a dialog with details to copy and goes to the log; a user's mistake does not."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from atr_desktop.errors import UserError
from atr_desktop.logs import setup_logging
from atr_desktop.ui.errors import install_excepthook
from tests.gui_helpers import with_modal


@pytest.mark.allow_warning_logs
def test_unexpected_error_opens_bug_dialog_and_logs(qtbot, tmp_path, monkeypatch) -> None:
    log_file = setup_logging(tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(log_file)
    try:
        raise RuntimeError("internal failure 42")
    except RuntimeError:
        info = sys.exc_info()

    def read(box: QMessageBox):
        copy = next(b for b in box.buttons() if b.text() == "Copy details")
        copy.click()
        seen = (box.text(), box.informativeText(), box.detailedText())
        box.close()
        return seen

    ((text, informative, details),) = with_modal(read, lambda: sys.excepthook(*info))
    assert "bug, not your mistake" in text
    assert str(log_file) in informative
    assert "internal failure 42" in details
    assert "internal failure 42" in QApplication.clipboard().text()
    for handler in logging.getLogger("atr_desktop").handlers:
        handler.flush()
    logged = log_file.read_text()
    assert "RuntimeError" in logged and "test_gui_errors.py" in logged
    assert "RuntimeError: internal failure 42" not in logged  # its words can quote a record


def test_user_error_through_the_hook_is_a_plain_message(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "log.txt")
    error = UserError("That file is locked: close it in Word and try again.")
    seen = with_modal(
        lambda box: (box.text(), box.accept())[0],
        lambda: sys.excepthook(UserError, error, None),
    )
    assert seen == ["That file is locked: close it in Word and try again."]
