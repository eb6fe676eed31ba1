"""Journey 3, issuing the pack, end to end through the command line; Part B kept apart."""

from __future__ import annotations

import datetime as dt
import email
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.pack_fixtures import add_item, add_paper, make_meeting, pdf_bytes

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

REF = "SG:2027-02-09"


def add_members(db: Any) -> None:
    from sqlalchemy import select

    from atr_desktop.storage.models import Group, Membership, Person

    with db.session() as s:
        group = s.scalar(select(Group).where(Group.code == "SG"))
        for first, last, mail, end in (
            ("Asha", "Patel", "asha.patel@nhs.net", None),
            ("Ben", "Jones", "ben.jones@nhs.net", None),
            ("Old", "Member", "old.member@nhs.net", dt.date(2020, 1, 1)),
            ("No", "Email", None, None),
        ):
            person = Person(first_name=first, last_name=last, email=mail)
            s.add(person)
            s.flush()
            s.add(
                Membership(
                    person_id=person.id,
                    group_id=group.id,
                    role="member",
                    start_date=dt.date(2019, 1, 1),
                    end_date=end,
                )
            )


def text_of(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


def test_journey_3_check_fix_build_issue_email_supplement(
    db: Any, cli: Any, tmp_path: Path
) -> None:
    from atr_desktop.storage.models import Paper

    add_members(db)
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Trauma-informed workforce")
    add_paper(db, item, "Workforce plan", pdf_bytes(3), "plan.pdf")
    item2 = add_item(db, meeting, "Schools pilot")
    late_item = item2
    paper = add_paper(db, item2, "Pilot evaluation", pdf_bytes(2), "pilot.pdf", recommendation="")

    # The officer checks: one cover sheet is missing its recommendation.
    code, _, err = cli("pack", "check", REF)
    assert code == 1
    assert "pilot.pdf" in err and "no recommendation" in err and "Item 6" in err
    with db.session() as s:
        s.get(Paper, paper).recommendation = "Note the evaluation and extend the pilot."
    code, out, err = cli("pack", "check", REF)
    assert code == 0, err
    assert "ready" in out

    # Builds a draft to look through, then issues.
    draft = tmp_path / "draft.pdf"
    code, out, err = cli("pack", "build", REF, "--out", str(draft))
    assert code == 0, err
    issued_copy = tmp_path / "issued.pdf"
    code, out, err = cli("pack", "issue", REF, "--out", str(issued_copy))
    assert code == 0, err
    assert "Issued main pack version 1" in out
    code, out, _ = cli("pack", "list", REF, "--json")
    packs = json.loads(out)["packs"]
    assert len(packs) == 1 and packs[0]["kind"] == "main" and packs[0]["version"] == 1
    main_pages = packs[0]["page_count"]
    assert main_pages == len(PdfReader(issued_copy).pages)
    assert "Pack version 1, issued" in text_of(issued_copy)[0]

    # Reopened exactly as issued.
    reopened = tmp_path / "reopened.pdf"
    code, _, err = cli("pack", "open", REF, "--out", str(reopened))
    assert code == 0, err
    assert hashlib.sha256(reopened.read_bytes()).hexdigest() == packs[0]["sha256"]
    assert reopened.read_bytes() == issued_copy.read_bytes()

    # The email draft goes to current members with an email, pack attached.
    eml_path = tmp_path / "pack.eml"
    code, out, err = cli("pack", "email", REF, "--out", str(eml_path))
    assert code == 0, err
    message = email.message_from_bytes(eml_path.read_bytes())
    assert message["X-Unsent"] == "1"
    assert "asha.patel@nhs.net" in message["To"] and "ben.jones@nhs.net" in message["To"]
    assert "old.member" not in message["To"]
    attachments = [p for p in message.walk() if p.get_filename()]
    assert len(attachments) == 1
    assert attachments[0].get_payload(decode=True) == issued_copy.read_bytes()

    # A late paper arrives: a supplementary pack, numbered on from the main pack.
    add_paper(
        db,
        late_item,
        "Late costings",
        pdf_bytes(2, label="Late"),
        "costings.pdf",
        added_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    supplement = tmp_path / "supplement.pdf"
    code, out, err = cli("pack", "issue", REF, "--supplement", "--out", str(supplement))
    assert code == 0, err
    assert "supplementary pack 1" in out
    pages = text_of(supplement)
    assert "Supplementary pack 1" in pages[0]
    assert "Late costings (new paper)" in pages[0]
    first = main_pages + 1
    for n, text in enumerate(pages, start=first):
        assert f"Pack page {n} of {first + len(pages) - 1}" in text
    assert "Workforce plan" not in "".join(pages)
    code, out, _ = cli("pack", "list", REF, "--json")
    packs = json.loads(out)["packs"]
    assert packs[-1]["kind"] == "supplement" and packs[-1]["first_page"] == first
    # Nothing new: no second supplement.
    code, _, err = cli("pack", "issue", REF, "--supplement")
    assert code == 1 and "nothing for a supplementary pack" in err
    # A withdrawn pack stays on record and is no longer sent.
    code, _, err = cli("pack", "withdraw", REF, "--id", str(packs[-1]["id"]), "--reason", "")
    assert code == 1 and "Say why" in err
    # The next email sends the supplement.
    code, _, err = cli("pack", "email", REF, "--out", str(eml_path))
    assert code == 0
    message = email.message_from_bytes(eml_path.read_bytes())
    assert "supplementary pack 1" in message["Subject"]
    code, out, err = cli(
        "pack", "withdraw", REF, "--id", str(packs[-1]["id"]), "--reason", "Wrong costings"
    )
    assert code == 0, err
    code, out, _ = cli("pack", "list", REF, "--json")
    packs = json.loads(out)["packs"]
    assert len(packs) == 2 and packs[-1]["withdrawn_reason"] == "Wrong costings"
    code, _, err = cli("pack", "email", REF, "--out", str(eml_path))
    assert code == 0
    assert "supplementary" not in email.message_from_bytes(eml_path.read_bytes())["Subject"]


def cli_agenda(db: Any, ref: str) -> Any:
    from atr_desktop.services import agenda

    return agenda.agenda(db, ref)


def test_part_b_papers_only_in_the_restricted_pack(db: Any, cli: Any, tmp_path: Path) -> None:
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Open item")
    add_paper(db, item, "Open paper", pdf_bytes(1, label="OPENLABEL"), "open.pdf")
    secret = add_item(db, meeting, "Provider contract dispute", confidential=True)
    add_paper(db, secret, "Contract paper", pdf_bytes(2, label="SECRETLABEL"), "contract.pdf")
    number = next(r.number for r in cli_agenda(db, REF) if r.id == secret)
    main, restricted = tmp_path / "main.pdf", tmp_path / "restricted.pdf"
    # A Part B pack is not built until each item says why it is exempt.
    code, _, err = cli("pack", "build", REF, "--restricted", "--out", str(restricted))
    assert code == 1 and "no exemption reason" in err and f"Item {number}" in err
    assert cli("agenda", "edit", REF, number, "--exempt", "commercial")[0] == 0
    assert cli("pack", "build", REF, "--out", str(main))[0] == 0
    code, _, err = cli("pack", "build", REF, "--restricted", "--out", str(restricted))
    assert code == 0, err
    main_text = "\n".join(text_of(main))
    assert "OPENLABEL" in main_text
    assert "SECRETLABEL" not in main_text and "Contract paper" not in main_text
    assert "Provider contract dispute" not in main_text
    assert "Part B: confidential item" in main_text
    pages = text_of(restricted)
    assert "SECRETLABEL" in "\n".join(pages) and "OPENLABEL" not in "\n".join(pages)
    # Every page, the author's included (in the stamp band at its foot), carries the
    # marking with the item's exemption reason; the withdrawn RESTRICTED is nowhere.
    assert all("OFFICIAL-SENSITIVE: COMMERCIAL" in page for page in pages)
    assert "Exempt from publication: commercial" in " ".join(pages[0].split())
    assert all("OFFICIAL" in page for page in text_of(main))
    assert not any("RESTRICTED" in page for page in pages + text_of(main))
    # A restricted pack is never emailed to the whole list.
    assert cli("pack", "issue", REF, "--restricted")[0] == 0
    code, _, err = cli("pack", "email", REF, "--out", str(tmp_path / "x.eml"))
    assert code == 1 and "Issue the pack first" in err


def test_large_pack_is_not_attached_and_warned(db: Any, cli: Any, tmp_path: Path) -> None:
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    add_members(db)
    noise = Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3))
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawImage(ImageReader(noise), 50, 50, 400, 400)
    canvas.showPage()
    canvas.save()
    meeting = make_meeting(db)
    item = add_item(db, meeting, "Big scan")
    add_paper(db, item, "Scanned report", buf.getvalue(), "scan.pdf")
    cli("settings", "set", "pack_email_limit_mb", "1")
    code, _, err = cli("pack", "issue", REF)
    assert code == 0
    assert "larger than the 1 MB email limit" in err
    eml_path = tmp_path / "pack.eml"
    code, _, err = cli("pack", "email", REF, "--out", str(eml_path))
    assert code == 0 and "too large to attach" in err
    message = email.message_from_bytes(eml_path.read_bytes())
    assert not [p for p in message.walk() if p.get_filename()]
    body = message.get_payload()
    assert "not attached" in str(body)
    assert (tmp_path / "SG-2027-02-09-pack.pdf").is_file()


def test_demo_step_issues_a_pack_when_the_meeting_has_papers(db: Any) -> None:
    import datetime as dt
    import random

    from sqlalchemy import select

    from atr_desktop.services import pack_issue
    from atr_desktop.services.demo.packs import issue_demo_pack
    from atr_desktop.storage.models import Meeting

    today = dt.date(2027, 3, 1)
    assert issue_demo_pack(db, today, random.Random(1)) == {"packs": 0}  # no meetings yet
    meeting = make_meeting(db)
    with db.session() as s:
        s.scalar(select(Meeting).where(Meeting.id == meeting)).status = "held"
    assert issue_demo_pack(db, today, random.Random(1)) == {"packs": 0}  # no papers
    add_paper(db, add_item(db, meeting, "Plan"), "Plan", pdf_bytes(1), "plan.pdf")
    assert issue_demo_pack(db, today, random.Random(1)) == {"packs": 1}
    packs = pack_issue.list_packs(db, meeting)
    assert len(packs) == 1 and packs[0].issued_on == dt.date(2027, 2, 2)
