"""``publish MEETING --out FOLDER``: the meeting's accessible public page set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, confirm, print_json


def register(nouns: Any) -> None:
    help_text = (
        "write the meeting's public page set for the website: index.html, accessible "
        "PDFs and the papers (Part A only)"
    )
    p = nouns.add_parser("publish", help=help_text, description=help_text)
    p.add_argument("meeting", help="the meeting: its id or GROUP:YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FOLDER", help="the folder to write into")
    p.add_argument("--yes", action="store_true", help="replace a page already published there")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_publish)


def cmd_publish(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.publish import publish

    out = Path(args.out)
    overwrite = False
    if (out / "index.html").exists():
        overwrite = confirm(f"{out} already holds a published page: replace it?", args.yes)
        if not overwrite:
            print("Nothing was published.", file=sys.stderr)
            return 1
    result = publish(ctx.db(), args.meeting, out, overwrite=overwrite)
    if args.json:
        print_json(
            "files",
            [
                {"id": n, "label": f.label, "kind": f.kind, "path": f.path}
                for n, f in enumerate(result.files, start=1)
            ],
            folder=result.folder,
            index=result.index,
            converter=result.converter,
            messages=result.messages,
        )
        return 0
    pdfs = len(result.pdfs)
    papers = sum(1 for f in result.files if f.kind == "paper")
    made = f", {pdfs} accessible PDF{'s' if pdfs != 1 else ''} ({result.converter})" if pdfs else ""
    print(
        f"Published {result.index}: the page{made}, {papers} paper{'s' if papers != 1 else ''} "
        "as their authors sent them."
    )
    for message in result.messages:
        print(f"Note: {message}", file=sys.stderr)
    return 0
