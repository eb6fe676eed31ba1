"""``store copy``: the demo moves to a server and back with every row and paper equal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from atr_desktop.app import main
from atr_desktop.storage.database import open_database
from atr_desktop.storage.models import Base


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in key order, the copy's own bookkeeping left out."""
    db = open_database(path, readonly=True)
    try:
        with db.engine.connect() as conn:
            found = {}
            for table in Base.metadata.sorted_tables:
                rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
                found[table.name] = [
                    tuple(r)
                    for r in rows
                    if table.name != "db_meta"
                    or r[0] not in ("generation", "handed_over_to", "handed_over_at")
                ]
            return found
    finally:
        db.close()


def test_the_demo_goes_to_a_server_and_back_with_every_row_and_paper_equal(
    demo_path: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_row(demo_path)
    code, out, err = run(
        capsys, "store", "copy", "--from", str(demo_path), "--to", pg_url, "--json"
    )
    assert code == 0, err
    there = json.loads(out)
    counts = {t["table"]: t["rows"] for t in there["tables"]}
    assert counts["actions"] == len(before["actions"]) == 26
    assert there["papers"] > 0
    # The server's copy is the live one: it is searched and listed; the file is retired.
    code, out, err = run(capsys, "--db", pg_url, "search", "workforce", "--json")
    assert code == 0 and json.loads(out)["results"], err
    code, _, err = run(capsys, "--db", str(demo_path), "actions", "list")
    assert code == 1 and "no longer the live copy" in err and "--read-only" in err
    code, _, err = run(capsys, "store", "copy", "--from", str(demo_path), "--to", pg_url)
    assert code == 1 and "no longer live" in err
    # And back to a new file: every row of every table as it was, papers verified by hash.
    back = tmp_path / "back" / "atr.db"
    code, out, err = run(capsys, "store", "copy", "--from", pg_url, "--to", str(back))
    assert code == 0, err
    assert f"{there['papers']} papers" in out
    assert every_row(back) == before
    code, _, err = run(capsys, "--db", pg_url, "actions", "list")
    assert code == 1 and "no longer the live store" in err
    code, out, err = run(capsys, "--db", str(back), "check")
    assert code == 0, err


def test_a_store_already_there_is_refused_and_left_alone(
    demo_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    assert run(capsys, "--db", str(other), "init")[0] == 0
    code, _, err = run(capsys, "store", "copy", "--from", str(demo_path), "--to", str(other))
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "--db", str(demo_path), "actions", "list")
    assert code == 0, "a refused copy retires nothing"
