"""Every migration path ends where a fresh store starts, on both engines.

A store made at each earlier revision and upgraded to head must have the same tables,
columns, indexes and triggers (and, on PostgreSQL, functions) as a store made at head: a
migration that silently dropped a trigger (as a batch migration once dropped the search
triggers on ``meetings``) fails here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

from atr_desktop.storage import migrate
from atr_desktop.storage.database import make_engine, make_server_engine

pytestmark = [
    pytest.mark.both_engines,
    # SQLite's reflection skips 0005's expression indexes (compared through their SQL here)
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection:sqlalchemy.exc.SAWarning"),
]


def chain() -> list[str]:
    """The revisions from the first to head, in order."""
    graph = migrate.revisions()
    order = [rev for rev, down in graph.items() if down is None]
    while True:
        following = [rev for rev, down in graph.items() if down == order[-1]]
        if not following:
            return order
        order.append(following[0])


def schema(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        found = inspect(conn)
        tables = {}
        for table in sorted(found.get_table_names()):
            if table == "alembic_version":
                continue
            tables[table] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
                ],
                "indexes": sorted(
                    (i["name"], tuple(str(c) for c in i["column_names"]), bool(i["unique"]))
                    for i in found.get_indexes(table)
                    if i["name"]
                ),
                "unique": sorted(str(u["name"]) for u in found.get_unique_constraints(table)),
                "foreign_keys": sorted(
                    (str(f["name"]), f["referred_table"]) for f in found.get_foreign_keys(table)
                ),
            }
        if conn.dialect.name == "postgresql":
            triggers = conn.execute(
                text(
                    "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                    "WHERE NOT tgisinternal ORDER BY 1"
                )
            ).all()
            extra = conn.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = "
                    "p.pronamespace WHERE n.nspname = 'public' AND p.prokind = 'f' "
                    "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid "
                    "AND d.deptype = 'e') ORDER BY 1"
                )
            ).all()
        else:
            triggers = conn.execute(
                text("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1")
            ).all()
            extra = conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND sql IS NOT NULL ORDER BY 1"
                )
            ).all()
    return {"tables": tables, "triggers": [tuple(t) for t in triggers], "extra": extra}


@pytest.fixture
def new_engine(store_engine: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Makes empty stores of the test's engine; disposes of them afterwards."""
    made: list[Engine] = []

    def make(name: str) -> Engine:
        if store_engine == "postgresql":
            from tests.pg_stores import fresh_database

            engine = make_server_engine(fresh_database(request))
        else:
            engine = make_engine(tmp_path / f"{name}.db")
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.dispose()


def test_every_earlier_revision_upgrades_to_the_fresh_schema(new_engine, store_engine) -> None:  # type: ignore[no-untyped-def]
    revisions = chain()
    assert revisions[-1] == migrate.head()
    fresh = new_engine("fresh")
    migrate.upgrade(fresh)
    expected = schema(fresh)
    assert "search_index" in expected["tables"] and expected["triggers"]
    for revision in revisions[:-1]:
        engine = new_engine(f"from-{revision}")
        migrate.upgrade(engine, revision)
        assert migrate.current(engine) == revision
        migrate.upgrade(engine)
        got = schema(engine)
        assert got == expected, f"{store_engine}: upgrading from {revision} differs from fresh"


def test_migrations_carry_their_own_sql_and_import_nothing_of_the_app() -> None:
    """Frozen: a later change to live code can never change what an old revision made."""
    import ast

    for path in sorted((migrate.MIGRATIONS / "versions").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        ]
        assert not [m for m in imported if m and m.startswith("atr_desktop")], path.name
