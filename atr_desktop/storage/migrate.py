"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    head_rev = ScriptDirectory.from_config(_config()).get_current_head()
    assert head_rev is not None
    return head_rev


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def state(engine: Engine) -> Literal["current", "behind", "newer"]:
    """Where the database stands against the migrations this version carries."""
    rev = current(engine)
    script = ScriptDirectory.from_config(_config())
    if rev == script.get_current_head():
        return "current"
    known = {s.revision for s in script.walk_revisions()}
    if rev is not None and rev not in known:
        return "newer"
    return "behind"


def upgrade(engine: Engine, target: str = "head") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
