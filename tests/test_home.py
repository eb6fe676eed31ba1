"""Home: what it shows matches the records, and each line opens what it names."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services import home
from atr_desktop.storage.models import Action, AgendaItem, Decision, Meeting, Minutes, Paper

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

TODAY = dt.date(2026, 11, 25)


def seed(db) -> dict[str, int]:
    """Two overdue actions, one due soon, one far off, one closed; draft minutes; a decision
    awaiting ratification; papers on the next SG meeting."""
    with db.session() as s:
        past = Meeting(
            group_id=1,
            date=TODAY - dt.timedelta(days=30),
            start_time=dt.time(10),
            uid="p@t",
            status="held",
        )
        nxt = Meeting(
            group_id=1, date=TODAY + dt.timedelta(days=20), start_time=dt.time(10), uid="n@t"
        )
        s.add_all([past, nxt])
        s.flush()
        item = AgendaItem(meeting_id=nxt.id, position=0, title="Proposal")
        s.add(item)
        s.flush()
        s.add_all(
            [
                Paper(agenda_item_id=item.id, title="A", status="received"),
                Paper(agenda_item_id=item.id, title="B", status="expected"),
                Paper(agenda_item_id=item.id, title="C", status="withdrawn"),
            ]
        )
        s.add(Minutes(meeting_id=past.id))
        s.add(
            Decision(
                group_id=1,
                meeting_id=past.id,
                decided_on=past.date,
                text="Adopt plan",
                quorate=False,
                needs_ratification=True,
            )
        )
        specs = [
            ("SG-2026-001", TODAY - dt.timedelta(days=10), None, "open", "Priya"),
            (
                "SG-2026-002",
                TODAY + dt.timedelta(days=60),
                TODAY - dt.timedelta(days=1),
                "in progress",
                "Tom",
            ),
            ("SG-2026-003", TODAY + dt.timedelta(days=5), None, "open", "Ann"),
            ("SG-2026-004", TODAY + dt.timedelta(days=90), None, "open", "Ann"),
            ("SG-2026-005", TODAY - dt.timedelta(days=40), None, "closed", "Ann"),
        ]
        for ref, due, revised, status, owner in specs:
            s.add(
                Action(
                    ref=ref,
                    group_id=1,
                    meeting_id=past.id,
                    description=f"Do {ref}",
                    owner_text=owner,
                    raised_on=past.date,
                    due_date=due,
                    revised_due_date=revised,
                    status=status,
                )
            )
        return {"next": nxt.id, "past": past.id}


def test_home_gathers_what_needs_attention(db) -> None:
    ids = seed(db)
    data = home.home(db, TODAY)
    sg = next(m for m in data.next_meetings if m.group_code == "SG")
    assert (sg.id, sg.papers_received, sg.papers_expected) == (ids["next"], 1, 2)
    assert sg.days_to_papers_due == 20 - 14 and sg.days_to_issue == 20 - 7
    assert [(a.ref, a.overdue) for a in data.actions] == [
        ("SG-2026-001", True),
        ("SG-2026-002", True),
        ("SG-2026-003", False),
    ]
    assert [r.id for r in data.minutes_awaiting_approval] == [ids["past"]]
    assert [r.text for r in data.decisions_awaiting_ratification] == ["Adopt plan"]


def test_cli_home_json(cli, db) -> None:
    seed(db)
    code, out, _ = cli("home", "--json")
    assert code == 0
    payload = json.loads(out)["home"][0]
    assert {m["group_code"] for m in payload["next_meetings"]} == {"SG", "NET", "MNC", "JNC"}
    code, out, _ = cli("home")
    assert code == 0 and "Actions overdue and due soon" in out


@pytest.fixture
def window(qtbot, tmp_path: Path):
    from atr_desktop.ui.main_window import MainWindow

    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_store()


@pytest.mark.sqlite_only  # drives the window on the file; window journeys stay on SQLite
def test_each_home_line_opens_its_record(window, db, db_path, qtbot) -> None:
    seed(db)
    window.open_store(db_path)
    page = window.pages["Home"]
    lines = page.lines("Actions overdue")
    assert lines, "today's overdue actions are listed"
    first = page.rows_of("Actions overdue")[0]
    with qtbot.waitSignal(window.record_opened) as opened:
        index = page.model.index(first, 0)
        page.tree.setCurrentIndex(index)
        page.tree.activated.emit(index)
    kind, record_id = opened.args
    assert kind == "action"
    assert window.stack.currentWidget() is window.pages["Actions"]
    with db.session() as s:
        assert s.get(Action, record_id).ref in lines[0].text(0)


@pytest.mark.sqlite_only  # drives the window on the file; window journeys stay on SQLite
def test_ctrl_f_searches_everything_and_results_open_records(window, db, db_path, qtbot) -> None:
    from PySide6.QtCore import Qt, QUrl

    ids = seed(db)
    window.open_store(db_path)
    window.find_action.trigger()
    assert window.search_box.hasFocus() or window.focusWidget() is window.search_box
    qtbot.keyClicks(window.search_box, "proposal")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.results_dock.isVisible()
    html = window.results.toHtml()
    assert "font-weight" in html  # the matching word is in bold
    links = re.findall(r'href="(open:[a-z]+:\d+)"', html)
    assert links and links[0].startswith("open:item:")
    with qtbot.waitSignal(window.record_opened) as opened:
        window.results.anchorClicked.emit(QUrl(links[0]))
    item_id = int(links[0].rsplit(":", 1)[1])
    assert opened.args == ["item", item_id]
    meetings_page = window.pages["Meetings"]
    assert window.stack.currentWidget() is meetings_page
    assert meetings_page.current().id == ids["next"]  # the item's meeting is selected
    assert meetings_page.editor.tree.currentItem().text(2) == "Proposal"
