"""Terms of Reference as data: one versioned set per group, the quorum rule in structured form."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from atr_desktop.domain.kinds import TorStatus
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class TorVersion(Stamped, Base):
    """A ToR version: 'draft' (editable) or 'approved' (never edited; a change is a new draft).

    Quorum: ``quorum_count`` members, or ``quorum_numerator/quorum_denominator`` of the voting
    members; ``quorum_chair_required`` (chair or vice-chair present); ``quorum_sectors`` a
    JSON list of sector names that must each be present.
    """

    __tablename__ = "tor_versions"
    __table_args__ = (UniqueConstraint("group_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    version: Mapped[int]
    status: Mapped[TorStatus] = mapped_column(StrEnumType(TorStatus, 20), default=TorStatus.DRAFT)
    purpose: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    membership: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(Text, default="")
    quorum_count: Mapped[int | None]
    quorum_numerator: Mapped[int | None]
    quorum_denominator: Mapped[int | None]
    quorum_chair_required: Mapped[bool] = mapped_column(Boolean, default=False)
    quorum_sectors: Mapped[str] = mapped_column(Text, default="[]")
    frequency: Mapped[str] = mapped_column(Text, default="")
    decision_making: Mapped[str] = mapped_column(Text, default="")
    reporting_line: Mapped[str] = mapped_column(Text, default="")
    declarations: Mapped[str] = mapped_column(Text, default="")
    review_date: Mapped[dt.date | None]
    extra_sections: Mapped[str] = mapped_column(Text, default="[]")
    approved_on: Mapped[dt.date | None]
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    approved_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    superseded_reason: Mapped[str] = mapped_column(Text, default="")
