"""The meeting's record under leases: another officer's lease makes a tab read-only and says
who and until when; after it lapses the officer takes over with the lock's warning; typing
renews the lease every minute; closing the record gives it back.

The other officer is a lease written through the service with another identity, as their
copy of the app would write it; the minute's timer is fired by hand with an injected clock.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from atr_desktop.services import attendance, leases, minutes
from atr_desktop.services.leases import LEASE_FOR, Officer
from atr_desktop.storage.database import database_now
from atr_desktop.ui.meeting_record import MeetingRecordDialog
from atr_desktop.ui.register_tab import STATUS_COL
from atr_desktop.ui.safety import TAKE_OVER_WARNING
from tests.gui_helpers import with_modal
from tests.meeting_fixtures import strategy_group
from tests.test_gui_safety import click

SAM = Officer("sam", "Sam Patel", "LAPTOP-3")


class Clock:
    """The window's clock, moved on by the test (None until then: the database's)."""

    def __init__(self) -> None:
        self.at: dt.datetime | None = None

    def __call__(self) -> dt.datetime | None:
        return self.at


def now(db) -> dt.datetime:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return database_now(s)


def hhmm(at: dt.datetime | None) -> str:
    assert at is not None
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")


def open_record(qtbot, db, meeting: int, clock: Clock | None = None) -> MeetingRecordDialog:  # type: ignore[no-untyped-def]
    dialog = MeetingRecordDialog(db, meeting, clock=clock or Clock())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_another_officers_minutes_are_read_only_and_say_who_and_until_when(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    dialog = open_record(qtbot, db, sg.meeting)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    assert tab.lease_line.isVisible()
    banner = tab.lease_line.label.text()
    assert banner == f"Sam Patel is editing these minutes until {hhmm(held.expires_at)}."
    assert not tab.lease_line.take_over_button.isVisible()  # live: nothing to take over
    assert tab.editor.isReadOnly()
    assert not tab.buttons["saveMinutes"].isEnabled()
    assert not tab.buttons["addDecision"].isEnabled()
    tab.item_list.setCurrentRow(4)
    qtbot.keyClicks(tab.editor, "My own words")
    assert tab.editor.toPlainText() == ""
    dialog.close()
    assert minutes.show(db, sg.meeting).items[4].discussion == ""
    assert leases.who_holds(db, "minutes", sg.meeting).holder == SAM  # Sam's is untouched


def test_the_register_is_read_only_while_another_officer_holds_it(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    held = leases.take(db, "register", sg.meeting, officer=SAM)
    dialog = open_record(qtbot, db, sg.meeting)
    tab = dialog.register_tab
    assert tab.lease_line.label.text() == (
        f"Sam Patel is editing this register until {hhmm(held.expires_at)}."
    )
    combo = tab.combo(tab.row_of("Siân Evans"), STATUS_COL)
    assert not combo.isEnabled() and not tab.all_present_button.isEnabled()
    assert not dialog.minutes_tab.editor.isReadOnly()  # the minutes are this officer's
    # Sam closes the register: on the next minute the register is this officer's to edit.
    leases.release(db, "register", sg.meeting, officer=SAM)
    tab.lease.tick()
    assert not tab.lease_line.isVisible()
    combo = tab.combo(tab.row_of("Siân Evans"), STATUS_COL)
    assert combo.isEnabled()
    combo.setCurrentIndex(combo.findData("present"))
    lines = attendance.get_register(db, sg.meeting).lines
    assert next(ln for ln in lines if ln.name == "Siân Evans").status == "present"


def test_after_it_lapses_the_officer_takes_over_with_the_locks_warning(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    clock = Clock()
    dialog = open_record(qtbot, db, sg.meeting, clock)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    assert held.expires_at is not None
    clock.at = held.expires_at + dt.timedelta(minutes=1)  # Sam's laptop went to sleep
    tab.lease.tick()
    assert tab.lease_line.label.text() == (
        f"Sam Patel was editing these minutes until {hhmm(held.expires_at)} and has not been "
        "heard from since: take over to edit them."
    )
    assert tab.lease_line.take_over_button.isVisible() and tab.editor.isReadOnly()
    # Cancel leaves it as it is; Take over, after the same warning as the live-copy lock.
    with_modal(click("Cancel"), tab.lease_line.take_over_button.click)
    assert tab.editor.isReadOnly()
    said = with_modal(click("Take over"), tab.lease_line.take_over_button.click)
    assert said == [
        f"Sam Patel on LAPTOP-3 was editing these minutes until {hhmm(held.expires_at)}. "
        + TAKE_OVER_WARNING
    ]
    assert not tab.editor.isReadOnly() and not tab.lease_line.isVisible()
    tab.item_list.setCurrentRow(4)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Taken over and minuted.")
    qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert minutes.show(db, sg.meeting).items[4].discussion == "Taken over and minuted."


def test_typing_renews_the_lease_every_minute_and_closing_gives_it_back(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    clock = Clock()
    start = clock.at = now(db)
    dialog = open_record(qtbot, db, sg.meeting, clock)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    assert tab.lease.timer.isActive() and tab.lease.timer.interval() == 60_000
    assert leases.who_holds(db, "minutes", sg.meeting).expires_at == start + LEASE_FOR
    tab.item_list.setCurrentRow(4)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "The Group discussed")
    clock.at = start + dt.timedelta(minutes=1)
    tab.lease.tick()  # a minute on, still typing: renewed
    assert leases.who_holds(db, "minutes", sg.meeting).expires_at == clock.at + LEASE_FOR
    qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    renewed = clock.at + LEASE_FOR
    clock.at = start + dt.timedelta(minutes=2)
    tab.lease.tick()  # saved and idle: not renewed
    assert leases.who_holds(db, "minutes", sg.meeting).expires_at == renewed
    dialog.close()
    for kind in ("minutes", "register"):
        assert leases.who_holds(db, kind, sg.meeting).holder is None


def test_typing_not_saved_is_kept_when_another_officer_takes_over(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    clock = Clock()
    start = clock.at = now(db)
    dialog = open_record(qtbot, db, sg.meeting, clock)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    tab.item_list.setCurrentRow(4)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Typed before the laptop slept")
    tab.timer.stop()  # the laptop slept before the pause's autosave
    later = start + LEASE_FOR + dt.timedelta(minutes=10)
    assert leases.take_over(db, "minutes", sg.meeting, now=later, officer=SAM).mine
    clock.at = later
    tab.lease.tick()  # woken: the minute's check finds Sam editing
    assert tab.editor.isReadOnly() and tab.editor.toPlainText() == ""
    assert tab.notice.text() == (
        "Sam Patel took over these minutes: what you typed and had not saved is kept, and "
        "offered again when you next open them."
    )
    item = next(i for i in minutes.show(db, sg.meeting).items if i.number == "5")
    assert item.pending_draft == "Typed before the laptop slept" and item.discussion == ""


def test_approved_minutes_take_no_lease_yet_amending_waits_for_another_officers(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """Approved minutes have nothing to edit at length: opening them takes no lease (so a
    colleague can still open them to amend), while another officer's live lease still
    keeps Amendment greyed; withdrawing the approval takes the lease to edit the draft."""
    sg = strategy_group(db)
    minutes.write_item(db, sg.meeting, "5", "Minuted.")
    minutes.approve(db, sg.meeting, sg.next_meeting, now=dt.datetime(2027, 2, 9, 12, 0))
    dialog = open_record(qtbot, db, sg.meeting)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.minutes_tab
    assert leases.who_holds(db, "minutes", sg.meeting).holder is None
    assert leases.who_holds(db, "register", sg.meeting).holder is None  # locked as well
    assert tab.buttons["amendMinutes"].isEnabled() and tab.editor.isReadOnly()
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    tab.lease.look()
    assert not tab.buttons["amendMinutes"].isEnabled()
    assert not tab.buttons["withdrawApproval"].isEnabled()
    assert tab.lease_line.label.text() == (
        f"Sam Patel is editing these minutes until {hhmm(held.expires_at)}."
    )
    with db.session() as s:  # Sam's laptop died: a lapsed lease is nothing to take over here
        s.execute(leases.LEASES.update().values(expires_at=now(db) - dt.timedelta(seconds=1)))
    tab.lease.tick()
    assert tab.buttons["amendMinutes"].isEnabled() and not tab.lease_line.isVisible()
    leases.release(db, "minutes", sg.meeting, officer=SAM)
    tab.lease.tick()
    assert tab.buttons["amendMinutes"].isEnabled()
    assert leases.who_holds(db, "minutes", sg.meeting).holder is None  # still none taken
    minutes.withdraw_approval(db, sg.meeting, "Approved in error")
    tab.reload()
    dialog.register_tab.reload()
    assert leases.who_holds(db, "minutes", sg.meeting).mine
    assert leases.who_holds(db, "register", sg.meeting).mine
    assert not tab.editor.isReadOnly()
    dialog.close()
    assert leases.who_holds(db, "minutes", sg.meeting).holder is None
