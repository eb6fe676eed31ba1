"""Dates as officers type them, and the dates worth a second look (domain and CLI)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.domain.dates import (
    bank_holiday,
    meeting_date_doubts,
    parse_hhmm,
    read_date,
)
from tests.meeting_fixtures import strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "typed",
    ["31/03/2027", "31/3/27", "31.03.2027", "31 Mar 2027", "Wed 31 Mar 2027", "2027-03-31",
     "Wednesday 31st March 2027", "  31 march 2027 "],
)  # fmt: skip
def test_every_way_an_officer_writes_a_date_reads_the_same_day(typed: str) -> None:
    assert read_date(typed).day == dt.date(2027, 3, 31)


@pytest.mark.parametrize("typed", ["7202", "31/02/2027", "2027", "next week", "Wed", "13/13/27"])
def test_what_is_not_a_date_is_refused_with_how_to_write_it(typed: str) -> None:
    with pytest.raises(ValueError, match="31/03/2027"):
        read_date(typed)


def test_a_weekday_that_does_not_match_is_noticed() -> None:
    assert read_date("Wed 7 Jul 2027").weekday_clash() is None
    assert read_date("Thu 7 Jul 2027").weekday_clash() == (
        "7 July 2027 is a Wednesday, not a Thursday."
    )


def test_times_are_hh_mm_and_2027_is_not_twenty_past_eight() -> None:
    assert parse_hhmm("9.30") == dt.time(9, 30) and parse_hhmm("14:05") == dt.time(14, 5)
    for typed in ("2027", "24:00", "10", "10:7"):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_hhmm(typed)


def test_bank_holidays_are_england_and_wales_with_substitute_days() -> None:
    assert bank_holiday(dt.date(2027, 8, 30)) == "Late Summer Bank Holiday"
    assert bank_holiday(dt.date(2027, 12, 28)) == "Boxing Day (observed)"
    assert bank_holiday(dt.date(2027, 1, 4)) is None  # Scotland's 2 January is not ours
    assert bank_holiday(dt.date(2027, 3, 17)) is None  # nor Northern Ireland's St Patrick's Day


def test_meeting_dates_worth_asking_about() -> None:
    assert meeting_date_doubts(dt.date(2027, 2, 9), TODAY) == []
    assert meeting_date_doubts(dt.date(2027, 3, 6), TODAY) == [
        "The meeting on 6 March 2027 falls on a Saturday."
    ]
    assert "bank holiday (Easter Monday)" in meeting_date_doubts(dt.date(2027, 3, 29), TODAY)[0]
    assert "more than a year ago" in meeting_date_doubts(dt.date(2025, 11, 4), TODAY)[0]
    assert "five years ahead" in meeting_date_doubts(dt.date(2032, 2, 3), TODAY)[0]


def test_cli_refuses_a_bank_holiday_meeting_unless_yes(cli, db) -> None:
    code, out, err = cli("meetings", "add", "--group", "SG", "--date", "30/08/2027",
                         "--start", "10:00")  # fmt: skip
    assert code == 1 and out == ""
    assert err.strip() == (
        "The meeting on Monday 30 August 2027 is a bank holiday (Late Summer Bank Holiday). "
        "If that is right, run the command again with --yes."
    )
    code, out, err = cli("meetings", "add", "--group", "SG", "--date", "Mon 30 Aug 2027",
                         "--start", "10:00", "--yes", "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["meetings"][0]["date"] == "2027-08-30"


def test_cli_refuses_a_weekday_that_does_not_match_and_a_time_like_2027(cli, db) -> None:
    code, _, err = cli("meetings", "add", "--group", "SG", "--date", "Thu 7 Jul 2027",
                       "--start", "10:00")  # fmt: skip
    assert code == 1 and "7 July 2027 is a Wednesday, not a Thursday." in err
    code, _, err = cli("meetings", "add", "--group", "SG", "--date", "7/7/27",
                       "--start", "2027")  # fmt: skip
    assert code == 1 and "'2027' is not a time" in err
    assert cli("meetings", "list", "--json")[1].count('"id"') == 0


def test_cli_moving_a_meeting_onto_a_weekend_asks(cli, db) -> None:
    assert cli("meetings", "add", "--group", "SG", "--date", "9/2/27", "--start", "10:00")[0] == 0
    code, _, err = cli("meetings", "edit", "SG:2027-02-09", "--date", "13/02/2027")
    assert code == 1 and "13 February 2027 falls on a Saturday" in err
    code, out, err = cli("meetings", "edit", "SG:2027-02-09", "--date", "13/02/2027", "--yes")
    assert code == 0, err and "Saturday 13 February 2027" in out


def test_a_due_date_before_the_raising_meeting_is_refused_from_the_cli(db, cli) -> None:
    sg = strategy_group(db)  # first meeting 10 November 2026
    code, _, err = cli("actions", "add", "--meeting", str(sg.meeting), "--item", "1",
                       "--text", "Circulate the budget", "--owner", "A",
                       "--due", "31/10/2026")  # fmt: skip
    assert code == 1
    assert err.strip() == (
        "The due date 31 October 2026 is before the meeting that raised the action "
        "(10 November 2026): choose a later date."
    )
    code, out, err = cli("actions", "add", "--meeting", str(sg.meeting), "--item", "1",
                         "--text", "Circulate the budget", "--owner", "A",
                         "--due", "24/11/26", "--json")  # fmt: skip
    assert code == 0, err
    [action] = json.loads(out)["actions"]
    assert action["due_date"] == "2026-11-24"
    code, _, err = cli("actions", "update", action["ref"], "--due", "1/11/2026")
    assert code == 1 and "before the meeting that raised the action" in err
