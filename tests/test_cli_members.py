"""People and memberships through the CLI; exports read back with csv and openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from atr_desktop.services import members

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_people_add_list_and_case_insensitive_unique_email(cli, db) -> None:
    code, out, err = cli("people", "add", "--first", "Siân", "--last", "Evans", "--email",
                         "Sian.Evans@Leeds.gov.uk", "--organisation", "Leeds City Council",
                         "--sector", "Local authority", "--job-title", "Director",
                         "--phone", "0113", "--lived-experience")  # fmt: skip
    assert code == 0, err
    code, _, err = cli("people", "add", "--first", "S", "--last", "E", "--email",
                       "sian.evans@LEEDS.gov.uk")  # fmt: skip
    assert code == 1 and "already belongs to Siân Evans" in err
    code, _, err = cli("people", "add", "--first", "S", "--last", "E", "--email", "nope")
    assert code == 1 and "not a valid email address" in err
    records = json.loads(cli("people", "list", "--json")[1])["people"]
    assert records[0]["name"] == "Siân Evans" and records[0]["sector"] == "Local authority"
    assert records[0]["lived_experience"] is True and "id" in records[0]
    code, out, _ = cli("people", "sectors", "--add", "Faith groups")
    assert "NHS" in out and "Faith groups" in out


def _people(cli) -> None:  # type: ignore[no-untyped-def]
    for first, last, email, org, sector in (
        ("Siân", "Evans", "sian@leeds.gov.uk", "Leeds City Council", "Local authority"),
        ("Zoë", "Clarke", "zoe@nhs.net", "West Yorkshire ICB", "NHS"),
        ("Tariq", "Haddad, MBE", "tariq@police.uk", "West Yorkshire Police", "Police"),
        ("Grace", "Mensah", "grace@panel.org", "ATR Panel", "Lived experience"),
    ):
        assert cli("people", "add", "--first", first, "--last", last, "--email", email,
                   "--organisation", org, "--sector", sector)[0] == 0  # fmt: skip


def test_members_add_deputy_end_and_history(cli, db) -> None:
    _people(cli)
    assert cli("members", "add", "--group", "SG", "--person", "sian@leeds.gov.uk",
               "--role", "chair", "--start", "2026-04-01")[0] == 0  # fmt: skip
    assert cli("members", "add", "--group", "SG", "--person", "ZOE@nhs.net", "--role", "member",
               "--start", "2026-04-01")[0] == 0  # fmt: skip
    code, _, err = cli("members", "add", "--group", "SG", "--person", "tariq@police.uk",
                       "--role", "deputy", "--deputy-for", "zoe@nhs.net")  # fmt: skip
    assert code == 0, err
    code, _, err = cli("members", "add", "--group", "SG", "--person", "zoe@nhs.net",
                       "--role", "member")  # fmt: skip
    assert code == 1 and "already a member of SG" in err
    code, _, err = cli("members", "add", "--group", "SG", "--person", "grace@panel.org",
                       "--role", "boss")  # fmt: skip
    assert code == 1 and "'boss' is not a role" in err
    rows = json.loads(cli("members", "list", "--group", "SG", "--json")[1])["members"]
    deputy = next(r for r in rows if r["role"] == "deputy")
    assert deputy["deputy_for"] == "Zoë Clarke" and deputy["voting"] is False
    assert cli("members", "end", "--group", "SG", "--person", "zoe@nhs.net",
               "--date", "2026-10-01", "--reason", "Moved post")[0] == 0  # fmt: skip
    now = {r["name"] for r in json.loads(cli("members", "list", "--group", "SG", "--json")[1])[
        "members"]}  # fmt: skip
    assert "Zoë Clarke" not in now and "Siân Evans" in now
    before = json.loads(cli("members", "list", "--group", "SG", "--on", "2026-09-30",
                            "--json")[1])["members"]  # fmt: skip
    assert "Zoë Clarke" in {r["name"] for r in before}
    history = json.loads(cli("members", "history", "--group", "SG", "--json")[1])["members"]
    ended = next(r for r in history if r["name"] == "Zoë Clarke")
    assert ended["end_date"] == "2026-10-01" and ended["end_reason"] == "Moved post"
    code, _, err = cli("members", "end", "--group", "SG", "--person", "zoe@nhs.net")
    assert code == 1 and "no current membership" in err


def test_a_joint_groups_members_are_its_constituents_tagged(cli, db) -> None:
    _people(cli)
    cli("members", "add", "--group", "NET", "--person", "sian@leeds.gov.uk", "--role", "chair")
    cli("members", "add", "--group", "MNC", "--person", "sian@leeds.gov.uk", "--role", "member")
    cli("members", "add", "--group", "MNC", "--person", "zoe@nhs.net", "--role", "vice-chair")
    cli("members", "add", "--group", "JNC", "--person", "grace@panel.org",
        "--role", "in attendance")  # fmt: skip
    rows = members.current_members(db, "JNC", dt.date.today())
    assert [(m.name, m.via, m.role, m.voting) for m in rows] == [
        ("Grace Mensah", "", "in attendance", False),
        ("Zoë Clarke", "MNC", "vice-chair", True),
        ("Siân Evans", "MNC", "member", True),
        ("Siân Evans", "NET", "chair", True),
    ]
    assert rows[1].sector == "NHS"


def test_exports_read_back_and_leave_out_private_fields(cli, db, tmp_path) -> None:
    from openpyxl import load_workbook

    _people(cli)
    cli("people", "edit", "grace@panel.org", "--notes", "Prefers phone", "--lived-experience")
    for email, role in (("sian@leeds.gov.uk", "chair"), ("tariq@police.uk", "member"),
                        ("grace@panel.org", "lived-experience member")):  # fmt: skip
        cli("members", "add", "--group", "SG", "--person", email, "--role", role)
    out_csv, out_xlsx = tmp_path / "sg.csv", tmp_path / "sg.xlsx"
    assert cli("members", "export", "--group", "SG", "--out", str(out_csv))[0] == 0
    assert cli("members", "export", "--group", "SG", "--out", str(out_xlsx))[0] == 0
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.reader(handle))
    sheet = load_workbook(out_xlsx).active
    xlsx_rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(
        min_row=2, values_only=True)]  # fmt: skip
    assert sheet["A1"].value.startswith("OFFICIAL-SENSITIVE PERSONAL")
    assert csv_rows[0] == xlsx_rows[0]
    assert "Lived experience" not in csv_rows[0] and "Notes" not in csv_rows[0]
    assert "Prefers phone" not in raw.decode("utf-8-sig")
    by_name = {r[1]: r for r in csv_rows[1:]}
    assert by_name["Tariq Haddad, MBE"][2:5] == ["tariq@police.uk", "West Yorkshire Police",
                                                "Police"]  # fmt: skip
    assert [r[:10] for r in csv_rows[1:]] == [r[:10] for r in xlsx_rows[1:]]
    assert sheet.freeze_panes == "A3"
    cli("members", "export", "--group", "SG", "--out", str(out_csv), "--include-private")
    assert "Prefers phone" in out_csv.read_text(encoding="utf-8-sig")
    _code, out, _ = cli("members", "export", "--group", "SG", "--emails")
    assert out.strip() == (
        'Siân Evans <sian@leeds.gov.uk>; "Tariq Haddad, MBE" <tariq@police.uk>; '
        "Grace Mensah <grace@panel.org>"
    )


def test_formula_text_is_never_written_as_a_formula(cli, db, tmp_path) -> None:
    from openpyxl import load_workbook

    cli("people", "add", "--first", "=HYPERLINK(1)", "--last", "+Evil", "--email",
        "e@x.org", "--job-title", "@SUM(A1)")  # fmt: skip
    cli("members", "add", "--group", "SG", "--person", "e@x.org", "--role", "member")
    out = tmp_path / "sg.xlsx"
    cli("members", "export", "--group", "SG", "--out", str(out))
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    # Text, not a formula, with no visible apostrophe: the quote-prefix style does it.
    [link] = [c for c in cells if str(c.value).startswith("=HYPERLINK")]
    assert link.quotePrefix and link.data_type == "s"
    cli("members", "export", "--group", "SG", "--out", str(tmp_path / "sg.csv"))
    text = (tmp_path / "sg.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(1) +Evil" in text and "'@SUM(A1)" in text
