"""Issuing packs (kept exactly as issued), reopening them, and the email draft.

An issued pack is a governance record: its PDF goes into the content store and its sha256
is checked whenever it is reopened. A supplement numbers its pages on from the main pack
and its earlier supplements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.documents import eml
from atr_desktop.documents.pack import runner
from atr_desktop.domain.dates import hhmm, long_date, medium_date
from atr_desktop.domain.pack import megabytes, too_large
from atr_desktop.errors import NotFound, UserError
from atr_desktop.paths import child_file
from atr_desktop.services import audit, settings
from atr_desktop.services import pack as pack_service
from atr_desktop.services.members import member_on_clause
from atr_desktop.services.papers import fix_letters
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, GroupConstituent, Meeting, Membership, Pack, Person


@dataclass(frozen=True)
class PackInfo:
    id: int
    meeting_id: int
    kind: str
    version: int
    supplement_number: int
    issued_on: dt.date
    sha256: str
    size: int
    page_count: int
    first_page: int
    last_page: int
    note: str
    withdrawn_reason: str


def _info(p: Pack) -> PackInfo:
    return PackInfo(
        id=p.id,
        meeting_id=p.meeting_id,
        kind=p.kind,
        version=p.version,
        supplement_number=p.supplement_number,
        issued_on=p.issued_on,
        sha256=p.sha256,
        size=p.size,
        page_count=p.page_count,
        first_page=p.first_page,
        last_page=p.first_page + p.page_count - 1,
        note=p.note,
        withdrawn_reason=p.withdrawn_reason,
    )


def issued_packs(session: Session, meeting_id: int) -> list[Pack]:
    """The meeting's packs in issue order, withdrawn ones left out."""
    return list(
        session.scalars(
            select(Pack)
            .where(Pack.meeting_id == meeting_id, Pack.withdrawn_reason == "")
            .order_by(Pack.id)
        )
    )


def supplement_base(session: Session, meeting_id: int) -> tuple[int, int, dt.datetime]:
    """(first page, supplement number, issued at) for the next supplementary pack."""
    packs = issued_packs(session, meeting_id)
    mains = [p for p in packs if p.kind == "main"]
    if not mains:
        raise UserError("Issue the main pack first: a supplementary pack follows an issued one.")
    base = mains[-1]
    chain = [base] + [p for p in packs if p.kind == "supplement" and p.version == base.version]
    last_page = max(p.first_page + p.page_count - 1 for p in chain)
    since = max(p.created_at for p in chain)
    return last_page + 1, len(chain), since


@dataclass(frozen=True)
class IssuePlan:
    """What will be issued: the pack's plan and its version, read before the slow build."""

    plan: pack_service.PackPlan
    version: int
    today: dt.date


def plan_issue(
    db: Database, ref: str | int, kind: str = "main", today: dt.date | None = None
) -> IssuePlan:
    today = today or dt.date.today()
    with db.session() as s:
        meeting = find_meeting(s, ref)
        packs = issued_packs(s, meeting.id)
        same = [p for p in packs if p.kind == kind]
        mains = [p for p in packs if p.kind == "main"]
        version = len(same) + 1 if kind != "supplement" else (mains[-1].version if mains else 1)
        supplements = [
            p for p in packs if p.kind == "supplement" and mains and p.version == mains[-1].version
        ]
    issued = f"issued {medium_date(today)}"
    if kind == "supplement":
        line = f"Supplementary pack {len(supplements) + 1} to pack version {version}, {issued}"
    elif kind == "restricted":
        line = f"Part B pack version {version}, {issued}"
    else:
        line = f"Pack version {version}, {issued}"
    return IssuePlan(pack_service.plan(db, ref, kind, line, today), version, today)


def record_issue(
    db: Database, issue_plan: IssuePlan, pdf: Path, result: pack_service.BuildResult
) -> PackInfo:
    """Keep the built pack exactly as issued: bytes in the store, a Pack row, an audit line."""
    plan = issue_plan.plan
    data = pdf.read_bytes()
    sha = db.blobs.put_bytes(data)
    note = plan.header.note
    if result.placeholders:
        note += (
            ("\n" if note else "")
            + "Placeholders: "
            + "; ".join(str(p) for p in result.placeholders)
        )
    with db.session() as s:
        row = Pack(
            meeting_id=plan.meeting_id,
            kind=plan.kind,
            version=issue_plan.version,
            supplement_number=plan.supplement,
            issued_on=issue_plan.today,
            sha256=sha,
            size=len(data),
            page_count=result.page_count,
            first_page=plan.first_page,
            note=note,
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
        s.add(row)
        s.flush()
        audit.record(s, "pack", row.id, "issue", f"{plan.label} {plan.kind} v{issue_plan.version}")
        fixed = fix_letters(s, s.get_one(Meeting, plan.meeting_id))
        if fixed:
            audit.record(s, "pack", row.id, "fix-references", ", ".join(fixed))
        return _info(row)


def issue(
    db: Database,
    ref: str | int,
    kind: str = "main",
    out: Path | None = None,
    placeholders: bool = False,
    today: dt.date | None = None,
) -> tuple[PackInfo, pack_service.BuildResult]:
    """Build and record the pack as issued; its bytes go into the content store."""
    issue_plan = plan_issue(db, ref, kind, today)
    with tempfile.TemporaryDirectory(prefix="atr-issue-") as work:
        target = Path(work) / "pack.pdf"
        with runner.Worker() as worker:
            checked = pack_service.check_plan(issue_plan.plan, worker=worker)
            result = pack_service.build_plan(checked, target, placeholders, worker=worker)
        info = record_issue(db, issue_plan, target, result)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, out)
    return info, result


def withdraw(db: Database, ref: str | int, pack_id: int, reason: str) -> PackInfo:
    """Withdraw an issued pack with a reason; it stays on record (never deleted)."""
    if not reason.strip():
        raise UserError("Say why the pack is withdrawn (--reason): it stays on record.")
    with db.session() as s:
        meeting = find_meeting(s, ref)
        row = s.get(Pack, pack_id)
        if row is None or row.meeting_id != meeting.id:
            raise NotFound(f"This meeting has no issued pack {pack_id}: 'pack list' shows them.")
        if row.withdrawn_reason:
            raise UserError(f"Pack {pack_id} was already withdrawn: {row.withdrawn_reason}")
        row.withdrawn_reason = reason.strip()
        audit.record(s, "pack", row.id, "withdraw", reason.strip())
        return _info(row)


def list_packs(db: Database, ref: str | int) -> list[PackInfo]:
    with db.session() as s:
        meeting = find_meeting(s, ref)
        rows = s.scalars(select(Pack).where(Pack.meeting_id == meeting.id).order_by(Pack.id))
        return [_info(p) for p in rows]


def _choose(
    session: Session, meeting: Meeting, version: int | None, pack_id: int | None, kind: str
) -> Pack:
    if pack_id is not None:
        row = session.get(Pack, pack_id)
        if row is None or row.meeting_id != meeting.id:
            raise NotFound(f"This meeting has no issued pack {pack_id}: 'pack list' shows them.")
        return row
    packs = [p for p in issued_packs(session, meeting.id) if p.kind == kind]
    if version is not None:
        packs = [p for p in packs if p.version == version]
    if not packs:
        raise NotFound("No such pack has been issued for this meeting: 'pack list' shows them.")
    return packs[-1]


def export_issued(
    db: Database,
    ref: str | int,
    out: Path,
    version: int | None = None,
    pack_id: int | None = None,
    kind: str = "main",
) -> PackInfo:
    """Write the issued pack's exact bytes to ``out``, after checking they are unchanged."""
    with db.session() as s:
        row = _choose(s, find_meeting(s, ref), version, pack_id, kind)
        info = _info(row)
    try:
        data = db.blobs.read_bytes(info.sha256)
    except OSError:
        raise UserError(
            "The issued pack's file is missing from the papers' store: restore from a backup."
        ) from None
    if hashlib.sha256(data).hexdigest() != info.sha256:
        raise UserError(
            "The issued pack's file has been changed since it was issued: restore from a backup."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return info


def distribution(session: Session, meeting: Meeting, today: dt.date) -> list[tuple[str, str]]:
    """Current members (with an email) of the meeting's group and, if joint, its members."""
    constituents = session.scalars(
        select(GroupConstituent.constituent_id).where(GroupConstituent.joint_id == meeting.group_id)
    )
    ids = [meeting.group_id, *constituents]
    rows = session.scalars(
        select(Person)
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Membership.group_id.in_(ids),
            member_on_clause(today),
            Person.erased_at.is_(None),
            Person.email.is_not(None),
            Person.email != "",
        )
        .order_by(Person.last_name, Person.first_name)
    ).all()
    seen: dict[str, tuple[str, str]] = {}
    for person in rows:
        assert person.email is not None
        seen.setdefault(person.email.lower(), (person.full_name, person.email))
    return list(seen.values())


@dataclass(frozen=True)
class EmailDraft:
    path: Path
    recipients: int
    attached: bool
    pack_path: Path | None


def has_sendable_pack(db: Database, ref: str | int) -> bool:
    """Whether the meeting has an issued pack that may go to the whole distribution list."""
    with db.session() as s:
        meeting = find_meeting(s, ref)
        return any(p.kind != "restricted" for p in issued_packs(s, meeting.id))


def email_draft(
    db: Database,
    ref: str | int,
    out: Path,
    pack_id: int | None = None,
    today: dt.date | None = None,
) -> EmailDraft:
    """A draft to the distribution list with the latest issued pack (not restricted)."""
    today = today or dt.date.today()
    limit = int(settings.get(db, "pack_email_limit_mb"))
    with db.session() as s:
        meeting = find_meeting(s, ref)
        if pack_id is not None:
            row = _choose(s, meeting, None, pack_id, "main")
        else:
            shareable = [p for p in issued_packs(s, meeting.id) if p.kind != "restricted"]
            if not shareable:
                raise UserError("Issue the pack first ('pack issue'): only an issued pack is sent.")
            row = shareable[-1]
        if row.kind == "restricted":
            raise UserError(
                "A restricted (Part B) pack is not sent to the whole distribution list: "
                "send it yourself to those entitled to it."
            )
        info = _info(row)
        group = s.get(Group, meeting.group_id)
        assert group is not None
        to = distribution(s, meeting, today)
        when = f"{long_date(meeting.date)} at {hhmm(meeting.start_time)}"
        where = meeting.venue or meeting.online_link
    what = f"supplementary pack {info.supplement_number}" if info.kind == "supplement" else "pack"
    pdf_name = f"{group.code}-{meeting.date.isoformat()}-{what.replace(' ', '-')}.pdf"
    pdf_path = child_file(out.parent, pdf_name)
    export_issued(db, ref, pdf_path, pack_id=info.id)
    attached = not too_large(info.size, limit)
    lines = [
        "Dear colleagues,",
        "",
        f"Please find {'attached' if attached else 'below a note about'} the {what} for the "
        f"meeting of the {group.name} on {when}" + (f", {where}." if where else "."),
        "",
        f"It runs to {info.page_count} pages (pack pages {info.first_page} to "
        f"{info.last_page}); the agenda links to each item's papers.",
    ]
    if info.note and info.kind == "supplement":
        lines += ["", "This supplement adds:", info.note]
    if not attached:
        lines += [
            "",
            f"The pack is {megabytes(info.size)}, larger than the {limit} MB email limit, so it "
            f"is not attached. It is saved as {pdf_name}: share it through your "
            "organisation's file-sharing service and put the link here.",
        ]
    lines += ["", "Kind regards,", "", f"{group.name} secretariat"]
    subject = f"{group.name}, {long_date(meeting.date)}: {what}"
    message = eml.draft(to, subject, "\n".join(lines), [pdf_path] if attached else [])
    eml.save(message, out)
    return EmailDraft(out, len(to), attached, pdf_path)
