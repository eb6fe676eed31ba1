"""``agenda show|build|add|edit|remove|move|copy-from-previous|export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, bounded_int, print_json, print_table
from atr_desktop.domain.dates import hhmm
from atr_desktop.domain.marking import EXEMPTIONS, Exemption
from atr_desktop.services import agenda, meeting_outputs
from atr_desktop.services.agenda import PURPOSES, AgendaRow
from atr_desktop.services.refs import find_item, find_meeting


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "agenda", "a meeting's agenda")
    p = add_verb(verbs, "show", cmd_show, "show the agenda with numbers and times", True)
    p.add_argument("meeting")
    p = add_verb(
        verbs, "build", cmd_build, "add the standing items and the forward plan's items", True
    )
    p.add_argument("meeting")
    p = add_verb(verbs, "add", cmd_add, "add an item (before any other business)", True)
    p.add_argument("meeting")
    _item_options(p, required=True)
    p.add_argument("--under", help="the number of the item to add a sub-item to")
    p = add_verb(verbs, "edit", cmd_edit, "change an item", True)
    p.add_argument("meeting")
    p.add_argument("item", help="its number or id")
    _item_options(p, required=False)
    p = add_verb(verbs, "remove", cmd_remove, "delete an item from a draft agenda")
    p.add_argument("meeting")
    p.add_argument("item")
    p = add_verb(verbs, "move", cmd_move, "move an item to a new number", True)
    p.add_argument("meeting")
    p.add_argument("item")
    p.add_argument("--to", required=True, help="its new number, e.g. 4 or 2.1")
    p = add_verb(verbs, "copy-from-previous", cmd_copy, "copy the group's previous agenda", True)
    p.add_argument("meeting")
    p = add_verb(verbs, "export", cmd_export, "the agenda as a Word document")
    p.add_argument("meeting")
    p.add_argument("--out", required=True)
    p.add_argument(
        "--part", choices=["A", "B", "a", "b"], default="A", help="B: the confidential agenda"
    )


def _item_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--title", required=required)
    p.add_argument("--purpose", choices=PURPOSES)
    p.add_argument("--lead")
    p.add_argument("--minutes", type=bounded_int(0, 1440))
    p.add_argument("--confidential", action="store_true", default=None, help="a Part B item")
    p.add_argument("--public", action="store_true", help="not confidential (Part A)")
    p.add_argument(
        "--exempt",
        choices=list(EXEMPTIONS),
        help="why a Part B item is exempt (marks its outputs OFFICIAL-SENSITIVE)",
    )
    p.add_argument("--exempt-reason", help="the words when --exempt other")
    p.add_argument("--papers", action="store_true", default=None, help="papers expected")


def print_agenda(rows: list[AgendaRow], as_json: bool) -> None:
    if as_json:
        print_json("agenda", [{**r.__dict__, "paper": r.paper_text} for r in rows])
        return
    print_table(
        ("No.", "Time", "Title", "Lead", "Purpose", "Mins", "Paper", "Part"),
        [
            (
                r.number,
                hhmm(r.start),
                ("  " * r.level) + r.title + (" (deferred)" if r.deferred else ""),
                r.lead,
                r.purpose,
                r.minutes,
                r.paper_text,
                part_text(r),
            )
            for r in rows
        ],
    )


def part_text(row: AgendaRow) -> str:
    """'A', 'B' or 'B (commercial)'."""
    if not row.confidential:
        return "A"
    if not row.exemption:
        return "B"
    return f"B ({Exemption(row.exemption, row.exemption_note).words})"


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    print_agenda(agenda.agenda(ctx.db(), args.meeting), args.json)
    return 0


def cmd_build(ctx: Context, args: argparse.Namespace) -> int:
    rows, added = agenda.build_agenda(ctx.db(), args.meeting)
    if not args.json:
        print(f"Added {added} item(s) from the forward plan.")
    print_agenda(rows, args.json)
    return 0


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    data = agenda.ItemInput(
        title=args.title,
        lead=args.lead or "",
        purpose=args.purpose or "",
        minutes=10 if args.minutes is None else args.minutes,
        confidential=bool(args.confidential or args.exempt),
        has_papers=bool(args.papers),
        exemption=args.exempt or "",
        exemption_note=args.exempt_reason or "",
    )
    row = agenda.add_item(ctx.db(), args.meeting, data, under=args.under)
    if not args.json:
        print(f"Added item {row.number}.")
    print_agenda(agenda.agenda(ctx.db(), args.meeting), args.json)
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db()
    with db.session() as s:
        item = find_item(s, find_meeting(s, args.meeting), args.item)
        data = agenda.ItemInput(
            title=item.title if args.title is None else args.title,
            lead=item.lead if args.lead is None else args.lead,
            purpose=item.purpose if args.purpose is None else args.purpose,
            minutes=item.minutes_allotted if args.minutes is None else args.minutes,
            confidential=False
            if args.public
            else (item.confidential if args.confidential is None and not args.exempt else True),
            has_papers=item.has_papers if args.papers is None else True,
            exemption=item.exemption if args.exempt is None else args.exempt,
            exemption_note=(
                item.exemption_note if args.exempt_reason is None else args.exempt_reason
            ),
        )
        item_id = item.id
    agenda.update_item(db, item_id, data)
    print_agenda(agenda.agenda(db, args.meeting), args.json)
    return 0


def cmd_remove(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db()
    with db.session() as s:
        item_id = find_item(s, find_meeting(s, args.meeting), args.item).id
    agenda.remove_item(db, item_id)
    print_agenda(agenda.agenda(db, args.meeting), False)
    return 0


def cmd_move(ctx: Context, args: argparse.Namespace) -> int:
    agenda.move_item(ctx.db(), args.meeting, args.item, args.to)
    print_agenda(agenda.agenda(ctx.db(), args.meeting), args.json)
    return 0


def cmd_copy(ctx: Context, args: argparse.Namespace) -> int:
    print_agenda(agenda.copy_from_previous(ctx.db(), args.meeting), args.json)
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    out = meeting_outputs.export_agenda(ctx.db(), args.meeting, Path(args.out), args.part)
    print(f"Wrote the agenda to {out}")
    return 0
