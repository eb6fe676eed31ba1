"""``search TEXT [--kind KIND] [--json]``: one box over everything."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, bounded_int, print_json, print_table
from atr_desktop.services import search


def register(nouns: Any) -> None:
    parser = nouns.add_parser(
        "search",
        help="search meetings, items, minutes, decisions, "
        "actions, people, organisations and papers",
    )
    parser.add_argument("text", help='words to find; "a phrase" in double quotes')
    parser.add_argument("--kind", choices=search.KINDS)
    parser.add_argument("--limit", type=bounded_int(1, 10_000), default=50)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_search)


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    hits = search.search(ctx.db(), args.text, args.kind, args.limit)
    if args.json:
        print_json(
            "results",
            [
                {
                    "id": h.id,
                    "kind": h.kind,
                    "meeting_id": h.meeting_id,
                    "title": h.title.replace(search.MARK_START, "").replace(search.MARK_END, ""),
                    "snippet": h.plain(),
                    "rank": h.rank,
                }
                for h in hits
            ],
        )
    else:
        print_table(
            ("Kind", "Id", "Title", "Match"),
            [
                (
                    h.kind,
                    h.id,
                    h.title.replace(search.MARK_START, "[").replace(search.MARK_END, "]"),
                    h.plain(),
                )
                for h in hits
            ],
        )
    return 0
