"""Groups, the constituents of a joint group, and each group's standing agenda items."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from atr_desktop.domain.groups import GroupKind
from atr_desktop.domain.kinds import ItemKind
from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import StrEnumType


class Group(Stamped, Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[GroupKind] = mapped_column(StrEnumType(GroupKind, 30))
    age_focus: Mapped[str] = mapped_column(String(100), default="")
    rhythm: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_on: Mapped[dt.date | None]
    closed_reason: Mapped[str] = mapped_column(Text, default="")

    constituent_links: Mapped[list[GroupConstituent]] = relationship(
        foreign_keys="GroupConstituent.joint_id",
        cascade="all, delete-orphan",
        order_by="GroupConstituent.position",
    )

    @property
    def constituents(self) -> list[Group]:
        return [link.constituent for link in self.constituent_links]


class GroupConstituent(Base):
    """A joint group (JNC) is made of constituent groups (NET, MNC)."""

    __tablename__ = "group_constituents"
    joint_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    constituent_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    constituent: Mapped[Group] = relationship(foreign_keys=[constituent_id])


class StandingItem(Base):
    """The standing-items template applied to a group's new meetings."""

    __tablename__ = "standing_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ItemKind] = mapped_column(StrEnumType(ItemKind, 30), default=ItemKind.STANDARD)
    purpose: Mapped[str] = mapped_column(String(20), default="")
    lead: Mapped[str] = mapped_column(String(200), default="")
    minutes: Mapped[int] = mapped_column(default=5)
    has_papers: Mapped[bool] = mapped_column(Boolean, default=False)
