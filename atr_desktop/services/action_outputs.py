"""The action log as Excel and Word, and reminder email drafts for each owner."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from atr_desktop.domain.dates import long_date, short_date
from atr_desktop.domain.rag import RAG_COLOURS
from atr_desktop.errors import UserError
from atr_desktop.paths import child_file
from atr_desktop.services.actions import ActionFilter, ActionInfo, list_actions
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
    from atr_desktop.documents import logs
    from atr_desktop.services.house import house
    from atr_desktop.services.marking import part_b_note, records_marking

    actions = [
        a
        for a in list_actions(db, ActionFilter(group=group), today)
        if confidential or not a.confidential
    ]
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
        return logs.table_xlsx(out, sections, house(db, mark), note)
    if suffix == ".docx":
        day = today or dt.date.today()
        title = f"Action log{f': {group.upper()}' if group else ''}"
        return logs.table_docx(
            house(db, mark),
            out,
            title,
            sections,
            landscape=True,
            subtitle=f"As at {long_date(day)}. RAG: Red overdue, Amber due soon or moved. {note}.",
            widths_cm=(2.6, 1.9, 3.0, 5.2, 2.6, 1.9, 1.9, 2.2, 1.4, 3.0),
        )
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
