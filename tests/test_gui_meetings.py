"""The Meetings area driven as a user would: schedule series, reorder the agenda by keyboard
and by drag and drop, attach papers by dropping files (a locked PDF is refused at once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from atr_desktop.paths import app_paths
from atr_desktop.services import agenda, meetings, settings
from atr_desktop.ui.main_window import AREAS, MainWindow
from tests.gui_helpers import with_modal, with_modals
from tests.paper_files import locked_pdf, pdf


@pytest.fixture
def page(qtbot, tmp_path: Path, db_path: Path):
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    assert win.open_store(db_path, create_if_missing=True)
    win.nav.setCurrentRow(AREAS.index("Meetings"))
    yield win.pages["Meetings"]
    win.close_store()


def attached(page, qtbot, paths: list[Path], paper_id: int | None = None) -> list:
    """Attach through the panel (a job of the window's runner) and wait for it to finish."""
    page.editor.papers.attach(paths, paper_id)
    qtbot.waitUntil(lambda: not page.window().tasks.running, timeout=20_000)
    return page.editor.papers.view.model.records


def _schedule(
    qtbot, page, group: str, day: str, rule: str, count: int, asked: list[str] | None = None
) -> list[str]:
    """Type the first date as an officer would; a question about weekend dates is answered
    "Save anyway" (its text kept in ``asked``)."""
    seen: list[str] = []

    def fill(dialog) -> None:
        ui = dialog.ui
        ui.groupCombo.setCurrentIndex(ui.groupCombo.findData(group))
        qtbot.keyClicks(ui.dateEdit.edit, day)
        ui.startEdit.clear()
        qtbot.keyClicks(ui.startEdit, "10:00")
        ui.endEdit.clear()
        qtbot.keyClicks(ui.endEdit, "12:00")
        qtbot.keyClicks(ui.venueEdit, "Wellington House")
        ui.repeatBox.setChecked(True)
        ui.ruleCombo.setCurrentText(rule)
        ui.countSpin.setValue(count)
        seen.extend(ui.previewList.item(i).text() for i in range(ui.previewList.count()))

        def answer(box) -> None:
            if asked is not None:
                asked.append(box.text())
            go = next(b for b in box.buttons() if b.text() == "Save anyway")
            qtbot.mouseClick(go, Qt.MouseButton.LeftButton)

        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        if asked is None:
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        else:
            with_modal(answer, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton))

    with_modal(fill, lambda: qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton))
    return seen


def test_schedule_bimonthly_network_and_quarterly_joint_series(page, qtbot) -> None:
    asked: list[str] = []
    preview = _schedule(qtbot, page, "NET", "6/1/27", "Bimonthly", 6, asked)
    assert preview[0] == "Wednesday 6 January 2027" and len(preview) == 6
    # Two dates of the series land on a Saturday: the preview flags them, and saving asks.
    assert "Saturday 6 March 2027  (check:" in preview[1]
    assert "The meeting on 6 March 2027 falls on a Saturday." in asked[0]
    assert "6 November 2027 falls on a Saturday" in asked[0]
    _schedule(qtbot, page, "JNC", "28/01/2027", "Quarterly", 4)
    page.group_filter.setCurrentIndex(page.group_filter.findData("NET"))
    listed = page.view.model.records
    assert [m.date.month for m in listed] == [1, 3, 5, 7, 9, 11]
    page.group_filter.setCurrentIndex(page.group_filter.findData("JNC"))
    assert [m.date for m in page.view.model.records] == [
        dt.date(2027, 1, 28), dt.date(2027, 4, 28), dt.date(2027, 7, 28), dt.date(2027, 10, 28)
    ]  # fmt: skip
    # The selected meeting's agenda shows its standing items with times from 10:00.
    tree = page.editor.tree
    assert tree.topLevelItem(0).text(1) == "10:00"
    assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(2) == "Any other business"


def _one_meeting(page) -> meetings.MeetingInfo:
    [m] = meetings.schedule_meetings(
        page.db, meetings.MeetingInput("SG", dt.date(2027, 2, 9), dt.time(10, 0))
    )
    for title in ("Training Collaborative proposal", "Risk register"):
        agenda.add_item(page.db, m.ref, agenda.ItemInput(title, minutes=20))
    page.refresh()
    page.view.select_where(lambda x: x.id == m.id)
    return m


def _titles(tree) -> list[tuple[str, str, str]]:
    out = []
    for item in tree._all_items():
        out.append((item.text(0), item.text(1), item.text(2)))
    return out


def test_reorder_the_agenda_by_keyboard(page, qtbot) -> None:
    _one_meeting(page)
    tree = page.editor.tree
    tree.select_id(next(r.id for r in tree.rows.values() if r.title == "Risk register"))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    rows = _titles(tree)
    assert rows[4] == ("5", "10:30", "Risk register")
    assert rows[5] == ("6", "10:50", "Training Collaborative proposal")
    assert tree.current_row().title == "Risk register"
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # under item 4
    assert ("4.1", "10:30", "Risk register") in _titles(tree)
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert _titles(tree)[4] == ("5", "10:30", "Risk register")
    # Let go of Ctrl, as a person would (Qt remembers the last modifiers it saw).
    qtbot.keyRelease(tree, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)


def test_reorder_the_agenda_by_drag_and_drop(page, qtbot) -> None:
    _one_meeting(page)
    tree = page.editor.tree
    risk = next(r for r in tree.rows.values() if r.title == "Risk register")
    tree.select_id(risk.id)
    target = tree.topLevelItem(2)  # minutes of the last meeting
    rect = tree.visualItemRect(target)
    point = QPointF(rect.center().x(), rect.top() + 1)  # the top edge: take its place
    mime = tree.model().mimeData([tree.currentIndex()])
    event = QDropEvent(
        point, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    tree.dropEvent(event)
    rows = _titles(tree)
    assert rows[2] == ("3", "10:10", "Risk register")
    assert rows[3][2] == "Minutes of the last meeting and matters arising"
    assert rows[3][1] == "10:30"
    assert [r.title for r in agenda.agenda(page.db, "SG:2027-02-09")][2] == "Risk register"


def _drop_files(panel, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    panel.dropEvent(event)


def test_attach_papers_by_dropping_files_and_a_locked_pdf_is_refused(
    page, qtbot, tmp_path: Path
) -> None:
    _one_meeting(page)
    tree = page.editor.tree
    tree.select_id(next(r.id for r in tree.rows.values() if r.title == "Risk register"))
    panel = page.editor.papers
    assert panel.attach_button.isEnabled()
    _drop_files(panel, [pdf(tmp_path / "Risk register.pdf")])
    qtbot.waitUntil(lambda: not page.window().tasks.running, timeout=20_000)  # a job
    assert [p.title for p in panel.view.model.records] == ["Risk register"]
    assert panel.view.model.records[0].status == "received"
    assert tree.currentItem().text(6) == "A"

    seen: list[str] = []

    def read(box) -> None:
        seen.append(box.text())
        box.accept()

    with_modal(read, lambda: _drop_files(panel, [locked_pdf(tmp_path / "secret.pdf")]))
    qtbot.waitUntil(lambda: bool(seen) and not page.window().tasks.running, timeout=20_000)
    assert "protected by a password" in seen[0]
    assert len(panel.view.model.records) == 1

    # The cover sheet editor: fill the summary and recommendation.
    panel.view.select_where(lambda p: True)

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.ui.authorEdit, "Imran Hussain")
        dialog.ui.purposeCombo.setCurrentIndex(dialog.ui.purposeCombo.findData("assurance"))
        qtbot.keyClicks(dialog.ui.summaryEdit, "The register has three new risks.")
        qtbot.keyClicks(dialog.ui.recommendationEdit, "The Group is asked to NOTE the risks.")
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    with_modal(fill, lambda: qtbot.mouseClick(panel.cover_button, Qt.MouseButton.LeftButton))
    assert panel.view.model.records[0].missing_fields == ()
    assert panel.view.model.records[0].author == "Imran Hussain"


def test_a_replaced_paper_keeps_its_versions_and_outputs_are_saved(
    page, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_meeting(page)
    tree = page.editor.tree
    tree.select_id(next(r.id for r in tree.rows.values() if r.title == "Risk register"))
    panel = page.editor.papers
    [first] = attached(page, qtbot, [pdf(tmp_path / "risk v1.pdf", "one")])
    panel.view.select_where(lambda p: p.id == first.id)
    assert panel.replace_button.isEnabled() and panel.open_button.isEnabled()
    [second] = attached(page, qtbot, [pdf(tmp_path / "risk v2.pdf", "two")], first.id)
    assert second.id == first.id and second.version == 2
    assert panel.view.model.records[0].filename == "risk v2.pdf"

    out = tmp_path / "agenda.docx"
    monkeypatch.setattr(page, "save_path", lambda *a: out)
    seen: list[str] = []
    with_modal(
        lambda box: (seen.append(box.text()), box.accept()),
        # Agenda and invites is a menu button: choose Agenda to Word from its menu.
        lambda: next(
            a for a in page.agenda_button.menu().actions() if "Word" in a.text()
        ).trigger(),
    )
    assert out.exists() and str(out) in seen[0]
    ics = tmp_path / "sg.ics"
    monkeypatch.setattr(page, "save_path", lambda *a: ics)
    # Asked once for the organiser, which is saved; the next export does not ask again.
    with_modals(
        [lambda box: (box.setTextValue("atr.secretariat@nhs.net"), box.accept()),
         lambda box: box.accept()],
        page.group_invites,
    )  # fmt: skip
    assert b"BEGIN:VEVENT" in ics.read_bytes()
    assert b"ORGANIZER" in ics.read_bytes() and b"atr.secretariat@nhs.net" in ics.read_bytes()
    assert settings.get(page.db, "invite_organiser_email") == "atr.secretariat@nhs.net"
    seen.clear()
    with_modal(lambda box: (seen.append(type(box).__name__), box.accept()), page.group_invites)
    assert seen == ["QMessageBox"]


def test_forward_plan_item_added_in_the_window_reaches_the_agenda(page, qtbot) -> None:
    _one_meeting(page)
    page.group_filter.setCurrentIndex(page.group_filter.findData("SG"))

    def plan(dialog) -> None:
        def fill(item_dialog) -> None:
            qtbot.keyClicks(item_dialog.ui.titleEdit, "Annual report")
            item_dialog.ui.purposeCombo.setCurrentIndex(
                item_dialog.ui.purposeCombo.findData("decision")
            )
            qtbot.mouseClick(
                item_dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                Qt.MouseButton.LeftButton,
            )

        with_modal(fill, lambda: qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton))
        titles = [f.title for f in dialog.view.model.records]
        dialog.reject()
        return titles

    [titles] = with_modal(
        plan, lambda: qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    )
    assert titles == ["Annual report"]
    qtbot.mouseClick(page.editor.build_button, Qt.MouseButton.LeftButton)
    assert "Annual report" in [r.title for r in page.editor.tree.rows.values()]


def test_files_dropped_on_an_agenda_item_are_attached_to_it(page, qtbot, tmp_path: Path) -> None:
    _one_meeting(page)
    tree = page.editor.tree
    target = tree.topLevelItem(3)  # the action log
    rect = tree.visualItemRect(target)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf(tmp_path / "Action log.pdf")))])
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    qtbot.waitUntil(lambda: not page.window().tasks.running, timeout=20_000)  # a job
    assert tree.current_row().title == "Action log"
    assert tree.currentItem().text(6) == "A"
    assert [p.filename for p in page.editor.papers.view.model.records] == ["Action log.pdf"]


def test_author_outputs_from_the_window(
    page, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from atr_desktop.services import papers

    m = _one_meeting(page)
    papers.expect_paper(page.db, m.ref, "6", "Risk register", "Imran Hussain", "imran@x.org")
    monkeypatch.setattr(page, "choose_folder", lambda title: str(tmp_path / "drafts"))
    seen: list[str] = []
    with_modal(lambda box: (seen.append(box.text()), box.accept()), page.author_emails)
    assert "Wrote 1 draft(s)" in seen[0]
    assert (tmp_path / "drafts" / "Papers request - Imran Hussain.eml").exists()
    out = tmp_path / "expected.docx"
    monkeypatch.setattr(page, "save_path", lambda *a: out)
    with_modal(lambda box: box.accept(), page.chase_list)
    assert out.exists()
