"""``groups list|show|add|edit|close|reopen``."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.domain.groups import GroupKind
from atr_desktop.services import groups


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "groups", "the programme's groups")
    p = add_verb(verbs, "list", cmd_list, "list the groups", json_flag=True)
    p.add_argument("--open", action="store_true", help="only groups that are not closed")
    p = add_verb(verbs, "show", cmd_show, "show one group", json_flag=True)
    p.add_argument("group", help="the group's code or id")
    for verb, fn, text in (("add", cmd_add, "add a group"), ("edit", cmd_edit, "edit a group")):
        p = add_verb(verbs, verb, fn, text, json_flag=True)
        if verb == "edit":
            p.add_argument("group", help="the group's code or id")
        p.add_argument("--code", required=verb == "add")
        p.add_argument("--name", required=verb == "add")
        p.add_argument("--kind", choices=[k.value for k in GroupKind])
        p.add_argument("--age-focus")
        p.add_argument("--rhythm")
        p.add_argument("--description")
        p.add_argument(
            "--constituents", help="for a joint group: codes separated by commas (NET,MNC)"
        )
    p = add_verb(verbs, "close", cmd_close, "close a group (it stays on record)", json_flag=True)
    p.add_argument("group")
    p.add_argument("--reason", default="")
    p = add_verb(verbs, "reopen", cmd_reopen, "reopen a closed group", json_flag=True)
    p.add_argument("group")


def _show(info: groups.GroupInfo, as_json: bool) -> None:
    if as_json:
        print_json("groups", [info])
        return
    print_table(("Code", "Name", "Kind"), [(info.code, info.name, info.kind)])
    print(f"\nAge focus: {info.age_focus}\nRhythm: {info.rhythm}")
    if info.constituents:
        print(f"Constituent groups: {', '.join(info.constituents)}")
    print(f"Status: {'open' if info.active else f'closed on {info.closed_on}'}")
    if info.description:
        print(f"\n{info.description}")


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = groups.list_groups(ctx.db(), include_closed=not args.open)
    if args.json:
        print_json("groups", rows)
    else:
        print_table(
            ("Id", "Code", "Name", "Kind", "Rhythm", "Constituents", "Status"),
            [
                (
                    g.id,
                    g.code,
                    g.name,
                    g.kind,
                    g.rhythm,
                    ",".join(g.constituents),
                    "open" if g.active else "closed",
                )
                for g in rows
            ],
        )
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    _show(groups.get_group(ctx.db(), args.group), args.json)
    return 0


def _input(args: argparse.Namespace, base: groups.GroupInfo | None) -> groups.GroupInput:
    def pick(name: str, default: str) -> str:
        value = getattr(args, name, None)
        return default if value is None else value

    constituents = (
        [c.strip() for c in args.constituents.split(",") if c.strip()]
        if args.constituents is not None
        else list(base.constituents if base else [])
    )
    return groups.GroupInput(
        code=pick("code", base.code if base else ""),
        name=pick("name", base.name if base else ""),
        kind=pick("kind", base.kind if base else GroupKind.OTHER.value),
        age_focus=pick("age_focus", base.age_focus if base else ""),
        rhythm=pick("rhythm", base.rhythm if base else ""),
        description=pick("description", base.description if base else ""),
        constituents=constituents,
    )


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    _show(groups.add_group(ctx.db(), _input(args, None)), args.json)
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    base = groups.get_group(ctx.db(), args.group)
    _show(groups.update_group(ctx.db(), base.id, _input(args, base)), args.json)
    return 0


def cmd_close(ctx: Context, args: argparse.Namespace) -> int:
    _show(groups.close_group(ctx.db(), args.group, args.reason), args.json)
    return 0


def cmd_reopen(ctx: Context, args: argparse.Namespace) -> int:
    _show(groups.reopen_group(ctx.db(), args.group), args.json)
    return 0
