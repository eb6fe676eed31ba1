"""One officer editing a team's store for a while, as ``python -m tests.officer_edits``.

Used by tests/test_concurrency.py: five of these run at once, each logged in as its own
PostgreSQL role, all editing the same meeting, the same actions and the same minutes
through the services. Every edit either succeeds or is refused with the plain sentence;
the script prints, as JSON, the token of every edit that succeeded (in order, with what it
changed) and of every one refused, so the test can find each success in the store and
each refusal nowhere.

Each edit reads and writes in one unit of work (as the window's operation runner does),
so the record versions guard it: a read-modify-write that someone else's save overtook is
refused, never silently lost.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths, server_folder
from atr_desktop.services import actions, meetings, minutes
from atr_desktop.storage.database import Database, open_server_database

REFUSED = "Someone else saved a change"


def main(url: str, officer: str, start_at: float, seconds: float, plan_file: str) -> None:
    plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    db = open_server_database(url, server_folder(url, app_paths()))
    rng = random.Random(officer)
    done: list[dict[str, object]] = []
    refused: list[dict[str, object]] = []
    other: list[str] = []
    time.sleep(max(0.0, start_at - time.time()))
    end = time.monotonic() + seconds
    n = 0
    try:
        while time.monotonic() < end:
            n += 1
            token = f"[{officer}#{n}]"
            kind = rng.choice(("meeting", "action", "minutes"))
            target = rng.choice(plan["actions"]) if kind == "action" else plan[kind]
            try:
                with db.unit_of_work(label=kind):
                    edit(db, plan, kind, target, token)
            except UserError as exc:
                if REFUSED in str(exc):
                    refused.append({"kind": kind, "target": target, "token": token})
                else:
                    other.append(str(exc))
            else:
                done.append({"kind": kind, "target": target, "token": token})
    finally:
        db.close()
    print(json.dumps({"officer": officer, "done": done, "refused": refused, "other": other}))


def edit(db: Database, plan: dict[str, Any], kind: str, target: Any, token: str) -> None:
    """One officer's edit: append the token to the meeting's notes or the minutes of one
    item (read and written in this unit of work), or note it on an action and put it in
    the action's description."""
    if kind == "meeting":
        notes = meetings.get_meeting(db, target).notes
        meetings.edit_meeting(db, target, meetings.MeetingChanges(notes=notes + token))
    elif kind == "minutes":
        view = minutes.show(db, plan["meeting"])
        saved = next(i.discussion for i in view.items if i.item_id == target)
        minutes.write_item(db, plan["meeting"], target, saved + token)
    else:
        change = actions.ActionChange(description=f"Map the pathway {token}", note=token)
        actions.update_action(db, target, change)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
