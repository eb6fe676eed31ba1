"""Alembic environment: uses the connection handed over by storage.migrate."""

from alembic import context

from atr_desktop.storage.models import Base
from atr_desktop.storage.search_schema import is_storage_table

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for 'alembic revision --autogenerate'
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///autogen.db"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=lambda name, kind, parent: not (kind == "table" and is_storage_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
