"""Minutes to Word: the public minutes, or the confidential (Part B) minutes on their own."""

from __future__ import annotations

from pathlib import Path

from atr_desktop.documents.minutes_doc import ItemDoc, MinutesDoc, build
from atr_desktop.domain.dates import hhmm, long_date, medium_date, short_date
from atr_desktop.domain.marking import part_a
from atr_desktop.errors import UserError
from atr_desktop.services.house import house
from atr_desktop.services.marking import part_b_marking
from atr_desktop.services.minutes import MinutesView, show
from atr_desktop.storage.database import Database


def _quorum_lines(view: MinutesView) -> list[str]:
    lines = []
    for q in view.quorum:
        prefix = f"{q.group_name}: " if len(view.quorum) > 1 else ""
        if q.quorate is None:
            lines.append(prefix + "Quorum was not checked (no approved rule).")
        else:
            reason = q.reason.split(": ", 1)[-1]
            lines.append(
                prefix
                + ("The meeting was quorate: " if q.quorate else "The meeting was NOT quorate: ")
                + reason
            )
    return lines


def _declaration_lines(view: MinutesView) -> list[str]:
    out = []
    for d in view.declarations:
        where = f" (item {d.item}, {d.item_title})" if d.item else ""
        left = f" and left the meeting for item {d.item}" if d.left_room else ""
        out.append(f"{d.name} declared: {d.interest}{where}{left}.")
    return out


def document_data(view: MinutesView) -> MinutesDoc:
    end = f" to {hhmm(view.end_time)}" if view.end_time else ""
    held = f"{long_date(view.date)}, {hhmm(view.start_time)}{end}" + (
        f", {view.venue}" if view.venue else ""
    )
    items = []
    for item in view.items:
        note = ""
        if item.added_on_day:
            note = "Item raised on the day."
        if item.deferred:
            note = "Deferred to a future meeting (returned to the forward plan)."
        decisions = [
            d.text
            + (
                " [Taken while not quorate: for ratification at the next quorate meeting.]"
                if d.needs_ratification
                else ""
            )
            + (f" [{d.status.capitalize()}]" if d.status != "valid" else "")
            for d in item.decisions
        ]
        actions = [[a.ref, a.description, a.owner, short_date(a.due)] for a in item.actions]
        if item.carried and not item.discussion.strip():
            refs = ", ".join(a.ref for a in item.carried)
            note = note or f"Actions brought forward and reviewed: {refs}."
        items.append(ItemDoc(item.number, item.title, item.discussion, decisions, actions, note))
    approval = (
        f"Approved as a correct record at the meeting of {medium_date(view.approved_at)}."
        + (f" Amendments agreed: {view.amendments_agreed}" if view.amendments_agreed else "")
        if view.approved_at
        else ""
    )
    amendments = [
        f"{short_date(a.made_on)}"
        + (f", item {a.item}" if a.item else "")
        + f": {a.text} (Reason: {a.reason})"
        for a in view.amendments
    ]
    return MinutesDoc(
        group_name=view.group_name,
        held=held,
        draft=not view.locked,
        present=view.present,
        in_attendance=view.in_attendance,
        apologies=view.apologies,
        quorum=_quorum_lines(view),
        declarations=_declaration_lines(view),
        items=items,
        approval=approval,
        amendments=amendments,
        confidential=view.confidential,
        chair=_chair(view.present),
    )


def _chair(present: tuple[str, ...]) -> str:
    """The chair's name from the present list ('Siân Evans (Chair), ...'), or ''."""
    for line in present:
        if "(Chair)" in line:
            return line.split("(Chair)", 1)[0].strip().rstrip(",")
    return ""


def export(db: Database, meeting_ref: str | int, out: Path, confidential: bool = False) -> Path:
    """Write the minutes (or the Part B minutes) to a .docx file."""
    if out.suffix.lower() != ".docx":
        raise UserError("Export minutes to a .docx file (Word).")
    view = show(db, meeting_ref, confidential=confidential)
    if confidential and not view.items:
        raise UserError("This meeting has no confidential (Part B) items to minute.")
    if confidential:
        with db.session() as s:
            mark = part_b_marking(s, [item.item_id for item in view.items])
    else:
        mark = part_a()
    return build(house(db, mark), document_data(view), out, mark.exempt_line)
