"""Demo agendas, forward plan and papers for the year of demo meetings.

Every meeting gets its standing items and a few realistic items with purposes and leads;
meetings near "today" get papers (small real PDFs and Word files, attached through the
papers service so they are checked and stored as a user's would be). Past meetings'
papers are all in; the next meeting of each group has one received, one expected and one
late, so chasing has something to show. Over several years every held meeting has its papers.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy import select

from atr_desktop.services import forward_plan, papers
from atr_desktop.services.agenda import apply_standing_items, pull_forward_plan
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Group, Meeting, Paper, Person

# code -> (title, purpose, minutes, confidential)
ITEMS: dict[str, list[tuple[str, str, int, bool]]] = {
    "SG": [
        ("ATR Programme highlight report", "assurance", 15, False),
        ("Training Collaborative proposal", "decision", 20, False),
        ("Trauma-informed workforce strategy", "discussion", 25, False),
        ("Programme risk register", "assurance", 15, False),
        ("Finance update", "information", 10, False),
        ("Evaluation framework", "decision", 20, False),
        ("Contract award: trauma-informed practice training", "decision", 15, True),
    ],
    "NET": [
        ("Members' updates", "information", 20, False),
        ("Trauma-informed schools pilot: learning so far", "discussion", 25, False),
        ("Lived Experience Panel report", "assurance", 15, False),
        ("Community of practice: sharing good practice", "discussion", 20, False),
    ],
    "MNC": [
        ("Case review themes: multiple disadvantage", "discussion", 25, False),
        ("Housing pathway update", "assurance", 15, False),
        ("Consortium funding bid", "decision", 20, False),
        ("Partner data sharing agreement", "decision", 15, True),
    ],
    "JNC": [
        ("Joint workplan 2027/28", "decision", 25, False),
        ("Outcomes dashboard", "assurance", 20, False),
        ("Shared training offer", "discussion", 20, False),
    ],
}

# Why each Part B item is exempt (domain.marking), so the demo's Part B outputs show
# OFFICIAL-SENSITIVE with a reason.
EXEMPT = {
    "Contract award: trauma-informed practice training": "commercial",
    "Partner data sharing agreement": "personal",
}

FORWARD = {
    "SG": [("Annual report to the Integrated Care Board", "decision", 120)],
    "NET": [("Network evaluation findings", "discussion", 90)],
    "MNC": [("Review of the consortium's first year", "assurance", 150)],
    "JNC": [("Joint development day: planning", "discussion", 100)],
}


def _pdf(path: Path, title: str, body: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 770, title[:70])
    c.setFont("Helvetica", 11)
    y = 740
    for line in body.split("\n"):
        c.drawString(72, y, line[:95])
        y -= 16
    c.save()
    return path


def _docx(path: Path, title: str, body: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for line in body.split("\n"):
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def add_agendas(db: Database, today: dt.date, rng: random.Random, years: int = 1) -> dict[str, int]:
    counts = {"agenda items": 0, "papers": 0, "forward plan items": 0}
    with db.session() as s:
        people = [(p.full_name, p.email or "") for p in s.scalars(select(Person))]
        meetings = s.execute(
            select(Meeting, Group.code)
            .join(Group, Group.id == Meeting.group_id)
            .order_by(Meeting.date)
        ).all()
        plan: list[tuple[int, str, dt.date]] = []
        for meeting, code in meetings:
            apply_standing_items(s, meeting)
            choices = rng.sample(ITEMS.get(code, []), k=min(3, len(ITEMS.get(code, []))))
            aob = s.scalar(
                select(AgendaItem).where(
                    AgendaItem.meeting_id == meeting.id, AgendaItem.kind == "aob"
                )
            )
            base = aob.position if aob else 5
            for offset, (title, purpose, minutes, confidential) in enumerate(choices):
                s.add(
                    AgendaItem(
                        meeting_id=meeting.id,
                        position=base + offset,
                        title=title,
                        lead=rng.choice(people)[0] if people else "Chair",
                        purpose=purpose,
                        minutes_allotted=minutes,
                        has_papers=True,
                        confidential=confidential,
                        exemption=EXEMPT.get(title, "") if confidential else "",
                    )
                )
                counts["agenda items"] += 1
            if aob:
                aob.position = base + len(choices)
            plan.append((meeting.id, code, meeting.date))
    # Forward plan: one item for each group's next meeting (placed on it now), one later.
    for code, items in FORWARD.items():
        upcoming = [d for _, c, d in plan if c == code and d >= today]
        if not upcoming:
            continue
        forward_plan.add_forward_plan_item(
            db, code, "Forward plan review", upcoming[0], "information", "Secretariat"
        )
        for title, purpose, days in items:
            forward_plan.add_forward_plan_item(
                db, code, title, today + dt.timedelta(days=days), purpose, "Chair"
            )
        counts["forward plan items"] += 1 + len(items)
        with db.session() as s:
            first = s.scalar(
                select(Meeting)
                .join(Group, Group.id == Meeting.group_id)
                .where(Group.code == code, Meeting.date == upcoming[0])
            )
            if first is not None:
                pull_forward_plan(s, first)
    counts["papers"] = _add_papers(db, today, rng, plan, people, every_held=years > 1)
    return counts


def _add_papers(
    db: Database,
    today: dt.date,
    rng: random.Random,
    plan: list[tuple[int, str, dt.date]],
    people: list[tuple[str, str]],
    every_held: bool = False,
) -> int:
    count = 0
    # Papers for each group's last meeting (or every held one) and its next one (some
    # still to come).
    last_of: dict[str, int] = {}
    next_of: dict[str, int] = {}
    for meeting_id, code, day in plan:
        if day < today:
            last_of[code] = meeting_id
        elif code not in next_of:
            next_of[code] = meeting_id
    chosen = set(last_of.values()) | set(next_of.values())
    if every_held:
        chosen |= {m for m, _, d in plan if d < today}
    window = [(m, c, d) for m, c, d in plan if m in chosen]
    with tempfile.TemporaryDirectory(prefix="atr-demo-") as tmp:
        folder = Path(tmp)
        for meeting_id, code, day in window:
            with db.session() as s:
                items = s.scalars(
                    select(AgendaItem)
                    .where(AgendaItem.meeting_id == meeting_id, AgendaItem.has_papers)
                    .order_by(AgendaItem.position)
                ).all()
                targets = [(i.id, i.title, i.kind, i.purpose) for i in items][:3]
            upcoming = day >= today
            for index, (item_id, title, kind, purpose) in enumerate(targets):
                author, email = rng.choice(people) if people else ("Programme Officer", "")
                name = f"{code} {day.isoformat()} {index + 1}"
                if upcoming and index == len(targets) - 1:
                    papers.expect_paper(
                        db, meeting_id, item_id, title, author, email, today + dt.timedelta(days=5)
                    )
                    count += 1
                    continue
                if upcoming and index == len(targets) - 2:
                    papers.expect_paper(
                        db, meeting_id, item_id, title, author, email, today - dt.timedelta(days=3)
                    )
                    count += 1
                    continue
                body = (
                    f"{title}\nPaper for the meeting on {day:%d %B %Y}.\n\n"
                    "This paper sets out the position, the options considered and a "
                    "recommendation.\nIt has been prepared for the demo programme."
                )
                maker = _docx if kind == "action_log" else _pdf
                suffix = ".docx" if maker is _docx else ".pdf"
                path = maker(folder / f"{name}{suffix}", title, body)
                info = papers.attach_file(db, meeting_id, item_id, path, title, today=today)
                with db.session() as s:
                    paper = s.get_one(Paper, info.id)
                    paper.author, paper.author_email = author, email
                    paper.purpose = purpose if kind == "standard" else "assurance"
                    paper.summary = f"This paper updates the group on {title.lower()}."
                    paper.recommendation = "The Group is asked to NOTE the paper" + (
                        " and APPROVE the recommendation." if purpose == "decision" else "."
                    )
                    paper.risks = "No new risks." if index % 2 else ""
                count += 1
    return count
