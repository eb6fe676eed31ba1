"""``init`` and ``demo``: make a database from a template, or fill one with a demo programme."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from atr_desktop.cli.common import Context
from atr_desktop.domain.groups import TEMPLATES


def register(nouns: Any) -> None:
    init = nouns.add_parser("init", help="create a new database from a template")
    init.add_argument("--template", default="wy-atr", choices=sorted(TEMPLATES))
    init.add_argument(
        "--roles",
        action="store_true",
        help="print the SQL that gives a server store its owner, secretariat and chair roles",
    )
    init.set_defaults(handler=cmd_init)
    demo = nouns.add_parser(
        "demo", help="fill a database with a realistic demo programme (created if missing)"
    )
    demo.add_argument(
        "--years",
        type=int,
        default=1,
        metavar="N",
        help="years of records to make (default 1; 10 is a programme's decade, ~1 minute)",
    )
    demo.add_argument(
        "--actions",
        type=int,
        metavar="N",
        help="also add N actions to the log, for stress runs (adds the demo first if missing)",
    )
    demo.set_defaults(handler=cmd_demo)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.setup import init_database

    if args.roles:
        from atr_desktop.storage.roles import roles_sql

        print(roles_sql(), end="")
        return 0
    ctx.adopt(init_database(ctx.db_path, args.template, url=ctx.server_url))
    print(f"Created {ctx.db_shown} from the {args.template} template.")
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.demo import build_demo, check_years
    from atr_desktop.services.demo.action_log import check_count, grow_actions
    from atr_desktop.services.setup import init_database

    check_years(args.years)
    if args.actions is not None:
        check_count(args.actions)
    path = ctx.db_shown
    if ctx.server_url:
        db = (
            ctx.db()
            if _server_has_store(ctx.server_url)
            else ctx.adopt(init_database(ctx.db_path, url=ctx.server_url))
        )
    else:
        db = ctx.db() if ctx.db_path.exists() else ctx.adopt(init_database(ctx.db_path))
    if args.actions is None or db.meta("demo") is None:
        summary = build_demo(
            db, years=args.years, progress=lambda line: print(line, file=sys.stderr)
        )
        print(
            f"Demo programme added to {path}: " + ", ".join(f"{n} {k}" for k, n in summary.items())
        )
    if args.actions is not None:
        grown = grow_actions(db, args.actions)
        print(f"Added to {path}: " + ", ".join(f"{n:,} {k}" for k, n in grown.items()))
    return 0


def _server_has_store(url: str) -> bool:
    from atr_desktop.storage.database import make_server_engine, server_error
    from atr_desktop.storage.migrate import current

    engine = make_server_engine(url)
    try:
        return current(engine) is not None
    except Exception as exc:
        plain = server_error(exc, url)
        if plain is not None:
            raise plain from None
        raise
    finally:
        engine.dispose()
