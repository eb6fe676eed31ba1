"""Creating a database from a programme template, and opening one for a face to use."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.domain.groups import TEMPLATES
from atr_desktop.errors import UserError
from atr_desktop.services.groups import GroupInput, add_group
from atr_desktop.storage.database import Database, create_database, create_server_database


def init_database(path: Path, template: str = "wy-atr", url: str | None = None) -> Database:
    """A new database at ``path``, started from ``template`` ('wy-atr' or 'blank').

    With ``url``, the store is made on that PostgreSQL server (an empty database) and
    ``path`` is this computer's stand-in for it (paths.resolve_db_path).
    """
    if template not in TEMPLATES:
        raise UserError(f"There is no template '{template}': choose one of {', '.join(TEMPLATES)}.")
    db = create_server_database(url, path.parent) if url else create_database(path)
    apply_template(db, template)
    return db


def apply_template(db: Database, template: str) -> None:
    for spec in TEMPLATES[template]:
        add_group(
            db,
            GroupInput(
                code=spec.code,
                name=spec.name,
                kind=spec.kind.value,
                age_focus=spec.age_focus,
                rhythm=spec.rhythm,
                description=spec.description,
                constituents=list(spec.constituents),
            ),
        )
