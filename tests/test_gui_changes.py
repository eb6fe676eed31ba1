"""Change notices: every page that shows what changed re-reads at once, and only those pages."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def window(demo_window):
    return demo_window


def agenda_titles(page) -> list[str]:
    tree = page.editor.tree
    return [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]


def test_the_agenda_shows_an_edit_and_its_undo_at_once(window) -> None:
    from atr_desktop.services import agenda

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    page.when_filter.setCurrentIndex(page.when_filter.findData("upcoming"))
    meeting = page.current()
    assert meeting is not None
    agenda.add_item(window.db, meeting.id, agenda.ItemInput(title="Winter pressures"))
    assert "Winter pressures" in agenda_titles(page)
    assert window.undo_action.text() == "&Undo: add agenda item 'Winter pressures'"
    window.undo_action.trigger()
    assert page.current().id == meeting.id  # the same meeting, not another one picked
    assert "Winter pressures" not in agenda_titles(page)
    window.redo_action.trigger()
    assert "Winter pressures" in agenda_titles(page)


def test_home_follows_an_edited_action_and_its_undo(window) -> None:
    from atr_desktop.services import actions

    home = window.pages["Home"]
    overdue = [line.text(0) for line in home.lines("Actions") if "(overdue)" in line.text(0)]
    assert overdue
    ref = overdue[0].split(" ")[0]
    later = dt.date.today() + dt.timedelta(days=200)
    actions.update_action(window.db, ref, actions.ActionChange(due=later, note="Re-planned."))
    assert ref not in {line.text(0).split(" ")[0] for line in home.lines("Actions")}
    window.undo_action.trigger()
    assert f"{ref} (overdue)" in {line.text(0) for line in home.lines("Actions")}


def test_a_page_refreshes_only_when_what_it_shows_changed(window, monkeypatch) -> None:
    from atr_desktop.services import groups
    from atr_desktop.ui.main_window import AREAS

    calls: dict[str, int] = {}
    for name in AREAS:  # every page made (off screen ones are made when first asked for)
        page = window.pages[name]
        calls[name] = 0

        def counted(page=page, name=name, original=page.refresh) -> None:
            calls[name] += 1
            original()

        monkeypatch.setattr(page, "refresh", counted)
    window.changes.clear()
    for page in window.pages.values():
        window.changes.subscribe(page, page.SHOWS, page.refresh)
    groups.update_group(
        window.db, "NET", groups.GroupInput(code="NET", name="ATR Network 0-25", kind="network")
    )
    assert calls["Home"] == 1  # on screen: at once
    assert calls["Groups"] == 0 and calls["Decisions"] == 0  # off screen: when next shown
    window.go_to("Groups")
    assert calls["Groups"] == 1
    window.go_to("Decisions")
    assert calls["Decisions"] == 1  # it shows each decision's group
    window.go_to("Home")
    before = dict(calls)
    from atr_desktop.services import people

    people.add_person(
        window.db, people.PersonInput(first_name="Zoë", last_name="Clarke", email="z@example.org")
    )
    window.go_to("Decisions")
    assert calls["Decisions"] == before["Decisions"]  # decisions show no people
    window.go_to("People")
    assert calls["People"] == before["People"] + 1


def test_ctrl_z_in_the_register_and_minutes_window_undoes_the_minutes(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    from atr_desktop.services import minutes
    from tests.gui_helpers import with_modal

    window.go_to("Meetings")
    page = window.pages["Meetings"]
    page.when_filter.setCurrentIndex(page.when_filter.findData("past"))
    draft = next(m for m in page.view.model.records if not minutes.show(window.db, m.id).locked)
    page.view.select_where(lambda m: m.id == draft.id)

    def write_then_undo(dialog) -> tuple[str, str, str]:
        tab = dialog.minutes_tab
        dialog.tabs.setCurrentWidget(tab)
        item_id = tab.current_id
        before = tab.items[item_id].discussion
        tab.editor.setPlainText("The Group agreed to pilot the new referral route.")
        assert tab.save_current()
        label = window.undo_action.text()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        tab.item_list.setFocus()
        qtbot.keyClick(tab.item_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: tab.editor.toPlainText() == before, timeout=5_000)
        saved = minutes.show(window.db, draft.id).items
        dialog.reject()
        return label, before, next(i.discussion for i in saved if i.item_id == item_id)

    ((label, before, saved),) = with_modal(write_then_undo, page.minutes_button.click)
    assert label.startswith("&Undo: write minutes of ")
    assert saved == before
