"""``store copy``: move a programme between a file and a server (either way)."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "store", "move a programme between a file and a PostgreSQL server")
    copy = add_verb(
        verbs,
        "copy",
        cmd_copy,
        "copy every record and paper into a new, empty store; the source is retired",
        json_flag=True,
    )
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")


def cmd_copy(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.store_copy import copy_store

    result = copy_store(args.source, args.target, ctx.paths)
    if args.json:
        print_json(
            "tables",
            [{"table": k, "rows": v} for k, v in result.counts.items()],
            source=result.source,
            target=result.target,
            papers=result.papers,
        )
        return 0
    rows = sum(result.counts.values())
    print(
        f"Copied {result.source} to {result.target}: {rows:,} rows in "
        f"{len(result.counts)} tables and {result.papers} papers, each counted and checked "
        f"on both sides. {result.source} is retired: it opens read-only from now on."
    )
    return 0
