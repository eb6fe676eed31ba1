"""``actions list|show|add|update|carried|import|export|remind``: the action tracker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import (
    Context,
    add_noun,
    add_verb,
    bounded_int,
    parse_date_arg,
    print_json,
    print_table,
)
from atr_desktop.domain.dates import short_date
from atr_desktop.domain.rag import STATUSES
from atr_desktop.services import action_outputs, actions, actions_import
from atr_desktop.services.actions import ActionChange, ActionFilter, ActionInfo
from atr_desktop.services.marking import part_b_note


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "actions", "the action tracker")
    p = add_verb(verbs, "list", cmd_list, "list actions (open first, by due date)", json_flag=True)
    p.add_argument("--group")
    p.add_argument("--owner", default="", help="part of the owner's name or email")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--due-within", type=bounded_int(0, 3650), metavar="DAYS")
    p.add_argument(
        "--search", default="", help="words (or their starts) in the action, its owner or reference"
    )
    p = add_verb(verbs, "show", cmd_show, "one action with its updates", json_flag=True)
    p.add_argument("ref")
    p = add_verb(verbs, "add", cmd_add, "raise an action at a meeting", json_flag=True)
    p.add_argument("--meeting", required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--owner", required=True, help="email, or a name")
    p.add_argument("--due", help="31/03/2027, 7 Jul 2027 or YYYY-MM-DD")
    p.add_argument("--binds", help="the group it binds (joint meeting: a constituent)")
    p = add_verb(verbs, "update", cmd_update, "update one or more actions", json_flag=True)
    p.add_argument("refs", nargs="+", metavar="REF")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--due", help="a new due date (the original is kept)")
    p.add_argument("--note", default="", help="a dated update")
    p.add_argument("--rag", help="override the RAG: Red, Amber, Green, or auto")
    p.add_argument("--reason", default="", help="why (RAG override, superseded)")
    p.add_argument("--at", help="the meeting that agreed the closure")
    p.add_argument("--owner")
    p = add_verb(
        verbs, "carried", cmd_carried, "open actions a meeting's action log lists", json_flag=True
    )
    p.add_argument("meeting")
    p = add_verb(
        verbs, "import", cmd_import, "import an action log from Excel or CSV", json_flag=True
    )
    p.add_argument("file", type=Path)
    p.add_argument("--group", required=True)
    p.add_argument("--skip-invalid", action="store_true", help="import the good rows only")
    p.add_argument("--dry-run", action="store_true", help="check only; import nothing")
    p = add_verb(verbs, "export", cmd_export, "the action log to Excel or Word")
    p.add_argument("--group")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--confidential", action="store_true", help="include Part B actions")
    p = add_verb(verbs, "remind", cmd_remind, "an email draft per owner listing their actions")
    p.add_argument("--out", required=True, type=Path, help="folder for the .eml drafts")


def _print(rows: list[ActionInfo], as_json: bool) -> None:
    if as_json:
        print_json("actions", rows)
        return
    print_table(
        ("Ref", "Action", "Owner", "Due", "Revised", "Status", "RAG"),
        [
            (
                a.ref,
                a.description[:60],
                a.owner,
                short_date(a.due_date),
                short_date(a.revised_due_date),
                a.status,
                a.rag,
            )
            for a in rows
        ],
    )


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    f = ActionFilter(
        args.group, args.owner, args.status, args.overdue, args.due_within, args.search
    )
    _print(actions.list_actions(ctx.db(), f), args.json)
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    a = actions.get_action(ctx.db(), args.ref)
    if args.json:
        print_json("actions", [a])
        return 0
    _print([a], False)
    print(f"\nRaised {short_date(a.raised_on)} at {a.meeting} item {a.item} {a.item_title}")
    for u in a.updates:
        print(f"  {short_date(u.on_date)}  {u.text}")
    return 0


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    due = parse_date_arg(args.due) if args.due else None
    info = actions.add_action(
        ctx.db(), args.meeting, args.item, args.text, args.owner, due, args.binds
    )
    _print([info], args.json)
    return 0


def cmd_update(ctx: Context, args: argparse.Namespace) -> int:
    change = ActionChange(
        status=args.status,
        due=parse_date_arg(args.due) if args.due else None,
        note=args.note,
        rag=args.rag,
        reason=args.reason,
        at_meeting=args.at,
        owner=args.owner,
    )
    _print(actions.update_many(ctx.db(), args.refs, change), args.json)
    return 0


def cmd_carried(ctx: Context, args: argparse.Namespace) -> int:
    _print(actions.carried_forward(ctx.db(), args.meeting), args.json)
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    result = actions_import.import_actions(
        ctx.db(), args.file, args.group, args.skip_invalid, args.dry_run
    )
    if args.json:
        print_json("rows", result.rows, imported=list(result.imported), dry_run=result.dry_run)
    else:
        print_table(
            ("Row", "Ref", "Action", "Owner", "Due", "Status", "Problems"),
            [
                (
                    r.line,
                    r.ref,
                    r.description[:50],
                    r.owner,
                    short_date(r.due),
                    r.status,
                    "; ".join(r.problems),
                )
                for r in result.rows
            ],
        )
    problems = result.problems
    if problems and not args.skip_invalid:
        print(
            f"{len(problems)} row(s) have problems, so nothing was imported: fix them in the "
            "file, or add --skip-invalid to import the other rows.",
            file=sys.stderr,
        )
        return 1
    if result.dry_run:
        print(f"Checked {len(result.rows)} row(s); nothing imported (--dry-run).")
    else:
        print(f"Imported {len(result.imported)} action(s); skipped {result.skipped}.")
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    out = action_outputs.export_log(ctx.db(), args.out, args.group, confidential=args.confidential)
    print(f"Wrote {out}. {part_b_note(args.confidential, 'actions')}.")
    return 0


def cmd_remind(ctx: Context, args: argparse.Namespace) -> int:
    paths = action_outputs.reminders(ctx.db(), args.out)
    for path in paths:
        print(f"Wrote {path}")
    if not paths:
        print("No open actions: no reminders to write.")
    return 0
