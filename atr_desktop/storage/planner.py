"""Keeping SQLite's planner statistics in step with a store that grows for a decade.

SQLite chooses indexes from ``sqlite_stat1``, which only ``ANALYZE`` writes. A store whose
action log grew from hundreds of rows to tens of thousands since it was last analysed (or
never was) makes the planner pick a plain status index over the partial "open and due"
index: ``home`` took 51 ms instead of 12 ms on 100,000 actions. SQLite 3.40's
``PRAGMA optimize`` only looks at tables the connection has already queried, so on
opening for writing each table whose row count has moved far from its recorded one is
analysed again. In full: sampled statistics (``analysis_limit``) misjudged the status
index and kept the bad plan. It costs about 50 ms for 100,000 actions, and only when a
table has doubled (or halved) since, so a handful of times in a decade.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

SMALL = 500  # tables this small are cheap to scan whatever the planner chooses
DRIFT = 2.0  # re-analyse when the row count is this many times off the recorded one


def stale_tables(engine: Engine) -> list[str]:
    """Tables with indexes whose recorded size is missing or far from their size now."""
    with engine.connect() as con:
        has_stats = con.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        ).first()
        recorded: dict[str, int] = {}
        if has_stats:
            for table, stat in con.execute(text("SELECT tbl, stat FROM sqlite_stat1")):
                first = str(stat or "").split(" ", 1)[0]
                if first.isdigit():
                    recorded[table] = max(recorded.get(table, 0), int(first))
        indexed = [
            name
            for (name,) in con.execute(
                text(
                    "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name NOT LIKE 'sqlite_%'"
                )
            )
        ]
        stale = []
        for table in indexed:
            # max(rowid) is one step down the table's b-tree: a size estimate, not a scan.
            rows = con.execute(text(f'SELECT max(rowid) FROM "{table}"')).scalar() or 0
            if rows < SMALL:
                continue
            known = recorded.get(table)
            if known is None or not (known / DRIFT <= rows <= known * DRIFT):
                stale.append(table)
        return stale


def refresh_statistics(engine: Engine) -> list[str]:
    """Analyse the tables whose statistics went stale; returns their names.

    Statistics only make reads quicker: a store that cannot be written to now (a full
    disk, a busy writer) opens as it is, and the next opening tries again.
    """
    try:
        stale = stale_tables(engine)
        if stale:
            with engine.begin() as con:
                for table in stale:
                    con.execute(text(f'ANALYZE "{table}"'))
            log.info("planner statistics refreshed for %d tables", len(stale))
    except SQLAlchemyError as exc:
        log.info("planner statistics not refreshed (%s)", type(exc).__name__)
        return []
    return stale
