"""Long lists in the window: Home's "and N more" opens the whole list, and the Actions
table fetches rows as they show and filters (in SQL, as you type) without loading all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atr_desktop.paths import app_paths
from atr_desktop.services import actions, home
from atr_desktop.services.actions import ActionFilter
from atr_desktop.services.demo.action_log import grow_actions


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, demo_db: Any, db_path: Path) -> Iterator[Any]:
    from atr_desktop.ui.main_window import MainWindow

    grow_actions(demo_db, 1500, today=dt.date.today())
    demo_db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    assert win.open_store(db_path)
    yield win
    win.close_store()


def test_home_says_how_many_more_and_opens_them_all(window: Any, qtbot: Any) -> None:
    page = window.pages["Home"]
    data = page.data
    assert data.totals["actions"] > len(data.actions) == home.LINES
    rows = page.rows_of("Actions overdue")
    more = page.model.rows[rows[-1]]
    assert more.more and more.text(0) == f"and {data.more('actions'):,} more…"
    page.activate_row(rows[-1])
    actions_page = window.pages["Actions"]
    assert window.stack.currentWidget() is actions_page
    assert actions_page.due_within.value() == data.action_days
    assert actions_page.view.ids_model.rowCount() == data.totals["actions"]
    assert actions_page.count.text().startswith(f"{data.totals['actions']:,} actions")


def test_actions_table_fetches_rows_as_they_show_and_filters_as_you_type(
    window: Any, qtbot: Any
) -> None:
    page = window.pages["Actions"]
    window.go_to("Actions")
    page.status.setCurrentIndex(page.status.findData(None))  # any status: every action
    model = page.view.ids_model
    total = len(actions.list_actions(window.db))
    assert model.rowCount() == total > 1500
    assert len(model.cache) <= 2 * model.window, "only the rows shown were fetched"
    last = model.index(total - 1, 2).data()
    assert last and len(model.cache) <= 3 * model.window
    qtbot.keyClicks(page.view.filter, "calder")  # a word's start, through the search index
    wanted = actions.list_actions(window.db, ActionFilter(text="calder"))
    assert 0 < len(wanted) < total
    qtbot.waitUntil(lambda: model.rowCount() == len(wanted))
    assert [model.record(r).ref for r in range(len(wanted))] == [a.ref for a in wanted]
    assert all("Calderdale" in model.index(r, 2).data() for r in range(len(wanted)))


def test_on_a_laptop_screen_every_column_shows_and_no_date_is_cut(
    qtbot: Any, tmp_path: Path, demo_db: Any, db_path: Path
) -> None:
    """Long descriptions give way so Status and RAG stay on a 1366-wide screen; dates whole."""
    from PySide6.QtWidgets import QApplication

    from atr_desktop.ui.main_window import MainWindow
    from atr_desktop.ui.windowed_view import MIN_WIDEST

    long = "Confirm the funding for the safeguarding audit with the Programme Lead " * 3
    grow_actions(demo_db, 300, today=dt.date.today())
    first = actions.list_actions(demo_db)[0]
    actions.update_action(demo_db, first.id, actions.ActionChange(description=long))
    demo_db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    try:
        assert win.open_store(db_path)
        win.go_to("Actions")
        page = win.pages["Actions"]
        qtbot.waitExposed(page)
        table = page.view.table
        header = table.horizontalHeader()
        named = {c.header: n for n, c in enumerate(page.view.ids_model.columns)}
        rag = named["RAG"]  # the tracker's columns up to RAG, all on the screen
        assert header.sectionViewportPosition(rag) + header.sectionSize(rag) <= (
            table.viewport().width()
        )
        assert header.sectionSize(named["Action"]) >= MIN_WIDEST
        due = named["Due"]
        metrics = table.fontMetrics()
        for row in range(table.rowAt(table.viewport().height() - 1) + 1):
            shown = page.view.ids_model.index(row, due).data()
            assert metrics.horizontalAdvance(shown) < header.sectionSize(due), shown
        QApplication.processEvents()
    finally:
        win.close_store()


def test_only_the_widest_columns_give_way() -> None:
    from atr_desktop.ui.windowed_view import width_cap

    assert width_cap([100, 900, 100], 2000, 240) == 900  # everything fits: no cap
    assert width_cap([100, 900, 100, 700], 1000, 240) == 400  # both long ones give way
    assert width_cap([100, 900, 100], 300, 240) == 240  # never below the floor: it scrolls
