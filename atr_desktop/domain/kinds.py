"""The kinds and statuses a record can have, as enums (the database keeps their strings).

Each is a StrEnum, so a member IS its string: ``MeetingStatus.HELD == "held"``, it formats
as "held" and goes into JSON and SQL as "held". Columns stay plain text (no native ENUM
type), read back as members by storage.models.types.StrEnumType. Group kinds and agenda
purposes live beside their rules (domain.groups.GroupKind, domain.agenda.Purpose).
"""

from __future__ import annotations

from enum import StrEnum


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    PAPERS_ISSUED = "papers_issued"
    HELD = "held"
    CANCELLED = "cancelled"


class ItemKind(StrEnum):
    """An agenda item's kind: the standing items the app fills in, or ordinary business."""

    STANDARD = "standard"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    MINUTES = "minutes"
    ACTION_LOG = "action_log"
    AOB = "aob"


class PaperStatus(StrEnum):
    EXPECTED = "expected"
    RECEIVED = "received"
    LATE = "late"
    WITHDRAWN = "withdrawn"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    DEPUTY = "deputy"
    ABSENT = "absent"
    IN_ATTENDANCE = "in-attendance"


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class TorStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


class DecisionStatus(StrEnum):
    VALID = "valid"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    PROPOSED_FOR_CLOSURE = "proposed for closure"
    CLOSED = "closed"
    SUPERSEDED = "superseded"


class PackKind(StrEnum):
    MAIN = "main"
    SUPPLEMENT = "supplement"
    RESTRICTED = "restricted"
