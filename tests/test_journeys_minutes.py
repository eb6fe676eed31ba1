"""Journeys 4 (on the day) and 5 (after the meeting), end to end through the CLI and window.

The command-line journeys run on both engines (a file, then a team's store on PostgreSQL);
the window's on SQLite (the GUI suite's engine; tests/test_gui_pg.py is its smoke test on
a server).
"""

from __future__ import annotations

import email
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atr_desktop.services import attendance, minutes
from atr_desktop.storage.database import open_database
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from atr_desktop.ui.register_tab import STATUS_COL, DeclarationDialog
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group
from tests.office import needs_soffice, pdf_text

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

MEETING = "SG:2026-11-10"
OPEN_STORE = """
from atr_desktop.paths import app_paths, server_folder
from atr_desktop.storage.database import open_database, open_server_database
address = {address!r}
db = (
    open_server_database(address, server_folder(address, app_paths()))
    if address.startswith("postgresql")
    else open_database(pathlib.Path(address))
)
"""


def test_journey_4_on_the_day_through_the_cli(db, db_address, cli, reopen) -> None:
    sg = strategy_group(db)
    db.close()
    for name in ("Siân", "Zoë", "Tariq", "Niamh", "Piotr"):
        code, _, err = cli(
            "attendance", "set", MEETING, "--person", sg.ref(name), "--status", "present"
        )
        assert code == 0, err
    cli("attendance", "set", MEETING, "--person", sg.ref("Grace"), "--status", "apologies")
    code, out, _ = cli("attendance", "show", MEETING, "--json")
    shown = json.loads(out)
    assert shown["quorate"] is True and shown["quorum"][0]["reason"].startswith("Quorate: 5 of 6")
    code, out, err = cli(
        "attendance",
        "declare",
        MEETING,
        "--person",
        sg.ref("Tariq"),
        "--interest",
        "Trustee of the bidding charity",
        "--item",
        "5",
        "--left-room",
    )
    assert code == 0 and "left the room" in out, err
    assert (
        cli(
            "minutes", "write", MEETING, "5", "--text", "The Group discussed the proposal.\n- cost"
        )[0]
        == 0
    )
    for text in ("The Group APPROVED the proposal.", "The Group AGREED to review it in May."):
        code, out, err = cli(
            "decisions", "add", "--meeting", MEETING, "--item", "5", "--text", text, "--json"
        )
        assert code == 0 and not json.loads(out)["decisions"][0]["needs_ratification"], err
    owners = [sg.ref("Zoë"), sg.ref("Zoë"), "Finance lead", sg.ref("Piotr")]
    for n, owner in enumerate(owners, start=1):
        code, _, err = cli(
            "actions",
            "add",
            "--meeting",
            MEETING,
            "--item",
            "5",
            "--text",
            f"Action {n}",
            "--owner",
            owner,
            "--due",
            "2027-01-31",
        )
        assert code == 0, err
    code, out, _ = cli("minutes", "aob", MEETING, "--title", "Winter pressures")
    assert "8.1" in out
    code, out, _ = cli("minutes", "show", MEETING)
    assert "DECISION: The Group APPROVED" in out and "SG-2026-004" in out and "8.1  Winter" in out
    # Part of item 6 is typed, and the laptop dies before it is saved.
    db2 = reopen()
    item6 = minutes.show(db2, MEETING).items[5].item_id
    db2.close()
    script = "import os, pathlib\nfrom atr_desktop.services import minutes\n"
    script += OPEN_STORE.format(address=db_address)
    script += textwrap.dedent(f"""
        minutes.autosave(db, {sg.meeting}, {item6}, "Budget: members noted the pressures")
        os._exit(1)
    """)
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 1
    code, out, _ = cli("minutes", "show", MEETING)
    assert "unsaved typing is waiting" in out


@pytest.mark.sqlite_only
def test_journey_4_on_the_day_through_the_window(qtbot, db, db_path) -> None:
    sg = strategy_group(db)
    dialog = MeetingRecordDialog(db, sg.meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    reg = dialog.register_tab
    for name in ("Siân Evans", "Zoë Clarke", "Tariq Haddad", "Niamh Byrne", "Piotr Nowak"):
        combo = reg.combo(reg.row_of(name), STATUS_COL)
        combo.setCurrentIndex(combo.findData("present"))
    assert reg.banner.text().startswith("<b>QUORATE</b>")

    def declare(box) -> None:
        assert isinstance(box, DeclarationDialog)
        box.person.setCurrentIndex(box.person.findText("Tariq Haddad"))
        qtbot.keyClicks(box.interest, "Trustee of the bidding charity")
        box.item.setCurrentIndex(box.item.findData("5"))
        box.left_room.setChecked(True)
        box.accept()

    with_modal(declare, lambda: qtbot.mouseClick(reg.declare_button, Qt.MouseButton.LeftButton))
    assert reg.declarations.item(0).text() == (
        "Tariq Haddad: Trustee of the bidding charity (item 5), left the room"
    )
    assert attendance.item_quorum(db, sg.meeting, "5")[0].reason.startswith("Quorate: 4 of 6")

    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    tab.item_list.setCurrentRow(4)
    qtbot.keyClicks(tab.editor, "The Group discussed the proposal.")
    for text in ("The Group APPROVED the proposal.", "The Group AGREED a review in May."):

        def decide(box, text: str = text) -> None:
            box.setTextValue(text)
            box.accept()

        dialog.activateWindow()
        with_modal(
            decide,
            lambda: qtbot.keyClick(tab.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
        )
    for n in range(4):

        def act(box, n: int = n) -> None:
            qtbot.keyClicks(box.text, f"Action {n + 1}")
            owner = {2: "Finance lead", 3: "Tariq Haddad"}.get(n, sg.ref("Zoë"))
            qtbot.keyClicks(box.owner, owner)
            box.accept()

        dialog.activateWindow()
        with_modal(
            act,
            lambda: qtbot.keyClick(
                tab.editor,
                Qt.Key.Key_A,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            ),
        )
    assert tab.decision_list.count() == 2 and tab.action_list.count() == 4

    def aob(box) -> None:
        box.setTextValue("Winter pressures")
        box.accept()

    with_modal(aob, lambda: qtbot.mouseClick(tab.buttons["addAob"], Qt.MouseButton.LeftButton))
    assert tab.item_list.currentItem().text().startswith("8.1  Winter pressures")
    qtbot.keyClicks(tab.editor, "Raised by the Chair")
    tab.autosave()  # the pause in typing
    saved = minutes.show(db, sg.meeting)
    assert saved.items[4].discussion == "The Group discussed the proposal."
    assert len(saved.items[4].decisions) == 2 and len(saved.items[4].actions) == 4
    from atr_desktop.services import actions

    tariq = next(a for a in actions.list_actions(db) if a.owner == "Tariq Haddad")
    assert tariq.owner_email == sg.ref("Tariq")  # a name from the register links the person
    # The battery dies now: the window never closes; reopening restores the typing.
    again = MeetingRecordDialog(db, sg.meeting)
    qtbot.addWidget(again)
    assert not again.minutes_tab.notice.isHidden()
    assert "8.1" in again.minutes_tab.notice.text()
    assert again.tabs.currentIndex() == 1
    assert again.minutes_tab.editor.toPlainText() in ("Raised by the Chair", "")
    items = {i.number: i for i in minutes.show(db, sg.meeting).items}
    assert items["8.1"].pending_draft == "Raised by the Chair"


@pytest.mark.sqlite_only
def test_a_crash_of_the_window_loses_nothing_typed(db, db_path) -> None:
    """The app is killed (os._exit) after typing pauses: the text is there on reopen."""
    sg = strategy_group(db)
    db.close()
    script = textwrap.dedent(f"""
        import os, pathlib
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from PySide6.QtTest import QTest
        from atr_desktop.storage.database import open_database
        from atr_desktop.services import minutes
        from atr_desktop.ui.meeting_record import MeetingRecordDialog
        app = QApplication([])
        db = open_database(pathlib.Path({str(db_path)!r}))
        dialog = MeetingRecordDialog(db, {sg.meeting})
        dialog.show()
        tab = dialog.minutes_tab
        tab.item_list.setCurrentRow(4)
        QTest.keyClicks(tab.editor, "Typed while the meeting ran")
        for _ in range(100):  # until the pause in typing has been autosaved
            QTest.qWait(50)
            if minutes.pending_drafts(db, {sg.meeting}):
                break
        os._exit(3)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 3, done.stderr
    reopened = open_database(db_path)
    try:
        assert list(minutes.pending_drafts(reopened, sg.meeting).values()) == [
            "Typed while the meeting ran"
        ]
    finally:
        reopened.close()


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    parts += [p.text for s in doc.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_journey_5_tidy_minutes_export_to_word_and_reminders(db, cli, tmp_path) -> None:
    sg = strategy_group(db)
    for name in ("Siân", "Zoë", "Tariq", "Niamh", "Piotr"):
        attendance.set_attendance(db, sg.meeting, sg.ref(name), attendance.LineChange("present"))
    attendance.set_attendance(db, sg.meeting, sg.ref("Grace"), attendance.LineChange("apologies"))
    attendance.declare(db, sg.meeting, sg.ref("Tariq"), "Trustee of Touchstone", "5", True)
    db.close()
    cli("minutes", "write", MEETING, "5", "--text", "rough notes")
    tidy = "The Programme Lead introduced the paper.\nMembers discussed:\n- cost\n- reach"
    assert cli("minutes", "write", MEETING, "5", "--text", tidy)[0] == 0
    cli(
        "decisions",
        "add",
        "--meeting",
        MEETING,
        "--item",
        "5",
        "--text",
        "The Group APPROVED the proposal.",
    )
    cli(
        "actions",
        "add",
        "--meeting",
        MEETING,
        "--item",
        "5",
        "--text",
        "Circulate the matrix",
        "--owner",
        sg.ref("Zoë"),
        "--due",
        "2026-11-20",
    )
    cli(
        "actions",
        "add",
        "--meeting",
        MEETING,
        "--item",
        "6",
        "--text",
        "Cost the options",
        "--owner",
        "Finance lead",
        "--due",
        "2027-03-01",
    )
    cli("minutes", "write", MEETING, "7", "--text", "Commercial terms were discussed.")
    out = tmp_path / "SG minutes 10 November 2026.docx"
    code, _, err = cli("minutes", "export", MEETING, "--out", str(out))
    assert code == 0, err
    text = _docx_text(out)
    assert "OFFICIAL   DRAFT" in text
    assert "Minutes of the meeting held on Tuesday 10 November 2026, 10:00 to 12:30" in text
    assert "Siân Evans (Chair), Lead, Leeds City Council" in text
    assert "Grace Mensah, ATR Lived Experience Panel" in text
    assert (
        "The meeting was quorate: 5 of 6 voting members present (4 needed), "
        "NHS and Local authority present." in text
    )
    assert (
        "Tariq Haddad declared: Trustee of Touchstone (item 5, Training Collaborative) "
        "and left the meeting for item 5." in text
    )
    assert "rough notes" not in text and "Commercial terms" not in text
    from docx import Document

    doc = Document(str(out))
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "The Group APPROVED the proposal." in bold
    assert any(
        t.rows[0].cells[0].text == "Ref" and t.rows[1].cells[0].text == "SG-2026-001"
        for t in doc.tables
    )
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 2", "List Bullet"} <= styles
    reminders = tmp_path / "reminders"
    code, _, _ = cli("actions", "remind", "--out", str(reminders))
    assert code == 0
    drafts = sorted(reminders.glob("*.eml"))
    assert [p.name for p in drafts] == ["actions-finance-lead.eml", "actions-zo-clarke.eml"]
    zoe = email.message_from_bytes(drafts[1].read_bytes())
    assert "SG-2026-001" in zoe.get_payload(decode=True).decode() and zoe["X-Unsent"] == "1"


@needs_soffice
def test_word_minutes_open_in_libreoffice(db, tmp_path) -> None:
    from atr_desktop.services import minutes_export

    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "The Group discussed the proposal.\n- cost")
    docx = minutes_export.export(db, sg.meeting, tmp_path / "minutes.docx")
    text = pdf_text(docx, tmp_path)
    assert "ATR Strategy Group" in text and "DRAFT" in text and "Training Collaborative" in text
