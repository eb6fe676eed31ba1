"""Every table of ATR Desktop, designed for the whole mission (see docs/storage.md).

Importing this package registers all models on :data:`Base.metadata`, which Alembic compares
with the migrations.
"""

from atr_desktop.storage.models.admin import (
    AuditEntry,
    DbMeta,
    DraftText,
    Erasure,
    Lease,
    Setting,
)
from atr_desktop.storage.models.base import Base
from atr_desktop.storage.models.decisions import Action, ActionUpdate, Decision
from atr_desktop.storage.models.groups import Group, GroupConstituent, StandingItem
from atr_desktop.storage.models.meetings import (
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    MeetingSeries,
    Paper,
    PaperFile,
)
from atr_desktop.storage.models.minutes import (
    Attendance,
    ItemDeclaration,
    MinuteAmendment,
    MinuteEntry,
    Minutes,
)
from atr_desktop.storage.models.packs import Pack
from atr_desktop.storage.models.people import (
    Declaration,
    Membership,
    Organisation,
    Person,
    Sector,
)
from atr_desktop.storage.models.tor import TorVersion

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "AuditEntry",
    "Base",
    "DbMeta",
    "Decision",
    "Declaration",
    "DraftText",
    "Erasure",
    "ForwardPlanItem",
    "Group",
    "GroupConstituent",
    "ItemDeclaration",
    "Lease",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MinuteAmendment",
    "MinuteEntry",
    "Minutes",
    "Organisation",
    "Pack",
    "Paper",
    "PaperFile",
    "Person",
    "Sector",
    "Setting",
    "StandingItem",
    "TorVersion",
]
