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
                    or r[0] not in ("generation", "handed_over_to", "handed_over_at", "backup_of")
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


def test_a_paper_attached_on_one_computer_opens_on_another(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """Papers live in the server store (0010): another officer's computer, with an empty
    cache of its own, opens the same paper, byte for byte."""
    from tests.test_search import _pdf_with

    assert run(capsys, "--db", pg_url, "init")[0] == 0
    assert (
        run(
            capsys,
            "--db",
            pg_url,
            "meetings",
            "add",
            "--group",
            "SG",
            "--date",
            "2027-02-09",
            "--start",
            "10:00",
        )[0]
        == 0
    )
    assert run(capsys, "--db", pg_url, "agenda", "add", "SG:2027-02-09", "--title", "Plan")[0] == 0
    pdf = tmp_path / "plan.pdf"
    _pdf_with(pdf, "Reflective supervision in the Calderdale pilot.")
    code, _, err = run(
        capsys, "--db", pg_url, "papers", "attach", "SG:2027-02-09", "5", str(pdf), "--title", "P"
    )
    assert code == 0, err
    monkeypatch.setenv("ATR_DESKTOP_HOME", str(tmp_path / "another-computer"))
    from atr_desktop.paths import app_paths, server_folder
    from atr_desktop.storage.database import open_server_database

    db = open_server_database(pg_url, server_folder(pg_url, app_paths()))
    try:
        with db.engine.connect() as conn:
            sha = conn.exec_driver_sql("SELECT sha256 FROM paper_files").scalar_one()
        assert not (db.blobs.root / sha[:2] / sha).exists()  # nothing cached here yet
        assert db.blobs.verify(sha)
        assert db.blobs.path_for(sha).read_bytes() == pdf.read_bytes()
    finally:
        db.close()
    code, out, err = run(capsys, "--db", pg_url, "search", '"Calderdale pilot"', "--json")
    assert code == 0 and [r["kind"] for r in json.loads(out)["results"]] == ["paper"], err


def test_backup_on_a_server_keeps_a_portable_copy_and_the_server_stays_live(
    demo_path: Path, pg_url: str, pg_cluster: object, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from tests.pg import Cluster

    before = every_row(demo_path)
    assert run(capsys, "store", "copy", "--from", str(demo_path), "--to", pg_url)[0] == 0
    out_folder = tmp_path / "server backups"
    code, out, err = run(capsys, "--db", pg_url, "backup", "--out", str(out_folder))
    assert code == 0, err
    assert "every row counted and every paper's hash checked" in out and "pg_dump" in out
    [copy] = list(out_folder.glob("*_server-copy_*.db"))
    assert every_row(copy) == before  # the whole programme, as it was copied up

    def add_ann(store: str) -> tuple[int, str, str]:
        return run(  # type: ignore[no-any-return]
            capsys, "--db", store, "people", "add", "--first", "Ann", "--last", "Other",
            "--email", "ann@example.org",
        )  # fmt: skip

    # The copy is a backup, not a second live store: it opens read-only and says whose it is.
    code, _, err = add_ann(str(copy))
    assert code == 1 and "no longer the live copy" in err
    code, out, err = run(capsys, "--db", str(copy), "--read-only", "check")
    assert code == 0, err
    # The server is still the live store and keeps working.
    code, _, err = add_ann(pg_url)
    assert code == 0, err
    # And the backup brings the programme back onto a new server.
    assert isinstance(pg_cluster, Cluster)
    fresh = pg_cluster.url(pg_cluster.create_database())
    code, out, err = run(capsys, "store", "copy", "--from", str(copy), "--to", fresh)
    assert code == 0, err
    code, out, err = run(capsys, "--db", fresh, "actions", "list", "--json")
    assert code == 0 and len(json.loads(out)["actions"]) == len(before["actions"]), err
