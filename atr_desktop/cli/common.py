"""What every command shares: the open database, tables and JSON output, references."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from atr_desktop.errors import NeedsConfirmation, UserError
from atr_desktop.paths import AppPaths, chosen_db, is_server, resolve_db_path
from atr_desktop.storage.database import Database


class UsageError(UserError):
    """A bad command line (unknown option, missing argument)."""


# SQLite's integers are 64-bit: a larger number can be no id, count or year of ours.
LARGEST = 2**63 - 1
_NUMBER = re.compile(r"[-+]?\d+")  # a whole argument (or --option=VALUE) that is a number


def argument_problem(argv: Sequence[str]) -> str | None:
    """Why the command line cannot be read as text and numbers, before argparse sees it.

    A byte that is not UTF-8 arrives as a lone surrogate (Python's surrogateescape) and
    would break the first print; a number past 64 bits breaks SQLite. Both get a sentence.
    """
    for arg in argv:
        if any("\ud800" <= c <= "\udfff" for c in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return (
                f"The argument '{shown}' holds bytes that are not UTF-8 text: retype it, or "
                "rename the file so that its name is plain text."
            )
        value = arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg
        if _NUMBER.fullmatch(value.strip()) and abs(int(value)) > LARGEST:
            shown = value.strip()[:24] + ("…" if len(value.strip()) > 24 else "")
            return (
                f"{shown} is too large to be an id or a number here: check the value "
                "(ids are shown by the list commands)."
            )
    return None


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (dates and durations past
    any calendar otherwise fail deep inside), refused with the range named."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low} to {high}")
        return value

    return parse


def read_stdin_text() -> str:
    """Standard input as text: UTF-8 (with or without a BOM), or one plain sentence."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"The text on standard input is not UTF-8 (byte {exc.start + 1} cannot be read): "
            "save it as UTF-8 text and try again. Nothing was changed."
        ) from None


class Context:
    """The composition root's gifts to a command: paths, the log file, the database."""

    def __init__(self, paths: AppPaths, log_file: Path) -> None:
        self.paths = paths
        self.log_file = log_file
        self.db_arg: str | None = None
        self._db: Database | None = None
        self._opened: Any = None
        self._work: ExitStack | None = None
        self.readonly = False

    @property
    def db_path(self) -> Path:
        """The file, or for a server store this computer's stand-in for it."""
        return resolve_db_path(self.db_arg, self.paths)

    @property
    def server_url(self) -> str | None:
        """The PostgreSQL URL when the store chosen is on a server, else None."""
        chosen = chosen_db(self.db_arg)
        return chosen.strip() if chosen and is_server(chosen) else None

    @property
    def db_shown(self) -> str:
        """The store as a user would name it: its path, or its URL without a password."""
        if self.server_url:
            from atr_desktop.storage.database import shown

            return shown(self.server_url)
        return str(self.db_path)

    def file_only(self, what: str) -> None:
        """Refuse, in one sentence, a safety command that belongs to a file (see
        services.safety.SERVER_JOBS) when the store is on a server."""
        if self.server_url:
            from atr_desktop.services.server_jobs import server_job

            raise server_job(what)

    def db(self) -> Database:
        """The database, opened (and upgraded) on first use."""
        if self._db is None:
            from atr_desktop.services.safety import open_live, open_server

            if self.server_url:
                self._opened = open_server(self.server_url, self.paths, readonly=self.readonly)
            else:
                self._opened = open_live(self.db_path, self.paths, readonly=self.readonly)
            self._db = self._opened.db
            for note in self._opened.notes:
                print(note, file=sys.stderr)
            if self._work is not None:
                self._work.enter_context(self._db.unit_of_work())
        return self._db

    @contextmanager
    def command(self, one_unit_of_work: bool = True) -> Iterator[None]:
        """Run one command as one unit of work: everything it changes commits, or nothing.

        The unit of work opens when the command first asks for the database. Commands that
        work on the file as a whole (backup, restore, check, erase) pass False: they must
        see, and vacuum, a file with nothing left uncommitted.
        """
        self._work = ExitStack() if one_unit_of_work else None
        try:
            yield
        except BaseException:
            if self._work is not None:
                self._work.__exit__(*sys.exc_info())  # rolls back; may raise a plainer error
            raise
        else:
            if self._work is not None:
                self._work.close()  # commits
        finally:
            self._work = None

    def adopt(self, db: Database) -> Database:
        self._db = db
        return db

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()  # closes the database and releases the live-copy lock
            self._opened = None
        elif self._db is not None:
            self._db.close()
        self._db = None


@contextmanager
def under_lease(ctx: Context, kind: str, meeting: str) -> Iterator[None]:
    """A write to a meeting's minutes or register, under a lease for the command's length:
    refused in one sentence while another officer edits them; a lapsed lease is taken
    over and the command says so on stderr."""
    from atr_desktop.services.leases import editing

    with editing(ctx.db(), kind, meeting) as warnings:
        yield
    for warning in warnings:
        print(warning, file=sys.stderr)


Handler = Callable[[Context, argparse.Namespace], int]


def add_verb(
    verbs: Any, name: str, handler: Handler, help_text: str, json_flag: bool = False
) -> argparse.ArgumentParser:
    """Add ``noun VERB`` with its handler; ``json_flag`` adds ``--json``."""
    parser: argparse.ArgumentParser = verbs.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def add_noun(nouns: Any, name: str, help_text: str) -> Any:
    parser = nouns.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=lambda ctx, args: _noun_help(parser))
    return parser.add_subparsers(dest="verb", metavar="VERB")


def _noun_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 1


def to_jsonable(value: Any) -> Any:
    """Dates as ISO 8601, dataclasses as objects, enums as their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    return value


def print_json(key: str, records: Iterable[Any], **extra: Any) -> None:
    """``{key: [...records], **extra}``; every record carries its ``id``."""
    payload = {key: [to_jsonable(r) for r in records], **to_jsonable(extra)}
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A readable plain-text table."""
    text_rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in text_rows:
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
    if not text_rows:
        print("(none)")


def parse_date_arg(text: str, confirmed: bool = False) -> dt.date:
    """A date in any form the window reads; a weekday that does not match is refused
    unless ``confirmed`` (``--yes``)."""
    from atr_desktop.domain.dates import read_date

    try:
        typed = read_date(text)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    clash = typed.weekday_clash()
    if clash and not confirmed:
        raise NeedsConfirmation([clash])
    return typed.day


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal unless ``--yes`` was given; no terminal means no."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UserError(f"{question} Add --yes to confirm.")
    return input(f"{question} [y/N] ").strip().lower() in {"y", "yes"}
