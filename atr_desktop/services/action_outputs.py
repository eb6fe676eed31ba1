"""The action log as Excel and Word, and reminder email drafts for each owner."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from atr_desktop.domain.dates import long_date, short_date
from atr_desktop.domain.rag import RAG_COLOURS
from atr_desktop.errors import UserError
from atr_desktop.paths import child_file
from atr_desktop.services.actions import ActionFilter, ActionInfo, actions_by_id, list_actions
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Action

HEADERS = [
    "Ref",
    "Date raised",
    "Meeting and item",
    "Action",
    "Owner",
    "Due date",
    "Revised due",
    "Status",
    "RAG",
    "Latest update",
]
RAG_COLUMN = HEADERS.index("RAG")


def _row(a: ActionInfo, excel: bool = False) -> list[object]:
    """One line of the log; Excel gets real dates (filterable), Word gets UK text."""
    day = (lambda d: d) if excel else short_date
    where = a.raised_at
    update = f"{short_date(a.latest_update_on)}: {a.latest_update}" if a.latest_update else ""
    status = a.status.capitalize()
    if a.closed_at:
        status += f" (agreed {short_date(a.closed_at)})"
    return [
        a.ref,
        day(a.raised_on),
        where,
        a.description,
        a.owner,
        day(a.due_date),
        day(a.revised_due_date),
        status,
        a.rag,
        update,
    ]


def _fills(rows: list[ActionInfo]) -> list[list[str | None]]:
    return [
        [RAG_COLOURS.get(a.rag) if c == RAG_COLUMN else None for c in range(len(HEADERS))]
        for a in rows
    ]


@dataclass(frozen=True)
class LogExport:
    """What an export wrote: the file, how many actions, how many confidential left out."""

    path: Path
    written: int
    left_out: int

    def left_out_sentence(self) -> str:
        if not self.left_out:
            return ""
        return (
            f"{self.left_out} confidential (Part B) action(s) were left out: they are shared "
            "only in the restricted Part B papers."
        )


def export_log(
    db: Database,
    out: Path,
    group: str | None = None,
    today: dt.date | None = None,
    confidential: bool = False,
) -> Path:
    """Open actions first by due date; closed ones in their own sheet (Excel) or section.

    Actions arising from Part B items are left out unless ``confidential`` is asked for.
    """
    shown = list_actions(db, ActionFilter(group=group), today)
    title = f"Action log{f': {group.upper()}' if group else ''}"
    return _write(db, out, shown, title, "", today, confidential).path


def export_shown(
    db: Database,
    out: Path,
    ids: Sequence[int],
    described: str = "",
    today: dt.date | None = None,
    confidential: bool = False,
) -> LogExport:
    """Exactly the actions a filtered view shows (by id, in its order; read set-based), with
    what the filter was; Part B actions among them are left out, and counted, unless asked."""
    shown = actions_by_id(db, ids, today)
    return _write(db, out, shown, "Action log", described, today, confidential)


def _write(
    db: Database,
    out: Path,
    shown: list[ActionInfo],
    title: str,
    described: str,
    today: dt.date | None,
    confidential: bool,
) -> LogExport:
    from atr_desktop.documents import logs
    from atr_desktop.services.house import house
    from atr_desktop.services.marking import part_b_note, records_marking

    actions = [a for a in shown if confidential or not a.confidential]
    result = LogExport(out, len(actions), len(shown) - len(actions))
    notes = [n for n in (described, result.left_out_sentence()) if n]
    open_rows = [a for a in actions if a.is_open]
    closed = [a for a in actions if not a.is_open]
    suffix = out.suffix.lower()
    excel = suffix == ".xlsx"
    sections = [
        ("Open actions", HEADERS, [_row(a, excel) for a in open_rows], _fills(open_rows)),
        ("Closed actions", HEADERS, [_row(a, excel) for a in closed], _fills(closed)),
    ]
    mark = records_marking(db, Action, confidential, [a.id for a in actions if a.confidential])
    note = part_b_note(confidential, "actions")
    if excel:
        if notes:
            about: list[list[object]] = [[n] for n in notes]
            sections.append(
                ("About this export", ["About this export"], about, [[None]] * len(notes))
            )
        logs.table_xlsx(out, sections, house(db, mark), note)
        return result
    if suffix == ".docx":
        day = today or dt.date.today()
        logs.table_docx(
            house(db, mark),
            out,
            title,
            sections,
            landscape=True,
            subtitle=" ".join(
                [
                    f"As at {long_date(day)}. RAG: Red overdue, Amber due soon or moved.",
                    *notes,
                    f"{note}.",
                ]
            ),
            widths_cm=(2.6, 1.9, 3.0, 5.2, 2.6, 1.9, 1.9, 2.2, 1.4, 3.0),
        )
        return result
    raise UserError("Export the action log to a .xlsx or .docx file.")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "owner"


def reminders(db: Database, out_dir: Path, today: dt.date | None = None) -> list[Path]:
    """One email draft (.eml) per owner, listing their open actions; nothing is sent."""
    from atr_desktop.documents import eml
    from atr_desktop.services import settings

    day = today or dt.date.today()
    organisation = settings.get(db, "organisation_name")
    by_owner: dict[tuple[str, str], list[ActionInfo]] = {}
    for a in list_actions(db, ActionFilter(open_only=True), day):
        by_owner.setdefault((a.owner, a.owner_email), []).append(a)
    written = []
    for (owner, email), items in sorted(by_owner.items()):
        lines = [
            f"Dear {owner.split()[0] if owner else 'colleague'},",
            "",
            f"These actions are recorded against you on the {organisation} action log "
            f"as at {long_date(day)}. Please reply with an update on each.",
            "",
        ]
        for a in items:
            due = f"due {short_date(a.due)}" if a.due else "no due date"
            flag = " - OVERDUE" if a.overdue else ""
            lines.append(f"- {a.ref} ({a.raised_at}; {due}{flag}): {a.description}")
            if a.latest_update:
                lines.append(
                    f"    Latest update {short_date(a.latest_update_on)}: {a.latest_update}"
                )
        lines += ["", "With thanks,", "ATR Programme secretariat"]
        overdue = sum(a.overdue for a in items)
        subject = f"Your open actions ({len(items)}" + (f", {overdue} overdue)" if overdue else ")")
        message = eml.draft([(owner, email)], subject, "\n".join(lines))
        written.append(eml.save(message, child_file(out_dir, f"actions-{_slug(owner)}.eml")))
    return written
