"""``brief MEETING --out FILE.docx|FILE.pdf``: the chair's brief."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context


def register(nouns: Any) -> None:
    parser = nouns.add_parser("brief", help="write the chair's brief for a meeting")
    parser.add_argument("meeting", help="id or GROUP:YYYY-MM-DD")
    parser.add_argument("--out", required=True, type=Path, help="FILE.docx or FILE.pdf")
    parser.set_defaults(handler=cmd_brief)


def cmd_brief(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.brief import write_brief

    out = write_brief(ctx.db(), args.meeting, args.out)
    print(f"Wrote the chair's brief to {out}.")
    return 0
