"""``settings list|set``: the thresholds and output choices the sector argues about."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.domain.settings import SPECS
from atr_desktop.services import settings


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "settings", "thresholds, marking, organisation name, backups")
    add_verb(verbs, "list", cmd_list, "list every setting", json_flag=True)
    p = add_verb(verbs, "set", cmd_set, "change a setting")
    p.add_argument("key", choices=[s.key for s in SPECS])
    p.add_argument("value")


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    values = settings.all_settings(ctx.db())
    if args.json:
        print_json(
            "settings",
            [{"id": s.key, "label": s.label, "value": values[s.key]} for s in SPECS],
        )
    else:
        print_table(
            ("Setting", "Value", "Meaning"), [(s.key, values[s.key], s.label) for s in SPECS]
        )
    return 0


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    values = settings.update(ctx.db(), {args.key: args.value})
    print(f"{args.key} = {values[args.key]}")
    return 0
