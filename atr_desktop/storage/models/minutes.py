"""Attendance, declarations at meetings, minutes with their entries and amendments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from atr_desktop.domain.kinds import AttendanceStatus, MinutesStatus
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class Attendance(Stamped, Base):
    """One line of a meeting's register: a member or a named guest.

    Status: present, apologies, deputy, absent, in-attendance. A deputy names the member
    they attend for (``deputy_for_id``); ``constituent_group_id`` groups a joint register.
    """

    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[AttendanceStatus] = mapped_column(
        StrEnumType(AttendanceStatus, 20), default=AttendanceStatus.ABSENT
    )
    deputy_for_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    constituent_group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    arrived_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    left_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class ItemDeclaration(Stamped, Base):
    """An interest declared at a meeting, for an item or the whole meeting (item None)."""

    __tablename__ = "item_declarations"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    interest: Mapped[str] = mapped_column(Text)
    left_room: Mapped[bool] = mapped_column(Boolean, default=False)


class Minutes(Stamped, Base):
    """A meeting's minutes: 'draft' until approved at a later meeting, then locked."""

    __tablename__ = "minutes"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    status: Mapped[MinutesStatus] = mapped_column(
        StrEnumType(MinutesStatus, 20), default=MinutesStatus.DRAFT
    )
    approved_at_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    approved_on: Mapped[dt.date | None]
    amendments_agreed: Mapped[str] = mapped_column(Text, default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")


class MinuteEntry(Stamped, Base):
    """The discussion minuted under one agenda item (Markdown-like: paragraphs, '- ' bullets)."""

    __tablename__ = "minute_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), unique=True)
    discussion: Mapped[str] = mapped_column(Text, default="")


class MinuteAmendment(Base):
    """A dated correction to approved minutes, on record; the approved text is not touched."""

    __tablename__ = "minute_amendments"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    made_on: Mapped[dt.date]
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(200), default="")
