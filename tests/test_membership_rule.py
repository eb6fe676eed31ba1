"""'Member of a group on a date' is one rule (docs/people.md): the end date is the last day.

A member whose membership ends on a meeting's date is still a member at that meeting, and
no longer one at a meeting the next day. The boundary is checked through every consumer:
the register, quorum, the pack email's distribution, the chair's brief, member exports and
the People list.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from atr_desktop.domain.people import member_on
from atr_desktop.services import attendance, brief, member_exports, members, people
from atr_desktop.services.pack_issue import distribution
from atr_desktop.storage.models import Meeting
from tests.meeting_fixtures import add_meeting, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

LAST_DAY = dt.date(2026, 11, 10)  # the first SG meeting of strategy_group()
NEXT_DAY = LAST_DAY + dt.timedelta(days=1)
ZOE = "Zoë Clarke"


def test_the_rule_itself_is_inclusive_at_both_ends() -> None:
    start = dt.date(2026, 4, 1)
    assert member_on(start, LAST_DAY, start) and member_on(start, LAST_DAY, LAST_DAY)
    assert not member_on(start, LAST_DAY, start - dt.timedelta(days=1))
    assert not member_on(start, LAST_DAY, NEXT_DAY)
    assert member_on(start, None, dt.date(2099, 1, 1))


@pytest.fixture
def sg(db):  # type: ignore[no-untyped-def]
    """SG whose vice-chair Zoë's last day is the day of a meeting; another meeting next day."""
    group = strategy_group(db)
    members.end_membership(db, "SG", group.people["Zoë"], LAST_DAY, "Moved post")
    after = add_meeting(db, "SG", NEXT_DAY)
    # Zoë (NHS) and three others come: quorate only while Zoë counts (4 needed, NHS needed).
    for meeting in (group.meeting, after):
        for name in ("Zoë", "Siân", "Tariq", "Piotr"):
            if name == "Zoë" and meeting == after:
                continue
            attendance.set_attendance(
                db, meeting, group.ref(name), attendance.LineChange(status="present")
            )
    return group, after


def test_register_and_quorum_count_the_member_on_their_last_day(db, sg) -> None:
    group, after = sg
    on_day = attendance.get_register(db, group.meeting)
    next_day = attendance.get_register(db, after)
    assert ZOE in {line.name for line in on_day.lines}
    assert ZOE not in {line.name for line in next_day.lines}
    assert on_day.quorate is True
    assert next_day.quorate is False


def test_pack_email_goes_to_the_member_on_their_last_day_only(db, sg) -> None:
    group, _after = sg
    with db.session() as s:
        meeting = s.get_one(Meeting, group.meeting)
        on_day = {name for name, _ in distribution(s, meeting, LAST_DAY)}
        next_day = {name for name, _ in distribution(s, meeting, NEXT_DAY)}
    assert ZOE in on_day and ZOE not in next_day


def test_brief_lists_the_member_at_the_meeting_on_their_last_day(db, sg) -> None:
    group, after = sg
    names = {a.name for a in brief.brief_data(db, group.meeting, today=LAST_DAY).attendees}
    later = {a.name for a in brief.brief_data(db, after, today=LAST_DAY).attendees}
    assert ZOE in names and ZOE not in later


def test_exports_and_people_list_agree_on_the_boundary(db, sg, tmp_path: Path) -> None:
    for day, expected in ((LAST_DAY, True), (NEXT_DAY, False)):
        out = member_exports.export_members(db, "SG", tmp_path / f"{day}.csv", on_date=day)
        with out.open(encoding="utf-8-sig", newline="") as fh:
            names = {row["Name"] for row in csv.DictReader(fh)}
        assert (ZOE in names) is expected
        assert ("zoe.clarke@example.org" in member_exports.email_list(db, "SG", day)) is expected
        listed = {m.name for m in members.current_members(db, "SG", day)}
        assert (ZOE in listed) is expected
        groups = {p.name: p.groups for p in people.list_people(db, today=day)}
        assert ("SG" in groups[ZOE]) is expected


def test_end_dialog_asks_for_the_last_day_as_member_until(db, qtbot) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QFormLayout

    from atr_desktop.ui.member_dialogs import EndMemberDialog

    group = strategy_group(db)
    zoe = next(m for m in members.current_members(db, "SG", LAST_DAY) if m.name == ZOE)
    dialog = EndMemberDialog(db, zoe)
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    label = form.labelForField(dialog.day)
    assert label.text().replace("&", "") == "Member until:"
    dialog.day.setDate(QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day))
    dialog.save()
    assert [m.end_date for m in dialog.ended] == [LAST_DAY]
    assert ZOE in {line.name for line in attendance.get_register(db, group.meeting).lines}
