"""Papers: file checks refuse bad files at once and leave the store as it was; versions,
cover sheets, forward plan and deferral; and journey 2 (gathering papers) end to end."""

from __future__ import annotations

import datetime as dt
import email
import json
import os
from pathlib import Path

import pytest

from atr_desktop.errors import UserError
from atr_desktop.services import agenda, forward_plan, meetings, papers
from atr_desktop.services.paper_checks import check_paper_file
from tests.paper_files import docx, locked_pdf, pdf, truncated_pdf

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _meeting(db) -> str:
    [m] = meetings.schedule_meetings(
        db, meetings.MeetingInput("SG", dt.date(2027, 2, 9), dt.time(10, 0), dt.time(12, 30))
    )
    return m.ref


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: locked_pdf(p / "locked.pdf"), "protected by a password"),
        (lambda p: truncated_pdf(p / "cut.pdf"), "damaged PDF"),
        (lambda p: (p / "empty.pdf").write_bytes(b"") or p / "empty.pdf", "empty"),
        (lambda p: docx(p / "renamed.docx").rename(p / "renamed.pdf"), "is a Word document"),
        (lambda p: pdf(p / "p.pdf").rename(p / "p.xlsx"), "but it is a PDF"),
        (lambda p: (p / "notes.txt").write_text("x") and p / "notes.txt", "not a kind of file"),
        (lambda p: p / "gone.pdf", "cannot be found"),
        (lambda p: p, "is a folder"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(db, tmp_path: Path, make, message) -> None:
    ref = _meeting(db)
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    with pytest.raises(UserError, match=message):
        papers.attach_file(db, ref, "3", path)
    assert papers.list_papers(db, ref) == []
    assert db.blobs.all_hashes() == set()


def test_a_too_large_file_is_refused(db, tmp_path: Path) -> None:
    from atr_desktop.services import settings

    big = tmp_path / "big.pdf"
    pdf(big)
    with big.open("ab") as fh:
        fh.write(b"%" + b"x" * (1024 * 1024 + 10) + b"\n%%EOF\n")
    settings.update(db, {"paper_max_mb": 1})
    with pytest.raises(UserError, match="larger than the 1 MB limit"):
        papers.attach_file(db, _meeting(db), "3", big)


def test_a_file_that_disappears_while_attached_changes_nothing(
    db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = _meeting(db)
    path = pdf(tmp_path / "paper.pdf")

    def vanish(source: Path) -> tuple[str, int]:
        os.unlink(source)
        raise FileNotFoundError(2, "No such file", str(source))

    monkeypatch.setattr(db.blobs, "put_file", vanish)
    with pytest.raises(UserError, match="disappeared while it was being attached"):
        papers.attach_file(db, ref, "3", path)
    assert papers.list_papers(db, ref) == []


def test_an_owner_only_password_pdf_opens_and_is_accepted(tmp_path: Path) -> None:
    import pikepdf

    plain = pdf(tmp_path / "plain.pdf")
    with pikepdf.open(plain) as doc:
        doc.save(tmp_path / "o.pdf", encryption=pikepdf.Encryption(owner="o", user=""))
    assert check_paper_file(tmp_path / "o.pdf").extension == "pdf"


def test_replacing_a_paper_keeps_its_versions_and_the_cover_sheet(db, tmp_path: Path) -> None:
    ref = _meeting(db)
    first = papers.attach_file(db, ref, "3", pdf(tmp_path / "v1.pdf", "one"), "Minutes")
    assert (first.reference, first.version, first.status) == ("A", 1, "received")
    assert set(first.missing_fields) == {"author", "summary", "recommendation"}
    papers.update_cover(
        db,
        ref,
        "A",
        {
            "author": "Aisha Rahman",
            "summary": "Draft minutes.",
            "recommendation": "The Group is asked to APPROVE.",
        },
    )
    second = papers.attach_file(db, ref, "3", pdf(tmp_path / "v2.pdf", "two"), paper_id=first.id)
    assert second.version == 2 and second.missing_fields == () and second.author
    versions = papers.paper_versions(db, first.id)
    assert [v[0] for v in versions] == [1, 2]
    assert papers.file_path(db, versions[0][3]).read_bytes() == (tmp_path / "v1.pdf").read_bytes()
    with pytest.raises(UserError, match="not a cover-sheet field"):
        papers.update_cover(db, ref, "A", {"colour": "blue"})


def test_forward_plan_tor_review_and_deferral(db) -> None:
    from atr_desktop.storage.models import Group, TorVersion

    with db.session() as s:
        sg = s.query(Group).filter_by(code="SG").one()
        s.add(
            TorVersion(
                group_id=sg.id, version=1, status="approved", review_date=dt.date(2027, 4, 1)
            )
        )
    forward_plan.add_forward_plan_item(db, "SG", "Annual report", dt.date(2027, 5, 1), "decision")
    made = meetings.schedule_meetings(
        db,
        meetings.MeetingInput(
            "SG", dt.date(2027, 2, 9), dt.time(10, 0), repeat="quarterly", count=2
        ),
        confirmed=True,  # 9 May 2027 is a Sunday: a deliberate choice here
    )
    plan = forward_plan.list_forward_plan(db, "SG")
    assert {p.source for p in plan} == {"tor_review", "manual"}
    feb = [r.title for r in agenda.agenda(db, made[0].ref)]
    may = [r.title for r in agenda.agenda(db, made[1].ref)]
    assert any(t.startswith("Terms of Reference review") for t in feb)
    assert "Annual report" in may and "Annual report" not in feb
    item = next(r for r in agenda.agenda(db, made[0].ref) if r.title.startswith("Terms"))
    deferred = forward_plan.defer_item(db, item.id)
    assert deferred.source == "deferred" and deferred.placed_on == made[1].ref
    assert any(r.title.startswith("Terms") for r in agenda.agenda(db, made[1].ref))
    assert next(r for r in agenda.agenda(db, made[0].ref) if r.id == item.id).deferred


def test_journey_2_gathering_papers(cli, tmp_path: Path) -> None:
    """Three weeks before: build the agenda from standing items and the forward plan, send
    authors the template and deadlines, attach papers as they arrive; a locked PDF is
    refused at once."""
    cli("init")
    assert (
        cli(
            "forward-plan",
            "add",
            "--group",
            "SG",
            "--title",
            "Training Collaborative proposal",
            "--purpose",
            "decision",
            "--lead",
            "J. Smith",
        )[0]
        == 0
    )
    code, _, err = cli(
        "meetings",
        "add",
        "--group",
        "SG",
        "--date",
        "2027-02-09",
        "--start",
        "10:00",
        "--end",
        "12:30",
        "--venue",
        "Wellington House",
    )
    assert code == 0, err
    m = "SG:2027-02-09"
    cli(
        "forward-plan",
        "add",
        "--group",
        "SG",
        "--title",
        "Risk register",
        "--purpose",
        "assurance",
        "--date",
        "2027-02-01",
    )
    code, out, err = cli("agenda", "build", m)
    assert code == 0 and "Added 1 item(s) from the forward plan" in out, err
    code, out, _ = cli("agenda", "show", m, "--json")
    titles = [i["title"] for i in json.loads(out)["agenda"]]
    assert titles[4:6] == ["Training Collaborative proposal", "Risk register"]
    assert titles[-1] == "Any other business"
    for item, title, author, mail in (
        ("5", "Training Collaborative proposal", "Jo Smith", "jo.smith@nhs.net"),
        ("6", "Risk register", "Imran Hussain", "imran@wyvru.example"),
        ("3", "Draft minutes", "Aisha Rahman", "aisha@nhs.net"),
    ):
        code, _, err = cli(
            "papers", "expect", m, item, "--title", title, "--author", author, "--email", mail
        )
        assert code == 0, err
    code, out, _ = cli("papers", "template", "--out", str(tmp_path / "cover.docx"))
    assert code == 0 and (tmp_path / "cover.docx").stat().st_size > 0
    code, out, _ = cli("papers", "chase", m, "--out", str(tmp_path / "chase.docx"))
    assert code == 0 and "3 expected" in out
    from docx import Document

    rows = [
        [c.text for c in r.cells] for r in Document(str(tmp_path / "chase.docx")).tables[0].rows
    ]
    assert [
        "5",
        "Training Collaborative proposal",
        "Jo Smith",
        "jo.smith@nhs.net",
        "Tuesday 26 January 2027",
        "Expected",
    ] in rows
    code, out, _ = cli("papers", "emails", m, "--out", str(tmp_path / "mail"))
    drafts = sorted((tmp_path / "mail").glob("*.eml"))
    assert len(drafts) == 3
    jo = tmp_path / "mail" / "Papers request - Jo Smith.eml"
    message = email.message_from_bytes(jo.read_bytes())
    assert message["X-Unsent"] == "1" and "jo.smith@nhs.net" in message["To"]
    body = message.get_payload()[0].get_payload(decode=True).decode()
    assert "Training Collaborative proposal (agenda item 5), by Tuesday 26 January 2027" in body
    assert any(part.get_filename() == "Cover sheet template.docx" for part in message.walk())

    # Papers arrive; one author sends a password-protected PDF: refused at once.
    code, out, err = cli("papers", "attach", m, "5", str(pdf(tmp_path / "tc.pdf")))
    assert code == 0 and "as paper B" in out, err
    code, out, err = cli("papers", "attach", m, "6", str(locked_pdf(tmp_path / "risk.pdf")))
    assert code == 1 and "protected by a password" in err and "Traceback" not in err
    code, out, _ = cli("papers", "list", m, "--json")
    listed = {p["title"]: p for p in json.loads(out)["papers"]}
    assert listed["Training Collaborative proposal"]["status"] == "received"
    assert listed["Risk register"]["status"] in ("expected", "late")
    code, out, _ = cli(
        "papers",
        "cover",
        m,
        "B",
        "--summary",
        "A proposal.",
        "--recommendation",
        "APPROVE",
        "--json",
    )
    assert code == 0 and json.loads(out)["papers"][0]["missing_fields"] == []
    code, out, _ = cli("agenda", "export", m, "--out", str(tmp_path / "agenda.docx"))
    assert code == 0
