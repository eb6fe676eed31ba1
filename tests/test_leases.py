"""Leases on a meeting's minutes and register: two officers on one store, on both engines.

Each test opens the store twice (two Database objects, as two officers' copies of the app
would) and gives the second another identity; leases are written through the service.
"""

from __future__ import annotations

import datetime as dt

import pytest

from atr_desktop.domain.dates import medium_date
from atr_desktop.errors import UserError
from atr_desktop.services import attendance, leases, minutes, register_bulk
from atr_desktop.services.attendance import LineChange
from atr_desktop.services.leases import LEASE_FOR, Officer
from atr_desktop.storage.database import database_now
from atr_desktop.storage.models import AuditEntry
from tests.meeting_fixtures import strategy_group

pytestmark = pytest.mark.both_engines

SAM = Officer("sam", "Sam Patel", "LAPTOP-3")
ALEX = Officer("alex", "Alex Jones", "LAPTOP-9")


@pytest.fixture
def two(db, reopen):  # type: ignore[no-untyped-def]
    """The test's store, and a second copy of it opened as another officer's app would."""
    sg = strategy_group(db)
    other = reopen()
    yield db, other, sg
    other.close()


def clock(db) -> dt.datetime:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return database_now(s)


def local(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")


def test_a_live_lease_keeps_others_out_and_says_who_and_until_when(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    day = medium_date(attendance.get_register(db, sg.meeting).date)
    held = leases.take(other, "minutes", sg.meeting, officer=SAM)
    assert held.mine and held.taken_now and held.expires_at is not None
    seen = leases.take(db, "minutes", sg.meeting, officer=ALEX)
    assert seen.elsewhere and not seen.mine and seen.holder == SAM
    assert seen.banner() == f"Sam Patel is editing these minutes until {local(held.expires_at)}."
    # Saves of the minutes by anyone but Sam are refused in one sentence; the register is free.
    with pytest.raises(UserError) as refused:
        minutes.write_item(db, sg.meeting, "5", "Alex's words")
    assert str(refused.value) == (
        f"Sam Patel is editing the minutes of {day} until {local(held.expires_at)}, so "
        "this change was not saved: try again when they have closed them (or after that time)."
    )
    assert minutes.show(db, sg.meeting).items[4].discussion == ""
    attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("present"))
    # The register under Sam's lease: every way of saving it is refused.
    leases.take(other, "register", sg.meeting, officer=SAM)
    for save in (
        lambda: attendance.set_attendance(db, sg.meeting, sg.ref("Siân"), LineChange("apologies")),
        lambda: attendance.add_guest(db, sg.meeting, "A presenter"),
        lambda: register_bulk.mark_all_present(db, sg.meeting),
    ):
        with pytest.raises(UserError, match=f"^Sam Patel is editing the register of {day} until"):
            save()
    lines = attendance.get_register(db, sg.meeting).lines
    assert next(ln for ln in lines if ln.name == "Siân Evans").status == "present"


def test_renewing_extends_the_lease_and_only_its_holder_can(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    start = clock(db)
    first = leases.take(other, "register", sg.meeting, now=start, officer=SAM)
    later = start + dt.timedelta(minutes=3)
    renewed = leases.renew(other, "register", sg.meeting, now=later, officer=SAM)
    assert renewed.mine and renewed.expires_at == later + LEASE_FOR > (first.expires_at or start)
    assert not renewed.taken_now  # already Sam's: his command would not release it
    seen = leases.who_holds(db, "register", sg.meeting, now=later, officer=ALEX)
    assert seen.expires_at == later + LEASE_FOR and seen.elsewhere
    # Alex "renewing" a lease he does not hold changes nothing.
    assert leases.renew(db, "register", sg.meeting, now=later, officer=ALEX).holder == SAM
    assert leases.who_holds(db, "register", sg.meeting, officer=ALEX).expires_at == (
        later + LEASE_FOR
    )


def test_take_over_only_after_expiry_and_on_record(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    start = clock(db)
    leases.take(other, "minutes", sg.meeting, now=start, officer=SAM)
    with pytest.raises(UserError, match=r"^Sam Patel is editing the minutes of"):
        leases.take_over(db, "minutes", sg.meeting, now=start + dt.timedelta(minutes=4))
    lapsed_at = start + LEASE_FOR + dt.timedelta(seconds=1)
    seen = leases.take(db, "minutes", sg.meeting, now=lapsed_at)
    assert seen.lapsed and seen.holder == SAM  # taking never takes over by itself
    assert "was editing these minutes until" in seen.banner()
    mine = leases.take_over(db, "minutes", sg.meeting, now=lapsed_at)
    assert mine.mine and mine.taken_now
    # Sam's copy renewing now finds it has lost the lease, and to whom.
    lost = leases.renew(other, "minutes", sg.meeting, now=lapsed_at, officer=SAM)
    assert not lost.mine and lost.holder is not None and lost.holder.login != "sam"
    with db.session() as s:
        entry = s.query(AuditEntry).filter(AuditEntry.entity == "lease").one()
    assert entry.action == "taken over" and entry.summary == "minutes from sam"


def test_a_crashed_holders_lease_lapses_and_saves_go_ahead(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    leases.take(other, "minutes", sg.meeting, now=clock(db) - LEASE_FOR, officer=SAM)  # a crash
    minutes.write_item(db, sg.meeting, "5", "Minuted after Sam's laptop died.")
    assert minutes.show(other, sg.meeting).items[4].discussion.startswith("Minuted after")


def test_release_frees_it_and_nobody_releases_another_officers_lease(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    leases.take(other, "minutes", sg.meeting, officer=SAM)
    leases.release(db, "minutes", sg.meeting, officer=ALEX)
    assert leases.who_holds(db, "minutes", sg.meeting, officer=ALEX).elsewhere
    leases.release(other, "minutes", sg.meeting, officer=SAM)
    assert leases.who_holds(db, "minutes", sg.meeting, officer=ALEX).holder is None
    assert leases.take(db, "minutes", sg.meeting).mine  # this officer's own
    minutes.write_item(db, sg.meeting, "5", "Minuted under one's own lease.")


def test_two_officers_taking_at_once_one_wins(two) -> None:  # type: ignore[no-untyped-def]
    db, other, sg = two
    with db.unit_of_work():  # Alex's take is not yet committed when Sam's is tried
        assert leases.take(db, "register", sg.meeting, officer=ALEX).mine
    sam = leases.take(other, "register", sg.meeting, officer=SAM)
    assert sam.elsewhere and sam.holder == ALEX


def test_a_command_is_refused_under_a_live_lease_and_takes_over_a_lapsed_one(
    db, cli, store_engine
) -> None:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    day = medium_date(attendance.get_register(db, sg.meeting).date)
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    code, out, err = cli("minutes", "write", str(sg.meeting), "5", "--text", "Typed in a script")
    assert code == 1 and out == ""
    assert err.strip() == (
        f"Sam Patel is editing the minutes of {day} until {local(held.expires_at)}, so "
        "this change was not saved: try again when they have closed them (or after that time)."
    )
    args = ("--meeting", str(sg.meeting), "--item", "5", "--text", "The Group APPROVED it.")
    code, out, err = cli("decisions", "add", *args)  # raised in the minutes: refused too
    assert code == 1 and err.startswith(f"Sam Patel is editing the minutes of {day} until")
    leases.take(db, "register", sg.meeting, officer=SAM)
    code, _, err = cli("attendance", "all-present", str(sg.meeting))
    assert code == 1 and err.startswith(f"Sam Patel is editing the register of {day}")
    # Sam's laptop crashed: after 5 minutes a command takes over, says so, and leaves it free.
    with db.session() as s:
        lapsed = database_now(s) - dt.timedelta(seconds=1)
        s.execute(leases.LEASES.update().values(expires_at=lapsed))
    code, out, err = cli("minutes", "write", str(sg.meeting), "5", "--text", "Typed in a script")
    assert code == 0 and "Saved the minutes of item 5" in out
    assert "Sam Patel on LAPTOP-3 was editing the minutes until" in err and "took over" in err
    assert leases.who_holds(db, "minutes", sg.meeting).holder is None
    assert leases.who_holds(db, "register", sg.meeting).holder == SAM  # untouched


def test_on_a_server_the_holder_is_the_officers_own_login_and_others_hear_of_it(
    db, db_address, store_engine
) -> None:  # type: ignore[no-untyped-def]
    """The roles 'init --roles' prints: a secretariat login takes, renews and releases
    leases, named by the server; a chair's login may look but not take; another window
    hears a lease change as a change notice."""
    if store_engine == "sqlite":
        pytest.skip("logins are the server's; a file has the computer's user")
    import time

    import psycopg

    from atr_desktop.paths import app_paths, server_folder
    from atr_desktop.storage.database import open_server_database
    from atr_desktop.storage.roles import roles_sql

    sg = strategy_group(db)
    with psycopg.connect(db_address, autocommit=True) as conn:
        conn.execute(roles_sql())  # type: ignore[arg-type]
        conn.execute("CREATE ROLE lease_sec LOGIN IN ROLE atr_secretariat")
        conn.execute("CREATE ROLE lease_chair LOGIN IN ROLE atr_chair")
    opened = []

    def login(role: str):  # type: ignore[no-untyped-def]
        url = db_address.replace("postgres@", f"{role}@")
        opened.append(open_server_database(url, server_folder(url, app_paths())))
        return opened[-1]

    try:
        heard: list[object] = []
        db.watch_others()
        db.on_commit(heard.append)
        officer = login("lease_sec")
        held = leases.take(officer, "register", sg.meeting)
        assert held.mine and held.holder is not None and held.holder.login == "lease_sec"
        seen = leases.who_holds(db, "register", sg.meeting)
        assert seen.elsewhere and seen.holder is not None and seen.holder.login == "lease_sec"
        with pytest.raises(UserError, match="is editing the register of"):
            attendance.add_guest(db, sg.meeting, "A presenter")
        deadline = time.monotonic() + 10
        while not any("leases" in n.kinds for n in heard) and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.1)
        assert any("leases" in n.kinds for n in heard), "no notice of the lease within 10 s"  # type: ignore[attr-defined]
        assert leases.renew(officer, "register", sg.meeting).mine
        leases.release(officer, "register", sg.meeting)
        chair = login("lease_chair")
        with pytest.raises(UserError, match="may not make that change"):
            leases.take(chair, "register", sg.meeting)
        assert leases.who_holds(chair, "register", sg.meeting).holder is None
    finally:
        for store in opened:
            store.close()
        with psycopg.connect(db_address, autocommit=True) as conn:
            for role in ("lease_sec", "lease_chair"):
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def test_every_change_to_a_meetings_record_is_refused_under_anothers_minutes_lease(
    two,
) -> None:  # type: ignore[no-untyped-def]
    """Not only writing the minutes: a decision or action raised in them, an item raised on
    the day, deferring, approving, withdrawing an approval and amending are refused too, so
    the command line obeys what the window shows."""
    from atr_desktop.services import actions, agenda, decisions

    db, other, sg = two
    day = medium_date(attendance.get_register(db, sg.meeting).date)
    minutes.write_item(db, sg.meeting, "5", "Minuted before Sam opened them.")
    leases.take(other, "minutes", sg.meeting, officer=SAM)
    refused = f"^Sam Patel is editing the minutes of {day} until .* was not saved"
    held = dt.datetime(2027, 2, 9, 12, 0)
    for change in (
        lambda: decisions.add_decision(db, sg.meeting, "5", "The Group APPROVED it."),
        lambda: actions.add_action(db, sg.meeting, "5", "Map the pathway", "Owner A", None),
        lambda: minutes.add_item_on_the_day(db, sg.meeting, "A late item"),
        lambda: minutes.defer_item(db, sg.meeting, "5", "Next time"),
        lambda: minutes.approve(db, sg.meeting, sg.next_meeting, now=held),
    ):
        with pytest.raises(UserError, match=refused):
            change()
    assert decisions.list_decisions(db) == [] and actions.list_actions(db) == []
    assert not any(row.title == "A late item" for row in agenda.agenda(db, sg.meeting))
    assert minutes.approval_state(db, sg.meeting) == "draft"
    # Once approved (Sam gone), amending or withdrawing is refused while he is back in them.
    leases.release(other, "minutes", sg.meeting, officer=SAM)
    minutes.approve(db, sg.meeting, sg.next_meeting, now=held)
    leases.take(other, "minutes", sg.meeting, officer=SAM)
    for change in (
        lambda: minutes.amend(db, sg.meeting, "Read 'nine'.", "A typing slip", "5"),
        lambda: minutes.withdraw_approval(db, sg.meeting, "Approved in error"),
    ):
        with pytest.raises(UserError, match=refused):
            change()
    assert minutes.show(db, sg.meeting).amendments == ()
    leases.release(other, "minutes", sg.meeting, officer=SAM)
    assert minutes.amend(db, sg.meeting, "Read 'nine'.", "A typing slip", "5").reason


def test_kept_typing_is_offered_only_to_the_officer_who_typed_it(two) -> None:  # type: ignore[no-untyped-def]
    """Sam's typing, kept when his lease lapsed, is not offered to Alex who holds the
    minutes next (nor saved or thrown away by him); Sam is offered it when he is back."""
    db, other, sg = two
    item = minutes.show(db, sg.meeting).items[4].item_id
    minutes.autosave(other, sg.meeting, item, "Sam's words, not saved", officer=SAM)
    assert minutes.pending_drafts(db, sg.meeting, officer=ALEX) == {}
    assert minutes.show(db, sg.meeting, officer=ALEX).items[4].pending_draft is None
    minutes.autosave(db, sg.meeting, item, "Alex's words", officer=ALEX)
    minutes.discard_draft(db, sg.meeting, item, officer=ALEX)
    minutes.write_item(db, sg.meeting, "5", "Alex's minute")  # this computer's own login
    assert minutes.pending_drafts(other, sg.meeting, officer=SAM) == {
        item: "Sam's words, not saved"
    }
    minutes.discard_draft(other, sg.meeting, item, officer=SAM)
    assert minutes.pending_drafts(other, sg.meeting, officer=SAM) == {}


def test_typing_kept_before_it_was_kept_per_officer_is_still_offered(two) -> None:  # type: ignore[no-untyped-def]
    from atr_desktop.storage.models import DraftText

    db, _other, sg = two
    item = minutes.show(db, sg.meeting).items[4].item_id
    with db.session() as s:
        s.add(DraftText(key=minutes.draft_key(sg.meeting, item), text="Typed last year"))
    assert minutes.pending_drafts(db, sg.meeting) == {item: "Typed last year"}
    minutes.write_item(db, sg.meeting, "5", "Typed last year, saved")
    assert minutes.pending_drafts(db, sg.meeting) == {}


def _refused_by_sam(held: leases.LeaseState, day: str) -> str:
    assert held.expires_at is not None
    return (
        f"Sam Patel is editing the minutes of {day} until {local(held.expires_at)}, so "
        "this change was not saved: try again when they have closed them (or after that time)."
    )


def test_approving_minutes_or_raising_an_action_by_command_is_refused_under_anothers_lease(
    db, cli, store_engine
) -> None:  # type: ignore[no-untyped-def]
    """`minutes approve` and `actions add` take no lease of their own (they are not under
    cli's under_lease), so it is the services' check that refuses them: one sentence naming
    Sam and until when, exit 1, nothing written; once Sam has closed the minutes both go."""
    from atr_desktop.services import actions
    from tests.meeting_fixtures import add_meeting

    sg = strategy_group(db)
    held_on = add_meeting(db, "SG", dt.date(2026, 11, 24))  # before today: it has taken place
    day = medium_date(attendance.get_register(db, sg.meeting).date)
    minutes.write_item(db, sg.meeting, "5", "Minuted before Sam opened them.")
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    approve = ("minutes", "approve", str(sg.meeting), "--at", str(held_on))
    add = ("actions", "add", "--meeting", str(sg.meeting), "--item", "5")
    add += ("--text", "Map the pathway", "--owner", "Owner A")
    for command in (approve, add):
        assert cli(*command) == (1, "", _refused_by_sam(held, day) + "\n"), command
    assert minutes.approval_state(db, sg.meeting) == "draft"
    assert actions.list_actions(db) == []
    leases.release(db, "minutes", sg.meeting, officer=SAM)
    code, out, err = cli(*add)
    assert code == 0 and "Map the pathway" in out, err
    code, out, err = cli(*approve)
    assert code == 0 and "approved" in out, err
    assert [a.description for a in actions.list_actions(db)] == ["Map the pathway"]


def test_amending_approved_minutes_by_command_is_refused_while_anothers_lease_is_live(
    db, cli, store_engine
) -> None:  # type: ignore[no-untyped-def]
    """Approved minutes take no lease in the window (ui/minutes_tab.py: amendments are dated
    additions), but minutes.amend still calls leases.ensure_free whatever the approval, so a
    live minutes lease another officer still holds (taken before the approval, or by a
    command) refuses `minutes amend` in the same sentence until it is released or lapses.
    That is what the code intends, and what is checked here."""
    sg = strategy_group(db)
    day = medium_date(attendance.get_register(db, sg.meeting).date)
    minutes.write_item(db, sg.meeting, "5", "Minuted and approved.")
    minutes.approve(db, sg.meeting, sg.next_meeting, now=dt.datetime(2027, 2, 9, 12, 0))
    held = leases.take(db, "minutes", sg.meeting, officer=SAM)
    amend = ("minutes", "amend", str(sg.meeting), "--item", "5")
    amend += ("--text", "Read 'nine'.", "--reason", "A typing slip")
    assert cli(*amend) == (1, "", _refused_by_sam(held, day) + "\n")
    assert minutes.show(db, sg.meeting).amendments == ()
    # A lapsed lease no longer stands in the way (amend takes none to take over).
    with db.session() as s:
        s.execute(leases.LEASES.update().values(expires_at=database_now(s) - LEASE_FOR))
    code, out, err = cli(*amend)
    assert code == 0 and out.startswith("Amendment ") and err == "", err
    [amendment] = minutes.show(db, sg.meeting).amendments
    assert (amendment.text, amendment.reason) == ("Read 'nine'.", "A typing slip")
