"""The People area driven as a user would: people, members, declarations, ToR, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from atr_desktop.domain.dates import short_date
from atr_desktop.paths import app_paths
from atr_desktop.services import members, tor
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import with_modal
from tests.member_files import membership_sheet, write_xlsx


def rows_of(view) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = view.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_store()


@pytest.fixture
def page(window, demo_path: Path):  # type: ignore[no-untyped-def]
    """The People page over a new WY ATR database with the demo programme."""
    window.open_store(demo_path)
    window.go_to("People")
    return window.pages["People"]


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_a_person_with_the_editor(page, qtbot) -> None:
    tab = page.people

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        ui = dialog.ui
        qtbot.keyClicks(ui.titleEdit, "Cllr")
        ui.firstEdit.insert("Siobhán")  # Qt's key simulation types ASCII only
        ui.lastEdit.insert("Ní Bhriain")
        qtbot.keyClicks(ui.emailEdit, "siobhan@wakefield.gov.uk")
        ui.organisationCombo.setCurrentText("Wakefield Council")
        assert ui.sectorCombo.currentText() == "Local authority"  # the known org's sector
        ui.livedCheck.setChecked(True)
        qtbot.keyClicks(ui.notesEdit, "Large print papers")
        click(qtbot, ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    with_modal(fill, lambda: click(qtbot, tab.add_button))
    assert tab.view.current().email == "siobhan@wakefield.gov.uk"
    assert ["Siobhán Ní Bhriain", "siobhan@wakefield.gov.uk", "Wakefield Council"] in [
        r[:3] for r in rows_of(tab.view)
    ]


def test_a_duplicate_email_is_refused_in_any_case(page, qtbot) -> None:
    seen: list[str] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.ui.firstEdit, "Other")
        qtbot.keyClicks(dialog.ui.emailEdit, "SIAN.EVANS@leeds.example.org")
        with_modal(
            lambda box: (seen.append(box.text()), box.accept()),
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click,
        )
        dialog.reject()

    with_modal(fill, page.people.add_button.click)
    assert "already belongs to Siân Evans" in seen[0]


def test_members_by_group_add_filter_end_and_history(page, qtbot) -> None:
    tab = page.members
    page.tabs.setCurrentWidget(tab)
    tab.group.setCurrentIndex(tab.group.findData("NET"))
    before = len(rows_of(tab.view))

    def add(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.person.setCurrentIndex(
            dialog.person.findText("Tariq Haddad", Qt.MatchFlag.MatchStartsWith)
        )
        dialog.role.setCurrentText("deputy")
        assert not dialog.voting.isChecked() and dialog.deputy_for.isEnabled()
        dialog.deputy_for.setCurrentIndex(dialog.deputy_for.findText("Piotr Nowak"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    with_modal(add, lambda: click(qtbot, tab.add_button))
    rows = rows_of(tab.view)
    assert len(rows) == before + 1
    assert next(r[:3] for r in rows if r[0] == "Tariq Haddad") == ["Tariq Haddad", "deputy", "No"]
    assert next(r for r in rows if r[0] == "Tariq Haddad")[5] == "Piotr Nowak"
    qtbot.keyClicks(tab.view.filter, "police")
    assert [r[0] for r in rows_of(tab.view)] == ["Tariq Haddad"]
    tab.view.select_where(lambda m: m.name == "Tariq Haddad")

    def end(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason, "Covering ended")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    with_modal(end, lambda: click(qtbot, tab.end_button))
    # "Member until" is the last day of membership: ended today, Tariq is a member today.
    until = short_date(dt.date.today())
    assert [(r[0], r[8]) for r in rows_of(tab.view)] == [("Tariq Haddad", until)]
    assert "stays in the history" in tab.status.text() and until in tab.status.text()
    tab.history.setChecked(True)
    ended = next(r for r in rows_of(tab.view) if r[0] == "Tariq Haddad")
    assert ended[8] == until
    history = members.membership_history(page.db, "NET")
    assert next(m for m in history if m.name == "Tariq Haddad").end_reason == "Covering ended"


def test_exports_and_email_list_from_the_members_tab(page, qtbot, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    tab = page.members
    page.tabs.setCurrentWidget(tab)  # a click on its tab
    out = tmp_path / "sg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    click(qtbot, tab.xlsx_button)
    assert "Wrote" in tab.status.text()
    sheet = load_workbook(tmp_path / "sg.xlsx").active
    names = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert names == [r[0] for r in rows_of(tab.view)]
    assert "Lived experience" not in [c.value for c in sheet[2]]
    click(qtbot, tab.emails_button)
    text = QApplication.clipboard().text()
    assert text.startswith("Siân Evans <sian.evans@leeds.example.org>; ")
    assert text.count("<") == 16 and "Copied 16" in tab.status.text()


def test_declarations_due_list_and_reconfirm(page, qtbot) -> None:
    tab = page.declarations
    page.tabs.setCurrentWidget(tab)
    tab.due_only.setChecked(True)
    due = rows_of(tab.view)
    assert len(due) == 4 and all(r[-1] == "Due for re-confirmation" for r in due)
    tab.view.table.selectAll()
    click(qtbot, tab.confirm_button)
    assert rows_of(tab.view) == []
    assert tab.summary.text().startswith("0 due")
    assert "Re-confirmed 4" in tab.status.text()


def test_tor_new_draft_edited_compared_and_approved(page, qtbot) -> None:
    """Journey 7 through the window: SG's review is flagged; a new draft is edited, compared
    with the approved version, and approved."""
    tab = page.tor
    page.tabs.setCurrentWidget(tab)
    assert tab.flag.text().startswith("Review due soon")
    assert not tab.edit_button.isEnabled()  # an approved version is never edited
    click(qtbot, tab.draft_button)
    assert [r[:2] for r in rows_of(tab.view)][-1] == ["3", "Draft"]

    def edit(editor) -> None:  # type: ignore[no-untyped-def]
        ui = editor.ui
        ui.frequencyEdit.clear()
        qtbot.keyClicks(ui.frequencyEdit, "Quarterly, and a development session each year.")
        ui.tabs.setCurrentWidget(ui.quorumTab)
        ui.fractionCombo.setCurrentText("")
        ui.countSpin.setValue(7)
        assert "at least 7 voting members" in ui.quorumPreview.text()
        click(qtbot, ui.addExtraButton)
        ui.extrasTable.item(0, 0).setText("Confidentiality")
        ui.extrasTable.item(0, 1).setText("Part B papers are restricted.")
        click(qtbot, ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    with_modal(edit, lambda: click(qtbot, tab.edit_button))
    draft = tor.get_version(page.db, "SG", 3)
    assert draft.quorum.count == 7 and draft.quorum.numerator is None
    assert draft.extra_sections == (("Confidentiality", "Part B papers are restricted."),)
    tab.old_combo.setCurrentIndex(tab.old_combo.findData(2))
    tab.new_combo.setCurrentIndex(tab.new_combo.findData(3))
    click(qtbot, tab.compare_button)
    shown = tab.browser.toPlainText()
    assert "3 of 11 sections changed" in shown
    assert "Meeting frequency: CHANGED" in shown and "Quorum: CHANGED" in shown
    assert "Purpose (unchanged)" in shown
    assert "#fff3b0" in tab.browser.toHtml().lower()  # changed sections highlighted
    assert tab.status.text() == "3 section(s) changed: Quorum, Meeting frequency, Confidentiality."

    def approve(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.by.setText("ATR Strategy Group")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    with_modal(approve, lambda: click(qtbot, tab.approve_button))
    assert [r[1] for r in rows_of(tab.view)] == ["Superseded", "Superseded", "Approved"]
    assert not tab.edit_button.isEnabled() and tab.draft_button.isEnabled()
    assert tor.approved_rule(page.db, "SG", dt.date.today()).count == 7


def test_import_wizard_journey_1_skips_the_three_flagged_rows(window, db_path, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """Journey 1 through the window: a new database, the Strategy Group's sheet of 56."""
    window.open_store(db_path, create_if_missing=True)
    window.go_to("People")
    page = window.pages["People"]
    sheet = tmp_path / "SG members.xlsx"
    lines = write_xlsx(sheet, membership_sheet(56))
    click(qtbot, page.members.import_button)
    tab = page.importer
    assert page.tabs.currentWidget() is tab and tab.group.currentData() == "SG"
    qtbot.keyClicks(tab.path, str(sheet))
    click(qtbot, tab.check_button)
    shown = rows_of(tab.view)
    assert len(shown) == 56
    assert [r[0] for r in shown[:3]] == [str(lines[i]) for i in (7, 19, 33)]
    assert shown[0][1] == "no name" and "not a valid email address" in shown[1][1]
    assert "is repeated" in shown[2][1]
    assert "53 ready, 3 with problems" in tab.summary.text()
    assert not tab.import_button.isEnabled()  # nothing imported while a problem remains
    click(qtbot, tab.skip)
    assert tab.import_button.isEnabled()
    click(qtbot, tab.import_button)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)  # a job
    assert tab.status.text() == (
        "Imported 53 membership(s) into SG: 53 new people, 0 already held. "
        "Skipped 3 problem row(s)."
    )
    page.tabs.setCurrentWidget(page.members)  # the officer looks at the members tab
    assert page.members.count.text() == "53 current member(s)"
    page.tabs.setCurrentWidget(page.people)
    assert len(rows_of(page.people.view)) == 53


def test_import_wizard_after_fixing_the_flagged_rows_imports_all_56(
    window, db_path, qtbot, tmp_path
):  # type: ignore[no-untyped-def]
    from tests.member_files import fixed

    window.open_store(db_path, create_if_missing=True)
    window.go_to("People")
    tab = window.pages["People"].importer
    window.pages["People"].tabs.setCurrentWidget(tab)  # a click on its tab
    sheet = tmp_path / "SG members.xlsx"
    write_xlsx(sheet, membership_sheet(56))
    tab.path.setText(str(sheet))
    click(qtbot, tab.check_button)
    assert not tab.import_button.isEnabled()
    write_xlsx(sheet, fixed(membership_sheet(56)))  # fixed in Excel, checked again
    click(qtbot, tab.check_button)
    assert tab.summary.text() == "56 rows, all ready to import into SG."
    assert not tab.skip.isEnabled() and tab.import_button.isEnabled()
    click(qtbot, tab.import_button)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20_000)  # a job
    assert tab.status.text().startswith("Imported 56 membership(s) into SG: 56 new people")


def test_tor_editor_drafts_membership_from_members_and_exports(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from docx import Document

    tab = page.tor
    page.tabs.setCurrentWidget(tab)  # a click on its tab
    tab.group.setCurrentIndex(tab.group.findData("NET"))
    click(qtbot, tab.draft_button)

    def fill(editor) -> None:  # type: ignore[no-untyped-def]
        click(qtbot, editor.ui.membershipFromMembersButton)
        text = editor.ui.membershipEdit.toPlainText()
        assert (
            text.splitlines()[0]
            == "- Chair: Consultant Paediatrician, Leeds Teaching Hospitals NHS Trust"
        )
        assert "Adeyemi" not in text  # by role and organisation, not by name
        click(qtbot, editor.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    with_modal(fill, lambda: click(qtbot, tab.edit_button))
    assert "- Secretariat: Programme Officer" in tor.get_version(page.db, "NET", 2).text(
        "membership"
    )
    out = tmp_path / "net-tor.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    click(qtbot, tab.export_button)
    assert tab.status.text() == f"Wrote {out}."
    doc = Document(str(out))
    assert doc.paragraphs[1].text == "ATR Network: Terms of Reference"
    assert "Version 2 (DRAFT for approval)" in [p.text for p in doc.paragraphs]


def test_declarations_register_exports_from_the_tab(page, qtbot, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    tab = page.declarations
    page.tabs.setCurrentWidget(tab)  # a click on its tab
    out = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    click(qtbot, tab.excel_button)
    rows = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 + len(rows_of(tab.view)) == 9
    assert {r[1] for r in rows[1:]} == {r[0] for r in rows_of(tab.view)}
