"""Papers on agenda items: expected (author, deadline), received, late, withdrawn; their
files in the blob store (a replacement keeps earlier versions); and their cover sheets.

Attaching checks the file first (services.paper_checks) and stores it before the record,
so a refused or vanished file leaves the database and the store as they were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.documents.text_extract import extract_text, extract_text_apart
from atr_desktop.domain.kinds import PaperStatus
from atr_desktop.domain.paper_refs import assign_letters, reference
from atr_desktop.domain.people import email_problem
from atr_desktop.domain.settings import COVER_SHEET_FIELDS
from atr_desktop.errors import UserError
from atr_desktop.services import audit, settings, versions
from atr_desktop.services.agenda import PURPOSES, ordered_items
from atr_desktop.services.meetings import deadlines, info
from atr_desktop.services.paper_checks import check_paper_file
from atr_desktop.services.refs import find_item, find_meeting, meeting_item_numbers
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Group, Meeting, Paper, PaperFile

COVER_LABELS = {
    "title": "Title",
    "agenda_reference": "Agenda reference",
    "author": "Author",
    "sponsor": "Sponsor or lead",
    "purpose": "Purpose",
    "summary": "Executive summary",
    "recommendation": "Recommendation",
    "risks": "Risks",
    "equality_impact": "Equality, diversity and inclusion impact",
    "previously_considered": "Previously considered by",
}
# Cover-sheet fields a user edits (agenda_reference follows from the agenda).
EDITABLE = (*(f for f in COVER_SHEET_FIELDS if f != "agenda_reference"), "author_email")
EDITABLE = (*EDITABLE, "appendices")


@dataclass(frozen=True)
class PaperInfo:
    id: int
    meeting_id: int
    item_id: int
    item_number: str
    item_title: str
    reference: str
    title: str
    status: str  # expected, received, late (expected and past its deadline), withdrawn
    author: str
    author_email: str
    sponsor: str
    deadline: dt.date | None
    purpose: str
    summary: str
    recommendation: str
    risks: str
    equality_impact: str
    previously_considered: str
    appendices: str
    filename: str
    version: int
    size: int
    sha256: str
    missing_fields: tuple[str, ...]
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)

    @property
    def agenda_reference(self) -> str:
        return f"Item {self.item_number}" + (f", paper {self.reference}" if self.reference else "")


def resolve_item(session: Session, meeting: Meeting, ref: str | int) -> AgendaItem:
    """An item by its number as typed ('2.1', a str) or by its id (an int, from the window)."""
    if isinstance(ref, int):
        item = session.get(AgendaItem, ref)
        if item is None or item.meeting_id != meeting.id:
            raise UserError("That agenda item no longer exists: refresh the agenda.")
        return item
    return find_item(session, meeting, ref)


def _status(paper: Paper, today: dt.date) -> str:
    if paper.status == "expected" and paper.deadline and paper.deadline < today:
        return "late"
    return paper.status


def _references(session: Session, meeting: Meeting) -> dict[int, str]:
    return _letters(ordered_items(session, meeting.id))


def _letters(ordered: list[tuple[AgendaItem, int]]) -> dict[int, str]:
    """Paper id -> its letter: fixed once the agenda was issued, else A, B, C ... in agenda
    order after the last letter used (a withdrawn paper without a fixed letter has none)."""
    return assign_letters(
        (paper.id, paper.letter, paper.status == "withdrawn")
        for item, _ in ordered
        for paper in item.papers
    )


def paper_references(session: Session, meeting: Meeting) -> dict[int, str]:
    """Paper id -> its full reference, 'SG/2027-02-09/C'."""
    group = session.get_one(Group, meeting.group_id)
    return {
        paper_id: reference(group.code, meeting.date, letter)
        for paper_id, letter in _references(session, meeting).items()
    }


def fix_letters(session: Session, meeting: Meeting) -> list[str]:
    """Keep every paper's current letter for good: called when the meeting's agenda is
    issued in a pack. Returns the references newly fixed."""
    ordered = ordered_items(session, meeting.id)
    letters = _letters(ordered)
    group = session.get_one(Group, meeting.group_id)
    fixed = []
    for item, _ in ordered:
        for paper in item.papers:
            if not paper.letter and paper.id in letters:
                paper.letter = letters[paper.id]
                fixed.append(reference(group.code, meeting.date, paper.letter))
    return fixed


def _infos(
    session: Session, meeting: Meeting, required: list[str], today: dt.date
) -> list[PaperInfo]:
    numbers = meeting_item_numbers(session, meeting.id)
    ordered = ordered_items(session, meeting.id)
    refs = _letters(ordered)
    out = []
    for item, _ in ordered:
        for paper in item.papers:
            latest = paper.files[-1] if paper.files else None
            missing = tuple(
                f for f in required if f != "agenda_reference" and not str(getattr(paper, f, ""))
            )
            out.append(
                PaperInfo(
                    id=paper.id,
                    meeting_id=meeting.id,
                    item_id=item.id,
                    item_number=numbers[item.id],
                    item_title=item.title,
                    reference=refs.get(paper.id, ""),
                    title=paper.title,
                    status=_status(paper, today),
                    author=paper.author,
                    author_email=paper.author_email,
                    sponsor=paper.sponsor,
                    deadline=paper.deadline,
                    purpose=paper.purpose,
                    summary=paper.summary,
                    recommendation=paper.recommendation,
                    risks=paper.risks,
                    equality_impact=paper.equality_impact,
                    previously_considered=paper.previously_considered,
                    appendices=paper.appendices,
                    filename=latest.filename if latest else "",
                    version=latest.version if latest else 0,
                    size=latest.size if latest else 0,
                    sha256=latest.sha256 if latest else "",
                    missing_fields=missing,
                    row_version=paper.row_version,
                )
            )
    return out


def list_papers(
    db: Database, meeting_ref: str | int, today: dt.date | None = None
) -> list[PaperInfo]:
    required = list(settings.get(db, "required_cover_fields"))
    with db.session() as s:
        return _infos(s, find_meeting(s, meeting_ref), required, today or dt.date.today())


def _one(db: Database, session: Session, paper: Paper, today: dt.date | None) -> PaperInfo:
    required = list(settings.get(db, "required_cover_fields"))
    item = session.get_one(AgendaItem, paper.agenda_item_id)
    meeting = session.get_one(Meeting, item.meeting_id)
    session.flush()
    session.expire_all()  # relationships (item.papers, paper.files) re-read after the flush
    infos = _infos(session, meeting, required, today or dt.date.today())
    return next(p for p in infos if p.id == paper.id)


def _papers_due(db: Database, session: Session, meeting: Meeting) -> dt.date:
    return info(meeting, session.get_one(Group, meeting.group_id), deadlines(db)).papers_due


def expect_paper(
    db: Database,
    meeting_ref: str | int,
    item_ref: str | int,
    title: str,
    author: str,
    author_email: str = "",
    deadline: dt.date | None = None,
) -> PaperInfo:
    """Record a paper still to come: its author and deadline (default: papers due date)."""
    if not title.strip():
        raise UserError("An expected paper needs a title.")
    if not author.strip():
        raise UserError("An expected paper needs its author, so they can be chased.")
    _check_email(author_email)
    with db.session() as s:
        meeting = find_meeting(s, meeting_ref)
        item = resolve_item(s, meeting, item_ref)
        paper = Paper(
            agenda_item_id=item.id,
            title=title.strip(),
            author=author.strip(),
            author_email=author_email.strip(),
            deadline=deadline or _papers_due(db, s, meeting),
            purpose=item.purpose if item.purpose in PURPOSES else "",
            sponsor=item.lead,
            status="expected",
        )
        s.add(paper)
        item.has_papers = True
        s.flush()
        audit.record(s, "paper", paper.id, "expected", paper.title)
        return _one(db, s, paper, None)


def attach_file(
    db: Database,
    meeting_ref: str | int,
    item_ref: str | int,
    path: Path,
    title: str | None = None,
    paper_id: int | None = None,
    today: dt.date | None = None,
    text_apart: bool = False,
) -> PaperInfo:
    """Attach a file to an item: to ``paper_id`` (a new version), else to the item's first
    expected paper without a file, else as a new paper. Refused files change nothing.

    ``text_apart``: read the paper's words for search in a separate process (the window,
    whose painting a long PDF read on a thread would stall).
    """
    path = Path(path)
    max_mb = int(settings.get(db, "paper_max_mb"))
    checked = check_paper_file(path, max_mb)
    text = extract_text_apart(path) if text_apart else extract_text(path)
    try:
        sha, size = db.blobs.put_file(path)
    except FileNotFoundError:
        raise UserError(
            f"{path.name} disappeared while it was being attached: check where it went, then "
            "attach it again."
        ) from None
    except OSError as exc:
        raise UserError(
            f"{path.name} could not be stored ({exc.strerror or exc}): check there is room on "
            "the disk, then try again."
        ) from None
    with db.session() as s:
        existed_before = bool(
            s.scalar(select(PaperFile.id).where(PaperFile.sha256 == sha).limit(1))
        )
    try:
        with db.session() as s:
            meeting = find_meeting(s, meeting_ref)
            item = resolve_item(s, meeting, item_ref)
            paper = _target_paper(s, item, paper_id)
            if paper is None:
                paper = Paper(
                    agenda_item_id=item.id,
                    title=(title or Path(checked.filename).stem).strip(),
                    purpose=item.purpose if item.purpose in PURPOSES else "",
                    sponsor=item.lead,
                    status="received",
                )
                s.add(paper)
                s.flush()
            elif title:
                paper.title = title.strip()
            if paper.status in ("expected", "late", "withdrawn"):
                paper.status = PaperStatus.RECEIVED
                paper.withdrawn_reason = ""
            version = (paper.files[-1].version + 1) if paper.files else 1
            s.add(
                PaperFile(
                    paper_id=paper.id,
                    version=version,
                    filename=checked.filename,
                    sha256=sha,
                    size=size,
                    media_type=checked.media_type,
                    added_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    text=text,
                )
            )
            item.has_papers = True
            s.flush()
            audit.record(s, "paper", paper.id, "file attached", f"v{version} {checked.filename}")
            return _one(db, s, paper, today)
    except BaseException:
        if not existed_before:
            db.blobs.path_for(sha).unlink(missing_ok=True)
        raise


def _target_paper(session: Session, item: AgendaItem, paper_id: int | None) -> Paper | None:
    if paper_id is not None:
        paper = session.get(Paper, paper_id)
        if paper is None or paper.agenda_item_id != item.id:
            raise UserError("That paper is not on this agenda item: choose the item again.")
        return paper
    for paper in item.papers:
        if paper.status in ("expected", "late") and not paper.files:
            return paper
    return None


def find_paper(session: Session, meeting: Meeting, ref: str) -> Paper:
    """A paper by its letter on this meeting's agenda ('C') or its id."""
    text = ref.strip()
    refs = _references(session, meeting)
    for paper_id, letter in refs.items():
        if letter == text.upper():
            return session.get_one(Paper, paper_id)
    if text.isdigit():
        paper = session.get(Paper, int(text))
        if paper is not None:
            item = session.get_one(AgendaItem, paper.agenda_item_id)
            if item.meeting_id == meeting.id:
                return paper
    shown = ", ".join(refs.values()) or "none yet"
    raise UserError(f"This meeting has no paper '{text}': its papers are {shown}.")


def update_cover(
    db: Database,
    meeting_ref: str | int,
    paper_ref: str,
    fields: dict[str, str],
    expected_version: int | None = None,
) -> PaperInfo:
    """Set cover-sheet fields (title, author, sponsor, purpose, summary, recommendation,
    risks, equality_impact, previously_considered, appendices, author_email);
    ``expected_version``: the row_version the caller read (services/versions.py)."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise UserError(f"'{unknown[0]}' is not a cover-sheet field: use {', '.join(EDITABLE)}.")
    if "purpose" in fields:
        purpose = fields["purpose"].strip().lower().removeprefix("for ")
        if purpose and purpose not in PURPOSES:
            raise UserError(f"'{purpose}' is not a purpose: use one of {', '.join(PURPOSES)}.")
        fields = {**fields, "purpose": purpose}
    if "title" in fields and not fields["title"].strip():
        raise UserError("A paper needs a title.")
    _check_email(fields.get("author_email", ""))
    with db.session() as s:
        paper = find_paper(s, find_meeting(s, meeting_ref), paper_ref)
        versions.check(s, paper, expected_version, "paper")
        for key, value in fields.items():
            setattr(paper, key, value.strip())
        audit.record(s, "paper", paper.id, "cover sheet edited", ", ".join(sorted(fields)))
        return _one(db, s, paper, None)


def _check_email(address: str) -> None:
    """An author's email goes into draft headers: refuse one that is not an address."""
    problem = email_problem(address) if address.strip() else None
    if problem:
        raise UserError(f"The author's email: {problem}. Correct it and try again.")


def update_cover_by_id(
    db: Database, paper_id: int, fields: dict[str, str], expected_version: int | None = None
) -> PaperInfo:
    with db.session() as s:
        meeting_id = _meeting_of(s, paper_id)
        return update_cover(db, meeting_id, str(paper_id), fields, expected_version)


def _meeting_of(session: Session, paper_id: int) -> int:
    paper = session.get(Paper, paper_id)
    if paper is None:
        raise UserError("That paper no longer exists: refresh the list.")
    return session.get_one(AgendaItem, paper.agenda_item_id).meeting_id


def get_paper(db: Database, paper_id: int) -> PaperInfo:
    """One paper as the lists show it (a cover-sheet dialog's Reload)."""
    with db.session() as s:
        _meeting_of(s, paper_id)  # refuses a paper that no longer exists, in a sentence
        return _one(db, s, s.get_one(Paper, paper_id), None)


def withdraw_paper(db: Database, paper_id: int, reason: str) -> PaperInfo:
    with db.session() as s:
        paper = s.get(Paper, paper_id)
        if paper is None:
            raise UserError("That paper no longer exists: refresh the list.")
        paper.status = PaperStatus.WITHDRAWN
        paper.withdrawn_reason = reason.strip() or "withdrawn"
        audit.record(s, "paper", paper.id, "withdrawn", paper.withdrawn_reason)
        return _one(db, s, paper, None)


def paper_versions(db: Database, paper_id: int) -> list[tuple[int, str, int, str]]:
    """(version, filename, size, sha256) of every stored version, oldest first."""
    with db.session() as s:
        rows = s.scalars(
            select(PaperFile).where(PaperFile.paper_id == paper_id).order_by(PaperFile.version)
        ).all()
        return [(r.version, r.filename, r.size, r.sha256) for r in rows]


def file_path(db: Database, sha256: str) -> Path:
    """Where a stored version's bytes are, to open or copy."""
    return db.blobs.path_for(sha256)
