"""``forward-plan list|add|withdraw``."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import (
    Context,
    add_noun,
    add_verb,
    parse_date_arg,
    print_json,
    print_table,
)
from atr_desktop.services import forward_plan
from atr_desktop.services.agenda import PURPOSES
from atr_desktop.services.forward_plan import ForwardPlanInfo


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "forward-plan", "items promised to future meetings")
    p = add_verb(verbs, "list", cmd_list, "the forward plan", True)
    p.add_argument("--group")
    p = add_verb(verbs, "add", cmd_add, "promise an item to a future meeting", True)
    p.add_argument("--group", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--date", help="the meeting on or after this date (default: the next one)")
    p.add_argument("--purpose", choices=PURPOSES, default="")
    p.add_argument("--lead", default="")
    p = add_verb(verbs, "withdraw", cmd_withdraw, "take an item off the forward plan", True)
    p.add_argument("id", type=int)
    p.add_argument("--reason", default="")


def _print(rows: list[ForwardPlanInfo], as_json: bool) -> None:
    if as_json:
        print_json("forward_plan", rows)
        return
    print_table(
        ("Id", "Group", "For", "Title", "Purpose", "Lead", "Source", "On agenda"),
        [
            (
                r.id,
                r.group_code,
                r.target_text,
                r.title,
                r.purpose,
                r.lead,
                r.source,
                r.placed_on or ("withdrawn" if r.withdrawn_reason else ""),
            )
            for r in rows
        ],
    )


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    _print(forward_plan.list_forward_plan(ctx.db(), args.group), args.json)
    return 0


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    info = forward_plan.add_forward_plan_item(
        ctx.db(),
        args.group,
        args.title,
        parse_date_arg(args.date) if args.date else None,
        args.purpose,
        args.lead,
    )
    _print([info], args.json)
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    _print([forward_plan.withdraw_forward_plan_item(ctx.db(), args.id, args.reason)], args.json)
    return 0
