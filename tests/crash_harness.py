"""Kill a writer with SIGKILL at random moments and prove nothing reported saved is lost.

The writer (a forked child, killed with SIGKILL: no clean-up runs) uses the real services: it
adds groups (group + standing items + audit row in one unit of work) and attaches papers
(blob put + Paper + PaperFile in one unit of work), printing each id only after its
commit. The checker then opens the file as the app does (lock recovery, integrity check,
papers sweep) and verifies every printed id is there whole, no record points at a missing
paper, and no stray paper or '.part' file remains.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class KillStats:
    kills: int = 0
    groups_confirmed: int = 0
    papers_confirmed: int = 0
    kills_mid_paper: int = 0  # a '.part' or unreferenced paper was left for the sweep
    swept: int = 0
    problems: list[str] = field(default_factory=list)


def write_forever(db_path: Path, item_id: int, seed: int) -> None:
    from atr_desktop.paths import app_paths
    from atr_desktop.services.groups import GroupInput, add_group
    from atr_desktop.services.safety import open_live
    from tests.safety_helpers import attach

    rng = random.Random(seed)
    opened = open_live(db_path, app_paths())
    db = opened.db
    n = 0
    while True:
        n += 1
        if rng.random() < 0.5:
            code = f"K{seed % 1000:03d}{n:04d}"[:8]
            info = add_group(db, GroupInput(code=code, name=f"Crash group {code}"))
            print(f"G {info.id} {code}", flush=True)
        else:
            data = rng.randbytes(rng.randrange(1, 300_000))
            paper_id, sha = attach(db, item_id, data, title=f"paper {seed}-{n}")
            print(f"P {paper_id} {sha}", flush=True)


def _fork_writer(db_path: Path, item_id: int, seed: int) -> tuple[int, int]:
    """Fork a writer (already imported, so a kill costs milliseconds, not an interpreter)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed; never return into the caller's stack
        code = 0
        try:
            os.close(read_fd)
            os.dup2(write_fd, 1)
            sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
            write_forever(db_path, item_id, seed)
        except BaseException as exc:
            os.write(2, f"writer failed: {exc!r}\n".encode())
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def kill_once(db_path: Path, item_id: int, seed: int, stats: KillStats) -> None:
    rng = random.Random(seed)
    pid, read_fd = _fork_writer(db_path, item_id, seed)
    lines: list[str] = []
    wanted = rng.randrange(1, 5)
    with os.fdopen(read_fd, "r") as reader:
        while len(lines) < wanted:
            line = reader.readline()
            if not line:
                break
            lines.append(line)
        time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere inside the next save
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines += reader.read().splitlines()
    if len(lines) < wanted:
        stats.problems.append(f"writer {seed} died before killing")
    stats.kills += 1
    verify(db_path, [ln.split() for ln in lines if ln.strip()], stats)


def verify(db_path: Path, printed: list[list[str]], stats: KillStats) -> None:
    from atr_desktop.domain.agenda import DEFAULT_STANDING_ITEMS
    from atr_desktop.paths import app_paths
    from atr_desktop.services.safety import open_live, referenced_papers
    from atr_desktop.storage.database import papers_of_file

    papers_dir = papers_of_file(db_path).root
    raw = sqlite3.connect(db_path)
    before = {r[0] for r in raw.execute("select sha256 from paper_files")}
    raw.close()
    on_disk = {p.name for p in papers_dir.glob("??/*")}
    parts = list(papers_dir.glob("*.part"))
    if parts or on_disk - before:
        stats.kills_mid_paper += 1
    # Two days on, so the papers store has settled and the sweep runs (quarantining).
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    opened = open_live(db_path, app_paths(), now=later)  # recovers the lock, checks, sweeps
    db = opened.db
    try:
        conn = db.engine.raw_connection()
        cur = conn.cursor()
        for kind, ident, extra in printed:
            if kind == "G":
                row = cur.execute("select code from groups where id=?", (int(ident),)).fetchone()
                items = cur.execute(
                    "select count(*) from standing_items where group_id=?", (int(ident),)
                ).fetchone()[0]
                if row is None or row[0] != extra:
                    stats.problems.append(f"group {ident} {extra} reported saved but missing")
                stats.groups_confirmed += 1
                if items != len(DEFAULT_STANDING_ITEMS):
                    stats.problems.append(f"group {ident} has {items} standing items")
            else:
                row = cur.execute(
                    "select sha256 from paper_files where paper_id=?", (int(ident),)
                ).fetchone()
                if row is None or row[0] != extra:
                    stats.problems.append(f"paper {ident} reported saved but missing")
                stats.papers_confirmed += 1
        half_groups = cur.execute(
            "select count(*) from groups g where not exists "
            "(select 1 from standing_items s where s.group_id=g.id)"
        ).fetchone()[0]
        half_papers = cur.execute(
            "select count(*) from papers p where not exists "
            "(select 1 from paper_files f where f.paper_id=p.id)"
        ).fetchone()[0]
        unaudited = cur.execute(
            "select count(*) from groups g where not exists (select 1 from audit_log a "
            "where a.entity='group' and a.entity_id=g.id)"
        ).fetchone()[0]
        conn.close()
        if half_groups or half_papers or unaudited:
            stats.problems.append(
                f"half records: {half_groups} groups, {half_papers} papers, {unaudited} unaudited"
            )
        referenced = referenced_papers(db)
        missing = [h for h in referenced if not db.blobs.verify(h)]
        if missing:
            stats.problems.append(f"{len(missing)} records point at missing/damaged papers")
        stray = db.blobs.all_hashes() - referenced
        if stray or list(papers_dir.glob("*.part")):
            stats.problems.append(f"stray papers after the sweep: {len(stray)}")
        stats.swept += len(on_disk - before) + len(parts)
    finally:
        opened.close()


def prepare(db_path: Path) -> int:
    from atr_desktop.services.setup import init_database
    from tests.safety_helpers import make_item

    db = init_database(db_path)
    try:
        return make_item(db)
    finally:
        db.close()


def run_kills(db_path: Path, kills: int, seed: int = 1) -> KillStats:
    item_id = prepare(db_path)
    stats = KillStats()
    for k in range(kills):
        kill_once(db_path, item_id, seed * 100_000 + k, stats)
    return stats
