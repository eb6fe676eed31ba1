"""``backup``, ``restore``, ``check``, ``backups list`` and ``handover export|import``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from atr_desktop.cli.common import Context, add_noun, add_verb, confirm, print_json, print_table


def register(nouns: Any) -> None:
    backup = nouns.add_parser("backup", help="make a verified backup of the database and papers")
    backup.add_argument("--out", metavar="PATH", help="a folder (default: the backup folder)")
    backup.set_defaults(handler=cmd_backup)
    restore = nouns.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("path", metavar="PATH", help="the backup's .db file")
    restore.add_argument("--yes", action="store_true", help="do not ask first")
    restore.add_argument(
        "--other-database",
        metavar="UUID8",
        default="",
        help="replace the database with a backup of ANOTHER database (its 8-character id)",
    )
    restore.set_defaults(handler=cmd_restore)
    check = nouns.add_parser("check", help="check the database and its papers are whole")
    check.set_defaults(handler=cmd_check)
    backups = add_noun(nouns, "backups", "the backups of this database")
    listing = add_verb(backups, "list", cmd_backups_list, "list backups, newest first", True)
    listing.add_argument("--folder", metavar="PATH", help="another backup folder")
    handover = add_noun(nouns, "handover", "hand the live database to a colleague")
    export = add_verb(handover, "export", cmd_handover_export, "write a copy for a colleague")
    export.add_argument("--to", required=True, metavar="FOLDER", help="a shared folder")
    take = add_verb(handover, "import", cmd_handover_import, "take on a handed-over copy")
    take.add_argument("file", metavar="FILE", help="the handed-over .db file")
    take.add_argument("--yes", action="store_true", help="do not ask first")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.backup import back_up, folder_for

    if ctx.server_url:
        from atr_desktop.services.store_copy import portable_copy

        db = ctx.db()
        folder = Path(args.out).expanduser() if args.out else folder_for(db.path)
        path, copied = portable_copy(db, folder, ctx.paths)
        print(
            f"Copied the whole programme from {copied.source} into {path}: "
            f"{len(copied.counts)} tables and {copied.papers} papers, every row counted and "
            "every paper's hash checked. This portable copy opens read-only; backups of the "
            "server itself are its administrator's (pg_dump)."
        )
        return 0
    result = back_up(ctx.db(), out=Path(args.out).expanduser() if args.out else None)
    b = result.backup
    print(
        f"Backed up and verified: {b.path} ({_mb(b.size)}; {b.papers} papers, "
        f"{result.papers_copied} new, {_mb(result.papers_bytes_copied)} copied)."
    )
    if result.rotated_away:
        print(f"{result.rotated_away} older backup(s) removed by the rotation.")
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    ctx.file_only("restore")
    from atr_desktop.services.backup import info_of, restore
    from atr_desktop.storage.backup import read_backup

    chosen = read_backup(Path(args.path).expanduser())
    described = info_of(chosen).describe()
    question = f"Replace {ctx.db_path} with {described}? What is there now is backed up first."
    if not confirm(question, args.yes):
        print("Nothing was changed.")
        return 1
    ctx.close()
    info = restore(
        ctx.db_path, chosen.path, other_database=args.other_database, data=ctx.paths.data
    )
    print(f"Restored {ctx.db_path} from {described} ({info.papers} papers verified).")
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.safety import check_everything, check_server

    report = check_server(ctx.db()) if ctx.server_url else check_everything(ctx.db_path)
    for line in report.problems:
        print(line, file=__import__("sys").stderr)
    if report.problems:
        return 1
    print(
        f"{ctx.db_shown} is whole: the integrity check passed and all {report.papers} "
        "papers are present and unchanged (checked by their SHA-256)."
    )
    return 0


def cmd_backups_list(ctx: Context, args: argparse.Namespace) -> int:
    ctx.file_only("backup")
    from atr_desktop.services.backup import folder_for, list_backups

    folder = Path(args.folder).expanduser() if args.folder else folder_for(ctx.db_path)
    found = list_backups(folder)
    if args.json:
        print_json("backups", found, folder=str(folder))
        return 0
    print(f"Backups in {folder}:")
    print_table(
        ["when", "reason", "programme", "database", "hand-over", "size", "papers", "file"],
        [
            (
                b.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                b.reason,
                b.programme or "-",
                b.uuid[:8],
                b.generation,
                _mb(b.size),
                b.papers,
                b.id,
            )
            for b in found
        ],
    )
    return 0


def cmd_handover_export(ctx: Context, args: argparse.Namespace) -> int:
    from atr_desktop.services.handover import export_to

    result = export_to(ctx.db(), Path(args.to).expanduser(), ctx.paths)
    print(
        f"Handed over: {result.path} (hand-over {result.generation}, {result.papers} papers). "
        f"This copy ({ctx.db_path}) is no longer live; it opens read-only from now on."
    )
    return 0


def cmd_handover_import(ctx: Context, args: argparse.Namespace) -> int:
    ctx.file_only("handover")
    from atr_desktop.services.handover import import_from

    source = Path(args.file).expanduser()
    if ctx.db_path.exists() and not confirm(
        f"Take on {source} as the live database at {ctx.db_path}? The database there now "
        "is backed up first.",
        args.yes,
    ):
        print("Nothing was changed.")
        return 1
    result = import_from(source, ctx.db_path, ctx.paths)
    print(f"Taken on: {result.path} is now the live copy (hand-over {result.generation}).")
    return 0
