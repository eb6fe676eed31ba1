"""``pack check|build|issue|list|withdraw|open|email``: the meeting pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.domain.pack import megabytes


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "pack", "the meeting pack: check, build, issue, send")
    p = add_verb(verbs, "check", cmd_check, "check every paper before building", json_flag=True)
    p.add_argument("meeting", help="the meeting: its id or GROUP:YYYY-MM-DD")
    _kind(p)
    p = add_verb(verbs, "build", cmd_build, "build the pack (a draft; not recorded)")
    p.add_argument("meeting")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--placeholders", action="store_true", help="put a page in for each paper "
                   "with a problem instead of refusing")  # fmt: skip
    _kind(p)
    p = add_verb(
        verbs, "issue", cmd_issue, "build the pack and record it as issued", json_flag=True
    )
    p.add_argument("meeting")
    p.add_argument("--out", metavar="FILE.pdf", help="also save a copy here")
    p.add_argument("--placeholders", action="store_true")
    _kind(p)
    p = add_verb(verbs, "list", cmd_list, "list the meeting's issued packs", json_flag=True)
    p.add_argument("meeting")
    p = add_verb(verbs, "withdraw", cmd_withdraw, "withdraw an issued pack (it stays on record)")
    p.add_argument("meeting")
    p.add_argument("--id", type=int, dest="pack_id", required=True, help="from 'pack list'")
    p.add_argument("--reason", required=True)
    p = add_verb(verbs, "open", cmd_open, "save an issued pack exactly as issued")
    p.add_argument("meeting")
    p.add_argument("--version", type=int, help="which version (default: the latest)")
    p.add_argument("--id", type=int, dest="pack_id", help="the pack's id from 'pack list'")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    _kind(p)
    p = add_verb(verbs, "email", cmd_email, "write an email draft (.eml) with the issued pack")
    p.add_argument("meeting")
    p.add_argument("--out", required=True, metavar="FILE.eml")
    p.add_argument("--id", type=int, dest="pack_id", help="the pack to send (default: latest)")
    # TODO(lead): move to the 'papers' noun as 'papers export' at merge.


def _kind(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--supplement", action="store_true", help="a supplementary pack")
    group.add_argument("--restricted", action="store_true", help="the Part B restricted pack")


def _kind_of(args: argparse.Namespace) -> str:
    if getattr(args, "supplement", False):
        return "supplement"
    return "restricted" if getattr(args, "restricted", False) else "main"


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack

    result = pack.check(ctx.db(), args.meeting, _kind_of(args))
    if args.json:
        print_json(
            "problems",
            [
                {
                    "id": p.paper_id,
                    **{k: getattr(p, k) for k in ("item", "paper", "filename", "message")},
                }
                for p in result.problems
            ],
            papers=len(result.plan.papers),
            notes=[str(n) for n in result.notes],
            accessibility=[str(n) for n in result.accessibility],
        )
        return 1 if result.problems else 0
    for note in result.notes:
        print(f"Note: {note}")
    for note in result.accessibility:
        print(f"Accessibility: {note}")
    if result.problems:
        n = len(result.problems)
        head = f"{n} problem{'s' if n != 1 else ''} to fix before the pack is built:"
        print(head, file=sys.stderr)
        for problem in result.problems:
            print(f"  - {problem}", file=sys.stderr)
    else:
        pages = sum(p.pages for p in result.prepared.values())
        print(f"All {len(result.plan.papers)} papers are ready ({pages} pages of papers).")
    return 1 if result.problems else 0


def _report_build(result: Any, built: bool = True) -> None:
    if built:
        print(
            f"Built {result.path}: {result.page_count} pages (pack pages {result.first_page} "
            f"to {result.last_page}), {megabytes(result.size)}."
        )
    for problem in result.placeholders:
        print(f"Placeholder page for: {problem}")
    for note in result.notes:
        print(f"Note: {note}")
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)


def cmd_build(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack

    result = pack.build(ctx.db(), args.meeting, Path(args.out), _kind_of(args), args.placeholders)
    _report_build(result)
    return 0


def cmd_issue(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack_issue

    out = Path(args.out) if args.out else None
    info, result = pack_issue.issue(ctx.db(), args.meeting, _kind_of(args), out, args.placeholders)
    if args.json:
        print_json("packs", [info])
        return 0
    what = f"supplementary pack {info.supplement_number}" if info.kind == "supplement" else (
        f"{info.kind} pack version {info.version}")  # fmt: skip
    print(
        f"Issued {what}: {info.page_count} pages (pack pages {info.first_page} to "
        f"{info.last_page}), {megabytes(info.size)}, id {info.id}."
    )
    if out:
        print(f"Saved a copy as {out}.")
    _report_build(result, built=False)
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack_issue

    rows = pack_issue.list_packs(ctx.db(), args.meeting)
    if args.json:
        print_json("packs", rows)
        return 0
    print_table(
        ("Id", "Kind", "Version", "Supplement", "Issued", "Pages", "Pack pages", "Size", "Status"),
        [
            (
                p.id, p.kind, p.version, p.supplement_number or "", p.issued_on.isoformat(),
                p.page_count, f"{p.first_page}-{p.last_page}", megabytes(p.size),
                f"withdrawn: {p.withdrawn_reason}" if p.withdrawn_reason else "issued",
            )
            for p in rows
        ],
    )  # fmt: skip
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack_issue

    info = pack_issue.withdraw(ctx.db(), args.meeting, args.pack_id, args.reason)
    print(f"Withdrew pack {info.id} ({info.kind}, version {info.version}); it stays on record.")
    return 0


def cmd_open(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack_issue

    info = pack_issue.export_issued(
        ctx.db(), args.meeting, Path(args.out), args.version, args.pack_id, _kind_of(args)
    )
    print(f"Saved the {info.kind} pack (version {info.version}, issued "
          f"{info.issued_on.isoformat()}) exactly as issued: {args.out}")  # fmt: skip
    return 0


def cmd_email(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import pack_issue

    draft = pack_issue.email_draft(ctx.db(), args.meeting, Path(args.out), args.pack_id)
    print(f"Wrote the email draft {draft.path} to {draft.recipients} recipient(s).")
    if not draft.attached:
        print(
            f"The pack is too large to attach: it is saved as {draft.pack_path}; the draft "
            "says how to share it.",
            file=sys.stderr,
        )
    return 0
