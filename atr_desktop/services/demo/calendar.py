"""Demo meetings: SG and JNC quarterly, NET and MNC bi-monthly, for about six months ahead
of "today" and the rest of the demo's years behind it (a year: six months each way)."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select

from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Meeting

# code -> (months between meetings, weekday (Mon=0), week of month, start, end, venue)
RHYTHMS = {
    "SG": (3, 1, 2, dt.time(10, 0), dt.time(12, 30), "Wellington House, Leeds"),
    "NET": (2, 2, 1, dt.time(13, 30), dt.time(15, 30), "Microsoft Teams"),
    "MNC": (2, 3, 3, dt.time(10, 0), dt.time(12, 0), "Bradford City Hall"),
    "JNC": (3, 3, 4, dt.time(14, 0), dt.time(16, 0), "Calderdale College, Halifax"),
}


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (nth - 1))


def add_meetings(
    db: Database, today: dt.date, rng: random.Random, years: int = 1
) -> dict[str, int]:
    count = 0
    with db.session() as s:
        for code, (step, weekday, nth, start, end, venue) in RHYTHMS.items():
            group = s.scalar(select(Group).where(Group.code == code))
            if group is None:
                continue
            # From about six months ago (a year) or ``years`` ago, to six months ahead.
            month_index = today.year * 12 + today.month - 1 - (6 if years == 1 else 12 * years)
            month_index -= month_index % step
            while month_index <= today.year * 12 + today.month - 1 + 6:
                year, month = divmod(month_index, 12)
                day = nth_weekday(year, month + 1, weekday, nth)
                online = (
                    "https://teams.microsoft.com/l/meetup-join/demo" if "Teams" in venue else ""
                )
                s.add(
                    Meeting(
                        group_id=group.id,
                        date=day,
                        start_time=start,
                        end_time=end,
                        venue=venue,
                        online_link=online,
                        status="held" if day < today else "planned",
                        uid=f"{uuid.UUID(int=rng.getrandbits(128))}@atr-desktop",
                    )
                )
                count += 1
                month_index += step
    return {"meetings": count}
