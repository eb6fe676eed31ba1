"""``declarations list|add|confirm|end|export``: the declarations of interest register."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import (
    Context,
    add_noun,
    add_verb,
    parse_date_arg,
    print_json,
    print_table,
)
from atr_desktop.domain.people import DECLARATION_KINDS
from atr_desktop.services import declarations


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "declarations", "the declarations of interest register")
    p = add_verb(verbs, "list", cmd_list, "the register", json_flag=True)
    p.add_argument("--due", action="store_true", help="only those due for re-confirmation")
    p.add_argument("--person", help="one person's declarations (email or id)")
    p = add_verb(verbs, "add", cmd_add, "record a declaration", json_flag=True)
    p.add_argument("--person", required=True, help="email or id")
    p.add_argument("--interest", required=True, help="what the interest is")
    p.add_argument("--type", required=True, help=", ".join(DECLARATION_KINDS))
    p.add_argument("--date", metavar="DATE", help="date declared (default today)")
    p = add_verb(verbs, "confirm", cmd_confirm, "record a yearly re-confirmation", json_flag=True)
    p.add_argument("id", type=int)
    p.add_argument("--date", metavar="DATE")
    p = add_verb(verbs, "end", cmd_end, "the interest no longer applies", json_flag=True)
    p.add_argument("id", type=int)
    p.add_argument("--date", metavar="DATE")
    p = add_verb(verbs, "export", cmd_export, "the register to Word or Excel")
    p.add_argument("--out", type=Path, required=True, help="FILE.docx or FILE.xlsx")


def _print(rows: list[declarations.DeclarationInfo], as_json: bool) -> None:
    if as_json:
        print_json("declarations", rows)
        return
    print_table(declarations.REGISTER_HEADERS, declarations.register_rows(rows))


def _date(text: str | None) -> Any:
    return parse_date_arg(text) if text else None


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = declarations.list_declarations(ctx.db(), due_only=args.due, person=args.person)
    _print(rows, args.json)
    return 0


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    info = declarations.add_declaration(
        ctx.db(), args.person, args.interest, args.type, _date(args.date)
    )
    _print([info], args.json)
    return 0


def cmd_confirm(ctx: Context, args: argparse.Namespace) -> int:
    _print([declarations.confirm_declaration(ctx.db(), args.id, _date(args.date))], args.json)
    return 0


def cmd_end(ctx: Context, args: argparse.Namespace) -> int:
    _print([declarations.end_declaration(ctx.db(), args.id, _date(args.date))], args.json)
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    print(f"Wrote {declarations.export_register(ctx.db(), args.out)}.")
    return 0
