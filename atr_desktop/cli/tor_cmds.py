"""``tor list|show|draft|edit|discard|approve|compare|export``: Terms of Reference."""

from __future__ import annotations

import argparse
import json
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
from atr_desktop.errors import UserError
from atr_desktop.services import tor


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "tor", "Terms of Reference, versioned per group")
    p = add_verb(verbs, "list", cmd_list, "a group's ToR versions", json_flag=True)
    p.add_argument("--group", required=True)
    p = add_verb(verbs, "show", cmd_show, "one ToR version (latest by default)", json_flag=True)
    p.add_argument("--group", required=True)
    p.add_argument("--version", type=int)
    p = add_verb(verbs, "draft", cmd_draft, "start a new draft from the latest version")
    p.add_argument("--group", required=True)
    p.add_argument("--from-file", type=Path, metavar="JSON", help="sections to set, as JSON")
    _quorum_flags(p)
    p = add_verb(verbs, "edit", cmd_edit, "change the draft's sections or quorum")
    p.add_argument("--group", required=True)
    p.add_argument("--section", help="purpose, scope, membership, chair, frequency, "
                   "decision_making, reporting_line, declarations, review_date or an extra "
                   "section's title")  # fmt: skip
    p.add_argument("--text", help="the section's new text (blank removes an extra section)")
    p.add_argument(
        "--membership-from-members",
        action="store_true",
        help="write the Membership section from the current members, by role and organisation",
    )
    _quorum_flags(p)
    p = add_verb(verbs, "discard", cmd_discard, "throw away the draft")
    p.add_argument("--group", required=True)
    p = add_verb(verbs, "approve", cmd_approve, "approve the draft", json_flag=True)
    p.add_argument("--group", required=True)
    p.add_argument("--meeting", help="the meeting that approved it (id or CODE:YYYY-MM-DD)")
    p.add_argument("--date", metavar="DATE", help="approved on (default the meeting's date)")
    p.add_argument("--by", default="", help="who approved it")
    p = add_verb(verbs, "compare", cmd_compare, "two versions section by section", json_flag=True)
    p.add_argument("--group", required=True)
    p.add_argument("old", type=int)
    p.add_argument("new", type=int)
    p.add_argument("--all", action="store_true", help="show unchanged sections too")
    p = add_verb(verbs, "export", cmd_export, "a ToR version to Word")
    p.add_argument("--group", required=True)
    p.add_argument("--out", type=Path, required=True, help="FILE.docx")
    p.add_argument("--version", type=int)


def _quorum_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--quorum-count",
        type=bounded_int(0, 1000),
        help="at least this many voting members (0: none)",
    )
    p.add_argument("--quorum-fraction", help="a fraction of the voting members, like 1/2")
    p.add_argument(
        "--chair-required",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the chair or vice-chair must be present",
    )
    p.add_argument("--quorum-sectors", help="sectors that must be present, comma separated")
    p.add_argument("--review-date", metavar="DATE")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    quorum: dict[str, Any] = {}
    if args.quorum_count is not None:
        quorum["count"] = args.quorum_count or None
    if args.quorum_fraction is not None:
        quorum["fraction"] = args.quorum_fraction
    if args.chair_required is not None:
        quorum["chair_required"] = args.chair_required
    if args.quorum_sectors is not None:
        quorum["sectors"] = args.quorum_sectors
    if quorum:
        changes["quorum"] = quorum
    if args.review_date is not None:
        changes["review_date"] = parse_date_arg(args.review_date) if args.review_date else None
    return changes


def _print(info: tor.TorInfo, as_json: bool) -> None:
    if as_json:
        print_json("tor", [info])
        return
    print(f"{info.group_name}: Terms of Reference, version {info.version} ({info.status})")
    if info.approved_on:
        where = ", ".join(p for p in (info.approved_meeting, info.approved_by) if p)
        print(f"Approved {info.approved_on.isoformat()}" + (f" ({where})" if where else ""))
    if info.review_flag:
        print(f"Review {info.review_flag}: {info.review_date}")
    for title, text in info.sections():
        print(f"\n{title}\n{'-' * len(title)}\n{text or '(not set)'}")


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = tor.list_versions(ctx.db(), args.group)
    if args.json:
        print_json("tor", rows)
    else:
        print_table(
            ("Version", "Status", "Approved", "At / by", "Review", "Flag"),
            [
                (v.version, v.status, short_date(v.approved_on),
                 ", ".join(p for p in (v.approved_meeting, v.approved_by) if p),
                 short_date(v.review_date), v.review_flag)
                for v in rows
            ],
        )  # fmt: skip
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    _print(tor.get_version(ctx.db(), args.group, args.version), args.json)
    return 0


def cmd_draft(ctx: Context, args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.from_file:
        try:
            changes = json.loads(args.from_file.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise UserError(f"There is no file {args.from_file}.") from None
        except json.JSONDecodeError as exc:
            raise UserError(f"{args.from_file.name} is not valid JSON ({exc}).") from None
        if not isinstance(changes, dict):
            raise UserError(f"{args.from_file.name} must hold a JSON object of sections.")
    changes.update(_changes(args))
    info = tor.start_draft(ctx.db(), args.group, changes)
    print(f"Started draft version {info.version} of the {info.group} Terms of Reference.")
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes = _changes(args)
    if args.section is not None:
        if args.text is None:
            raise UserError("Give the section's new text with --text.")
        changes[args.section] = args.text
    if args.membership_from_members:
        changes["membership"] = tor.membership_text(ctx.db(), args.group)
    if not changes:
        raise UserError("Nothing to change: give --section NAME --text TEXT or a quorum option.")
    info = tor.edit_draft(ctx.db(), args.group, changes)
    print(f"Saved draft version {info.version} of the {info.group} Terms of Reference.")
    return 0


def cmd_discard(ctx: Context, args: argparse.Namespace) -> int:
    tor.discard_draft(ctx.db(), args.group)
    print("The draft was discarded.")
    return 0


def cmd_approve(ctx: Context, args: argparse.Namespace) -> int:
    on = parse_date_arg(args.date) if args.date else None
    info = tor.approve(ctx.db(), args.group, meeting=args.meeting, on=on, by=args.by)
    if args.json:
        print_json("tor", [info])
    else:
        print(f"Version {info.version} of the {info.group} ToR approved on {info.approved_on}.")
    return 0


def cmd_compare(ctx: Context, args: argparse.Namespace) -> int:
    diffs = tor.compare(ctx.db(), args.group, args.old, args.new)
    if args.json:
        records = [
            {"id": d.title, "title": d.title, "changed": d.changed, "old": d.old, "new": d.new}
            for d in diffs
        ]
        print_json("sections", records)
        return 0
    changed = [d for d in diffs if d.changed]
    print(f"Version {args.old} -> {args.new}: {len(changed)} of {len(diffs)} sections changed.")
    for d in diffs:
        if not d.changed and not args.all:
            continue
        print(f"\n{d.title}: {'CHANGED' if d.changed else 'unchanged'}")
        if d.changed:
            print(f"  was: {d.old or '(blank)'}\n  now: {d.new or '(blank)'}")
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    print(f"Wrote {tor.export_docx(ctx.db(), args.group, args.out, args.version)}.")
    return 0
