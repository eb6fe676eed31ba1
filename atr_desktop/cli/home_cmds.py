"""``home [--json]``: what Home shows, for a chair who wants it as text."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, print_table, to_jsonable
from atr_desktop.domain.dates import short_date
from atr_desktop.services import home


def register(nouns: Any) -> None:
    parser = nouns.add_parser("home", help="what Home shows: next meetings, actions due, ...")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_home)


def cmd_home(ctx: Context, args: argparse.Namespace) -> int:
    data = home.home(ctx.db())
    if args.json:
        import json
        import sys

        payload = to_jsonable(data)
        payload["id"] = "home"
        json.dump({"home": [payload]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print("Next meetings")
    print_table(
        ("Group", "Date", "Papers", "Papers due", "Pack issue"),
        [
            (
                m.group_code,
                short_date(m.date) or "none scheduled",
                f"{m.papers_received} of {m.papers_expected}" if m.id else "",
                _days(m.days_to_papers_due),
                _days(m.days_to_issue),
            )
            for m in data.next_meetings
        ],
    )
    print("\nActions overdue and due soon")
    print_table(
        ("Ref", "Group", "Owner", "Due", "", "Action"),
        [
            (
                a.ref,
                a.group_code,
                a.owner,
                short_date(a.due),
                "OVERDUE" if a.overdue else "",
                a.description,
            )
            for a in data.actions
        ],
    )
    _more(data.more("actions"), "actions list --due-within DAYS")
    for title, section in (
        ("Minutes awaiting approval", "minutes_awaiting_approval"),
        ("Decisions awaiting ratification", "decisions_awaiting_ratification"),
        ("Terms of Reference reviews", "tor_reviews"),
        ("Declarations to re-confirm", "declarations_due"),
    ):
        print(f"\n{title}")
        lines = getattr(data, section)
        print_table(
            ("Group", "Date", "What"), [(r.group_code, short_date(r.date), r.text) for r in lines]
        )
        _more(data.more(section))
    return 0


def _more(count: int, command: str = "") -> None:
    if count > 0:
        print(f"and {count:,} more" + (f" (see '{command}')" if command else ""))


def _days(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return f"{-days} days ago"
    return "today" if days == 0 else f"in {days} days"
