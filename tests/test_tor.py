"""Terms of Reference: draft, approve, new draft, compare; the Word export read back."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.domain.quorum import QuorumRule
from atr_desktop.services import settings, tor
from tests.office import needs_soffice, pdf_text

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

SECTIONS = {
    "purpose": "To lead the ATR Programme across West Yorkshire.",
    "scope": "The whole life course.",
    "membership": "- Chair: Director of Public Health\n- One member from each partner",
    "chair": "The chair is appointed by the ICB; the vice-chair by the Group.",
    "frequency": "Quarterly.",
    "decision_making": "By consensus; failing that, a simple majority of voting members.",
    "reporting_line": "The West Yorkshire Health and Care Partnership Board.",
    "declarations": "Members declare interests at the start of each meeting.",
    "quorum": {"fraction": "1/2", "chair_required": True, "sectors": ["NHS", "Local authority"]},
    "review_date": "2027-01-10",
    "extra_sections": [{"title": "Confidentiality", "text": "Part B papers stay private."}],
}


def test_strategy_group_tor_draft_approved_new_draft_compared(cli, db, tmp_path) -> None:
    source = tmp_path / "sg-tor.json"
    source.write_text(json.dumps(SECTIONS), encoding="utf-8")
    assert cli("tor", "draft", "--group", "SG", "--from-file", str(source))[0] == 0
    code, _, err = cli("tor", "approve", "--group", "SG", "--date", "2026-01-10",
                       "--by", "ATR Strategy Group")  # fmt: skip
    assert code == 0, err
    code, _, err = cli("tor", "edit", "--group", "SG", "--section", "scope", "--text", "x")
    assert code == 1 and "an approved version is never edited" in err
    assert cli("tor", "draft", "--group", "SG")[0] == 0
    code, _, err = cli("tor", "draft", "--group", "SG")
    assert code == 1 and "already has a draft ToR (version 2)" in err
    assert cli("tor", "edit", "--group", "SG", "--section", "Meeting frequency",
               "--text", "Bi-monthly.")[0] == 0  # fmt: skip
    assert cli("tor", "edit", "--group", "SG", "--quorum-count", "6",
               "--no-chair-required", "--review-date", "2028-01-10")[0] == 0  # fmt: skip
    code, out, _ = cli("tor", "compare", "--group", "SG", "1", "2")
    assert "3 of 11 sections changed" in out
    assert "Meeting frequency: CHANGED\n  was: Quarterly.\n  now: Bi-monthly." in out
    assert "Purpose" not in out
    records = json.loads(cli("tor", "compare", "--group", "SG", "1", "2", "--json")[1])[
        "sections"]  # fmt: skip
    changed = {r["title"] for r in records if r["changed"]}
    assert changed == {"Meeting frequency", "Quorum", "Review date"}
    quorum = next(r for r in records if r["title"] == "Quorum")
    assert quorum["old"] == (
        "The meeting is quorate when half of the voting members are present, including the "
        "chair or vice-chair, with at least one member from each of: NHS, Local authority."
    )
    assert quorum["new"].startswith("The meeting is quorate when at least 6 voting members and")
    code, _, err = cli("tor", "approve", "--group", "SG", "--date", "2026-11-20")
    assert code == 0, err
    versions = json.loads(cli("tor", "list", "--group", "SG", "--json")[1])["tor"]
    assert [v["status"] for v in versions] == ["superseded", "approved"]
    assert "Replaced by version 2" in versions[0]["superseded_reason"]
    shown = json.loads(cli("tor", "show", "--group", "SG", "--version", "1", "--json")[1])
    assert shown["tor"][0]["texts"][4] == ["frequency", "Quarterly."]


def test_approved_rule_follows_the_version_in_force(db) -> None:
    assert tor.approved_rule(db, "SG") is None
    tor.start_draft(db, "SG", {"purpose": "P", "quorum": {"count": 5}})
    assert tor.approved_rule(db, "SG") is None  # a draft is not in force
    tor.approve(db, "SG", on=dt.date(2026, 1, 10))
    tor.start_draft(db, "SG", {"quorum": {"count": None, "fraction": "2/3"}})
    tor.approve(db, "SG", on=dt.date(2026, 6, 1))
    assert tor.approved_rule(db, "SG", dt.date(2026, 3, 1)) == QuorumRule(count=5)
    assert tor.approved_rule(db, "SG", dt.date(2026, 7, 1)) == QuorumRule(
        numerator=2, denominator=3
    )
    assert tor.approved_rule(db, "SG", dt.date(2025, 7, 1)) is None


def test_review_due_soon_or_overdue_is_flagged(db) -> None:
    today = dt.date.today()
    tor.start_draft(db, "SG", {"purpose": "P", "review_date": today + dt.timedelta(days=30)})
    tor.approve(db, "SG")
    tor.start_draft(db, "NET", {"purpose": "P", "review_date": today - dt.timedelta(days=1)})
    tor.approve(db, "NET")
    tor.start_draft(db, "MNC", {"purpose": "P", "review_date": today + dt.timedelta(days=200)})
    tor.approve(db, "MNC")
    assert [(t.group, t.review_flag) for t in tor.reviews_due(db)] == [
        ("NET", "overdue"),
        ("SG", "due soon"),
    ]
    settings.update(db, {"tor_review_warning_days": 10})
    assert [t.group for t in tor.reviews_due(db)] == ["NET"]


def test_bad_input_is_a_plain_message(cli, db) -> None:
    assert "no draft ToR" in cli("tor", "approve", "--group", "SG")[2]
    assert "has no Terms of Reference yet" in cli("tor", "show", "--group", "SG")[2]
    cli("tor", "draft", "--group", "SG")
    code, _, err = cli("tor", "edit", "--group", "SG", "--quorum-fraction", "3/2")
    assert code == 1 and "between 0 and 1" in err
    assert "no purpose yet" in cli("tor", "approve", "--group", "SG")[2]
    assert "has no meeting on" in cli("tor", "approve", "--group", "SG",
                                      "--meeting", "SG:2020-01-01")[2]  # fmt: skip
    assert cli("tor", "discard", "--group", "SG")[0] == 0
    assert "no ToR version 7" in (cli("tor", "draft", "--group", "SG") and cli(
        "tor", "show", "--group", "SG", "--version", "7")[2])  # fmt: skip


def test_approval_at_a_meeting_is_recorded(cli, demo_db) -> None:
    from sqlalchemy import select

    from atr_desktop.storage.models import Group, Meeting

    with demo_db.session() as s:
        sg = s.scalar(select(Group).where(Group.code == "NET"))
        day = s.scalar(select(Meeting.date).where(Meeting.group_id == sg.id).order_by(
            Meeting.date))  # fmt: skip
    cli("tor", "draft", "--group", "NET")
    cli("tor", "edit", "--group", "NET", "--section", "purpose", "--text", "Learning network.")
    code, out, err = cli("tor", "approve", "--group", "NET", "--meeting", f"NET:{day}",
                         "--by", "Network members", "--json")  # fmt: skip
    assert code == 0, err
    record = json.loads(out)["tor"][0]
    assert record["approved_on"] == day.isoformat()
    assert record["approved_meeting"] == f"NET:{day.isoformat()}"


def _tor_docx(cli, tmp_path):  # type: ignore[no-untyped-def]
    source = tmp_path / "sg-tor.json"
    source.write_text(json.dumps(SECTIONS), encoding="utf-8")
    cli("tor", "draft", "--group", "SG", "--from-file", str(source))
    cli("tor", "approve", "--group", "SG", "--date", "2026-01-10", "--by", "ATR Strategy Group")
    cli("tor", "draft", "--group", "SG")
    out = tmp_path / "sg-tor.docx"
    code, _, err = cli("tor", "export", "--group", "SG", "--out", str(out))
    assert code == 0, err
    return out


def test_tor_word_export_has_headings_version_table_and_quorum_words(cli, db, tmp_path) -> None:
    from docx import Document

    doc = Document(str(_tor_docx(cli, tmp_path)))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(
        ("Heading", "Title"))]  # fmt: skip
    assert headings[0] == ("Title", "ATR Strategy Group: Terms of Reference")
    assert ("Heading 2", "5. Quorum") in headings
    assert ("Heading 2", "11. Confidentiality") in headings
    texts = [p.text for p in doc.paragraphs]
    assert "Version 2 (DRAFT for approval)" in texts
    assert SECTIONS["decision_making"] in texts
    assert any(t.startswith("The meeting is quorate when half of the voting members") for t in
               texts)  # fmt: skip
    assert "Tuesday 10 January 2028" not in texts and "Sunday 10 January 2027" in texts
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Chair: Director of Public Health", "One member from each partner"]
    table = doc.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Version", "Status", "Approved on", "Approved at / by"]
    assert rows[1] == ["1", "Approved", "Saturday 10 January 2026", "ATR Strategy Group"]
    assert rows[2][:2] == ["2", "Draft"]
    assert "DRAFT" in doc.sections[0].header.paragraphs[0].text


@needs_soffice
def test_tor_word_export_opens_in_libreoffice(cli, db, tmp_path) -> None:
    text = pdf_text(_tor_docx(cli, tmp_path), tmp_path)
    assert "ATR Strategy Group: Terms of Reference" in text
    assert "Confidentiality" in text and "quorate" in text


def test_membership_section_drafted_from_current_members(cli, demo_db) -> None:
    cli("tor", "draft", "--group", "MNC")
    code, _, err = cli("tor", "edit", "--group", "MNC", "--membership-from-members")
    assert code == 0, err
    lines = tor.get_version(demo_db, "MNC").text("membership").splitlines()
    assert lines[0] == "- Chair: Chief Executive, Forum Central"
    assert lines[1] == "- Vice-chair: Service Manager, Adults, Kirklees Council"
    assert lines[-1] == "- Secretariat: Programme Officer, West Yorkshire Integrated Care Board"
    assert len(lines) == 10
