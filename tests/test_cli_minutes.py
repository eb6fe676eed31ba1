"""The CLI grammar of attendance, minutes, decisions and actions, mistakes included."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.meeting_fixtures import add_meeting, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

M = "SG:2026-11-10"
NEXT = "SG:2027-02-09"


def _weekday_after(day: dt.date, days: int) -> dt.date:
    later = day + dt.timedelta(days=days)
    return later + dt.timedelta(days=8 - later.isoweekday() if later.isoweekday() > 5 else 0)


def test_minutes_approve_lock_and_amend_through_the_cli(db, cli, tmp_path) -> None:
    strategy_group(db)
    held = add_meeting(db, "SG", dt.date(2026, 11, 24))  # before today: it has taken place
    future = _weekday_after(dt.date.today(), 60)
    add_meeting(db, "SG", future)
    db.close()
    assert cli("minutes", "write", M, "5", "--text", "Discussed.")[0] == 0
    code, _, err = cli("minutes", "approve", M, "--at", f"SG:{future}")
    assert code == 1 and "has not taken place yet" in err and "Traceback" not in err
    code, out, _ = cli("minutes", "approve", M, "--at", str(held), "--amendments", "Typo in item 5")
    assert code == 0 and "approved" in out and "locked" in out
    code, _, err = cli("minutes", "write", M, "5", "--text", "Changed")
    assert code == 1 and "locked" in err and "Traceback" not in err
    code, out, err = cli(
        "minutes", "amend", M, "--item", "5", "--text", "Add X.", "--reason", "Omitted"
    )
    assert code == 0, err
    code, out, _ = cli("minutes", "show", M, "--json")
    assert json.loads(out)["status"] == "approved"
    code, _, err = cli("minutes", "export", M, "--out", str(tmp_path / "m.pdf"))
    assert code == 1 and ".docx" in err
    code, _, err = cli("minutes", "export", M, "--out", str(tmp_path / "m.docx"))
    assert code == 0 and (tmp_path / "m.docx").exists()
    code, _, err = cli("minutes", "export", M, "--out", str(tmp_path / "b.docx"), "--confidential")
    assert code == 0, err
    code, _, err = cli("minutes", "withdraw", M, "--reason", "")
    assert code == 1 and "Say why" in err
    code, out, err = cli("minutes", "withdraw", M, "--reason", "Approved at the wrong meeting")
    assert code == 0 and "draft again" in out, err
    assert cli("minutes", "write", M, "5", "--text", "Changed")[0] == 0
    code, out, _ = cli("audit", "show", "minutes", "1", "--json")
    [entry] = [e for e in json.loads(out)["audit"] if e["action"] == "approval withdrawn"]
    assert entry["summary"].endswith("Approved at the wrong meeting")


def test_plain_mistakes_exit_1(db, cli) -> None:
    sg = strategy_group(db)
    db.close()
    code, _, err = cli("attendance", "show", "SG:2026-11-11")
    assert code == 1 and "no meeting on 2026-11-11" in err
    code, _, err = cli(
        "attendance", "set", M, "--person", "nobody@example.org", "--status", "present"
    )
    assert code == 1 and "no person" in err
    code, _, err = cli("attendance", "set", M, "--person", sg.ref("Grace"), "--status", "deputy")
    assert code == 1 and "named member" in err
    code, _, err = cli("minutes", "write", M, "42", "--text", "x")
    assert code == 1 and "has no item '42'" in err
    code, _, err = cli("decisions", "withdraw", "99", "--reason", "x")
    assert code == 1 and "no decision 99" in err
    code, _, err = cli("actions", "update", "SG-2026-999", "--note", "x")
    assert code == 1 and "no action" in err
    code, _, err = cli(
        "actions",
        "add",
        "--meeting",
        M,
        "--item",
        "5",
        "--text",
        "x",
        "--owner",
        "Someone",
        "--due",
        "31/13/2027",
    )
    assert code == 1 and "31/03/2027" in err and "Traceback" not in err


def test_register_matrix_deputy_and_ratify_through_the_cli(db, cli, tmp_path) -> None:
    sg = strategy_group(db)
    db.close()
    code, out, _ = cli("attendance", "show", M)
    assert "Not quorate: 0 of 6" in out
    cli("attendance", "set", M, "--person", sg.ref("Zoë"), "--status", "apologies")
    code, out, err = cli(
        "attendance",
        "set",
        M,
        "--person",
        "sophie.armitage@example.org",
        "--status",
        "deputy",
        "--for",
        sg.ref("Zoë"),
        "--arrived",
        "3",
        "--json",
    )
    assert code == 0, err
    line = next(x for x in json.loads(out)["attendance"] if x["name"] == "Sophie Armitage")
    assert line["deputy_for"] == "Zoë Clarke" and line["arrived_item"] == "3"
    code, out, _ = cli("attendance", "guest", M, "--name", "Dr A Presenter, University of Leeds")
    assert "Dr A Presenter" in out
    code, out, _ = cli("decisions", "add", "--meeting", M, "--item", "5", "--text", "AGREED.")
    assert "needs ratifying" in out
    for name in ("Siân", "Zoë", "Tariq", "Niamh"):
        cli("attendance", "set", NEXT, "--person", sg.ref(name), "--status", "present")
    code, out, err = cli("decisions", "ratify", "1", "--at", NEXT, "--json")
    assert code == 0 and json.loads(out)["decisions"][0]["ratified_at"] == "2027-02-09", err
    code, out, err = cli(
        "attendance", "matrix", "--group", "SG", "--year", "2026", "--out", str(tmp_path / "m.xlsx")
    )
    assert code == 0 and (tmp_path / "m.xlsx").exists(), err
    code, out, _ = cli(
        "actions",
        "add",
        "--meeting",
        M,
        "--item",
        "5",
        "--text",
        "Do it",
        "--owner",
        "Team",
        "--due",
        "2027-01-31",
        "--json",
    )
    ref = json.loads(out)["actions"][0]["ref"]
    code, out, _ = cli("actions", "carried", NEXT, "--json")
    assert [a["ref"] for a in json.loads(out)["actions"]] == [ref]
    code, out, _ = cli("minutes", "defer", M, "6", "--reason", "Paper late")
    assert code == 0 and "forward plan" in out
