"""``audit show ENTITY ID``: who changed a record, and when."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.services import audit


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "audit", "the append-only record of who changed what, and when")
    p = add_verb(verbs, "show", cmd_show, "the history of one record", json_flag=True)
    p.add_argument("entity", help="group, person, membership, tor, minutes, decision, action, ...")
    p.add_argument("id", type=int)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    lines = audit.history(ctx.db(), args.entity, args.id)
    if args.json:
        print_json("audit", [{"id": i, **line.__dict__} for i, line in enumerate(lines, 1)])
    else:
        print_table(
            ("When (UTC)", "Who", "Machine", "What", "Detail"),
            [
                (f"{ln.at:%Y-%m-%d %H:%M}", ln.user, ln.machine, ln.action, ln.summary)
                for ln in lines
            ],
        )
    return 0
