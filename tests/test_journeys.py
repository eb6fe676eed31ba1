"""Journeys 1 and 8 (JOURNEYS.md) end to end through the command line, as one officer's year.

(Journeys 2 to 7 and 9 each have their own end-to-end tests beside their features.)
Journey 1 runs on both engines: a file, then a team's store on PostgreSQL; journey 8 (leave
and disaster: hand-over, backups, restore) is a file's (on a server they are the server's).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from atr_desktop.app import main
from tests.demo_fixtures import copy_template
from tests.member_files import fixed, membership_sheet, write_xlsx

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def run(capsys, monkeypatch, home: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("ATR_DESKTOP_HOME", str(home))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_journey_1_setting_up_the_year(tmp_path: Path, capsys, monkeypatch, db_address) -> None:
    db = db_address  # an empty file's path, or an empty database on the test server
    home = tmp_path / "home"
    assert run(capsys, monkeypatch, home, "--db", db, "init")[0] == 0
    code, out, _ = run(capsys, monkeypatch, home, "--db", db, "groups", "list", "--json")
    assert [g["code"] for g in json.loads(out)["groups"]] == ["SG", "NET", "MNC", "JNC"]

    sheet = tmp_path / "Strategy Group members.xlsx"
    rows = membership_sheet(56)
    write_xlsx(sheet, rows)
    code, _, err = run(capsys, monkeypatch, home, "--db", db, "members", "import", str(sheet),
                       "--group", "SG")  # fmt: skip
    assert code == 1 and err.count("Line ") == 3  # the three rows it flags
    write_xlsx(sheet, fixed(rows))
    assert run(capsys, monkeypatch, home, "--db", db, "members", "import", str(sheet),
               "--group", "SG")[0] == 0  # fmt: skip

    code, _, err = run(capsys, monkeypatch, home, "--db", db, "meetings", "add", "--group", "NET",
                       "--date", "2027-01-06", "--start", "13:30", "--end", "15:30",
                       "--repeat", "bimonthly", "--count", "6", "--yes")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, home, "--db", db, "meetings", "add", "--group", "JNC",
                       "--date", "2027-01-28", "--start", "14:00", "--end", "16:00",
                       "--repeat", "quarterly", "--count", "4")  # fmt: skip
    assert code == 0, err
    for code_, count in (("NET", 6), ("JNC", 4)):
        out_file = tmp_path / f"{code_}.ics"
        code, _, err = run(capsys, monkeypatch, home, "--db", db, "meetings", "ics",
                           "--group", code_, "--out", str(out_file))  # fmt: skip
        assert code == 0, err
        events = Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")
        assert len(events) == count
        assert len({str(e["UID"]) for e in events}) == count


def test_journey_8_leave_and_disaster(tmp_path: Path, capsys, monkeypatch, demo_template) -> None:
    officer, colleague, new_laptop = (tmp_path / n for n in ("officer", "colleague", "new"))
    shared = tmp_path / "shared drive"
    mine = str(officer / "atr.db")
    copy_template(demo_template, Path(mine))  # the officer's year (the demo programme)
    # Before leave: hand the database over through the shared drive.
    code, out, err = run(capsys, monkeypatch, officer, "--db", mine, "handover", "export",
                         "--to", str(shared))  # fmt: skip
    assert code == 0, err
    handed = next(shared.glob("*.db"))
    theirs = str(colleague / "atr.db")
    code, _, err = run(capsys, monkeypatch, colleague, "--db", theirs, "handover", "import",
                       str(handed), "--yes")  # fmt: skip
    assert code == 0, err
    # The colleague carries on; the officer's old copy knows it is no longer live.
    assert run(capsys, monkeypatch, colleague, "--db", theirs, "groups", "add", "--code", "TC",
               "--name", "Training Collaborative")[0] == 0  # fmt: skip
    code, _, err = run(capsys, monkeypatch, officer, "--db", mine, "groups", "list")
    assert code == 1 and "no longer the live copy" in err
    # Later the colleague's laptop is stolen: the newest backup on the shared drive restores.
    backups = shared / "backups"
    assert run(capsys, monkeypatch, colleague, "--db", theirs, "backup", "--out",
               str(backups))[0] == 0  # fmt: skip
    newest = sorted(backups.glob("*.db"))[-1]
    restored = str(new_laptop / "atr.db")
    code, out, err = run(capsys, monkeypatch, new_laptop, "--db", restored, "restore",
                         str(newest), "--yes")  # fmt: skip
    assert code == 0 and "Restored" in out, err
    code, out, _ = run(capsys, monkeypatch, new_laptop, "--db", restored, "check")
    assert code == 0 and "whole" in out
    code, out, _ = run(capsys, monkeypatch, new_laptop, "--db", restored, "groups", "list",
                       "--json")  # fmt: skip
    assert "TC" in {g["code"] for g in json.loads(out)["groups"]}
