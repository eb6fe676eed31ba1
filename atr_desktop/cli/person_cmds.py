"""``person export|erase``: one person's data rights (UK GDPR)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, confirm
from atr_desktop.paths import log_files
from atr_desktop.services import personal_data


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "person", "one person's data rights: subject access and erasure")
    p = add_verb(verbs, "export", cmd_export, "export everything held about a person (JSON)")
    p.add_argument("person", help="email or id")
    p.add_argument("--out", required=True, type=Path)
    p = add_verb(verbs, "erase", cmd_erase, "erase a person's details everywhere")
    p.add_argument("person", help="email or id")
    p.add_argument("--reason", default="")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    out = personal_data.export_subject_access(ctx.db(), args.person, args.out)
    print(f"Wrote everything held about {args.person} to {out}.")
    return 0


def cmd_erase(ctx: Context, args: argparse.Namespace) -> int:
    question = (
        f"Erase {args.person}? Their details are removed everywhere and their name in "
        "minutes and actions becomes a placeholder. This cannot be undone."
    )
    if not confirm(question, args.yes):
        print("Nothing was erased.")
        return 1
    result = personal_data.erase(
        ctx.db(), args.person, args.reason, log_files=log_files(ctx.log_file)
    )
    print(
        f"Erased person {result.person_id}: now '{result.placeholder}' "
        f"({result.replaced_mentions} mentions replaced). The erasure is on record."
    )
    return 0
