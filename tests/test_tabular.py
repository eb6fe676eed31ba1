"""The one reader for member and action imports: Excel's encodings and separators, line
numbers as the user sees them, and limits that a damaged or hostile file meets with one
plain sentence naming the limit (20 MB, 50,000 rows, 100:1 expansion, 60 seconds)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from atr_desktop.errors import UserError
from atr_desktop.services import actions, actions_import, tabular
from tests.test_actions import TODAY, strategy_group

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

HEADER = "Reference;Action;Owner;Due date;Status;Update\r\n"


def test_a_cp1252_semicolon_log_imports_exactly_with_the_right_line_numbers(
    db, tmp_path: Path
) -> None:
    strategy_group(db)
    path = tmp_path / "log.csv"
    text = (
        HEADER
        + "\r\n"  # a blank line: line 2
        + 'SG-2025-004;"Cost the £4,500 café plan;\r\nthen report";Zoë Dubois;31/03/2026;open;\r\n'
        + ";Map services;Chloé Adeyemi;not a date;open;\r\n"  # line 5, after a two-line cell
    )
    path.write_bytes(text.encode("cp1252"))
    rows = actions_import.preview(db, path, "SG")
    assert [r.line for r in rows] == [3, 5]
    assert rows[0].description == "Cost the £4,500 café plan;\r\nthen report"
    assert rows[1].problems == ("'not a date' is not a date (use 31/03/2027 or 2027-03-31)",)
    result = actions_import.import_actions(db, path, "SG", skip_invalid=True, today=TODAY)
    assert result.imported == ("SG-2025-004",)
    assert actions.get_action(db, "SG-2025-004").owner == "Zoë Dubois"


def test_excels_other_encodings_and_separators_read_the_same() -> None:
    want = [["Name", "Email"], ["Siân Evans", "s@x.org"]]
    for data in (
        "Name,Email\r\nSiân Evans,s@x.org\r\n".encode("utf-8-sig"),
        "Name\tEmail\r\nSiân Evans\ts@x.org\r\n".encode("utf-16"),
        "Name;Email\nSiân Evans;s@x.org\n".encode("cp1252"),
    ):
        table = tabular.read_csv_text(tabular.decode(data))
        assert [table.header, table.rows[0][1]] == want


def test_an_excel_workbook_reads_dates_and_row_numbers(db, tmp_path: Path) -> None:
    strategy_group(db)
    book = Workbook()
    sheet = book.active
    sheet.append(["Action", "Owner", "Due date"])
    sheet.append([])
    sheet.append(["Book the venue", "Siân Evans", dt.datetime(2027, 3, 31)])
    book.save(tmp_path / "log.xlsx")
    rows = actions_import.preview(db, tmp_path / "log.xlsx", "SG")
    assert [(r.line, r.due) for r in rows] == [(3, dt.date(2027, 3, 31))]


@pytest.mark.parametrize("noun", ["members", "actions"])
def test_both_imports_refuse_a_file_over_20_mb(cli, db, tmp_path: Path, noun: str) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:  # 50 MB on one line (sparse: the size is what is checked)
        fh.write(b"Name,Email,")
        fh.truncate(50 * 1024 * 1024)
    code, _, err = cli(noun, "import", str(path), "--group", "SG")
    assert code == 1 and "huge.csv is 50 MB: the limit for an import is 20 MB" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("noun", ["members", "actions"])
def test_both_imports_stop_at_50000_rows(cli, db, tmp_path: Path, noun: str) -> None:
    path = tmp_path / "long.csv"
    lines = (f"Person {n},p{n}@x.org,Owner {n}\n" for n in range(60_000))
    path.write_text("Name,Email,Action,Owner\n" + "".join(lines), encoding="utf-8")
    code, _, err = cli(noun, "import", str(path), "--group", "SG")
    assert code == 1 and "more than 50,000 rows (the limit for an import)" in err


def test_an_open_quote_that_runs_to_the_end_is_named_with_its_line(cli, db, tmp_path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('Name,Email\nAnn Lee,a@x.org\n"Ben Ng,b@x.org\n' + "x" * 19_000_000)
    code, _, err = cli("members", "import", str(path), "--group", "SG")
    assert code == 1 and "from line 3" in err and "quote mark that is never closed" in err


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(cli, db, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    book = Workbook()
    book.active.append(["Name", "Email"])
    book.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (200 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    for noun in ("members", "actions"):
        code, _, err = cli(noun, "import", str(path), "--group", "SG")
        assert code == 1 and "(the limit for an import is 100:1)" in err, err


def test_damaged_files_and_pipes_get_a_sentence(cli, db, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert (
        "cannot be read as an Excel workbook"
        in cli("actions", "import", str(broken), "--group", "SG")[2]
    )
    nul = tmp_path / "renamed.csv"
    nul.write_bytes(b"Name,Email\nAnn\x00,a@x.org\n")
    assert "NUL character on line 2" in cli("members", "import", str(nul), "--group", "SG")[2]
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.csv"
        os.mkfifo(pipe)
        code, _, err = cli("members", "import", str(pipe), "--group", "SG")
        assert code == 1 and "is not a file" in err


def test_reading_stops_at_the_time_limit(tmp_path: Path) -> None:
    path = tmp_path / "slow.csv"
    path.write_text("Name,Email\n" + "A B,a@b.org\n" * 2_000, encoding="utf-8")
    ticks = itertools.count()  # a clock that moves one second each time it is read
    with pytest.raises(UserError, match=r"longer than 60 seconds .* after 500 rows"):
        tabular.read_table(
            path, tabular.Limits(max_seconds=60), clock=lambda: float(next(ticks) * 61)
        )
