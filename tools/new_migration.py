"""Write a new Alembic migration by comparing the models with the current head.

Usage: .venv/bin/python tools/new_migration.py "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from atr_desktop.storage import migrate
from atr_desktop.storage.database import make_engine


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "autogen.db")
        cfg = migrate._config()
        if any(migrate.MIGRATIONS.joinpath("versions").glob("*.py")):
            migrate.upgrade(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main()
