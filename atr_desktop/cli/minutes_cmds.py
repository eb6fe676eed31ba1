"""``minutes show|write|approve|withdraw|amend|export|aob|defer``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import (
    Context,
    add_noun,
    add_verb,
    print_json,
    read_stdin_text,
    under_lease,
)
from atr_desktop.domain.dates import long_date, short_date
from atr_desktop.services import minutes, minutes_export


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "minutes", "a meeting's minutes")
    p = add_verb(verbs, "show", cmd_show, "show the minutes", json_flag=True)
    p.add_argument("meeting")
    p.add_argument("--confidential", action="store_true", help="the Part B minutes")
    p = add_verb(verbs, "write", cmd_write, "write the discussion under an item")
    p.add_argument("meeting")
    p.add_argument("item", help="the item's number (3, 2.1) or id")
    p.add_argument("--text", help="the text ('-' reads it from standard input)", required=True)
    p = add_verb(verbs, "approve", cmd_approve, "approve the minutes at a later meeting")
    p.add_argument("meeting")
    p.add_argument("--at", required=True, help="the meeting that approved them")
    p.add_argument("--amendments", default="", help="amendments agreed at approval")
    p = add_verb(
        verbs, "withdraw", cmd_withdraw, "withdraw an approval given in error (with a reason)"
    )
    p.add_argument("meeting")
    p.add_argument("--reason", required=True, help="why (kept on record)")
    p = add_verb(verbs, "amend", cmd_amend, "record a dated correction to approved minutes")
    p.add_argument("meeting")
    p.add_argument("--item")
    p.add_argument("--text", required=True)
    p.add_argument("--reason", required=True)
    p = add_verb(verbs, "export", cmd_export, "the minutes to Word")
    p.add_argument("meeting")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--confidential", action="store_true", help="the Part B minutes only")
    p = add_verb(verbs, "aob", cmd_aob, "add an item raised on the day (under AOB)")
    p.add_argument("meeting")
    p.add_argument("--title", required=True)
    p.add_argument("--confidential", action="store_true")
    p = add_verb(verbs, "defer", cmd_defer, "defer an item back to the forward plan")
    p.add_argument("meeting")
    p.add_argument("item")
    p.add_argument("--reason", default="")


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    view = minutes.show(ctx.db(), args.meeting, args.confidential)
    if args.json:
        print_json(
            "items",
            view.items,
            meeting_id=view.meeting_id,
            status=view.status,
            present=view.present,
            apologies=view.apologies,
            in_attendance=view.in_attendance,
            quorum=list(view.quorum),
        )
        return 0
    print(f"{view.group_name}: minutes of {long_date(view.date)} ({view.status.upper()})")
    for label, lines in (
        ("Present", view.present),
        ("In attendance", view.in_attendance),
        ("Apologies", view.apologies),
    ):
        print(f"{label}: " + ("; ".join(lines) or "none"))
    for q in view.quorum:
        print(f"Quorum ({q.group_code}): {q.reason}")
    for item in view.items:
        print(f"\n{item.number}  {item.title}" + ("  [deferred]" if item.deferred else ""))
        if item.discussion:
            print("   " + item.discussion.replace("\n", "\n   "))
        if item.pending_draft is not None:
            print("   (unsaved typing is waiting in the window)")
        for d in item.decisions:
            print(f"   DECISION: {d.text}")
        for a in item.actions:
            print(f"   ACTION {a.ref}: {a.description} ({a.owner}, due {short_date(a.due)})")
        for a in item.carried:
            print(f"   BROUGHT FORWARD {a.ref}: {a.description} ({a.owner}, {a.status})")
    return 0


def cmd_write(ctx: Context, args: argparse.Namespace) -> int:
    text = read_stdin_text() if args.text == "-" else args.text
    with under_lease(ctx, "minutes", args.meeting):
        item = minutes.write_item(ctx.db(), args.meeting, args.item, text)
    print(f"Saved the minutes of item {item.number} ({item.title}).")
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    view = minutes.withdraw_approval(ctx.db(), args.meeting, args.reason)
    print(
        f"The approval of the minutes of {long_date(view.date)} is withdrawn; they are a "
        "draft again. The reason is on record."
    )
    return 0


def cmd_approve(ctx: Context, args: argparse.Namespace) -> int:
    view = minutes.approve(ctx.db(), args.meeting, args.at, args.amendments)
    assert view.approved_at is not None
    print(
        f"The minutes of {long_date(view.date)} are approved (at the meeting of "
        f"{long_date(view.approved_at)}) and now locked."
    )
    return 0


def cmd_amend(ctx: Context, args: argparse.Namespace) -> int:
    info = minutes.amend(ctx.db(), args.meeting, args.text, args.reason, args.item)
    print(f"Amendment {info.id} recorded on {info.made_on.isoformat()}.")
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    out = minutes_export.export(ctx.db(), args.meeting, args.out, args.confidential)
    print(f"Wrote {out}")
    return 0


def cmd_aob(ctx: Context, args: argparse.Namespace) -> int:
    number = minutes.add_item_on_the_day(ctx.db(), args.meeting, args.title, args.confidential)
    print(f"Added item {number}: {args.title}")
    return 0


def cmd_defer(ctx: Context, args: argparse.Namespace) -> int:
    plan_id = minutes.defer_item(ctx.db(), args.meeting, args.item, args.reason)
    print(f"Deferred: the item is back on the forward plan (entry {plan_id}).")
    return 0
