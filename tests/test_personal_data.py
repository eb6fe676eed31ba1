"""Journey 9: a former member's subject access export, then erasure leaving no copy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from atr_desktop.storage.models import (
    Action,
    AgendaItem,
    Declaration,
    Erasure,
    Meeting,
    MinuteEntry,
    Minutes,
    Person,
)

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

EMAIL = "tariq.haddad@westyorkshire.police.uk"


def seed(db) -> int:
    with db.session() as s:
        person = Person(
            title="Mr",
            first_name="Tariq",
            last_name="Haddad",
            email=EMAIL,
            phone="0113 496 0000",
            notes="Prefers mornings",
        )
        s.add(person)
        s.flush()
        meeting = Meeting(
            group_id=1, date=dt.date(2026, 11, 10), start_time=dt.time(10), uid="e@t", status="held"
        )
        s.add(meeting)
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, position=0, title="Serious violence duty")
        s.add(item)
        s.flush()
        minutes = Minutes(meeting_id=meeting.id)
        s.add(minutes)
        s.flush()
        s.add(
            MinuteEntry(
                minutes_id=minutes.id,
                agenda_item_id=item.id,
                discussion="Tariq Haddad presented the duty. Mr Haddad took questions.",
            )
        )
        s.add(
            Action(
                ref="SG-2026-001",
                group_id=1,
                meeting_id=meeting.id,
                description="Tariq Haddad to circulate the data",
                owner_person_id=person.id,
                raised_on=meeting.date,
            )
        )
        s.add(
            Declaration(
                person_id=person.id,
                interest="Trustee of a youth charity",
                declared_on=dt.date(2026, 1, 1),
            )
        )
        return person.id


def test_subject_access_then_erasure_leaves_no_copy(
    cli, db, db_path: Path, tmp_path, reopen
) -> None:
    person_id = seed(db)
    from atr_desktop.services import audit

    with db.session() as s:  # services name people in the audit trail
        audit.record(s, "person", person_id, "added", "Tariq Haddad")
    db.close()
    out = tmp_path / "sar.json"
    code, _, err = cli("person", "export", EMAIL, "--out", str(out))
    assert code == 0, err
    sar = json.loads(out.read_text())
    assert next(iter(sar.items())) == ("protective_marking", "OFFICIAL-SENSITIVE PERSONAL")
    assert sar["person"]["email"] == EMAIL
    assert sar["declarations"][0]["interest"] == "Trustee of a youth charity"
    assert len(sar["actions_owned"]) == 1 and sar["mentions_in_records"]

    code, _, err = cli("person", "erase", EMAIL)
    assert code == 1 and "--yes" in err  # asks first
    code, out_text, err = cli("person", "erase", EMAIL, "--yes", "--reason", "Request 2026-11")
    assert code == 0, err
    assert "Former member" in out_text

    again = reopen()
    with again.session() as s:
        person = s.get(Person, person_id)
        assert person.email is None and person.first_name == f"Former member {person_id}"
        entry = s.query(MinuteEntry).one()
        assert entry.discussion == (
            f"Former member {person_id} presented the duty. Former member {person_id} took "
            "questions."
        )
        assert s.query(Erasure).one().reason == "Request 2026-11"
        assert s.query(Declaration).count() == 0
    again.close()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            data = path.read_bytes()
            for secret in (EMAIL, "Haddad", "Prefers mornings", "youth charity"):
                assert secret.encode() not in data, f"{secret} left in {path.name}"


def test_the_forms_a_person_is_written_in() -> None:
    from atr_desktop.services.personal_data import Redactor

    person = Person(
        title="Ms", first_name="Jo", last_name="Green", email="jo@g.org", phone="0113 496 0000"
    )
    unique = Redactor(person, shared_surname=False, placeholder="X")
    assert unique("a green space; GREEN and Green agreed") == "a green space; X and X agreed"
    assert unique("ms green, jo\n green, JO@G.ORG, 0113-496-0000") == "X, X, X, X"
    assert unique("Greenwood and Jo Greene") == "Greenwood and Jo Greene"
    shared = Redactor(person, shared_surname=True, placeholder="X")  # another Green is held
    assert shared("Green and Ms Green") == "Green and X"
