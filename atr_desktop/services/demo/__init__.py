"""``demo``: a realistic demo programme, so a newcomer always sees the whole app.

Each feature adds its own demo data by appending a step to :data:`STEPS`; a step takes the
database, the demo's "today" and a seeded random generator, and returns counts of what it
added. Steps run in order, each building on the ones before.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from atr_desktop.errors import UserError
from atr_desktop.services.demo import agendas, calendar, governance, packs, people, records
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import DbMeta

Step = Callable[[Database, dt.date, random.Random], dict[str, int]]

STEPS: list[Step] = [
    people.add_people,
    calendar.add_meetings,
    governance.add_governance,
    agendas.add_agendas,
    records.add_records,
    packs.issue_demo_pack,
]


def build_demo(db: Database, today: dt.date | None = None) -> dict[str, int]:
    """Fill ``db`` with the demo programme; refuses a database that already has it."""
    if db.meta("demo") is not None:
        raise UserError(f"{db.path} already holds the demo programme.")
    today = today or dt.date.today()
    rng = random.Random(2027)
    summary: dict[str, int] = {}
    for step in STEPS:
        for key, count in step(db, today, rng).items():
            summary[key] = summary.get(key, 0) + count
    with db.session() as s:
        s.add(DbMeta(key="demo", value=today.isoformat()))
    return summary
