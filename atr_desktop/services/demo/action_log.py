"""``demo --actions N``: grow the action log to a size a decade (or several) would leave.

For stress runs and benchmarks, not for a newcomer's first look: the demo's own actions
come from the services one by one (records.py); these are written by set-based inserts,
5,000 rows a statement, so 100,000 actions take seconds. They look like a real log: raised
at the groups' meetings or imported from an older tracker, spread over ten years back from
today, owned by people or by a name typed as text, mostly closed when old, some open and
overdue, some with revised due dates, 0-3 progress updates each, and wording varied enough
for a text filter to narrow ("safeguarding", "Calderdale", "evaluation"...).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select, text

from atr_desktop.domain import rag
from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Action, ActionUpdate, AgendaItem, Group, Meeting, Person

CHUNK = 5000
YEARS_BACK = 10
MAX_ACTIONS = 1_000_000

VERBS = (
    "Circulate",
    "Draft",
    "Review",
    "Report back on",
    "Agree the scope of",
    "Update the risk register entry on",
    "Arrange a workshop on",
    "Write to partners about",
    "Confirm the funding for",
    "Share the findings of",
)
TOPICS = (
    "the safeguarding audit",
    "trauma-informed training for schools",
    "the housing first evaluation",
    "the Calderdale pilot",
    "the Kirklees youth voice survey",
    "lived experience payments",
    "the workforce wellbeing offer",
    "the data sharing agreement",
    "the commissioning framework",
    "the Wakefield transition protocol",
    "the Bradford community grants",
    "the Leeds multiple disadvantage pathway",
)
WHEN = ("", " before the next meeting", " with the Programme Lead", " for the Steering Group")
UPDATES = (
    "Draft shared with the working group.",
    "Partners asked for more time to respond.",
    "Discussed at the network; comments due next month.",
    "Waiting on finance to confirm the figures.",
    "Complete: circulated with the pack.",
)
FREE_TEXT_OWNERS = ("Programme Office", "Finance lead", "Comms team", "Evaluation partner")


def grow_actions(
    db: Database, count: int, today: dt.date | None = None, seed: int = 2027
) -> dict[str, int]:
    """Add ``count`` actions (and their updates) to the log; returns what was added."""
    check_count(count)
    today = today or dt.date.today()
    rng = random.Random(seed + count)
    with db.session() as s:
        groups = {gid: code for gid, code in s.execute(select(Group.id, Group.code))}
        if not groups:
            raise UserError("The database has no groups yet: run 'demo' first, then --actions.")
        meetings = s.execute(
            select(Meeting.id, Meeting.group_id, Meeting.date, func.min(AgendaItem.id))
            .outerjoin(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(Meeting.date <= today, Meeting.status != "cancelled")
            .group_by(Meeting.id)
        ).all()
        people = list(s.scalars(select(Person.id).where(Person.erased_at.is_(None))))
        next_number = _next_numbers(s.scalars(select(Action.ref)))
        first_id = (s.scalar(select(func.max(Action.id))) or 0) + 1
        first_update = (s.scalar(select(func.max(ActionUpdate.id))) or 0) + 1
        actions: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for n in range(count):
            row = _action(rng, first_id + n, today, groups, meetings, people, next_number)
            actions.append(row)
            updates.extend(_updates(rng, row, today, first_update + len(updates)))
        for chunk in _chunks(actions):
            s.execute(insert(Action), chunk)
        for chunk in _chunks(updates):
            s.execute(insert(ActionUpdate), chunk)
        s.execute(text("ANALYZE"))  # the log's new shape, for the query planner
    return {"actions": len(actions), "action updates": len(updates)}


def check_count(count: int) -> None:
    """Refuses a count out of range before anything is written (``demo`` checks first)."""
    if count < 1 or count > MAX_ACTIONS:
        raise UserError(f"Give a number of actions from 1 to {MAX_ACTIONS:,} (--actions).")


def _next_numbers(refs: Iterator[str]) -> dict[str, int]:
    """Per 'CODE-YEAR-' prefix, the next free number."""
    out: dict[str, int] = {}
    for ref in refs:
        prefix, _, number = ref.rpartition("-")
        if number.isdigit():
            out[prefix + "-"] = max(out.get(prefix + "-", 1), int(number) + 1)
    return out


def _action(
    rng: random.Random,
    action_id: int,
    today: dt.date,
    groups: dict[int, str],
    meetings: Sequence[Any],
    people: list[int],
    next_number: dict[str, int],
) -> dict[str, Any]:
    meeting = rng.choice(meetings) if meetings and rng.random() < 0.3 else None
    if meeting is not None:
        meeting_id, group_id, raised, item_id = meeting
    else:
        meeting_id, item_id = None, None
        group_id = rng.choice(list(groups))
        raised = today - dt.timedelta(days=rng.randrange(YEARS_BACK * 365))
    prefix = f"{groups[group_id]}-{raised.year}-"
    number = next_number.get(prefix, 1)
    next_number[prefix] = number + 1
    due = raised + dt.timedelta(days=rng.choice((14, 28, 42, 56, 90, 120)))
    revised = due + dt.timedelta(days=rng.choice((28, 56))) if rng.random() < 0.15 else None
    age = (today - (revised or due)).days
    roll = rng.random()
    if age > 90 and roll < 0.85:
        status = "closed"
    elif age > 90 and roll < 0.9:
        status = "superseded"
    else:
        status = rng.choice(rag.OPEN_STATUSES)
    closed_on = (revised or due) + dt.timedelta(days=rng.randrange(-10, 30))
    person = rng.choice(people) if people and rng.random() < 0.8 else None
    return {
        "id": action_id,
        "ref": f"{prefix}{number:03d}",
        "group_id": group_id,
        "meeting_id": meeting_id,
        "agenda_item_id": item_id,
        "description": f"{rng.choice(VERBS)} {rng.choice(TOPICS)}{rng.choice(WHEN)}",
        "owner_person_id": person,
        "owner_text": "" if person else rng.choice(FREE_TEXT_OWNERS),
        "raised_on": raised,
        "due_date": due,
        "revised_due_date": revised,
        "status": status,
        "rag_override": "",
        "rag_override_reason": "",
        "closure_proposed_on": None,
        "closed_at_meeting_id": None,
        "closed_on": min(closed_on, today) if status == "closed" else None,
        "status_reason": "Overtaken by the new strategy." if status == "superseded" else "",
    }


def _updates(
    rng: random.Random, action: dict[str, Any], today: dt.date, first_id: int
) -> list[dict[str, Any]]:
    raised: dt.date = action["raised_on"]
    span = max((today - raised).days, 1)
    days = sorted(rng.randrange(span) for _ in range(rng.choice((0, 1, 1, 2, 3))))
    return [
        {
            "id": first_id + i,
            "action_id": action["id"],
            "on_date": raised + dt.timedelta(days=min(day, 400)),
            "text": rng.choice(UPDATES),
            "user": "demo",
        }
        for i, day in enumerate(days)
    ]


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]
