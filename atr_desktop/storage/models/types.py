"""Column types: a domain StrEnum kept in a plain text column (no native ENUM type).

The database holds the enum's string values exactly as before the enums existed, so no
migration was needed and any SQL tool reads them. A value this version does not know (one
written by a newer version) is read back as its plain string rather than refused, so an
older copy of the app can still open and show the record.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class StrEnumType(TypeDecorator[StrEnum]):
    """A ``String(length)`` column whose values are members of ``enum``."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        try:
            return self.enum(value)
        except ValueError:
            return value


class NoCase(TypeDecorator[str]):
    """Text unique and compared case-insensitively on either engine: SQLite's NOCASE
    collation, PostgreSQL's citext (so ``Person.email == typed`` matches in any case on both).

    The citext type is looked up only on PostgreSQL: importing SQLAlchemy's PostgreSQL
    dialect (and its asyncpg and pg8000 drivers) cost every SQLite start about 30 ms."""

    impl = String
    cache_ok = True

    def __init__(self, length: int) -> None:
        super().__init__(length, collation="NOCASE")

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import CITEXT

            return dialect.type_descriptor(CITEXT())
        return dialect.type_descriptor(self.impl_instance)


def nocase(length: int) -> TypeEngine[str]:
    """A :class:`NoCase` column type of ``length`` characters."""
    return NoCase(length)


def holds_text(column_type: TypeEngine[Any]) -> bool:
    """True for a text column, its type plain or decorated (:class:`NoCase`,
    :class:`StrEnumType`): the schema-driven erasure finds every text column by this."""
    return isinstance(getattr(column_type, "impl_instance", column_type), String)
