"""Journeys 1 and 7 (JOURNEYS.md), the membership and ToR parts, end to end through the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.services import declarations, tor
from tests.member_files import FAULTS, fixed, membership_sheet, write_xlsx

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

DEMO_TODAY = dt.date(2026, 11, 25)  # the demo_db fixture's "today"


def test_journey_1_import_the_strategy_groups_56_members(cli, db, tmp_path) -> None:
    """The sheet the last officer left: 56 members, three rows flagged; fixed, then imported."""
    sheet = tmp_path / "Strategy Group members.xlsx"
    rows = membership_sheet(56)
    lines = write_xlsx(sheet, rows)
    code, out, err = cli("members", "import", str(sheet), "--group", "SG")
    assert code == 1
    assert [ln for ln in err.splitlines() if ln.startswith("Line ")] == [
        f"Line {lines[7]}: no name.",
        f"Line {lines[19]}: 'fatima.akhtar at calderdale' is not a valid email address.",
        f"Line {lines[33]}: the email {rows[2].email.upper()} is repeated "
        f"(first on line {lines[2]}).",
    ]
    assert json.loads(cli("members", "list", "--group", "SG", "--json")[1])["members"] == []
    assert sorted(FAULTS) == [7, 19, 33]
    write_xlsx(sheet, fixed(rows))  # the officer fixes the three rows in Excel
    code, out, err = cli("members", "import", str(sheet), "--group", "SG")
    assert code == 0, err
    assert out.startswith("Imported 56 membership(s) into SG: 56 new people")
    listed = json.loads(cli("members", "list", "--group", "SG", "--json")[1])["members"]
    assert len(listed) == 56
    assert "Amira Khalil" in {m["name"] for m in listed}
    emails = {m["email"] for m in listed}
    assert {"fatima.akhtar@calderdale.example.org", "kwame.owusu@touchstone.example.org"} <= emails
    assert listed[0]["role"] == "chair"
    # the Network's list shares 10 people with the Strategy Group: linked, not doubled
    net = tmp_path / "network.xlsx"
    write_xlsx(net, fixed(rows)[46:56])
    assert "10 already held" in cli("members", "import", str(net), "--group", "NET")[1]
    assert len(json.loads(cli("people", "list", "--json")[1])["people"]) == 56


def test_journey_1_skipping_the_flagged_rows(cli, db, tmp_path) -> None:
    sheet = tmp_path / "members.csv"
    from tests.member_files import write_csv

    write_csv(sheet, membership_sheet(56))
    code, out, err = cli("members", "import", str(sheet), "--group", "SG", "--skip-invalid")
    assert code == 0 and "Imported 53 membership(s)" in out and "Skipped 3 problem row(s)" in err


def test_journey_7_tor_review_new_draft_compared_approved_declarations_reconfirmed(
    cli, demo_db
) -> None:
    today = DEMO_TODAY
    due = [t.group for t in tor.reviews_due(demo_db, today)]
    assert "SG" in due
    assert cli("tor", "draft", "--group", "SG")[0] == 0
    assert cli("tor", "edit", "--group", "SG", "--section", "frequency", "--text",
               "Quarterly, with a development session each year.")[0] == 0  # fmt: skip
    next_review = (today + dt.timedelta(days=365)).isoformat()
    assert cli("tor", "edit", "--group", "SG", "--review-date", next_review)[0] == 0
    _code, out, _ = cli("tor", "compare", "--group", "SG", "2", "3")
    assert "2 of 10 sections changed" in out and "Meeting frequency: CHANGED" in out
    assert cli("tor", "approve", "--group", "SG", "--date", today.isoformat(),
               "--by", "ATR Strategy Group")[0] == 0  # fmt: skip
    assert "SG" not in [t.group for t in tor.reviews_due(demo_db, today)]
    due_ids = [d.id for d in declarations.list_declarations(demo_db, True, today=today)]
    assert len(due_ids) == 4
    for declaration_id in due_ids:
        confirm = ("declarations", "confirm", str(declaration_id), "--date", today.isoformat())
        assert cli(*confirm)[0] == 0
    assert declarations.list_declarations(demo_db, due_only=True, today=today) == []


def test_demo_has_declarations_and_approved_tors(demo_db) -> None:
    for code in ("SG", "NET", "MNC"):
        assert tor.approved_rule(demo_db, code) is not None
    flags = {t.group: t.review_flag for t in tor.reviews_due(demo_db, DEMO_TODAY)}
    assert flags == {"SG": "due soon"}
    assert len(declarations.list_declarations(demo_db)) == 8
