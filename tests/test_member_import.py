"""Importing membership lists as Excel writes them: refused with every bad line named, or
imported with the problem rows skipped; names survive exactly; people are never doubled."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from atr_desktop.domain.member_import import parse_rows
from atr_desktop.domain.people import normalise_role, split_name
from atr_desktop.services import member_import, members, people
from atr_desktop.services.tabular import decode, read_csv_text
from atr_desktop.storage.models import Membership, Person
from tests.member_files import FAULTS, fixed, membership_sheet, write_csv, write_xlsx

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def write(kind: str, path_dir: Path, rows) -> tuple[Path, list[int]]:  # type: ignore[no-untyped-def]
    if kind == "xlsx":
        path = path_dir / "members.xlsx"
        return path, write_xlsx(path, rows)
    path = path_dir / f"members-{kind}.csv"
    return path, write_csv(path, rows, encoding=kind)


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


KINDS = ["cp1252", "utf-8-sig", "utf-8", "xlsx"]


@pytest.mark.parametrize("kind", KINDS)
def test_sixty_rows_with_faults_are_refused_naming_every_bad_line(cli, db, tmp_path, kind) -> None:
    path, lines = write(kind, tmp_path, membership_sheet(60))
    code, _out, err = cli("members", "import", str(path), "--group", "SG")
    assert code == 1
    expected = [lines[i] for i in sorted(FAULTS)]
    for line in expected:
        assert f"Line {line}:" in err
    assert "Line 10: no name." in err
    assert "is not a valid email address" in err and "is repeated (first on line 4)" in err
    assert err.count("Line ") == 3 and "Traceback" not in err
    assert count(db, Person) == 0 and count(db, Membership) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_skip_invalid_imports_the_good_rows_with_names_exact(cli, db, tmp_path, kind) -> None:
    path, lines = write(kind, tmp_path, membership_sheet(60))
    code, out, err = cli("members", "import", str(path), "--group", "SG", "--skip-invalid")
    assert code == 0, err
    assert "Imported 57 membership(s) into SG: 57 new people" in out
    assert f"lines {lines[7]}, {lines[19]}, {lines[33]}" in err
    listed = {m.email.lower(): m for m in members.current_members(db, "SG")}
    assert len(listed) == 57
    names = {m.name for m in listed.values()}
    assert any(n.startswith("Siân ") for n in names)
    assert any(n.startswith("Zoë ") for n in names)
    assert any(n.endswith("Haddad, MBE") for n in names)
    chair = listed["s.evans0@example.org"]
    assert chair.role == "chair" and chair.organisation == "Leeds City Council"
    assert any(m.organisation == "Barnardo's, Leeds" for m in listed.values())
    lived = [m for m in listed.values() if m.sector == "Lived experience"]
    assert lived and all(m.lived_experience for m in lived)
    assert {m.role for m in listed.values()} >= {"vice-chair", "in attendance"}
    assert not [m for m in listed.values() if m.role == "in attendance" and m.voting]
    formula = listed[membership_sheet(60)[5].email]
    assert formula.job_title == "=Head of Service"


def test_an_overlapping_list_links_the_same_people(cli, db, tmp_path) -> None:
    rows = fixed(membership_sheet(60))
    first, _ = write("cp1252", tmp_path, rows[:40])
    second = tmp_path / "network.xlsx"
    write_xlsx(second, rows[25:60])
    assert cli("members", "import", str(first), "--group", "SG")[0] == 0
    code, out, err = cli("members", "import", str(second), "--group", "NET")
    assert code == 0, err
    assert "20 new people, 15 already held" in out
    assert count(db, Person) == 60
    shared = rows[30].email
    assert people.get_person(db, shared).groups == ("SG", "NET")
    # importing the same list again adds nothing
    code, out, _ = cli("members", "import", str(second), "--group", "NET")
    assert "Imported 0 membership(s)" in out and "(35 already members)" in out
    assert count(db, Membership) == 75


def test_a_linked_person_keeps_their_details_and_gets_only_blanks_filled(db, tmp_path) -> None:
    rows = fixed(membership_sheet(10))
    people.add_person(
        db,
        people.PersonInput(
            first_name="Zoë", last_name="Clarke-Jones", email=rows[1].email.upper(), phone="07700"
        ),
    )
    path, _ = write("utf-8-sig", tmp_path, rows)
    member_import.import_members(db, path, "NET")
    info = people.get_person(db, rows[1].email)
    assert (info.last_name, info.phone) == ("Clarke-Jones", "07700")
    assert info.organisation == rows[1].organisation and info.job_title == rows[1].job_title


def test_dry_run_imports_nothing(cli, db, tmp_path) -> None:
    path, _ = write("cp1252", tmp_path, fixed(membership_sheet(12)))
    code, out, _ = cli("members", "import", str(path), "--group", "SG", "--dry-run")
    assert code == 0 and out.startswith("Would import 12")
    assert count(db, Person) == 0


def test_missing_columns_and_wrong_files_are_plain_errors(cli, db, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Who,Where\nA,B\n", encoding="utf-8")
    code, _, err = cli("members", "import", str(path), "--group", "SG")
    assert code == 1 and "no name column" in err
    path.write_text("Name,Organisation\nA B,C\n", encoding="utf-8")
    assert "no 'Email' column" in cli("members", "import", str(path), "--group", "SG")[2]
    doc = tmp_path / "list.docx"
    doc.write_bytes(b"PK")
    assert "not a CSV or Excel" in cli("members", "import", str(doc), "--group", "SG")[2]
    assert "There is no file" in cli("members", "import", "nope.csv", "--group", "SG")[2]


def test_decoding_and_parsing_rules() -> None:
    assert decode("Siân".encode("cp1252")) == "Siân"
    assert decode("\ufeffZoë".encode()) == "Zoë"
    assert decode("Name\tEmail\r\n".encode("utf-16")) == "Name\tEmail\r\n"
    table = read_csv_text('Name;Email\r\n"Haddad; Tariq";t@x.org\r\n\r\n')
    assert table.header == ["Name", "Email"] and table.rows[0] == (2, ["Haddad; Tariq", "t@x.org"])
    assert split_name("Dr Tariq Haddad, MBE") == ("Dr", "Tariq", "Haddad, MBE")
    assert normalise_role("Vice Chair") == "vice-chair"
    assert normalise_role("LE member") == "lived-experience member"
    assert normalise_role("") == "member" and normalise_role("boss") is None
    parsed = parse_rows(["name", "EMAIL", "role", "lived experience"],
                        [(2, ["A B", "a@b.org", "boss", "maybe"])])  # fmt: skip
    assert parsed[0].problems == (
        "the role 'boss' is not one of: chair, vice-chair, member, lived-experience member, "
        "deputy, in attendance, secretariat",
        "lived experience 'maybe' should be yes or no",
    )
