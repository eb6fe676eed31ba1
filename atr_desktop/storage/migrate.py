"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini).

Opening a database only needs to know whether it is current, behind or newer; that is read
from the migration files' ``revision``/``down_revision`` lines without importing Alembic
(which costs a noticeable part of start-up). Alembic loads only to upgrade.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = (?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def revisions() -> dict[str, str | None]:
    """Every revision this version carries -> the revision it follows."""
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev and down:
            graph[rev.group(1)] = down.group(1)
    return graph


def head() -> str:
    graph = revisions()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads[0]


def current(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty one (on either engine)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def state(engine: Engine) -> Literal["current", "behind", "newer"]:
    """Where the database stands against the migrations this version carries."""
    rev = current(engine)
    if rev == head():
        return "current"
    if rev is not None and rev not in revisions():
        return "newer"
    return "behind"


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
