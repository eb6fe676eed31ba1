"""Meetings and series, agenda items, the forward plan, papers and their stored files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from atr_desktop.domain.kinds import ItemKind, MeetingStatus, PaperStatus
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class MeetingSeries(Stamped, Base):
    """How a run of meetings was scheduled (rule and exceptions), for the record."""

    __tablename__ = "meeting_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    rule: Mapped[str] = mapped_column(Text)
    uid: Mapped[str] = mapped_column(String(100), unique=True)


class Meeting(Stamped, Base):
    """A meeting of one group (a joint meeting belongs to the joint group).

    ``uid`` and ``ics_sequence`` keep calendar invites stable: a re-sent invite updates.
    ``papers_due``/``pack_issue`` are None when they follow the settings.
    """

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_series.id"))
    date: Mapped[dt.date] = mapped_column(index=True)
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time | None]
    venue: Mapped[str] = mapped_column(Text, default="")
    online_link: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[MeetingStatus] = mapped_column(
        StrEnumType(MeetingStatus, 20), default=MeetingStatus.PLANNED
    )
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    papers_due: Mapped[dt.date | None]
    pack_issue: Mapped[dt.date | None]
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    ics_sequence: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class AgendaItem(Stamped, Base):
    """An item or sub-item; numbers (1, 2, 2.1) follow from ``position`` within its parent.

    ``kind`` marks standing items the app fills itself: apologies, declarations, minutes,
    action_log, aob (always last); 'standard' for the rest.
    """

    __tablename__ = "agenda_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(String(20), default="")
    minutes_allotted: Mapped[int] = mapped_column(default=10)
    has_papers: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why a Part B item is exempt (domain.marking.EXEMPTIONS); 'other' has its words.
    exemption: Mapped[str] = mapped_column(String(20), default="")
    exemption_note: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ItemKind] = mapped_column(StrEnumType(ItemKind, 20), default=ItemKind.STANDARD)
    added_on_day: Mapped[bool] = mapped_column(Boolean, default=False)
    deferred: Mapped[bool] = mapped_column(Boolean, default=False)
    forward_plan_id: Mapped[int | None] = mapped_column(ForeignKey("forward_plan.id"))

    papers: Mapped[list[Paper]] = relationship(back_populates="item", order_by="Paper.id")


class ForwardPlanItem(Stamped, Base):
    """An item promised to a future meeting of a group: on a date, or simply the next one.

    ``source`` is 'manual', 'tor_review' or 'deferred'; the agenda item that carries it
    points back through ``AgendaItem.forward_plan_id``.
    """

    __tablename__ = "forward_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(20), default="")
    lead: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[dt.date | None]
    source: Mapped[str] = mapped_column(String(20), default="manual")
    source_ref: Mapped[str] = mapped_column(String(100), default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")


class Paper(Stamped, Base):
    """A paper on an agenda item, with its cover sheet; files are in :class:`PaperFile`.

    Status: expected, received, late, withdrawn.
    """

    __tablename__ = "papers"
    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    reference: Mapped[str] = mapped_column(String(10), default="")
    # Fixed when the meeting's agenda is first issued in a pack; '' until then (domain.paper_refs).
    letter: Mapped[str] = mapped_column(String(4), default="")
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[PaperStatus] = mapped_column(
        StrEnumType(PaperStatus, 20), default=PaperStatus.EXPECTED
    )
    author: Mapped[str] = mapped_column(String(200), default="")
    author_email: Mapped[str] = mapped_column(String(254), default="")
    sponsor: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[dt.date | None]
    purpose: Mapped[str] = mapped_column(String(20), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    equality_impact: Mapped[str] = mapped_column(Text, default="")
    previously_considered: Mapped[str] = mapped_column(Text, default="")
    appendices: Mapped[str] = mapped_column(Text, default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[AgendaItem] = relationship(back_populates="papers")
    files: Mapped[list[PaperFile]] = relationship(order_by="PaperFile.version")


class PaperFile(Base):
    """One version of a paper's file; the bytes live in the content-addressed store by sha256."""

    __tablename__ = "paper_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id"), index=True)
    version: Mapped[int]
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100), default="")
    added_at: Mapped[dt.datetime]
    text: Mapped[str] = mapped_column(Text, default="")
