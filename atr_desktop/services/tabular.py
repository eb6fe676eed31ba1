"""The one reader of spreadsheets for imports (members, actions): CSV or XLSX as Excel
writes them, within limits that a damaged or hostile file cannot get past.

CSV bytes are read as UTF-8 (with or without a BOM), UTF-16 (Excel's 'Unicode text', which
always has a BOM) or else cp1252 (Excel's 'CSV (Comma delimited)' on Windows, where £ and é
are single bytes). The delimiter is taken from the header line: a comma, or the semicolon
Excel writes where the comma is the decimal mark, or a tab. Each row carries the number the
user sees: the line its record starts on in a CSV (a quoted cell may span lines), the row
number in Excel. The first sheet of a workbook is read.

Limits (issue 12, decided), each named in its message when hit: 20 MB per file, 50,000
rows, an XLSX that would expand to more than 100 times its size (a zip bomb), 60 seconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.domain.marking import is_banner
from atr_desktop.errors import UserError

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CELL_LIMIT = csv.field_size_limit()  # 131,072 characters: a cell longer is a broken file


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 50_000
    max_ratio: int = 100
    max_seconds: float = 60.0


LIMITS = Limits()


@dataclass(frozen=True)
class Table:
    """The header row's cells and every later row as (the number the user sees, cells)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]


class _Budget:
    """Counts rows and time against the limits as a file is read."""

    def __init__(self, name: str, limits: Limits, clock: Callable[[], float]) -> None:
        self.name, self.limits, self.clock = name, limits, clock
        self.started = clock()
        self.rows = 0  # rows with something in them
        self.read = 0  # every row, blank ones too

    def row(self) -> None:
        self.rows += 1
        if self.rows > self.limits.max_rows:
            raise UserError(
                f"{self.name} has more than {self.limits.max_rows:,} rows (the limit for an "
                "import): split it into smaller files and import each."
            )

    def tick(self) -> None:
        """Called for every row read; looks at the clock every 500 rows."""
        self.read += 1
        if self.read % 500 == 0 and self.clock() - self.started > self.limits.max_seconds:
            raise UserError(
                f"{self.name} took longer than {self.limits.max_seconds:g} seconds to read "
                f"(the limit for an import) and was stopped after {self.read:,} rows: "
                "nothing was imported. Split it into smaller files, or save it again from Excel."
            )


def read_table(
    path: Path, limits: Limits = LIMITS, clock: Callable[[], float] = time.monotonic
) -> Table:
    """The file's header and rows, or one plain sentence saying why it cannot be read."""
    if not path.exists():
        raise UserError(f"There is no file {path}: check the name and folder.")
    if not path.is_file():  # a folder, a pipe or a device: reading a pipe would wait for ever
        raise UserError(f"{path} is not a file: choose a CSV or Excel (.xlsx) file.")
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
        raise UserError(f"{path.name} is not a CSV or Excel (.xlsx) file: save it as one of those.")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise UserError(
            f"{path.name} is {_mb(size)}: the limit for an import is {_mb(limits.max_bytes)}. "
            "Split it into smaller files, or remove what is not needed, and import each."
        )
    budget = _Budget(path.name, limits, clock)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, budget)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path.name} cannot be read ({exc.strerror}).") from None
    return read_csv_text(decode(data), budget)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def decode(data: bytes) -> str:
    """Text from the bytes of a CSV as Excel saves it (UTF-8/BOM, UTF-16, or cp1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(
                "The file starts as UTF-16 text but is damaged: save it again from Excel."
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    """The separator the header line uses most, outside quotes (a comma when none)."""
    outside, quoted = [], False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    text = "".join(outside)
    counts = {d: text.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_text(text: str, budget: _Budget | None = None) -> Table:
    """(header, rows) from CSV text, each row numbered by the line its record starts on."""
    budget = budget or _Budget("The file", LIMITS, time.monotonic)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise UserError(
            f"{budget.name} has a NUL character on line {line}, so it is not a plain CSV "
            "(perhaps a workbook renamed .csv): open it in Excel and save it as CSV again."
        )
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    started = [1]  # the line the record being read starts on

    def numbered() -> Iterator[tuple[int, list[str]]]:
        for cells in reader:
            yield started[0], cells
            started[0] = reader.line_num + 1

    try:
        return _collect(numbered(), budget)
    except csv.Error:
        raise UserError(
            f"{budget.name} cannot be read from line {started[0]}: a cell there runs on for "
            f"more than {CELL_LIMIT:,} characters (usually a quote mark that is never closed). "
            "Correct that line, or save the file again from Excel."
        ) from None


def _collect(numbered: Iterable[tuple[int, list[str]]], budget: _Budget) -> Table:
    """The first row with any text is the header; blank rows are passed over, and so is the
    marking banner above the header of a workbook this app exported."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in numbered:
        budget.tick()
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            if is_banner(cells[0]):
                continue
            header = cells
        else:
            budget.row()
            rows.append((number, cells))
    return Table(header or [], rows)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)


def _check_expansion(path: Path, budget: _Budget) -> None:
    """Refuse a workbook that would expand past the ratio (a zip bomb) before opening it."""
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(
            f"{path.name} cannot be read as an Excel workbook (it is damaged or not a "
            "workbook): open it in Excel and save it again as .xlsx."
        ) from None
    ratio = budget.limits.max_ratio
    if expanded > ratio * max(path.stat().st_size, 1):
        raise UserError(
            f"{path.name} would expand to {_mb(expanded)} when opened, more than {ratio} times "
            f"its size (the limit for an import is {ratio}:1), so it was not opened: it may be "
            "damaged or built to cause harm. Open it in Excel and save it again, or use a CSV."
        )


def _read_xlsx(path: Path, budget: _Budget) -> Table:
    """The first sheet's rows as text, numbered as Excel numbers them."""
    _check_expansion(path, budget)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise UserError(
            f"{path.name} cannot be read as an Excel workbook: open it in Excel and save it "
            "again as .xlsx."
        ) from None
    try:
        if not book.worksheets:
            raise UserError(f"{path.name} has no sheets.")
        return _sheet_rows(book.worksheets[0].iter_rows(values_only=True), budget)
    except UserError:
        raise
    except Exception:  # damage found only while reading (a bad CRC, broken XML)
        raise UserError(
            f"{path.name} is damaged part-way through: open it in Excel and save it again."
        ) from None
    finally:
        book.close()


def _sheet_rows(values: Iterable[Sequence[object]], budget: _Budget) -> Table:
    cells = ((number, [_cell_text(v) for v in row]) for number, row in enumerate(values, start=1))
    return _collect(cells, budget)
