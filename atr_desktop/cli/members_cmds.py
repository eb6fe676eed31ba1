"""``members list|history|add|end|import|export``: who sits on each group."""

from __future__ import annotations

import argparse
import sys
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
from atr_desktop.domain.dates import short_date
from atr_desktop.domain.people import ROLES
from atr_desktop.services import member_exports, member_import, members


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "members", "memberships of the groups")
    p = add_verb(verbs, "list", cmd_list, "a group's members on a day", json_flag=True)
    p.add_argument("--group", required=True, help="group code or id")
    p.add_argument("--on", metavar="DATE", help="members on this date (default today)")
    p = add_verb(verbs, "history", cmd_history, "every membership, ended too", json_flag=True)
    p.add_argument("--group", required=True)
    p = add_verb(verbs, "add", cmd_add, "add a person to a group", json_flag=True)
    p.add_argument("--group", required=True)
    p.add_argument("--person", required=True, help="email or id")
    p.add_argument("--role", required=True, help=", ".join(ROLES))
    p.add_argument("--deputy-for", metavar="EMAIL", help="the member a deputy stands in for")
    p.add_argument("--non-voting", action="store_true")
    p.add_argument("--voting", action="store_true", help="voting even if the role usually is not")
    p.add_argument("--start", metavar="DATE")
    p.add_argument(
        "--replace-chair",
        action="store_true",
        help="hand over the chair or vice-chair role: the current holder's term ends",
    )
    p = add_verb(verbs, "end", cmd_end, "end a membership (it stays on record)", json_flag=True)
    p.add_argument("--group", required=True)
    p.add_argument("--person", required=True)
    p.add_argument("--date", metavar="DATE", help="the last day of membership (default today)")
    p.add_argument("--reason", default="")
    p = add_verb(verbs, "import", cmd_import, "import members from CSV or XLSX")
    p.add_argument("file", type=Path)
    p.add_argument("--group", required=True)
    p.add_argument("--skip-invalid", action="store_true", help="import the good rows only")
    p.add_argument("--dry-run", action="store_true", help="check the file, import nothing")
    p.add_argument("--start", metavar="DATE", help="memberships start (default today)")
    p.add_argument(
        "--replace-chair",
        action="store_true",
        help="a chair or vice-chair in the file replaces the current one (whose term ends)",
    )
    p = add_verb(verbs, "export", cmd_export, "a group's members to CSV or XLSX, or emails")
    p.add_argument("--group", required=True)
    p.add_argument("--out", type=Path, help="FILE.csv or FILE.xlsx")
    p.add_argument("--emails", action="store_true", help="'Name <email>; ...' for Outlook")
    p.add_argument(
        "--include-private", action="store_true", help="add lived experience and private notes"
    )


def _table(rows: list[members.MemberInfo]) -> None:
    print_table(
        ("Id", "Name", "Email", "Organisation", "Sector", "Role", "Voting", "Deputy for", "Via",
         "From", "Until"),
        [
            (m.id, m.name, m.email, m.organisation, m.sector, m.role,
             "yes" if m.voting else "no", m.deputy_for, m.via, short_date(m.start_date),
             short_date(m.end_date))
            for m in rows
        ],
    )  # fmt: skip


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    on = parse_date_arg(args.on) if args.on else None
    rows = members.current_members(ctx.db(), args.group, on)
    if args.json:
        print_json("members", rows)
    else:
        _table(rows)
    return 0


def cmd_history(ctx: Context, args: argparse.Namespace) -> int:
    rows = members.membership_history(ctx.db(), args.group)
    if args.json:
        print_json("members", rows)
    else:
        _table(rows)
    return 0


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    voting = False if args.non_voting else (True if args.voting else None)
    info = members.add_membership(
        ctx.db(),
        args.group,
        args.person,
        args.role,
        voting=voting,
        deputy_for=args.deputy_for,
        start=parse_date_arg(args.start) if args.start else None,
        replace_chair=args.replace_chair,
    )
    if args.json:
        print_json("members", [info])
    else:
        print(f"{info.name} is now {info.role} of {info.group} (membership {info.id}).")
    return 0


def cmd_end(ctx: Context, args: argparse.Namespace) -> int:
    on = parse_date_arg(args.date) if args.date else None
    ended = members.end_membership(ctx.db(), args.group, args.person, on, args.reason)
    if args.json:
        print_json("members", ended)
    else:
        for m in ended:
            print(f"{m.name} is a member of {m.group} ({m.role}) until {m.end_date}, the last day.")
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    result = member_import.import_members(
        ctx.db(),
        args.file,
        args.group,
        skip_invalid=args.skip_invalid,
        start=parse_date_arg(args.start) if args.start else None,
        dry_run=args.dry_run,
        replace_chair=args.replace_chair,
    )
    verb = "Would import" if args.dry_run else "Imported"
    print(
        f"{verb} {result.memberships} membership(s) into {args.group.upper()}: "
        f"{result.added_people} new people, {result.linked_people} already held"
        f" ({result.already_members} already members)."
    )
    if result.skipped:
        lines = ", ".join(str(n) for n in result.skipped)
        print(f"Skipped {len(result.skipped)} problem row(s): lines {lines}.", file=sys.stderr)
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    if args.emails:
        text = member_exports.email_list(ctx.db(), args.group)
        if args.out:
            args.out.write_text(text + "\n", encoding="utf-8")
            print(f"Wrote the email list to {args.out}.")
        else:
            print(text)
        return 0
    if args.out is None:
        from atr_desktop.errors import UserError

        raise UserError("Give --out FILE.csv or FILE.xlsx, or --emails for an email list.")
    out = member_exports.export_members(ctx.db(), args.group, args.out, args.include_private)
    print(f"Wrote {out}.")
    return 0
