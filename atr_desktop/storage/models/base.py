"""The declarative base, with a naming convention so Alembic's batch mode can alter SQLite."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import MetaData, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Stamped:
    """Created and updated times (UTC), for audit and for 'what changed since'; and a
    version, raised and checked by every save, so a save over someone else's change made
    since the record was read is refused rather than silently lost (a team's shared
    store; it holds on a file too)."""

    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(
        server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    row_version: Mapped[int] = mapped_column(server_default=text("1"))  # packs have 'version'

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.row_version}
