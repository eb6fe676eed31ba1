"""``decisions add|list|withdraw|ratify|export``: the decision log."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.domain.dates import short_date
from atr_desktop.services import decisions
from atr_desktop.services.marking import part_b_note


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "decisions", "the decision log")
    p = add_verb(verbs, "add", cmd_add, "record a decision", json_flag=True)
    p.add_argument("--meeting", required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--binds", help="the group it binds (joint meeting: a constituent)")
    p = add_verb(verbs, "list", cmd_list, "list decisions", json_flag=True)
    p.add_argument("--group")
    p.add_argument("--search", default="")
    p.add_argument(
        "--awaiting-ratification", action="store_true", help="only those taken while not quorate"
    )
    p = add_verb(
        verbs, "withdraw", cmd_withdraw, "withdraw a decision (kept on record)", json_flag=True
    )
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.add_argument("--superseded", action="store_true", help="superseded rather than withdrawn")
    p = add_verb(
        verbs, "ratify", cmd_ratify, "ratify a decision taken while not quorate", json_flag=True
    )
    p.add_argument("id")
    p.add_argument("--at", required=True, help="the quorate meeting that ratified it")
    p = add_verb(verbs, "export", cmd_export, "the decision log to Excel or Word")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--group")
    p.add_argument("--search", default="")
    p.add_argument("--confidential", action="store_true", help="include Part B decisions")


def _print(rows: list[decisions.DecisionInfo], as_json: bool) -> None:
    if as_json:
        print_json("decisions", rows)
        return
    print_table(
        ("Id", "Date", "Group", "Item", "Decision", "Status"),
        [
            (
                d.id,
                short_date(d.decided_on),
                d.group_code,
                d.item,
                d.text,
                d.status + (" (needs ratification)" if d.needs_ratification else ""),
            )
            for d in rows
        ],
    )


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    info = decisions.add_decision(ctx.db(), args.meeting, args.item, args.text, args.binds)
    _print([info], args.json)
    if info.needs_ratification and not args.json:
        print(
            "The group was not quorate for this item: the decision needs ratifying at its "
            "next quorate meeting."
        )
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = decisions.list_decisions(
        ctx.db(), args.group, args.search, awaiting_ratification=args.awaiting_ratification
    )
    _print(rows, args.json)
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    _print([decisions.withdraw(ctx.db(), args.id, args.reason, args.superseded)], args.json)
    return 0


def cmd_ratify(ctx: Context, args: argparse.Namespace) -> int:
    _print([decisions.ratify(ctx.db(), args.id, args.at)], args.json)
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    out = decisions.export(ctx.db(), args.out, args.group, args.search, args.confidential)
    print(f"Wrote {out}. {part_b_note(args.confidential, 'decisions')}.")
    return 0
