"""Hostile input at the command line: each gets one plain sentence and exit 1, never a
traceback, "this is a bug", or a wait for ever (issue 16, 'Hostile input')."""

from __future__ import annotations

import email
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from atr_desktop.errors import UserError
from atr_desktop.services import people
from atr_desktop.storage.models import Meeting

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

ROOT = Path(__file__).resolve().parent.parent


def _plain(code: int, err: str) -> None:
    assert code == 1, err
    assert err.strip() and "Traceback" not in err and "bug" not in err


def test_bytes_that_are_not_utf8_in_an_argument(cli, db) -> None:
    code, _, err = cli("people", "show", "caf\udce9")  # b"caf\xe9" as Python receives it
    _plain(code, err)
    assert "The argument 'caf\ufffd' holds bytes that are not UTF-8 text" in err


@pytest.mark.parametrize(
    "args",
    [
        ("people", "show", "99999999999999999999"),
        ("audit", "show", "99999999999999999999"),
        ("search", "x", "--limit=-99999999999999999999"),
        ("meetings", "show", "99999999999999999999"),
    ],
)
def test_a_number_too_large_for_any_id(cli, db, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)
    _plain(code, err)
    assert "too large to be an id or a number" in err


def test_standard_input_that_is_not_utf8(cli, demo_db, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 \xff minutes")))
    code, _, err = cli("minutes", "write", "1", "1", "--text", "-")
    _plain(code, err)
    assert "standard input is not UTF-8" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_given_as_the_database_does_not_block(tmp_path: Path) -> None:
    pipe = tmp_path / "atr.db"
    os.mkfifo(pipe)
    env = {**os.environ, "ATR_DESKTOP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "atr_desktop", "--db", str(pipe), "people", "list"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # before the fix this waited for ever
    )
    _plain(done.returncode, done.stderr)
    assert "is not a file (a pipe or a device)" in done.stderr


def test_a_line_break_in_an_email_is_refused_and_never_reaches_a_header(
    cli, demo_db, raw_engine, tmp_path: Path
) -> None:
    code, _, err = cli(
        "people", "add", "--first", "Eve", "--last", "Ng", "--email", "eve@x.org\r\nBcc: a@b.org"
    )
    _plain(code, err)
    assert "line break" in err
    # An address from an older file, or written by another program, is cleaned at output.
    demo_db.close()
    with raw_engine.begin() as conn:
        conn.execute(
            text("UPDATE people SET email = email || :bcc, first_name = first_name || :evil"),
            {"bcc": "\r\nBcc: spy@evil.example", "evil": "\r\nX-Evil: 1"},
        )
    drafts = tmp_path / "drafts"
    code, _, err = cli("actions", "remind", "--out", str(drafts))
    assert code == 0, err
    written = sorted(drafts.glob("*.eml"))
    assert written
    for path in written:
        message = email.message_from_bytes(path.read_bytes())
        assert sorted(message.keys()) == sorted(
            ["X-Unsent", "To", "Subject", "Content-Type", "Content-Transfer-Encoding",
             "MIME-Version"]
        )  # fmt: skip
        assert "spy@evil" not in path.read_text(encoding="utf-8")


def test_a_nul_character_is_never_stored(db) -> None:
    with pytest.raises(UserError, match="first name contains a NUL character"):
        people.add_person(
            db, people.PersonInput(first_name="Ann\x00", last_name="Lee", email="a@lee.org")
        )
    assert people.list_people(db) == [] or all(
        "\x00" not in p.first_name for p in people.list_people(db)
    )


def test_count_zero_creates_no_meetings(cli, db) -> None:
    with db.session() as s:
        before = s.query(Meeting).count()
    code, _, err = cli(
        "meetings", "add", "--group", "SG", "--date", "2027-05-05", "--start", "10:00",
        "--repeat", "monthly", "--count", "0",
    )  # fmt: skip
    _plain(code, err)
    assert "--count 0" in err
    with db.session() as s:
        assert s.query(Meeting).count() == before


def test_names_made_from_record_text_stay_in_the_chosen_folder(
    cli, demo_db, tmp_path: Path
) -> None:
    with demo_db.session() as s:
        meeting = s.query(Meeting).filter(Meeting.status == "planned").order_by(Meeting.date)[0]
        ref = str(meeting.id)
    code, _, err = cli(
        "papers", "expect", ref, "1", "--title", "../../../etc/escape",
        "--author", "../../../../escape\\..\\x", "--email", "a@b.org",
    )  # fmt: skip
    assert code == 0, err
    out = tmp_path / "outbox" / "drafts"
    code, _, err = cli("papers", "emails", ref, "--out", str(out))
    assert code == 0, err
    made = [p for p in (tmp_path / "outbox").rglob("*") if p.is_file()]
    assert made and all(p.parent == out for p in made)
    assert not list(tmp_path.glob("escape*")) and not (tmp_path.parent / "escape").exists()
