"""The window's undo history (storage/undo.py): inverse SQL recorded by triggers."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from atr_desktop.storage.models.base import Base


class UndoState(Base):
    """One row: the step being recorded now (NULL when nothing is being recorded)."""

    __tablename__ = "undo_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    current_step: Mapped[int | None]


class UndoStep(Base):
    __tablename__ = "undo_steps"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))


class UndoEntry(Base):
    __tablename__ = "undo_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    step: Mapped[int] = mapped_column(index=True)
    statement: Mapped[str] = mapped_column(Text)
