"""``attendance show|set|all-present|replies|guest|declare|matrix``: the register, quorum
and declarations."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import (
    Context,
    add_noun,
    add_verb,
    bounded_int,
    print_json,
    print_table,
    under_lease,
)
from atr_desktop.services import attendance, attendance_matrix, register_bulk
from atr_desktop.services.attendance import STATUS_LABELS, LineChange, Register


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "attendance", "a meeting's register, quorum and declarations")
    p = add_verb(verbs, "show", cmd_show, "show the register and the quorum", json_flag=True)
    p.add_argument("meeting", help="id or GROUP:YYYY-MM-DD")
    p = add_verb(verbs, "set", cmd_set, "mark someone on the register", json_flag=True)
    p.add_argument("meeting")
    p.add_argument("--person", required=True, help="email or id")
    p.add_argument("--status", required=True, choices=attendance.STATUSES)
    p.add_argument("--for", dest="deputy_for", help="the member a deputy attends for (email)")
    p.add_argument("--arrived", help="the item at which they arrived")
    p.add_argument("--left", help="the item at which they left")
    p.add_argument("--note")
    p = add_verb(
        verbs,
        "all-present",
        cmd_all_present,
        "mark everyone not marked yet as present",
        json_flag=True,
    )
    p.add_argument("meeting")
    p = add_verb(
        verbs,
        "replies",
        cmd_replies,
        "record apologies from reply files (.ics or .eml) saved from the invite's replies",
        json_flag=True,
    )
    p.add_argument("meeting")
    p.add_argument("files", nargs="+", type=Path, help="reply .ics or .eml files")
    p = add_verb(verbs, "guest", cmd_guest, "add a guest in attendance", json_flag=True)
    p.add_argument("meeting")
    p.add_argument("--name", required=True, help="name, role and organisation")
    p.add_argument("--note", default="", help="for example 'for item 5'")
    p = add_verb(verbs, "declare", cmd_declare, "record a declaration of interest", json_flag=True)
    p.add_argument("meeting")
    p.add_argument("--person", required=True)
    p.add_argument("--interest", required=True)
    p.add_argument("--item", help="the item it concerns")
    p.add_argument("--left-room", action="store_true", help="they left the room for the item")
    p = add_verb(verbs, "matrix", cmd_matrix, "attendance matrix of a group for a year")
    p.add_argument("--group", required=True)
    p.add_argument("--year", required=True, type=bounded_int(1900, 9998))
    p.add_argument("--out", required=True, type=Path, help="FILE.xlsx or FILE.docx")


def _print(reg: Register, as_json: bool) -> None:
    if as_json:
        print_json(
            "attendance",
            reg.lines,
            meeting_id=reg.meeting_id,
            quorate=reg.quorate,
            quorum=list(reg.quorum),
        )
        return
    print(
        f"{reg.group_name}, {reg.date.isoformat()}"
        + ("  (locked: minutes approved)" if reg.locked else "")
    )
    print_table(
        ("Id", "Name", "Organisation", "Role", "Status", "For", "Group", "Arrived", "Left"),
        [
            (
                ln.id,
                ln.name,
                ln.organisation,
                ln.role,
                STATUS_LABELS.get(ln.status, ln.status),
                ln.deputy_for,
                ln.constituent,
                ln.arrived_item,
                ln.left_item,
            )
            for ln in reg.lines
        ],
    )
    print()
    for q in reg.quorum:
        print(f"{q.group_code}: {q.reason}")


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    _print(attendance.get_register(ctx.db(), args.meeting), args.json)
    return 0


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    change = LineChange(args.status, args.deputy_for, args.arrived, args.left, args.note)
    with under_lease(ctx, "register", args.meeting):
        reg = attendance.set_attendance(ctx.db(), args.meeting, args.person, change)
    _print(reg, args.json)
    return 0


def _print_bulk(result: register_bulk.BulkResult, done: str, as_json: bool) -> None:
    if as_json:
        _print(result.register, True)
        return
    print(f"{done}: {', '.join(result.marked)}." if result.marked else "Nobody was marked.")
    for note in result.notes:
        print(f"  {note}")
    print()
    _print(result.register, False)


def cmd_all_present(ctx: Context, args: argparse.Namespace) -> int:
    with under_lease(ctx, "register", args.meeting):
        result = register_bulk.mark_all_present(ctx.db(), args.meeting)
    _print_bulk(result, "Marked present", args.json)
    return 0


def cmd_replies(ctx: Context, args: argparse.Namespace) -> int:
    with under_lease(ctx, "register", args.meeting):
        result = register_bulk.apologies_from_replies(ctx.db(), args.meeting, args.files)
    _print_bulk(result, "Apologies recorded", args.json)
    return 0


def cmd_guest(ctx: Context, args: argparse.Namespace) -> int:
    with under_lease(ctx, "register", args.meeting):
        reg = attendance.add_guest(ctx.db(), args.meeting, args.name, args.note)
    _print(reg, args.json)
    return 0


def cmd_declare(ctx: Context, args: argparse.Namespace) -> int:
    with under_lease(ctx, "register", args.meeting):
        info = attendance.declare(
            ctx.db(), args.meeting, args.person, args.interest, args.item, args.left_room
        )
    if args.json:
        print_json("declarations", [info])
    else:
        where = f" for item {info.item}" if info.item else ""
        left = ", and left the room" if info.left_room else ""
        print(f"Recorded: {info.name} declared {info.interest}{where}{left}.")
    return 0


def cmd_matrix(ctx: Context, args: argparse.Namespace) -> int:
    out = attendance_matrix.export(ctx.db(), args.group, args.year, args.out)
    print(f"Wrote {out}")
    return 0
