"""Every Home line and every search hit selects the record it names, on the page that holds it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from sqlalchemy import text

from atr_desktop.paths import app_paths
from atr_desktop.services import groups
from atr_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_db, db_path: Path):
    groups.add_group(demo_db, groups.GroupInput(code="PEN", name="Pensions Task Group"))
    demo_db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.open_store(db_path)
    yield win
    win.close_store()


def selected(window: MainWindow, kind: str) -> int | None:
    """The id of the record of ``kind`` selected on the page now showing (None: not there)."""
    page = window.stack.currentWidget()
    pages = window.pages
    if kind in ("meeting", "minutes", "paper", "item"):
        assert page is pages["Meetings"]
        meeting = page.current()  # type: ignore[attr-defined]
        return None if meeting is None else meeting.id
    views = {
        "action": ("Actions", None),
        "decision": ("Decisions", None),
        "group": ("Groups", None),
        "person": ("People", "people"),
        "declaration": ("People", "declarations"),
        "tor": ("People", "tor"),
    }
    area, tab = views[kind]
    assert page is pages[area], f"{kind} opened {type(page).__name__}"
    holder = page
    if tab is not None:
        holder = getattr(page, tab)
        assert page.tabs.currentWidget() is holder, f"{kind} opened the wrong tab"  # type: ignore[attr-defined]
    record = holder.view.current()  # type: ignore[attr-defined]
    return None if record is None else record.id


def open_line(qtbot, home, row: int) -> None:
    """Choose Home's line ``row`` as a keyboard user does: move to it, press Enter."""
    home.tree.setFocus()
    home.tree.setCurrentIndex(home.model.index(row, 0))
    qtbot.keyClick(home.tree, Qt.Key.Key_Return)


def record_rows(home, section: str) -> list[int]:
    """The model rows of a section's record lines (not its "and N more")."""
    return [row for row in home.rows_of(section) if not home.model.rows[row].more]


SECTIONS = [
    "Next meetings",
    "Actions overdue",
    "Minutes awaiting approval",
    "Decisions awaiting ratification",
    "Terms of Reference reviews due",
    "Declarations to re-confirm",
]


@pytest.mark.parametrize("section", SECTIONS)
def test_each_kind_of_home_line_selects_its_record(window, qtbot, section: str) -> None:
    home = window.pages["Home"]
    rows = record_rows(home, section)
    assert rows, f"the demo has lines under {section}"
    for row in (rows[0], rows[-1]):
        window.go_to("Home")
        line = home.model.rows[row]
        kind, record_id = line.kind, line.record_id
        with qtbot.waitSignal(window.record_opened):
            open_line(qtbot, home, row)
        if kind == "meeting" or line.text(1) != "None scheduled":
            assert selected(window, kind) == record_id, line.text(0)


def test_none_scheduled_opens_that_group(window, qtbot) -> None:
    home = window.pages["Home"]
    (row,) = [
        r
        for r in record_rows(home, "Next meetings")
        if home.model.rows[r].text(1) == "None scheduled"
    ]
    assert home.model.rows[row].text(0) == "Pensions Task Group"
    with qtbot.waitSignal(window.record_opened):
        open_line(qtbot, home, row)
    groups_page = window.pages["Groups"]
    assert window.stack.currentWidget() is groups_page
    assert groups_page.view.current().code == "PEN"


def test_home_line_reaches_an_action_hidden_by_the_filters(window, qtbot) -> None:
    actions_page = window.pages["Actions"]
    actions_page.owner.setText("nobody by this name")
    actions_page.refresh()
    assert actions_page.view.model.rowCount() == 0
    home = window.pages["Home"]
    row = record_rows(home, "Actions overdue")[0]
    with qtbot.waitSignal(window.record_opened):
        open_line(qtbot, home, row)
    assert selected(window, "action") == home.model.rows[row].record_id


def first_of_each_kind(window) -> dict[str, tuple[int, int | None, str]]:
    with window.db.session() as s:
        rows = s.execute(
            text("SELECT kind, ref_id, meeting_id, title FROM search_index ORDER BY rowid")
        ).all()
    found: dict[str, tuple[int, int | None, str]] = {}
    for kind, ref_id, meeting_id, title in rows:
        found.setdefault(kind, (int(ref_id), meeting_id, title))
    return found


@pytest.mark.parametrize(
    "kind", ["action", "decision", "meeting", "minutes", "paper", "item", "person"]
)
def test_each_kind_of_search_hit_selects_its_record(window, qtbot, kind: str) -> None:
    record_id, meeting_id, title = first_of_each_kind(window)[kind]
    window.find_action.trigger()
    words = [w for w in re.findall(r"\w+", title) if w.isascii()][:4]
    qtbot.keyClicks(window.search_box, " ".join(words))
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    html = window.results.toHtml()
    link = f"open:{kind}:{record_id}"
    assert link in html
    with qtbot.waitSignal(window.record_opened):
        window.results.anchorClicked.emit(QUrl(link))
    expected = meeting_id if kind in ("minutes", "paper", "item") else record_id
    assert selected(window, kind) == expected


def test_search_panel_is_readable(window, qtbot) -> None:
    window.find_action.trigger()
    qtbot.keyClicks(window.search_box, "action log")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert 280 <= window.results_dock.width() <= window.width() // 2
    plain = window.results.toPlainText()
    # Hits from meetings say which group and day, beside the hit.
    assert re.search(r"Agenda item: .*· [A-Z]{2,4}, \d{1,2} [A-Z][a-z]{2} \d{4}", plain), plain


def test_an_organisation_hit_lists_its_people(window, qtbot) -> None:
    record_id, _meeting, title = first_of_each_kind(window)["organisation"]
    window.find_action.trigger()
    words = [w for w in re.findall(r"\w+", title) if w.isascii()][:4]
    qtbot.keyClicks(window.search_box, " ".join(words))
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.record_opened):
        window.results.anchorClicked.emit(QUrl(f"open:organisation:{record_id}"))
    people = window.pages["People"]
    assert window.stack.currentWidget() is people
    assert people.tabs.currentWidget() is people.people
    shown = people.people.view.proxy.rowCount()
    assert shown >= 1
    for row in range(shown):
        index = people.people.view.proxy.index(row, 2)
        assert people.people.view.proxy.data(index) == title  # the Organisation column


def test_opening_a_store_makes_only_the_page_on_screen(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A decade's store opens at the cost of one page; the others are made, and read, the
    first time the officer picks them (a click in the list of areas)."""
    assert list(window.pages) == ["Home"]
    assert window.stack.currentWidget() is window.pages["Home"]
    row = window.nav.visualItemRect(window.nav.item(3))  # Meetings
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert list(window.pages) == ["Home", "Meetings"]
    meetings = window.pages["Meetings"]
    assert window.stack.currentWidget() is meetings and meetings.isVisible()
    assert meetings.view.model.rowCount() > 0  # type: ignore[attr-defined]
    assert window.stack.count() == 6
