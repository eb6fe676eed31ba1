"""The database's own records: identity, settings, audit trail, erasures, unsaved typing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from atr_desktop.storage.models.base import Base


class DbMeta(Base):
    """Key/value facts about this database file: its UUID, its hand-over generation."""

    __tablename__ = "db_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """A setting that differs from its default (domain.settings); value is JSON."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Append-only: who (OS user, machine) changed what and when. Never updated or deleted."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp(), index=True)
    user: Mapped[str] = mapped_column(String(200))
    machine: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[int] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")


class Erasure(Base):
    """A UK GDPR erasure, itself on record: when, by whom, which person id, why."""

    __tablename__ = "erasures"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
    user: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[int]
    placeholder: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")


class DraftText(Base):
    """Typing not yet saved (minutes as they are taken), so a crash loses nothing."""

    __tablename__ = "draft_text"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())


class Lease(Base):
    """Who is editing a long record (a meeting's minutes or register) and until when (UTC).

    A row is a promise that lapses by itself: renewed every minute while its holder edits,
    it expires 5 minutes after the last renewal, so a crash never locks anyone out for long.
    ``record_id`` is the meeting's id (its minutes may not exist yet).
    """

    __tablename__ = "leases"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    holder: Mapped[str] = mapped_column(String(200))  # login: the server role, or OS user
    holder_name: Mapped[str] = mapped_column(String(200))
    machine: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
