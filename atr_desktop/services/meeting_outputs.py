"""Outputs for a meeting: the Word agenda, calendar invites, the blank cover sheet, the
expected-papers list for chasing, and an email draft per author."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.documents import agenda_doc, chase_list, cover_sheet, eml, ics
from atr_desktop.domain.dates import hhmm, long_date
from atr_desktop.domain.marking import part_a
from atr_desktop.errors import UserError
from atr_desktop.paths import child_file
from atr_desktop.services import settings
from atr_desktop.services.agenda import part_b, rows_for
from atr_desktop.services.groups import find_group
from atr_desktop.services.house import house
from atr_desktop.services.marking import part_b_marking
from atr_desktop.services.meetings import next_meeting
from atr_desktop.services.members import members_in
from atr_desktop.services.papers import list_papers
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Meeting

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def when_text(meeting: Meeting) -> str:
    end = f" to {hhmm(meeting.end_time)}" if meeting.end_time else ""
    return f"{long_date(meeting.date)}, {hhmm(meeting.start_time)}{end}"


def where_text(meeting: Meeting) -> str:
    if meeting.venue and meeting.online_link and "teams" not in meeting.venue.lower():
        return f"{meeting.venue}, and online (link in the invite)"
    if meeting.online_link and not meeting.venue:
        return "Online (link in the invite)"
    return meeting.venue


def _writable(out: Path) -> Path:
    out = Path(out)
    if out.is_dir():
        raise UserError(f"{out} is a folder: give a file name to save to.")
    if not out.parent.exists():
        raise UserError(f"The folder {out.parent} does not exist: choose another place.")
    return out


def export_agenda(db: Database, meeting_ref: str | int, out: Path, part: str = "A") -> Path:
    """The agenda as Word. Part A leaves out the confidential items, which go on their own
    Part B agenda (``part='B'``), marked confidential."""
    part = part.upper()
    if part not in ("A", "B"):
        raise UserError("The agenda part is A (the public agenda) or B (confidential items).")
    out = _writable(out)
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        group = s.get_one(Group, meeting.group_id)
        rows = rows_for(s, meeting)
        secret = part_b(rows)
        following = next_meeting(s, meeting)
        lines = [
            agenda_doc.AgendaLine(
                number=r.number,
                time=hhmm(r.start),
                title=r.title + (" (deferred)" if r.deferred else ""),
                lead=r.lead,
                purpose=r.purpose.capitalize(),
                paper=r.paper_text,
                level=r.level,
            )
            for r in rows
            if (r.id in secret) == (part == "B")
        ]
        if part == "B" and not lines:
            raise UserError("This meeting has no Part B (confidential) items.")
        mark = part_b_marking(s, sorted(secret)) if part == "B" else part_a()
        data = agenda_doc.AgendaDoc(
            group_name=group.name,
            when=when_text(meeting),
            where=where_text(meeting),
            lines=lines,
            next_meeting=(
                f"{long_date(following.date)}, {hhmm(following.start_time)}" if following else ""
            ),
            has_part_b=part == "A" and bool(secret),
            part_b=part == "B",
            cancelled=(
                "This meeting has been cancelled."
                + (f" {meeting.cancel_reason}" if meeting.cancel_reason else "")
                if meeting.status == "cancelled"
                else ""
            ),
        )
    try:
        return agenda_doc.build(house(db, mark), data, out, mark.exempt_line)
    except OSError as exc:
        raise UserError(f"{out} could not be saved ({exc.strerror}): is it open in Word?") from None


def _attendees(session: Session, meeting: Meeting, group: Group) -> list[tuple[str, str]]:
    """The group's members on the meeting's date (a joint group's constituents' too), each
    address once, so a cancellation reaches every diary the invite went to."""
    seen: set[str] = set()
    out = []
    for m in members_in(session, group, meeting.date):
        if m.email and m.email.lower() not in seen:
            seen.add(m.email.lower())
            out.append((m.name, m.email))
    return out


def _event(meeting: Meeting, group: Group, attendees: list[tuple[str, str]]) -> ics.InviteEvent:
    description = f"{group.name} meeting."
    if meeting.online_link:
        description += f"\nJoin online: {meeting.online_link}"
    if meeting.status == "cancelled" and meeting.cancel_reason:
        description += f"\nCancelled: {meeting.cancel_reason}"
    return ics.InviteEvent(
        uid=meeting.uid,
        sequence=meeting.ics_sequence,
        summary=group.name + (" (cancelled)" if meeting.status == "cancelled" else ""),
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        location=meeting.venue,
        url=meeting.online_link,
        description=description,
        cancelled=meeting.status == "cancelled",
        stamp=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        attendees=tuple(attendees),
    )


def export_ics(
    db: Database,
    out: Path,
    meeting_ref: str | int | None = None,
    group: str | None = None,
    organiser: str | None = None,
) -> int:
    """Invites for one meeting or a group's whole run of meetings; returns how many.

    ``organiser`` overrides the organiser setting for this file (the CLI's --organiser)."""
    out = _writable(out)
    with db.session() as s:
        if meeting_ref is not None:
            meeting = find_meeting(s, meeting_ref)
            g = s.get_one(Group, meeting.group_id)
            events = [_event(meeting, g, _attendees(s, meeting, g))]
        elif group:
            g = find_group(s, group)
            meetings = s.scalars(
                select(Meeting).where(Meeting.group_id == g.id).order_by(Meeting.date)
            ).all()
            if not meetings:
                raise UserError(f"{g.name} has no meetings yet: schedule some first.")
            events = [_event(m, g, _attendees(s, m, g)) for m in meetings]
        else:
            raise UserError("Say which meeting (or --group CODE for all of a group's meetings).")
    values = settings.all_settings(db)
    address = (organiser or str(values["invite_organiser_email"])).strip()
    if address and not EMAIL.fullmatch(address):
        raise UserError(f"'{address}' is not an email address: give the organiser's mailbox.")
    ics.save(ics.build(events, address, organiser_name=values["organisation_name"]), out)
    return len(events)


def cover_template(db: Database, out: Path) -> Path:
    """The blank cover sheet for authors, marking the fields the secretariat requires."""
    required = tuple(settings.get(db, "required_cover_fields"))
    return cover_sheet.build(house(db), cover_sheet.CoverData(), _writable(out), required)


def _expected(
    db: Database, meeting_ref: str | int
) -> tuple[str, str, list[chase_list.ExpectedPaper]]:
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        group_name = s.get_one(Group, meeting.group_id).name
        when = long_date(meeting.date)
    papers = [
        chase_list.ExpectedPaper(
            item=p.item_number,
            title=p.title,
            author=p.author,
            author_email=p.author_email,
            deadline=long_date(p.deadline) if p.deadline else "",
            status=p.status.capitalize(),
        )
        for p in list_papers(db, meeting_ref)
        if p.status in ("expected", "late")
    ]
    return group_name, when, papers


def chase_list_docx(db: Database, meeting_ref: str | int, out: Path) -> int:
    """The outstanding papers with authors and deadlines; returns how many are listed."""
    group_name, when, papers = _expected(db, meeting_ref)
    chase_list.build_list(house(db), group_name, when, papers, _writable(out))
    return len(papers)


def author_emails(db: Database, meeting_ref: str | int, folder: Path) -> list[Path]:
    """One .eml draft per author listing their papers and deadlines, with the cover sheet."""
    group_name, when, papers = _expected(db, meeting_ref)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    template = cover_template(db, folder / "Cover sheet template.docx")
    by_author: dict[tuple[str, str], list[chase_list.ExpectedPaper]] = {}
    for paper in papers:
        by_author.setdefault((paper.author, paper.author_email), []).append(paper)
    written = []
    sender = str(settings.get(db, "organisation_name"))
    for (author, email), theirs in by_author.items():
        message = chase_list.author_draft(group_name, when, author, email, theirs, template, sender)
        name = re.sub(r"[^A-Za-z0-9 ._-]", "", author).strip() or "author"
        written.append(eml.save(message, child_file(folder, f"Papers request - {name}.eml")))
    return written
