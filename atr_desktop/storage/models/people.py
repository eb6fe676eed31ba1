"""People, organisations and sectors, memberships and the declarations of interest register."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from atr_desktop.storage.models.base import Base, Stamped
from atr_desktop.storage.models.types import nocase


class Sector(Base):
    __tablename__ = "sectors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(nocase(100), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Organisation(Stamped, Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(nocase(200), unique=True)
    sector_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id"))
    sector: Mapped[Sector | None] = relationship()


class Person(Stamped, Base):
    """Email is unique compared case-insensitively (NOCASE / citext); blank emails are NULL."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(40), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    email: Mapped[str | None] = mapped_column(nocase(254), unique=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    lived_experience: Mapped[bool] = mapped_column(Boolean, default=False)
    preferences: Mapped[str] = mapped_column(Text, default="")
    erased_at: Mapped[dt.datetime | None]

    organisation: Mapped[Organisation | None] = relationship()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


class Membership(Stamped, Base):
    """A person's role on a group over a period. Ending sets end_date; rows are never deleted."""

    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    deputy_for_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    end_reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    deputy_for: Mapped[Person | None] = relationship(foreign_keys=[deputy_for_id])


class Declaration(Stamped, Base):
    """An entry in the declarations of interest register, re-confirmed yearly."""

    __tablename__ = "declarations"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    interest: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40), default="")
    declared_on: Mapped[dt.date]
    confirmed_on: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None]

    person: Mapped[Person] = relationship()
