"""Five officers at once on a team's store (issue 13): the same meeting, the same actions
and the same minutes, edited for a minute by five processes, each logged in as its own
PostgreSQL role (tests/officer_edits.py). Every save succeeds or is refused in one plain
sentence; afterwards nothing that succeeded is lost, nothing refused is found, and the
audit trail holds exactly one entry per successful edit, naming its officer, in the order
the edits were committed.

Slow (``pytest -m slow``, run by .ci/run with ATR_REQUIRE_PG=1). ATR_CONCURRENCY_SECONDS
sets how long the officers edit (60 in CI; a few seconds to try it out).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from atr_desktop.app import main
from atr_desktop.services import actions, minutes
from atr_desktop.storage.database import open_server_database
from atr_desktop.storage.models import Action, ActionUpdate, AuditEntry, Meeting, MinuteEntry

pytestmark = pytest.mark.slow

OFFICERS = tuple(f"conc_officer_{n}" for n in range(1, 6))
SECONDS = float(os.environ.get("ATR_CONCURRENCY_SECONDS", "60"))
ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\[(conc_officer_\d)#\d+\]")


def _roles(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The administrator's 'init --roles', then one secretariat login per officer."""
    assert main(["--db", url, "init", "--roles"]) == 0
    sql = capsys.readouterr().out
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
        for officer in OFFICERS:
            conn.execute(f"CREATE ROLE {officer} LOGIN IN ROLE atr_secretariat")


def _drop_roles(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for officer in OFFICERS:
            conn.execute(f"DROP OWNED BY {officer}")
            conn.execute(f"DROP ROLE {officer}")


def _run_officers(url: str, plan: Path) -> list[dict[str, object]]:
    start_at = time.time() + 8  # every process has opened its store before anyone edits
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    running = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.officer_edits",
                url.replace("postgres@", f"{officer}@"),
                officer,
                str(start_at),
                str(SECONDS),
                str(plan),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for officer in OFFICERS
    ]
    results = []
    for process in running:
        out, err = process.communicate(timeout=SECONDS + 60)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _in_commit_order(db, entity: str, entity_id: int, after: int) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.id > after,
                    AuditEntry.entity == entity,
                    AuditEntry.entity_id == entity_id,
                )
                .order_by(AuditEntry.id)
            )
        )


def test_five_officers_edit_the_same_records_and_nothing_is_lost(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.meeting_fixtures import strategy_group
    from tests.pg_stores import open_copy

    began = time.monotonic()
    db = open_copy(pg_url, "init", tmp_path / "atr.db")
    try:
        sg = strategy_group(db)  # type: ignore[arg-type]
        refs = [
            actions.add_action(db, sg.meeting, "5", "Map the pathway", "Owner A", None).ref  # type: ignore[arg-type]
            for _ in range(3)
        ]
        view = minutes.show(db, sg.meeting)  # type: ignore[arg-type]
        item = next(i.item_id for i in view.items if i.kind != "action_log")
        minutes.write_item(db, sg.meeting, item, "Discussed.")  # type: ignore[arg-type]
        with db.session() as s:  # type: ignore[attr-defined]
            start = int(s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)))
            minutes_id = s.scalar(
                select(MinuteEntry.minutes_id).where(MinuteEntry.agenda_item_id == item)
            )
            action_ids = {r: s.scalar(select(Action.id).where(Action.ref == r)) for r in refs}
    finally:
        db.close()  # type: ignore[attr-defined]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"meeting": sg.meeting, "minutes": item, "actions": refs}))
    _roles(pg_url, capsys)
    try:
        results = _run_officers(pg_url, plan)
    finally:
        _drop_roles(pg_url)

    done = [e for r in results for e in r["done"]]  # type: ignore[attr-defined]
    refused = [e for r in results for e in r["refused"]]  # type: ignore[attr-defined]
    assert [r["other"] for r in results] == [[]] * len(OFFICERS), "only the plain refusal"
    assert all(r["done"] for r in results), "every officer saved something"
    assert refused, "five officers on the same records were never refused: nothing was tested"
    print(f"\n{len(done)} saves, {len(refused)} refused in {SECONDS:.0f} s")

    db = open_server_database(pg_url, tmp_path)  # the same store, as its owner
    try:
        with db.session() as s:
            notes = s.scalar(select(Meeting.notes).where(Meeting.id == sg.meeting))
            discussion = s.scalar(
                select(MinuteEntry.discussion).where(MinuteEntry.agenda_item_id == item)
            )
            updates = s.scalars(
                select(ActionUpdate.text).where(ActionUpdate.action_id.in_(action_ids.values()))
            ).all()
            descriptions = {
                r: s.scalar(select(Action.description).where(Action.id == i))
                for r, i in action_ids.items()
            }
            trail = s.scalars(select(AuditEntry).where(AuditEntry.id > start)).all()
        # The meeting's notes and the minutes: every successful edit appended its token, in
        # the order the audit trail says they were committed; nothing refused is there.
        for kind, text, entity, entity_id in (
            ("meeting", notes, "meeting", sg.meeting),
            ("minutes", discussion, "minutes", minutes_id),
        ):
            mine = [e["token"] for e in done if e["kind"] == kind]
            kept = TOKEN.findall(text)
            assert sorted(re.findall(r"\[[^\]]+\]", text)) == sorted(mine), kind
            order = [a.user for a in _in_commit_order(db, entity, entity_id, start)]
            assert kept == order, f"{kind}: the edits' order differs from the audit trail's"
        # The actions: one update per successful edit, the description the last one's.
        assert sorted(updates) == sorted(e["token"] for e in done if e["kind"] == "action")
        for ref, action_id in action_ids.items():
            entries = _in_commit_order(db, "action", action_id, start)
            assert sorted(a.summary for a in entries) == sorted(
                e["token"] for e in done if e["kind"] == "action" and e["target"] == ref
            )
            if entries:
                assert descriptions[ref] == f"Map the pathway {entries[-1].summary}"
                assert all(TOKEN.match(a.summary).group(1) == a.user for a in entries)  # type: ignore[union-attr]
        # The audit trail: exactly one entry per successful edit, naming its officer.
        by_officer = Counter((a.user, a.entity) for a in trail)
        expected = Counter(
            (e["token"][1:].split("#")[0], "action" if e["kind"] == "action" else e["kind"])
            for e in done
        )
        assert by_officer == expected
        everything = " ".join([notes, discussion, *updates, *descriptions.values()])
        everything += " ".join(a.summary for a in trail)
        assert not [e for e in refused if e["token"] in everything], "a refused save was kept"
    finally:
        db.close()
    assert time.monotonic() - began < SECONDS + 40
