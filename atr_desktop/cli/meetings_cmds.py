"""``meetings add|list|show|edit|cancel|ics``."""

from __future__ import annotations

import argparse
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
from atr_desktop.domain.dates import hhmm, long_date, parse_hhmm, short_date
from atr_desktop.errors import UserError
from atr_desktop.services import meeting_outputs, meetings
from atr_desktop.services.meetings import STATUS_LABELS, MeetingInfo


def parse_time_arg(text: str) -> Any:
    try:
        return parse_hhmm(text)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def register(nouns: Any) -> None:
    verbs = add_noun(nouns, "meetings", "meetings of the groups")
    p = add_verb(verbs, "add", cmd_add, "schedule a meeting, or a series in one step", True)
    p.add_argument("--group", required=True, help="the group's code (a joint meeting: JNC)")
    p.add_argument(
        "--date", required=True, help="31/03/2027, 7 Jul 2027 or ISO (the first, for a series)"
    )
    p.add_argument(
        "--yes", action="store_true", help="schedule on a weekend, bank holiday or distant date"
    )
    p.add_argument("--start", required=True, help="HH:MM")
    p.add_argument("--end", help="HH:MM")
    p.add_argument("--venue", default="")
    p.add_argument("--link", default="", help="the online joining link")
    p.add_argument(
        "--repeat",
        default="",
        help="monthly, bimonthly, quarterly, or a rule such as 'second tuesday'",
    )
    p.add_argument(
        "--count", type=int, default=None, help="how many meetings in the series (default 6)"
    )
    p.add_argument(
        "--skip-month",
        type=bounded_int(1, 12),
        action="append",
        default=[],
        help="a month (1-12) to skip",
    )
    p.add_argument(
        "--move",
        action="append",
        default=[],
        metavar="FROM=TO",
        help="move one date of the series, e.g. 2027-04-13=2027-04-20",
    )
    p = add_verb(verbs, "list", cmd_list, "list meetings", True)
    p.add_argument("--group")
    p.add_argument("--from", dest="since")
    p.add_argument("--to", dest="until")
    p = add_verb(verbs, "show", cmd_show, "show one meeting", True)
    p.add_argument("meeting", help="id or CODE:YYYY-MM-DD")
    p = add_verb(verbs, "edit", cmd_edit, "change one meeting (the rest of a series stay)", True)
    p.add_argument("meeting")
    p.add_argument("--date")
    p.add_argument("--yes", action="store_true", help="accept a weekend or bank holiday date")
    p.add_argument("--start")
    p.add_argument("--end")
    p.add_argument("--venue")
    p.add_argument("--link")
    p.add_argument("--status", choices=[s for s in meetings.STATUSES if s != "cancelled"])
    p.add_argument("--papers-due", help="override the papers deadline (YYYY-MM-DD)")
    p.add_argument("--pack-issue", help="override the pack issue date (YYYY-MM-DD)")
    p.add_argument("--notes")
    p = add_verb(verbs, "cancel", cmd_cancel, "cancel a meeting (it stays on record)", True)
    p.add_argument("meeting")
    p.add_argument("--reason", default="")
    p = add_verb(verbs, "ics", cmd_ics, "calendar invites (.ics) for a meeting or a group")
    p.add_argument("meeting", nargs="?")
    p.add_argument("--group")
    p.add_argument("--out", required=True)
    p.add_argument(
        "--organiser",
        help="the organiser's email for this file (default: the invite_organiser_email setting)",
    )


def _rows(rows: list[MeetingInfo]) -> None:
    print_table(
        ("Id", "Meeting", "Date", "Time", "Venue", "Status", "Papers due"),
        [
            (
                m.id,
                m.ref,
                short_date(m.date),
                f"{hhmm(m.start_time)}-{hhmm(m.end_time)}" if m.end_time else hhmm(m.start_time),
                m.venue or ("Online" if m.online_link else ""),
                STATUS_LABELS.get(m.status, m.status),
                short_date(m.papers_due),
            )
            for m in rows
        ],
    )


def _moves(texts: list[str]) -> dict[Any, Any]:
    moves = {}
    for text in texts:
        old, sep, new = text.partition("=")
        if not sep:
            raise UserError(f"'{text}' is not a move: write FROM=TO, e.g. 2027-04-13=2027-04-20.")
        moves[parse_date_arg(old)] = parse_date_arg(new)
    return moves


SERIES_LIMIT = 520  # ten years of weekly meetings


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    if args.count is not None and not 1 <= args.count <= SERIES_LIMIT:
        raise UserError(f"--count {args.count}: a series has 1 to {SERIES_LIMIT} meetings.")
    if args.count and not args.repeat:
        raise UserError("--count needs --repeat (monthly, bimonthly, quarterly, ...).")
    data = meetings.MeetingInput(
        group=args.group,
        date=parse_date_arg(args.date, args.yes),
        start_time=parse_time_arg(args.start),
        end_time=parse_time_arg(args.end) if args.end else None,
        venue=args.venue,
        online_link=args.link,
        repeat=args.repeat,
        count=args.count or (6 if args.repeat else 1),
        skip_months=args.skip_month,
        moves=_moves(args.move),
    )
    made = meetings.schedule_meetings(ctx.db(), data, confirmed=args.yes)
    if args.json:
        print_json("meetings", made)
    else:
        print(f"Scheduled {len(made)} meeting(s):")
        _rows(made)
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = meetings.list_meetings(
        ctx.db(),
        group=args.group,
        since=parse_date_arg(args.since) if args.since else None,
        until=parse_date_arg(args.until) if args.until else None,
    )
    if args.json:
        print_json("meetings", rows)
    else:
        _rows(rows)
    return 0


def _show(m: MeetingInfo, as_json: bool) -> None:
    if as_json:
        print_json("meetings", [m])
        return
    end = f" to {hhmm(m.end_time)}" if m.end_time else ""
    print(f"{m.group_name} ({m.ref}, id {m.id})")
    print(f"{long_date(m.date)}, {hhmm(m.start_time)}{end}")
    if m.venue:
        print(f"Venue: {m.venue}")
    if m.online_link:
        print(f"Online: {m.online_link}")
    print(f"Status: {STATUS_LABELS.get(m.status, m.status)}")
    if m.cancel_reason:
        print(f"Reason: {m.cancel_reason}")
    print(f"Papers due: {long_date(m.papers_due)}")
    print(f"Pack issued: {long_date(m.pack_issue)}")


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    _show(meetings.get_meeting(ctx.db(), args.meeting), args.json)
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes = meetings.MeetingChanges(
        date=parse_date_arg(args.date, args.yes) if args.date else None,
        start_time=parse_time_arg(args.start) if args.start else None,
        end_time=parse_time_arg(args.end) if args.end else None,
        venue=args.venue,
        online_link=args.link,
        status=args.status,
        papers_due=parse_date_arg(args.papers_due) if args.papers_due else None,
        pack_issue=parse_date_arg(args.pack_issue) if args.pack_issue else None,
        notes=args.notes,
    )
    _show(meetings.edit_meeting(ctx.db(), args.meeting, changes, args.yes), args.json)
    return 0


def cmd_cancel(ctx: Context, args: argparse.Namespace) -> int:
    _show(meetings.cancel_meeting(ctx.db(), args.meeting, args.reason), args.json)
    return 0


def cmd_ics(ctx: Context, args: argparse.Namespace) -> int:
    if bool(args.meeting) == bool(args.group):
        raise UserError("Give either a meeting or --group CODE, not both.")
    count = meeting_outputs.export_ics(
        ctx.db(),
        Path(args.out),
        meeting_ref=args.meeting,
        group=args.group,
        organiser=args.organiser,
    )
    print(f"Wrote {count} invite(s) to {args.out}")
    return 0
