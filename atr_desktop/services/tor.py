"""Terms of Reference: one versioned set per group; drafts are edited, approved ones never.

A change to an approved ToR starts a new draft copied from the latest version; approving
it supersedes the version before (kept, with its reason). The quorum rule is stored in
structured form and read back as a domain QuorumRule for the minutes' quorum check.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from atr_desktop.domain.dates import long_date
from atr_desktop.domain.kinds import TorStatus
from atr_desktop.domain.quorum import QuorumRule
from atr_desktop.domain.tor import (
    QUORUM_TITLE,
    REVIEW_TITLE,
    TEXT_SECTIONS,
    SectionDiff,
    compare_sections,
    parse_fraction,
    review_flag,
    section_key,
)
from atr_desktop.errors import NotFound, UserError
from atr_desktop.services import audit, settings
from atr_desktop.services.groups import find_group
from atr_desktop.services.refs import find_meeting, meeting_label
from atr_desktop.services.versions import check as check_version
from atr_desktop.services.versions import check_same
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AuditEntry, Group, Meeting, TorVersion

APPROVED = ("approved", "superseded")


@dataclass(frozen=True)
class TorInfo:
    id: int
    group: str
    group_name: str
    version: int
    status: str
    texts: tuple[tuple[str, str], ...]  # (key, text) of each standard text section
    quorum: QuorumRule
    quorum_text: str
    review_date: dt.date | None
    extra_sections: tuple[tuple[str, str], ...]
    approved_on: dt.date | None
    approved_by: str
    approved_meeting: str
    superseded_reason: str
    review_flag: str
    row_version: int = field(default=0, compare=False)  # read by a dialog, sent back (versions.py)
    started: int = field(default=0, compare=False)  # a draft: the audit line that started it

    def text(self, key: str) -> str:
        return dict(self.texts).get(key, "")

    def sections(self) -> list[tuple[str, str]]:
        """(title, text) of every section in document order: what compare and Word show."""
        out = [(title, self.text(key)) for key, title in TEXT_SECTIONS]
        out.insert(4, (QUORUM_TITLE, self.quorum_text))
        out.append((REVIEW_TITLE, long_date(self.review_date) if self.review_date else ""))
        return out + list(self.extra_sections)


def rule_of(v: TorVersion) -> QuorumRule:
    return QuorumRule(
        count=v.quorum_count,
        numerator=v.quorum_numerator,
        denominator=v.quorum_denominator,
        chair_required=v.quorum_chair_required,
        sectors=tuple(json.loads(v.quorum_sectors or "[]")),
    )


def _info(s: Session, v: TorVersion, group: Group, today: dt.date, warn: int) -> TorInfo:
    rule = rule_of(v)
    meeting = s.get(Meeting, v.approved_meeting_id) if v.approved_meeting_id else None
    flag = review_flag(v.review_date, today, warn) if v.status == "approved" else ""
    return TorInfo(
        id=v.id,
        group=group.code,
        group_name=group.name,
        version=v.version,
        status=v.status,
        texts=tuple((key, getattr(v, key)) for key, _ in TEXT_SECTIONS),
        quorum=rule,
        quorum_text=rule.describe(),
        review_date=v.review_date,
        extra_sections=tuple((e["title"], e["text"]) for e in json.loads(v.extra_sections or "[]")),
        approved_on=v.approved_on,
        approved_by=v.approved_by,
        approved_meeting=meeting_label(meeting, group.code) if meeting else "",
        superseded_reason=v.superseded_reason,
        review_flag=flag,
        row_version=v.row_version,
        started=_started(s, v) if v.status == "draft" else 0,
    )


def _started(s: Session, draft: TorVersion) -> int:
    """Which draft this is: the audit line that started it. A draft discarded and started
    again is a new row at version 1 again, and SQLite may even give it the discarded one's
    id; the audit trail is append-only, so its line's id is never used twice."""
    return (
        s.scalar(
            select(func.max(AuditEntry.id)).where(
                AuditEntry.entity == "tor",
                AuditEntry.entity_id == draft.id,
                AuditEntry.action == "draft started",
            )
        )
        or 0
    )


def _versions(s: Session, group: Group) -> list[TorVersion]:
    return list(
        s.scalars(
            select(TorVersion).where(TorVersion.group_id == group.id).order_by(TorVersion.version)
        )
    )


def _warn(db: Database) -> int:
    return int(settings.get(db, "tor_review_warning_days"))


def list_versions(db: Database, group: str | int, today: dt.date | None = None) -> list[TorInfo]:
    today, warn = today or dt.date.today(), _warn(db)
    with db.session() as s:
        g = find_group(s, group)
        return [_info(s, v, g, today, warn) for v in _versions(s, g)]


def get_version(db: Database, group: str | int, version: int | None = None) -> TorInfo:
    """One version; by default the latest (the draft, if one is open)."""
    versions = list_versions(db, group)
    if not versions:
        code = get_group_code(db, group)
        raise NotFound(f"{code} has no Terms of Reference yet: 'tor draft --group {code}'.")
    if version is None:
        return versions[-1]
    for info in versions:
        if info.version == version:
            return info
    shown = ", ".join(str(v.version) for v in versions)
    raise NotFound(f"{versions[0].group} has no ToR version {version}: its versions are {shown}.")


def get_group_code(db: Database, group: str | int) -> str:
    with db.session() as s:
        return find_group(s, group).code


def _draft(s: Session, g: Group) -> TorVersion:
    draft = s.scalar(
        select(TorVersion).where(TorVersion.group_id == g.id, TorVersion.status == "draft")
    )
    if draft is None:
        raise UserError(
            f"{g.code} has no draft ToR to change: an approved version is never edited, so "
            f"start a new draft first ('tor draft --group {g.code}')."
        )
    return draft


def _apply(v: TorVersion, changes: dict[str, Any]) -> None:
    """Set sections and quorum from ``changes`` (keys as in a --from-file JSON)."""
    for name, value in changes.items():
        key = section_key(name) if name not in {"quorum", "extra_sections"} else name
        if key in dict(TEXT_SECTIONS):
            setattr(v, key, str(value or "").strip())
        elif key == "review_date":
            v.review_date = _date(value)
        elif key == "quorum":
            _set_quorum(v, dict(value or {}))
        elif key == "extra_sections":
            extras = [
                {"title": str(e["title"]).strip(), "text": str(e.get("text", "")).strip()}
                for e in value or []
            ]
            v.extra_sections = json.dumps(extras, ensure_ascii=False)
        else:
            _set_extra(v, name, str(value or ""))


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"'{value}' is not a date: write it as YYYY-MM-DD.") from None


def _set_quorum(v: TorVersion, q: dict[str, Any]) -> None:
    if "count" in q:
        count = q["count"]
        if count not in (None, "") and int(count) < 1:
            raise UserError("A quorum count must be at least 1 (or leave it out).")
        v.quorum_count = int(count) if count not in (None, "", 0) else None
    if "fraction" in q:
        if q["fraction"] in (None, ""):
            v.quorum_numerator = v.quorum_denominator = None
        else:
            try:
                v.quorum_numerator, v.quorum_denominator = parse_fraction(str(q["fraction"]))
            except ValueError as exc:
                raise UserError(str(exc)) from None
    if "chair_required" in q:
        v.quorum_chair_required = bool(q["chair_required"])
    if "sectors" in q:
        sectors = q["sectors"]
        if isinstance(sectors, str):
            sectors = [p for p in sectors.split(",")]
        clean = [" ".join(str(p).split()) for p in sectors if str(p).strip()]
        v.quorum_sectors = json.dumps(clean, ensure_ascii=False)


def _set_extra(v: TorVersion, title: str, text: str) -> None:
    """Add or replace the extra section ``title``; blank text removes it."""
    title = " ".join(title.split())
    if not title:
        raise UserError("An extra section needs a title.")
    current = json.loads(v.extra_sections or "[]")
    extras = [e for e in current if e["title"].lower() != title.lower()]
    if text.strip():
        old = [e["title"].lower() for e in current]
        entry = {"title": title, "text": text.strip()}
        if title.lower() in old:
            extras.insert(old.index(title.lower()), entry)
        else:
            extras.append(entry)
    v.extra_sections = json.dumps(extras, ensure_ascii=False)


_COPIED = [k for k, _ in TEXT_SECTIONS] + [
    "quorum_count",
    "quorum_numerator",
    "quorum_denominator",
    "quorum_chair_required",
    "quorum_sectors",
    "review_date",
    "extra_sections",
]


def start_draft(db: Database, group: str | int, changes: dict[str, Any] | None = None) -> TorInfo:
    """A new draft, copied from the latest version (or blank for the first), then ``changes``."""
    with db.session() as s:
        g = find_group(s, group)
        versions = _versions(s, g)
        if any(v.status == "draft" for v in versions):
            draft = next(v for v in versions if v.status == "draft")
            raise UserError(
                f"{g.code} already has a draft ToR (version {draft.version}): edit that draft, "
                "or approve it before starting another."
            )
        new = TorVersion(group_id=g.id, version=len(versions) + 1, status="draft")
        if versions:
            for attr in _COPIED:
                setattr(new, attr, getattr(versions[-1], attr))
        _apply(new, changes or {})
        s.add(new)
        s.flush()
        audit.record(s, "tor", new.id, "draft started", f"{g.code} version {new.version}")
        return _info(s, new, g, dt.date.today(), _warn(db))


def edit_draft(
    db: Database,
    group: str | int,
    changes: dict[str, Any],
    expected_version: int | None = None,
    started: int | None = None,
) -> TorInfo:
    """Change sections of the group's draft; an approved version is refused.
    ``expected_version``, ``started``: the row_version of the draft the caller read and which
    draft it was (TorInfo.started; services/versions.py). A draft discarded and started again
    is a new row at version 1 again, so its version alone cannot tell it from the one read."""
    with db.session() as s:
        g = find_group(s, group)
        draft = _draft(s, g)
        check_same(
            s,
            draft,
            started is None or _started(s, draft) == started,
            "tor",
            "discarded that draft and started another",
        )
        check_version(s, draft, expected_version, "tor", "draft Terms of Reference")
        _apply(draft, changes)
        audit.record(s, "tor", draft.id, "edited", ", ".join(changes))
        s.flush()
        return _info(s, draft, g, dt.date.today(), _warn(db))


def discard_draft(db: Database, group: str | int) -> None:
    """Drafts are work in progress and may be thrown away; approved versions never."""
    with db.session() as s:
        g = find_group(s, group)
        draft = _draft(s, g)
        audit.record(s, "tor", draft.id, "draft discarded", f"version {draft.version}")
        s.delete(draft)


def approve(
    db: Database,
    group: str | int,
    meeting: str | int | None = None,
    on: dt.date | None = None,
    by: str = "",
) -> TorInfo:
    """Approve the draft (at a meeting or on a date); the version before is superseded."""
    with db.session() as s:
        g = find_group(s, group)
        draft = _draft(s, g)
        held = find_meeting(s, meeting) if meeting is not None else None
        if not draft.purpose.strip():
            raise UserError("The draft has no purpose yet: write the Purpose section first.")
        if held is not None and held.group_id != g.id:
            raise UserError(f"That meeting is not a meeting of {g.code}.")
        approved_on = on or (held.date if held else dt.date.today())
        for old in _versions(s, g):
            if old.status == "approved":
                old.status = TorStatus.SUPERSEDED
                old.superseded_reason = (
                    f"Replaced by version {draft.version}, approved {approved_on.isoformat()}."
                )
        draft.status = TorStatus.APPROVED
        draft.approved_on = approved_on
        draft.approved_by = by.strip()
        draft.approved_meeting_id = held.id if held else None
        audit.record(
            s, "tor", draft.id, "approved", f"version {draft.version} {approved_on.isoformat()}"
        )
        s.flush()
        return _info(s, draft, g, dt.date.today(), _warn(db))


def compare(db: Database, group: str | int, old: int, new: int) -> list[SectionDiff]:
    """Two versions section by section (quorum in words, review date, extra sections)."""
    return compare_sections(
        get_version(db, group, old).sections(), get_version(db, group, new).sections()
    )


def approved_rule(
    db: Database, group: str | int, on_date: dt.date | None = None
) -> QuorumRule | None:
    """The quorum rule of the ToR version in force on ``on_date``; None if none was approved."""
    with db.session() as s:
        return rule_in_force(s, find_group(s, group).id, on_date or dt.date.today())


def rule_in_force(session: Session, group_id: int, on_date: dt.date) -> QuorumRule | None:
    """For services sharing a session: the quorum rule in force on ``on_date``, or None."""
    v = session.scalar(
        select(TorVersion)
        .where(
            TorVersion.group_id == group_id,
            TorVersion.status.in_(APPROVED),
            func.coalesce(TorVersion.approved_on, on_date) <= on_date,
        )
        .order_by(TorVersion.version.desc())
        .limit(1)
    )
    return rule_of(v) if v is not None else None


def reviews_due(db: Database, today: dt.date | None = None) -> list[TorInfo]:
    """Each group's approved ToR whose review is due soon or overdue."""
    today, warn = today or dt.date.today(), _warn(db)
    with db.session() as s:
        rows = s.scalars(select(TorVersion).where(TorVersion.status == "approved"))
        infos = [_info(s, v, s.get_one(Group, v.group_id), today, warn) for v in rows]
    return sorted((i for i in infos if i.review_flag), key=lambda i: i.review_date or today)


def export_docx(db: Database, group: str | int, out: Path, version: int | None = None) -> Path:
    """The ToR version (latest by default) to Word, with every version in the history table."""
    from atr_desktop.documents.tor_doc import TorDocument, build_tor
    from atr_desktop.services.house import house

    if out.suffix.lower() != ".docx":
        raise UserError(f"{out.name}: export the Terms of Reference to a .docx file.")
    info = get_version(db, group, version)
    history = [
        [
            str(v.version),
            v.status.capitalize(),
            long_date(v.approved_on) if v.approved_on else "",
            ", ".join(p for p in (v.approved_meeting, v.approved_by) if p),
        ]
        for v in list_versions(db, group)
    ]
    doc = TorDocument(info.group_name, info.version, info.status, info.sections(), history)
    return build_tor(house(db), doc, out)


def approval_meetings(db: Database, group: str | int) -> list[tuple[str, str]]:
    """The group's meetings, newest first, as (reference, 'Tuesday 9 February 2027')."""
    with db.session() as s:
        g = find_group(s, group)
        rows = s.scalars(
            select(Meeting).where(Meeting.group_id == g.id).order_by(Meeting.date.desc())
        )
        return [(meeting_label(m, g.code), long_date(m.date)) for m in rows]


def membership_text(db: Database, group: str | int, on_date: dt.date | None = None) -> str:
    """The Membership section drafted from the current members, one line per post, by role
    and organisation: '- Chair: Director of Public Health, Leeds City Council'. Names are
    left out (a ToR outlives the people in post)."""
    from atr_desktop.domain.people import ROLES
    from atr_desktop.services.members import current_members

    by_role: dict[str, list[str]] = {}
    for m in current_members(db, group, on_date):
        if m.via:
            continue
        post = ", ".join(p for p in (m.job_title, m.organisation) if p) or "to be confirmed"
        by_role.setdefault(m.role, []).append(post)
    lines = []
    for role in sorted(by_role, key=lambda r: ROLES.index(r) if r in ROLES else len(ROLES)):
        label = role[0].upper() + role[1:]
        lines += [f"- {label}: {post}" for post in sorted(by_role[role])]
    return "\n".join(lines)
