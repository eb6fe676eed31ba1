"""Marking the register in bulk: everyone present, apologies from replies to the invite."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import attendance, register_bulk
from atr_desktop.services.attendance import LineChange
from tests.meeting_fixtures import strategy_group
from tests.reply_files import meeting_uid, reply_ics, write_eml, write_ics

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

DAY = dt.date(2026, 11, 10)


def _status(db, meeting: int) -> dict[str, str]:
    return {ln.name: ln.status for ln in attendance.get_register(db, meeting).lines}


def test_mark_all_present_leaves_apologies_and_deputies_as_they_are(db) -> None:
    sg = strategy_group(db)
    attendance.set_attendance(db, sg.meeting, sg.ref("Grace"), LineChange(status="apologies"))
    result = register_bulk.mark_all_present(db, sg.meeting)
    status = _status(db, sg.meeting)
    assert status["Grace Mensah"] == "apologies" and status["Siân Evans"] == "present"
    assert "Grace Mensah" not in result.marked and len(result.marked) >= 5
    assert result.register.quorate is True


def test_declines_in_ics_and_eml_replies_become_apologies(db, tmp_path) -> None:
    sg = strategy_group(db)
    uid = meeting_uid(db, sg.meeting)
    attendance.set_attendance(db, sg.meeting, sg.ref("Tariq"), LineChange(status="present"))
    files = [
        write_ics(tmp_path, "zoe.ics", reply_ics(uid, DAY, sg.ref("Zoë"))),
        write_eml(tmp_path, "piotr.eml", reply_ics(uid, DAY, sg.ref("Piotr"))),
        write_ics(tmp_path, "niamh.ics", reply_ics(uid, DAY, sg.ref("Niamh"), "ACCEPTED")),
        write_ics(tmp_path, "tariq.ics", reply_ics(uid, DAY, sg.ref("Tariq"))),
        write_ics(
            tmp_path,
            "other.ics",
            reply_ics(meeting_uid(db, sg.next_meeting), DAY, sg.ref("Grace")),
        ),
        write_ics(tmp_path, "stranger.ics", reply_ics(uid, DAY, "nobody@example.org")),
        write_ics(tmp_path, "notes.txt", b"hello"),
    ]
    result = register_bulk.apologies_from_replies(db, sg.meeting, files)
    assert sorted(result.marked) == ["Piotr Nowak", "Zoë Clarke"]
    status = _status(db, sg.meeting)
    assert status["Zoë Clarke"] == status["Piotr Nowak"] == "apologies"
    assert status["Niamh Byrne"] == "absent" and status["Tariq Haddad"] == "present"
    assert status["Grace Mensah"] == "absent"
    said = "\n".join(result.notes)
    assert "Niamh Byrne accepted" in said
    assert "Tariq Haddad declined but is marked 'present': left as it is." in said
    assert "other.ics: a reply about the SG meeting of 9 February 2027, not this one." in said
    assert "nobody@example.org is not on this meeting's register" in said
    assert "notes.txt is not a reply to an invite" in said
    with pytest.raises(UserError, match="not a reply to an invite"):
        register_bulk.apologies_from_replies(db, sg.meeting, [tmp_path / "notes.txt"])


def test_the_cli_takes_replies_and_marks_all_present(db, cli, tmp_path) -> None:
    sg = strategy_group(db)
    uid = meeting_uid(db, sg.meeting)
    db.close()
    reply = write_eml(tmp_path, "zoe.eml", reply_ics(uid, DAY, sg.ref("Zoë")))
    code, out, err = cli("attendance", "replies", "SG:2026-11-10", str(reply))
    assert code == 0 and "Apologies recorded: Zoë Clarke." in out, err
    code, out, err = cli("attendance", "all-present", "SG:2026-11-10", "--json")
    assert code == 0, err
    lines = {ln["name"]: ln["status"] for ln in json.loads(out)["attendance"]}
    assert lines["Zoë Clarke"] == "apologies" and lines["Siân Evans"] == "present"
    code, _, err = cli("attendance", "replies", "SG:2026-11-10", str(tmp_path / "missing.ics"))
    assert code == 1 and "could not be read" in err and "Traceback" not in err
