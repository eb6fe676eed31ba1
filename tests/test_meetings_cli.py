"""Meetings from the command line: series in one step, edits, cancellations, bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.domain.schedule import Exceptions, parse_rule, series_dates

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_a_year_of_bimonthly_network_and_quarterly_joint_meetings_in_one_step_each(cli) -> None:
    assert cli("init")[0] == 0
    code, out, err = cli(
        "meetings",
        "add",
        "--group",
        "NET",
        "--date",
        "2027-01-06",
        "--start",
        "13:30",
        "--end",
        "15:30",
        "--link",
        "https://teams.example/net",
        "--repeat",
        "bimonthly",
        "--count",
        "6",
        "--json",
    )
    # Two dates of the series fall on a Saturday: refused until --yes says it is meant.
    assert code == 1 and out == ""
    assert "6 March 2027 falls on a Saturday" in err and "6 November 2027" in err
    assert "--yes" in err
    code, out, err = cli(
        "meetings", "add", "--group", "NET", "--date", "6/1/27", "--start", "13:30",
        "--end", "15:30", "--link", "https://teams.example/net", "--repeat", "bimonthly",
        "--count", "6", "--json", "--yes",
    )  # fmt: skip
    assert code == 0, err
    net = json.loads(out)["meetings"]
    assert [m["date"] for m in net] == [
        "2027-01-06",
        "2027-03-06",
        "2027-05-06",
        "2027-07-06",
        "2027-09-06",
        "2027-11-06",
    ]
    code, out, err = cli(
        "meetings",
        "add",
        "--group",
        "JNC",
        "--date",
        "2027-01-28",
        "--start",
        "14:00",
        "--repeat",
        "quarterly",
        "--count",
        "4",
        "--venue",
        "Calderdale College",
        "--json",
    )
    assert code == 0, err
    jnc = json.loads(out)["meetings"]
    assert [m["date"] for m in jnc] == ["2027-01-28", "2027-04-28", "2027-07-28", "2027-10-28"]
    assert {m["group_code"] for m in jnc} == {"JNC"}
    # Papers due and pack issue follow the settings (14 and 7 days before).
    assert jnc[0]["papers_due"] == "2027-01-14" and jnc[0]["pack_issue"] == "2027-01-21"
    code, out, _ = cli("meetings", "list", "--group", "NET", "--json")
    assert len(json.loads(out)["meetings"]) == 6
    code, out, _ = cli("meetings", "list", "--from", "2027-04-01", "--to", "2027-06-30")
    assert "NET:2027-05-06" in out and "JNC:2027-04-28" in out and "2027-01-06" not in out
    # Each new meeting has its group's standing items, any other business last.
    code, out, _ = cli("agenda", "show", "JNC:2027-04-28", "--json")
    items = json.loads(out)["agenda"]
    assert [i["number"] for i in items] == ["1", "2", "3", "4", "5"]
    assert items[-1]["kind"] == "aob" and items[0]["start"] == "14:00:00"


def test_a_rule_with_exceptions_and_one_meeting_changed_alone(cli, db) -> None:
    code, out, err = cli(
        "meetings",
        "add",
        "--group",
        "SG",
        "--date",
        "2027-06-08",
        "--start",
        "10:00",
        "--repeat",
        "second tuesday",
        "--count",
        "4",
        "--skip-month",
        "8",
        "--move",
        "2027-10-12=2027-10-19",
        "--json",
    )
    assert code == 0, err
    dates = [m["date"] for m in json.loads(out)["meetings"]]
    assert dates == ["2027-06-08", "2027-07-13", "2027-09-14", "2027-10-19"]
    code, out, err = cli("meetings", "edit", "SG:2027-07-13", "--start", "14:00", "--json")
    assert code == 0, err
    edited = json.loads(out)["meetings"][0]
    assert edited["start_time"] == "14:00:00" and edited["ics_sequence"] == 1
    code, out, _ = cli("meetings", "show", "SG:2027-09-14", "--json")
    other = json.loads(out)["meetings"][0]
    assert other["start_time"] == "10:00:00" and other["ics_sequence"] == 0
    code, out, err = cli("meetings", "cancel", "SG:2027-09-14", "--reason", "Chair unwell")
    assert code == 0 and "Cancelled" in out and "Chair unwell" in out
    code, _, err = cli("meetings", "cancel", "SG:2027-09-14")
    assert code == 1 and "already cancelled" in err
    code, _, err = cli(
        "meetings", "add", "--group", "SG", "--date", "2027-06-08", "--start", "14:00"
    )
    assert code == 1 and "already has a meeting on Tuesday 8 June 2027" in err
    code, _, err = cli("meetings", "edit", "SG:2027-07-13", "--date", "2027-06-08")
    assert code == 1 and "already has a meeting" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2027-02-30", "--start", "10:00"), "is not a date"),
        (("--date", "2027-02-03", "--start", "25:00"), "is not a time"),
        (("--date", "2027-02-03", "--start", "10:00", "--end", "09:00"), "end after it starts"),
        (("--date", "2027-02-03", "--start", "10:00", "--repeat", "fortnightly"), "repeat rule"),
        (("--date", "2027-02-03", "--start", "10:00", "--count", "3"), "--count needs"),
    ],
)
def test_bad_meeting_input_is_refused_plainly_and_nothing_is_added(cli, db, args, message) -> None:
    code, _out, err = cli("meetings", "add", "--group", "SG", *args)
    assert code == 1 and message in err and "Traceback" not in err
    assert json.loads(cli("meetings", "list", "--json")[1])["meetings"] == []


def test_series_rules() -> None:
    assert parse_rule("Last Friday").describe() == "last friday"
    days = series_dates(dt.date(2027, 1, 29), parse_rule("last friday"), 3)
    assert days == [dt.date(2027, 1, 29), dt.date(2027, 2, 26), dt.date(2027, 3, 26)]
    days = series_dates(dt.date(2027, 1, 31), parse_rule("monthly"), 3, Exceptions(frozenset({3})))
    assert days == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 4, 30)]
    # A weekday rule starts on its first date on or after the date given.
    days = series_dates(dt.date(2026, 12, 23), parse_rule("second tuesday"), 2)
    assert days == [dt.date(2027, 1, 12), dt.date(2027, 2, 9)]
    with pytest.raises(ValueError, match="at least one"):
        series_dates(dt.date(2027, 1, 1), parse_rule("monthly"), 0)


def test_agenda_from_the_command_line(cli, db, tmp_path) -> None:
    cli("meetings", "add", "--group", "SG", "--date", "2027-02-09", "--start", "10:00")
    m = "SG:2027-02-09"
    code, out, err = cli(
        "agenda",
        "add",
        m,
        "--title",
        "Contract award",
        "--purpose",
        "decision",
        "--confidential",
        "--minutes",
        "15",
    )
    assert code == 0 and "Added item 5" in out, err
    code, out, _ = cli("agenda", "add", m, "--title", "Budget", "--under", "5", "--json")
    assert [r["number"] for r in json.loads(out)["agenda"]][4:6] == ["5", "5.1"]
    code, out, _ = cli("agenda", "edit", m, "5", "--public", "--json")
    assert json.loads(out)["agenda"][4]["confidential"] is False
    code, out, _ = cli("agenda", "move", m, "5", "--to", "1", "--json")
    assert json.loads(out)["agenda"][0]["title"] == "Contract award"
    code, _, err = cli("agenda", "move", m, "9", "--to", "1")
    assert code == 1 and "has no item '9'" in err
    code, out, _ = cli("agenda", "remove", m, "1")
    assert code == 0 and "Contract award" not in out and "Budget" not in out
    code, _, err = cli("agenda", "export", m, "--out", str(tmp_path / "none" / "a.docx"))
    assert code == 1 and "does not exist" in err
