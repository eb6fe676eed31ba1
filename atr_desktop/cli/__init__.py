"""The command line: ``atr-desktop [--db PATH] NOUN VERB [ARGS] [--json]`` (CLI.md).

Each noun lives in its own module with a ``register(subparsers)`` function; add a module
to :data:`NOUN_MODULES` to add a noun. Commands are ``fn(ctx, args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from atr_desktop import __version__
from atr_desktop.cli.common import Context, UsageError, argument_problem
from atr_desktop.errors import NeedsConfirmation, UserError

log = logging.getLogger(__name__)

NOUN_MODULES: tuple[str, ...] = (
    "atr_desktop.cli.setup_cmds",
    "atr_desktop.cli.groups_cmds",
    "atr_desktop.cli.settings_cmds",
    "atr_desktop.cli.search_cmds",
    "atr_desktop.cli.home_cmds",
    "atr_desktop.cli.person_cmds",
    "atr_desktop.cli.audit_cmds",
    "atr_desktop.cli.brief_cmds",
    "atr_desktop.cli.people_cmds",
    "atr_desktop.cli.members_cmds",
    "atr_desktop.cli.declarations_cmds",
    "atr_desktop.cli.tor_cmds",
    "atr_desktop.cli.meetings_cmds",
    "atr_desktop.cli.agenda_cmds",
    "atr_desktop.cli.papers_cmds",
    "atr_desktop.cli.forward_plan_cmds",
    "atr_desktop.cli.pack_cmds",
    "atr_desktop.cli.publish_cmds",
    "atr_desktop.cli.attendance_cmds",
    "atr_desktop.cli.minutes_cmds",
    "atr_desktop.cli.decisions_cmds",
    "atr_desktop.cli.actions_cmds",
    "atr_desktop.cli.safety_cmds",
    "atr_desktop.cli.store_cmds",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a user's mistake as UsageError (exit 1), not exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message}. Run '{self.prog} --help' to see how to use it.")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="atr-desktop",
        description="ATR Desktop: governance administration for the ATR Programme. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"ATR Desktop {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file (or ATR_DESKTOP_DB)")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the database only to look (when it is open elsewhere or handed over)",
    )
    nouns = parser.add_subparsers(dest="noun", metavar="NOUN", parser_class=_Parser)
    for name in NOUN_MODULES:
        importlib.import_module(name).register(nouns)
    return parser


# Commands that work on the database file as a whole (backups, restore, check, hand-over,
# erasure's vacuum, creating and filling a database) manage their own units of work.
FILE_LEVEL = frozenset(
    {
        "atr_desktop.cli.safety_cmds",
        "atr_desktop.cli.setup_cmds",
        "atr_desktop.cli.person_cmds",
        "atr_desktop.cli.store_cmds",
    }
)


class _Failed(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def run(argv: list[str], ctx: Context) -> int:
    """Run one command; returns the exit code (0 ok, 1 user's mistake, 2 bug)."""
    try:
        problem = argument_problem(argv)
        if problem:
            raise UsageError(problem)
        parser = build_parser()
        args = parser.parse_args(argv)
        ctx.db_arg = args.db
        ctx.readonly = args.read_only
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(sys.stderr)
            return 1
        with ctx.command(handler.__module__ not in FILE_LEVEL):
            code: int = handler(ctx, args)
            if code != 0:
                raise _Failed(code)  # a command that reports failure keeps none of its edits
        return code
    except _Failed as failed:
        return failed.code
    except NeedsConfirmation as exc:
        print(f"{exc} If that is right, run the command again with {exc.flag}.", file=sys.stderr)
        return 1
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        # Only text a user handed in is decoded here (a file, standard input).
        print(
            "Some of the text given was not UTF-8 (it may be from another program or a "
            "damaged file): save it as UTF-8 text and try again. Nothing was changed.",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:
        # The reader went away (``| head``): not an error; silence the final flush.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 1
    except Exception:
        log.exception("unexpected error in a command")
        print(
            "Something went wrong inside ATR Desktop (this is a bug, not your mistake). "
            f"Details are in the log file: {ctx.log_file}",
            file=sys.stderr,
        )
        return 2
    finally:
        ctx.close()
