"""Issued packs, kept exactly as issued (the PDF is in the content store by sha256)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from atr_desktop.domain.kinds import PackKind
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class Pack(Stamped, Base):
    """Kind: main, supplement, restricted. A supplement numbers its pages on from
    ``first_page``. Withdrawn with a reason, never deleted."""

    __tablename__ = "packs"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    kind: Mapped[PackKind] = mapped_column(StrEnumType(PackKind, 20), default=PackKind.MAIN)
    version: Mapped[int] = mapped_column(default=1)
    supplement_number: Mapped[int] = mapped_column(default=0)
    issued_on: Mapped[dt.date]
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    page_count: Mapped[int]
    first_page: Mapped[int] = mapped_column(default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
