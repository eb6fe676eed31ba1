"""``people list|show|add|edit`` and ``people sectors``."""

from __future__ import annotations

import argparse
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, print_json, print_table
from atr_desktop.services import people


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "people", "people and their organisations")
    add_verb(verbs, "list", cmd_list, "list everyone held", json_flag=True)
    p = add_verb(verbs, "show", cmd_show, "show one person", json_flag=True)
    p.add_argument("person", help="email or id")
    for verb, fn, text in (("add", cmd_add, "add a person"), ("edit", cmd_edit, "edit a person")):
        p = add_verb(verbs, verb, fn, text, json_flag=True)
        if verb == "edit":
            p.add_argument("person", help="email or id")
        p.add_argument("--first", required=verb == "add", help="first name")
        p.add_argument("--last", required=verb == "add", help="surname")
        p.add_argument("--email", required=verb == "add")
        p.add_argument("--title", help="Dr, Ms, Mr, ...")
        p.add_argument("--organisation")
        p.add_argument("--sector", help="the organisation's sector")
        p.add_argument("--job-title")
        p.add_argument("--phone")
        p.add_argument("--notes", help="private notes (never circulated)")
        p.add_argument("--preferences", help="contact or access preferences")
        p.add_argument(
            "--lived-experience",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="a lived-experience member",
        )
    p = add_verb(verbs, "sectors", cmd_sectors, "list sectors, or add one", json_flag=True)
    p.add_argument("--add", metavar="NAME", help="add a sector")


def _show(info: people.PersonInfo, as_json: bool) -> None:
    if as_json:
        print_json("people", [info])
        return
    print(f"{' '.join(p for p in (info.title, info.name) if p)} (id {info.id})")
    for label, value in (
        ("Email", info.email),
        ("Job title", info.job_title),
        ("Organisation", info.organisation),
        ("Sector", info.sector),
        ("Phone", info.phone),
        ("Lived experience", "yes" if info.lived_experience else "no"),
        ("Preferences", info.preferences),
        ("Notes", info.notes),
        ("Groups", ", ".join(info.groups)),
    ):
        if value:
            print(f"{label}: {value}")


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = people.list_people(ctx.db())
    if args.json:
        print_json("people", rows)
    else:
        print_table(
            ("Id", "Name", "Email", "Organisation", "Sector", "Groups"),
            [(p.id, p.name, p.email, p.organisation, p.sector, ",".join(p.groups)) for p in rows],
        )
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    _show(people.get_person(ctx.db(), args.person), args.json)
    return 0


def _input(args: argparse.Namespace, base: people.PersonInput) -> people.PersonInput:
    for arg, attr in (
        ("first", "first_name"),
        ("last", "last_name"),
        ("email", "email"),
        ("title", "title"),
        ("organisation", "organisation"),
        ("sector", "sector"),
        ("job_title", "job_title"),
        ("phone", "phone"),
        ("notes", "notes"),
        ("preferences", "preferences"),
        ("lived_experience", "lived_experience"),
    ):
        value = getattr(args, arg)
        if value is not None:
            setattr(base, attr, value)
    return base


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    _show(people.add_person(ctx.db(), _input(args, people.PersonInput())), args.json)
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    base = people.input_from(people.get_person(ctx.db(), args.person))
    info = people.get_person(ctx.db(), args.person)
    _show(people.update_person(ctx.db(), info.id, _input(args, base)), args.json)
    return 0


def cmd_sectors(ctx: Context, args: argparse.Namespace) -> int:
    if args.add:
        people.add_sector(ctx.db(), args.add)
    names = people.list_sectors(ctx.db())
    if args.json:
        print_json("sectors", [{"id": n, "name": n} for n in names])
    else:
        print("\n".join(names))
    return 0
