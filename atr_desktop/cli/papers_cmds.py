"""``papers attach|list|expect|cover|withdraw|template|chase|emails``."""

from __future__ import annotations

import argparse
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
from atr_desktop.errors import UserError
from atr_desktop.services import meeting_outputs, papers
from atr_desktop.services.papers import PaperInfo


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "papers", "papers on agenda items, and their cover sheets")
    p = add_verb(
        verbs,
        "export",
        cmd_export,
        "write the meeting's Word papers to a folder: agenda, cover sheets, pack contents",
    )
    p.add_argument("meeting")
    p.add_argument("--out", required=True, metavar="DIR", type=Path)
    p.add_argument("--placeholders", action="store_true", help="list unusable papers anyway")
    p = add_verb(
        verbs,
        "attach",
        cmd_attach,
        "attach a file to an item (a new version if the paper has one)",
        True,
    )
    p.add_argument("meeting")
    p.add_argument("item", help="the item's number or id")
    p.add_argument("file")
    p.add_argument("--title")
    p.add_argument("--paper", help="the paper (letter or id) this file replaces")
    p = add_verb(verbs, "list", cmd_list, "the papers of a meeting", True)
    p.add_argument("meeting")
    p = add_verb(verbs, "expect", cmd_expect, "record a paper still to come", True)
    p.add_argument("meeting")
    p.add_argument("item")
    p.add_argument("--title", required=True)
    p.add_argument("--author", required=True)
    p.add_argument("--email", default="", help="the author's email, for the chasing drafts")
    p.add_argument("--deadline", help="YYYY-MM-DD (default: the papers due date)")
    p = add_verb(verbs, "cover", cmd_cover, "fill in a paper's cover sheet", True)
    p.add_argument("meeting")
    p.add_argument("ref", help="the paper's letter (A, B ...) or id")
    for field in papers.EDITABLE:
        p.add_argument("--" + field.replace("_", "-"), dest=field)
    p = add_verb(verbs, "withdraw", cmd_withdraw, "withdraw a paper (it stays on record)", True)
    p.add_argument("meeting")
    p.add_argument("ref")
    p.add_argument("--reason", default="")
    p = add_verb(verbs, "template", cmd_template, "the blank cover-sheet template for authors")
    p.add_argument("--out", required=True)
    p = add_verb(verbs, "chase", cmd_chase, "the expected papers with authors and deadlines")
    p.add_argument("meeting")
    p.add_argument("--out", required=True, help="a .docx file")
    p = add_verb(verbs, "emails", cmd_emails, "an email draft (.eml) per author")
    p.add_argument("meeting")
    p.add_argument("--out", required=True, help="a folder")


def _print(rows: list[PaperInfo], as_json: bool) -> None:
    if as_json:
        print_json(
            "papers",
            [{**p.__dict__, "agenda_reference": p.agenda_reference} for p in rows],
        )
        return
    print_table(
        ("Ref", "Item", "Title", "Author", "Deadline", "Status", "File", "Ver", "Cover"),
        [
            (
                p.reference or "-",
                p.item_number,
                p.title,
                p.author,
                short_date(p.deadline),
                p.status,
                p.filename,
                p.version or "",
                "missing " + ", ".join(p.missing_fields) if p.missing_fields else "complete",
            )
            for p in rows
        ],
    )


def _paper_id(ctx: Context, meeting: str, ref: str) -> int:
    from atr_desktop.services.refs import find_meeting

    with ctx.db().session() as s:
        return papers.find_paper(s, find_meeting(s, meeting), ref).id


def cmd_attach(ctx: Context, args: argparse.Namespace) -> int:
    paper_id = _paper_id(ctx, args.meeting, args.paper) if args.paper else None
    info = papers.attach_file(
        ctx.db(), args.meeting, args.item, Path(args.file), args.title, paper_id
    )
    if args.json:
        _print([info], True)
    else:
        print(
            f"Attached {info.filename} to item {info.item_number} as paper {info.reference} "
            f"(version {info.version})."
        )
        if info.missing_fields:
            print("Its cover sheet still needs: " + ", ".join(info.missing_fields) + ".")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    _print(papers.list_papers(ctx.db(), args.meeting), args.json)
    return 0


def cmd_expect(ctx: Context, args: argparse.Namespace) -> int:
    info = papers.expect_paper(
        ctx.db(),
        args.meeting,
        args.item,
        args.title,
        args.author,
        args.email,
        parse_date_arg(args.deadline) if args.deadline else None,
    )
    _print([info], args.json)
    return 0


def cmd_cover(ctx: Context, args: argparse.Namespace) -> int:
    fields = {f: getattr(args, f) for f in papers.EDITABLE if getattr(args, f) is not None}
    if not fields:
        raise UserError("Give at least one field to set, e.g. --summary 'text'.")
    _print([papers.update_cover(ctx.db(), args.meeting, args.ref, fields)], args.json)
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    paper_id = _paper_id(ctx, args.meeting, args.ref)
    _print([papers.withdraw_paper(ctx.db(), paper_id, args.reason)], args.json)
    return 0


def cmd_template(ctx: Context, args: argparse.Namespace) -> int:
    out = meeting_outputs.cover_template(ctx.db(), Path(args.out))
    print(f"Wrote the cover-sheet template to {out}")
    return 0


def cmd_chase(ctx: Context, args: argparse.Namespace) -> int:
    count = meeting_outputs.chase_list_docx(ctx.db(), args.meeting, Path(args.out))
    print(f"Wrote {count} expected paper(s) to {args.out}")
    return 0


def cmd_emails(ctx: Context, args: argparse.Namespace) -> int:
    written = meeting_outputs.author_emails(ctx.db(), args.meeting, Path(args.out))
    for path in written:
        print(f"Wrote {path}")
    if not written:
        print("No papers are outstanding: no drafts written.")
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services import papers_export

    for path in papers_export.export_papers(ctx.db(), args.meeting, args.out, args.placeholders):
        print(path)
    return 0
