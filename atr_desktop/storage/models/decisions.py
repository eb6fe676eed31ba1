"""The decision log and the action tracker: governance records, withdrawn never deleted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from atr_desktop.domain.kinds import ActionStatus, DecisionStatus
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class Decision(Stamped, Base):
    """A decision binding one group (for a joint meeting: the joint group or a constituent).

    Status: valid, withdrawn, superseded. Taken while not quorate: ``needs_ratification``
    until ``ratified_at_meeting_id`` is set.
    """

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    decided_on: Mapped[dt.date]
    text: Mapped[str] = mapped_column(Text)
    quorate: Mapped[bool] = mapped_column(Boolean, default=True)
    needs_ratification: Mapped[bool] = mapped_column(Boolean, default=False)
    ratified_at_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    status: Mapped[DecisionStatus] = mapped_column(
        StrEnumType(DecisionStatus, 20), default=DecisionStatus.VALID
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")


class Action(Stamped, Base):
    """An action: ref 'SG-2026-014', owner a person or free text, due and revised due dates.

    Status: open, in progress, proposed for closure, closed, superseded. RAG is derived from
    the dates (domain.rag) unless ``rag_override`` is set with its reason.
    """

    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(30), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    description: Mapped[str] = mapped_column(Text)
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    owner_text: Mapped[str] = mapped_column(String(200), default="")
    raised_on: Mapped[dt.date]
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    revised_due_date: Mapped[dt.date | None]
    status: Mapped[ActionStatus] = mapped_column(
        StrEnumType(ActionStatus, 30), default=ActionStatus.OPEN, index=True
    )
    rag_override: Mapped[str] = mapped_column(String(10), default="")
    rag_override_reason: Mapped[str] = mapped_column(Text, default="")
    closure_proposed_on: Mapped[dt.date | None]
    closed_at_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    closed_on: Mapped[dt.date | None]
    status_reason: Mapped[str] = mapped_column(Text, default="")

    updates: Mapped[list[ActionUpdate]] = relationship(order_by="ActionUpdate.on_date")


class ActionUpdate(Base):
    """A dated progress note on an action."""

    __tablename__ = "action_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    on_date: Mapped[dt.date]
    text: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(200), default="")
