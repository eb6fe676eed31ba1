"""``demo``: a realistic demo programme, so a newcomer always sees the whole app.

Each feature adds its own demo data by appending a step to :data:`STEPS`; a step takes the
database, the demo's "today", a seeded random generator and the number of years the demo
spans, and returns counts of what it added. Steps run in order, each building on the ones
before. One year (the default) is what a newcomer explores; ``years=10`` is a programme's
decade of records, for trying the app at the size it must stay quick at. The same "today"
and years always give the same records.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Protocol

from atr_desktop.errors import UserError
from atr_desktop.services.demo import agendas, calendar, governance, packs, people, records
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import DbMeta

MAX_YEARS = 15


class Step(Protocol):
    """One step of the demo: adds its records and says how many of each it added."""

    __name__: str

    def __call__(
        self, db: Database, today: dt.date, rng: random.Random, years: int = 1
    ) -> dict[str, int]: ...


STEPS: list[Step] = [
    people.add_people,
    calendar.add_meetings,
    governance.add_governance,
    agendas.add_agendas,
    records.add_records,
    packs.issue_demo_pack,
]


def check_years(years: int) -> None:
    """Refuse a span the demo does not make (before any file is created)."""
    if not 1 <= years <= MAX_YEARS:
        raise UserError(f"The demo spans 1 to {MAX_YEARS} years: choose --years in that range.")


def build_demo(
    db: Database,
    today: dt.date | None = None,
    years: int = 1,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Fill ``db`` with ``years`` of the demo programme up to about six months after ``today``.

    Refuses a database that already has it. ``progress`` hears one line per finished step
    (a decade takes a while, and the command line shows it moving).
    """
    check_years(years)
    if db.meta("demo") is not None:
        raise UserError(f"{db.path} already holds the demo programme.")
    today = today or dt.date.today()
    rng = random.Random(2027)
    summary: dict[str, int] = {}
    with db.quick_commits():
        _run_steps(db, today, rng, years, progress, summary)
    with db.session() as s:
        s.add(DbMeta(key="demo", value=today.isoformat()))
    return summary


def _run_steps(
    db: Database,
    today: dt.date,
    rng: random.Random,
    years: int,
    progress: Callable[[str], None] | None,
    summary: dict[str, int],
) -> None:
    for number, step in enumerate(STEPS, start=1):
        started = time.perf_counter()
        added = step(db, today, rng, years=years)
        for key, count in added.items():
            summary[key] = summary.get(key, 0) + count
        if progress is not None:
            done = ", ".join(f"{n} {k}" for k, n in added.items()) or "nothing"
            took = time.perf_counter() - started
            progress(f"[{number}/{len(STEPS)}] {step.__name__}: {done} ({took:.1f} s)")
