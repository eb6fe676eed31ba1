"""Search everything: the index follows every change through triggers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.services import search
from atr_desktop.storage.models import (
    AgendaItem,
    Meeting,
    MinuteEntry,
    Minutes,
    Paper,
    PaperFile,
    Person,
)

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def add_meeting_with_minute(db) -> tuple[int, int]:
    with db.session() as s:
        meeting = Meeting(
            group_id=1, date=dt.date(2027, 2, 9), start_time=dt.time(10), uid="m1@test"
        )
        s.add(meeting)
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, position=4, title="Training Collaborative")
        s.add(item)
        s.flush()
        minutes = Minutes(meeting_id=meeting.id)
        s.add(minutes)
        s.flush()
        s.add(
            MinuteEntry(
                minutes_id=minutes.id,
                agenda_item_id=item.id,
                discussion="Members discussed the trauma-informed workforce matrix.",
            )
        )
        return meeting.id, item.id


def test_a_phrase_in_the_minutes_finds_that_meeting_item(db) -> None:
    meeting_id, _ = add_meeting_with_minute(db)
    hits = search.search(db, '"workforce matrix"')
    assert [(h.kind, h.meeting_id) for h in hits] == [("minutes", meeting_id)]
    assert "\x02workforce matrix\x03" in hits[0].snippet or "\x02workforce\x03" in hits[0].snippet
    assert "<b>" in hits[0].html()


def test_text_inside_a_paper_finds_that_paper(db) -> None:
    _, item_id = add_meeting_with_minute(db)
    with db.session() as s:
        paper = Paper(agenda_item_id=item_id, title="Proposal", reference="C")
        s.add(paper)
        s.flush()
        s.add(
            PaperFile(
                paper_id=paper.id,
                version=1,
                filename="proposal.pdf",
                sha256="0" * 64,
                size=10,
                added_at=dt.datetime(2027, 1, 5),
                text="Appendix on the Halifax pilot of reflective supervision.",
            )
        )
        paper_id = paper.id
    hits = search.search(db, "reflective supervision", kind="paper")
    assert [h.id for h in hits] == [paper_id]


def test_changes_and_deletions_follow(db) -> None:
    with db.session() as s:
        person = Person(first_name="Siân", last_name="Evans", email="sian@example.org")
        s.add(person)
        s.flush()
        pid = person.id
    assert [h.id for h in search.search(db, "sian", kind="person")] == [pid]
    with db.session() as s:
        person = s.get(Person, pid)
        person.first_name, person.email = "Erased", None
    assert search.search(db, "Siân", kind="person") == []
    assert [h.id for h in search.search(db, "erased")] == [pid]


def test_a_title_match_ranks_above_a_body_match(db) -> None:
    meeting_id, _ = add_meeting_with_minute(db)
    with db.session() as s:
        s.add(AgendaItem(meeting_id=meeting_id, position=5, title="Other", lead="Housing lead"))
        s.add(AgendaItem(meeting_id=meeting_id, position=6, title="Housing pathway"))
    hits = search.search(db, "housing", kind="item")
    assert [h.title.replace("\x02", "").replace("\x03", "") for h in hits] == [
        "Housing pathway",
        "Other",
    ]


def test_cli_search_json(cli, db) -> None:
    add_meeting_with_minute(db)
    code, out, _ = cli("search", "training", "--json")
    assert code == 0
    kinds = {r["kind"] for r in json.loads(out)["results"]}
    assert {"item", "minutes"} <= kinds
    code, _, _ = cli("search", "x", "--kind", "nonsense")
    assert code == 1


def _pdf_with(path, text: str) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.showPage()
    c.save()


def test_a_phrase_only_inside_an_attached_pdf_finds_that_paper(cli, db, tmp_path) -> None:
    from docx import Document

    db.close()
    assert (
        cli("meetings", "add", "--group", "SG", "--date", "2027-02-09", "--start", "10:00")[0] == 0
    )
    assert cli("agenda", "add", "SG:2027-02-09", "--title", "Workforce")[0] == 0
    pdf = tmp_path / "workforce.pdf"
    _pdf_with(pdf, "Reflective supervision in the Calderdale pilot reached 40 staff.")
    code, _, err = cli("papers", "attach", "SG:2027-02-09", "5", str(pdf), "--title", "Plan")
    assert code == 0, err
    word = tmp_path / "schools.docx"
    doc = Document()
    doc.add_paragraph("Kirklees nurture rooms opened in twelve schools.")
    doc.save(str(word))
    assert cli("papers", "attach", "SG:2027-02-09", "5", str(word), "--title", "Schools")[0] == 0
    code, out, _ = cli("search", '"Calderdale pilot"', "--json")
    results = json.loads(out)["results"]
    assert [(r["kind"], r["title"]) for r in results] == [("paper", "Plan")]
    code, out, _ = cli("search", "nurture rooms", "--kind", "paper", "--json")
    assert [r["title"] for r in json.loads(out)["results"]] == ["Schools"]
