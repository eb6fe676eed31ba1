"""The version a form read travels to its save: a save over a colleague's change made
since is refused naming who and when (from the audit trail), and nothing of it is kept;
a save the store could not take just now is refused as retryable, and the retry works."""

from __future__ import annotations

import datetime as dt
import sqlite3

import psycopg
import pytest

from atr_desktop.adapters.identity import current_user
from atr_desktop.errors import ChangedSince, NotSaved
from atr_desktop.services import actions, audit, versions
from atr_desktop.services.actions import ActionChange
from tests.meeting_fixtures import strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _action(db) -> str:  # type: ignore[no-untyped-def]
    sg = strategy_group(db)
    return actions.add_action(db, sg.meeting, "5", "Map the pathway", "Owner A", None).ref


def _officer(store_engine: str) -> str:
    """Who the audit trail names: the server login role, or this computer's user."""
    return "postgres" if store_engine == "postgresql" else current_user()


def test_a_save_over_a_change_made_since_it_was_read_is_refused_naming_who_and_when(
    db, store_engine: str
) -> None:
    ref = _action(db)
    read = actions.get_action(db, ref)  # the dialog opens: version v
    actions.update_action(db, ref, ActionChange(description="Theirs"))  # a colleague saves
    with pytest.raises(ChangedSince) as refused:
        actions.update_action(
            db,
            ref,
            ActionChange(description="Mine", note="My note."),
            expected_version=read.row_version,
        )
    assert refused.value.who == _officer(store_engine)
    assert refused.value.when is not None
    message = str(refused.value)
    assert message.startswith(f"{_officer(store_engine)} changed this action at ")
    assert "while you had it open, so your change was not saved: reload" in message
    now = actions.get_action(db, ref)
    assert now.description == "Theirs"
    assert "My note." not in {u.text for u in now.updates}  # nothing of the refused save
    assert [line.action for line in audit.history(db, "action", now.id)] == ["raised", "updated"]
    saved = actions.update_action(
        db, ref, ActionChange(description="Mine", note="Mine too."), None, now.row_version
    )
    assert saved.description == "Mine" and saved.row_version == now.row_version + 1
    assert saved.updates[-1].user == _officer(store_engine)  # the login role on a server


def test_the_command_line_sends_no_version_and_is_not_checked(db, cli) -> None:
    ref = _action(db)
    actions.update_action(db, ref, ActionChange(description="Theirs"))
    db.close()
    code, _out, err = cli("actions", "update", ref, "--note", "From the command line.")
    assert code == 0, err


def test_the_sentence_gives_the_day_when_it_was_not_today() -> None:
    when = dt.datetime(2026, 7, 1, 13, 32)  # UTC; 14:32 in London (summer time)
    today = dt.date(2026, 7, 1)
    assert versions.changed_sentence("meeting", "sam.patel", when, today).startswith(
        "sam.patel changed this meeting at 14:32 while you had it open"
    )
    later = versions.changed_sentence("meeting", "", when, dt.date(2026, 7, 3))
    assert later.startswith("Someone else changed this meeting at 14:32 on 1 Jul 2026 while")


def test_a_save_the_store_cannot_take_just_now_is_retryable(
    db, store_engine: str, db_path, db_address: str
) -> None:
    """SQLite: another program holds the file; PostgreSQL: the connection is dropped
    (pg_terminate_backend) in the middle of the save. Nothing is saved; the same save,
    sent again with the same version, then works."""
    ref = _action(db)
    read = actions.get_action(db, ref)
    change = ActionChange(description="Typed while the line was down")
    if store_engine == "sqlite":
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(NotSaved, match="busy in another program"):
                actions.update_action(db, ref, change, expected_version=read.row_version)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    else:
        with pytest.raises(NotSaved, match=r"was lost .* try again"), db.unit_of_work() as s:
            mine = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(db_address, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (mine,))
            actions.update_action(db, ref, change, expected_version=read.row_version)
    assert actions.get_action(db, ref).description == "Map the pathway"
    saved = actions.update_action(db, ref, change, expected_version=read.row_version)
    assert saved.description == "Typed while the line was down"


def _cases(db, sg) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    """Each record a dialog (or a list) edits: (read its version, their save, my save with
    a version, what the record says now) — mine writes 'Mine', theirs 'Theirs'."""
    from atr_desktop.services import (
        agenda,
        decisions,
        forward_plan,
        groups,
        meetings,
        papers,
        people,
        tor,
    )

    person = sg.people["Tariq"]
    item = agenda.agenda(db, sg.meeting)[0]
    paper = papers.expect_paper(db, sg.meeting, "5", "Budget paper", "Finance lead")
    decision = decisions.add_decision(db, sg.meeting, "5", "The Group APPROVED it.")
    planned = forward_plan.add_forward_plan_item(db, "SG", "Annual report")
    tor.start_draft(db, "SG")

    def item_input(title: str) -> agenda.ItemInput:
        row = agenda.get_item(db, item.id)
        return agenda.ItemInput(title=title, lead=row.lead, purpose=row.purpose, minutes=10)

    def person_input(job: str) -> people.PersonInput:
        data = people.input_from(people.get_person(db, person))
        data.job_title = job
        return data

    def meeting_notes(notes: str) -> meetings.MeetingChanges:
        return meetings.MeetingChanges(notes=notes)

    def group_input(name: str) -> groups.GroupInput:
        g = groups.get_group(db, "SG")
        return groups.GroupInput(code=g.code, name=name, kind=g.kind, description=g.description)

    return {
        "person's details": (
            lambda: people.get_person(db, person).row_version,
            lambda: people.update_person(db, person, person_input("Theirs")),
            lambda v: people.update_person(db, person, person_input("Mine"), v),
            lambda: people.get_person(db, person).job_title,
        ),
        "meeting": (
            lambda: meetings.get_meeting(db, sg.meeting).row_version,
            lambda: meetings.edit_meeting(db, sg.meeting, meeting_notes("Theirs")),
            lambda v: meetings.edit_meeting(db, sg.meeting, meeting_notes("Mine"), True, v),
            lambda: meetings.get_meeting(db, sg.meeting).notes,
        ),
        "meeting (cancelled)": (
            lambda: meetings.get_meeting(db, sg.next_meeting).row_version,
            lambda: meetings.edit_meeting(db, sg.next_meeting, meeting_notes("Theirs")),
            lambda v: meetings.cancel_meeting(db, sg.next_meeting, "Mine", v),
            lambda: _notes_or_reason(db, sg.next_meeting),
        ),
        "group": (
            lambda: groups.get_group(db, "SG").row_version,
            lambda: groups.update_group(db, "SG", group_input("Theirs")),
            lambda v: groups.update_group(db, "SG", group_input("Mine"), v),
            lambda: groups.get_group(db, "SG").name,
        ),
        "agenda item": (
            lambda: agenda.get_item(db, item.id).row_version,
            lambda: agenda.update_item(db, item.id, item_input("Theirs")),
            lambda v: agenda.update_item(db, item.id, item_input("Mine"), v),
            lambda: agenda.get_item(db, item.id).title,
        ),
        "paper": (
            lambda: papers.get_paper(db, paper.id).row_version,
            lambda: papers.update_cover_by_id(db, paper.id, {"summary": "Theirs"}),
            lambda v: papers.update_cover_by_id(db, paper.id, {"summary": "Mine"}, v),
            lambda: papers.get_paper(db, paper.id).summary,
        ),
        "draft Terms of Reference": (
            lambda: tor.get_version(db, "SG").row_version,
            lambda: tor.edit_draft(db, "SG", {"purpose": "Theirs"}),
            lambda v: tor.edit_draft(db, "SG", {"purpose": "Mine"}, v),
            lambda: tor.get_version(db, "SG").text("purpose"),
        ),
        "decision": (
            lambda: _decision(db, decision.id).row_version,
            lambda: decisions.withdraw(db, decision.id, "Theirs"),
            lambda v: decisions.withdraw(db, decision.id, "Mine", expected_version=v),
            lambda: _decision(db, decision.id).status_reason,
        ),
        "forward plan item": (
            lambda: _planned(db, planned.id).row_version,
            lambda: forward_plan.withdraw_forward_plan_item(db, planned.id, "Theirs"),
            lambda v: forward_plan.withdraw_forward_plan_item(db, planned.id, "Mine", v),
            lambda: _planned(db, planned.id).withdrawn_reason,
        ),
    }


def _notes_or_reason(db, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    from atr_desktop.services import meetings

    m = meetings.get_meeting(db, meeting_id)
    return m.cancel_reason if m.status == "cancelled" else m.notes


def _decision(db, decision_id: int):  # type: ignore[no-untyped-def]
    from atr_desktop.services import decisions

    return next(d for d in decisions.list_decisions(db) if d.id == decision_id)


def _planned(db, item_id: int):  # type: ignore[no-untyped-def]
    from atr_desktop.services import forward_plan

    return next(f for f in forward_plan.list_forward_plan(db) if f.id == item_id)


def test_every_record_a_dialog_edits_refuses_a_save_over_a_change_made_since(
    db, store_engine: str
) -> None:
    sg = strategy_group(db)
    for what, (version, theirs, mine, now) in _cases(db, sg).items():
        read = version()
        theirs()
        word = what.split(" (")[0]
        with pytest.raises(ChangedSince, match=f"changed this {word} at ") as refused:
            mine(read)
        assert refused.value.who == _officer(store_engine), what
        assert now() == "Theirs", what  # nothing of the refused save
        if what == "decision":
            continue  # withdrawn by them: withdrawing it again is refused for that reason
        mine(version())  # read again: saved
        assert now() == "Mine", what


def _membership(db, group: str, person: int):  # type: ignore[no-untyped-def]
    from atr_desktop.services import members

    return next(m for m in members.membership_history(db, group) if m.person_id == person)


def test_ending_a_membership_a_colleague_ended_since_it_was_shown_is_refused(
    db, store_engine: str
) -> None:
    from atr_desktop.services import members

    sg = strategy_group(db)
    tariq = sg.people["Tariq"]
    shown = _membership(db, "SG", tariq)  # the End membership dialog opens
    members.end_membership(db, "SG", tariq, dt.date(2027, 3, 31), "Theirs")
    with pytest.raises(ChangedSince, match="changed this membership at ") as refused:
        members.end_membership(db, "SG", tariq, dt.date(2027, 1, 31), "Mine", read=shown)
    assert refused.value.who == _officer(store_engine)
    now = members.get_membership(db, shown.id)
    assert (now.end_date, now.end_reason) == (dt.date(2027, 3, 31), "Theirs")
    members.end_membership(db, "SG", tariq, dt.date(2027, 1, 31), "Mine", read=now)
    assert members.get_membership(db, shown.id).end_reason == "Mine"  # reloaded: saved


def test_handing_the_chair_over_is_refused_if_the_chair_changed_since_the_question(
    db, store_engine: str
) -> None:
    """The window asks 'make them chair in place of Siân?'; meanwhile a colleague changed
    Siân's membership (or handed the chair to someone else): the hand-over is refused
    rather than ending a term the question did not show."""
    from atr_desktop.services import members
    from tests.meeting_fixtures import add_person

    sg = strategy_group(db)
    amara = add_person(db, "Amara", "Okafor", "Leeds City Council", "Local authority")
    start = dt.date(2027, 1, 1)
    with pytest.raises(members.SecondChair) as asked:
        members.add_membership(db, "SG", amara, "chair", start=start)
    chair = _membership(db, "SG", sg.people["Siân"])
    assert asked.value.holders == {chair.id: chair.row_version}
    members.end_membership(db, "SG", sg.people["Siân"], dt.date(2027, 6, 30), "Theirs")
    with pytest.raises(ChangedSince, match="changed this membership at "):
        members.add_membership(
            db, "SG", amara, "chair", start=start, replace_chair=True,
            expected_holders=asked.value.holders,
        )  # fmt: skip
    assert _membership(db, "SG", sg.people["Siân"]).end_reason == "Theirs"
    assert all(m.person_id != amara for m in members.membership_history(db, "SG"))
    again = {chair.id: _membership(db, "SG", sg.people["Siân"]).row_version}
    added = members.add_membership(
        db, "SG", amara, "chair", start=start, replace_chair=True,
        expected_holders=again,
    )  # fmt: skip
    assert added.role == "chair"
    assert _membership(db, "SG", sg.people["Siân"]).end_date == dt.date(2026, 12, 31)


def test_a_tor_draft_discarded_and_started_again_is_not_saved_over_from_the_old_one(
    db, store_engine: str
) -> None:
    """The new draft has a new row at version 1 again: the check compares the draft's id."""
    from atr_desktop.services import tor

    strategy_group(db)
    read = tor.start_draft(db, "SG", {"purpose": "The old draft"})  # the editor opens
    tor.discard_draft(db, "SG")
    theirs = tor.start_draft(db, "SG", {"purpose": "Theirs: a fresh draft"})
    assert theirs.row_version == read.row_version  # (and on SQLite, even the same id)
    with pytest.raises(ChangedSince) as refused:
        tor.edit_draft(db, "SG", {"purpose": "Mine"}, read.row_version, read.started)
    assert str(refused.value).startswith(
        f"{_officer(store_engine)} discarded that draft and started another at "
    )
    assert "while you had it open, so your change was not saved: reload" in str(refused.value)
    assert tor.get_version(db, "SG").text("purpose") == "Theirs: a fresh draft"
    again = tor.get_version(db, "SG")
    tor.edit_draft(db, "SG", {"purpose": "Mine"}, again.row_version, again.started)
    assert tor.get_version(db, "SG").text("purpose") == "Mine"
