"""Undo and redo as service operations: the user's own steps, reversed under the rules.

A step is what one unit of work changed (storage/undo.py reads it from the session: each
row's values before and after). Undoing it is itself a unit of work that

- refuses if any row has changed since the step (someone, or something, edited it after);
- refuses what the rules forbid: an approved (or superseded) ToR or approved minutes never
  go back, because only a recorded withdrawal may unlock them; the audit trail would
  otherwise say approved while the record said draft;
- writes the old values back, one row at a time, in an order the foreign keys accept,
  and records an audit line ("undone") for every record the step had audited;
- becomes the step that redoes it.

The history belongs to one window and holds only what that window's user did there, so
nobody undoes another officer's work. It is kept in memory: it is cleared when the window
opens another database, and by an erasure (it must not keep what was erased).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from atr_desktop.errors import UserError
from atr_desktop.services import audit
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    Action,
    Base,
    Group,
    Meeting,
    Minutes,
    Paper,
    Person,
    TorVersion,
)
from atr_desktop.storage.undo import STAMPS, Changes, RowChange, changes_of

# Records that only a recorded withdrawal unlocks (status values that lock them).
LOCKED = {"tor_versions": ("approved", "superseded"), "minutes": ("approved",)}
# The imperative a step's name uses for an audit verb, or for a record's new status.
VERBS = {
    "added": "add",
    "raised": "raise",
    "edited": "edit",
    "updated": "update",
    "closed": "close",
    "reopened": "reopen",
    "approved": "approve",
    "amended": "amend",
    "withdrawn": "withdraw",
    "withdraw": "withdraw",
    "ended": "end",
    "declared": "declare",
    "re-confirmed": "re-confirm",
    "expected": "expect",
    "file attached": "attach a file to",
    "cover sheet edited": "edit the cover sheet of",
    "item written": "write",
    "deferred": "defer",
    "superseded": "supersede",
    "set": "set",
    "guest added": "add a guest to",
    "issue": "issue",
    "imported": "import",
}


@dataclass
class Step:
    """One undoable user action: its name ("close action SG-2026-014") and its rows."""

    label: str
    rows: list[RowChange]
    audited: list[tuple[str, int]] = field(default_factory=list)


def _tables() -> dict[str, Table]:
    return {t.name: t for t in Base.metadata.sorted_tables}


def _ref(session: Session, entity: str, entity_id: int) -> str:
    """How a user names the record: its reference, code or title."""

    def code(group_id: int) -> str:
        group = session.get(Group, group_id)
        return group.code if group is not None else ""

    def meeting(meeting_id: int) -> str:
        held = session.get(Meeting, meeting_id)
        return "" if held is None else f"of {code(held.group_id)} {held.date.isoformat()}"

    namers: dict[str, Callable[[Any], str]] = {
        "action": lambda r: r.ref,
        "group": lambda r: r.code,
        "person": lambda r: r.full_name,
        "paper": lambda r: f"'{r.title}'",
        "meeting": lambda r: meeting(r.id)[3:],
        "tor": lambda r: f"{code(r.group_id)} v{r.version}",
        "minutes": lambda r: meeting(r.meeting_id),
    }
    models: dict[str, type[Base]] = {
        "action": Action,
        "group": Group,
        "person": Person,
        "paper": Paper,
        "meeting": Meeting,
        "tor": TorVersion,
        "minutes": Minutes,
    }
    model = models.get(entity)
    row = session.get(model, entity_id) if model is not None else None
    if row is None:
        return ""
    try:
        return namers[entity](row)
    except AttributeError:
        return ""


def describe(session: Session, changes: Changes) -> str:
    """The step's name: what the edge called it, else what the audit trail says was done."""
    if changes.label:
        return changes.label
    for note in changes.audit:
        verb = VERBS.get(note.action, note.action)
        status = _new_status(changes, note.entity, note.entity_id)
        if status:
            verb = VERBS.get(status, verb)
        ref = _ref(session, note.entity, note.entity_id)
        return " ".join(p for p in (verb, note.entity.replace("_", " "), ref) if p)
    return _from_rows(list(changes.rows.values()))


def _singular(table: str) -> str:
    words = table.replace("_", " ")
    for plural, one in (("people", "person"), ("ies", "y"), ("ses", "s"), ("s", "")):
        if words.endswith(plural):
            return words[: -len(plural)] + one
    return words


def _from_rows(rows: list[RowChange]) -> str:
    """A name from the rows themselves when nothing was audited: "add agenda item 'X'"."""
    if not rows:
        return "change"
    # What was added (or removed) names the step better than the rows renumbered with it.
    first = min(rows, key=lambda r: ("insert", "delete", "update").index(r.verb))
    same = [r for r in rows if r.table == first.table and r.verb == first.verb]
    verb = {"insert": "add", "update": "edit", "delete": "remove"}[first.verb]
    if len(same) > 1:
        return f"{verb} {len(same)} {first.table.replace('_', ' ')}"
    values = first.after or first.before or {}
    name = next((values[k] for k in ("title", "name", "ref", "code") if values.get(k)), "")
    return f"{verb} {_singular(first.table)}" + (f" '{name}'" if name else "")


def _new_status(changes: Changes, entity: str, entity_id: int) -> str:
    table = {"action": "actions", "decision": "decisions", "tor": "tor_versions"}.get(entity)
    change = changes.rows.get((table or entity, (entity_id,)))
    if change is None or change.after is None or change.before is None:
        return ""
    return str(change.after.get("status") or "")


def step_of(db: Database, changes: Changes) -> Step | None:
    """The undo step for a committed unit of work, or None if it changed nothing undoable."""
    if not changes.rows:
        return None
    with db.session() as s:
        label = describe(s, changes)
    audited = list(dict.fromkeys((n.entity, n.entity_id) for n in changes.audit))
    return Step(label, list(changes.rows.values()), audited)


def _where(table: Table, key: tuple[Any, ...]) -> list[Any]:
    return [col == value for col, value in zip(table.primary_key.columns, key, strict=True)]


def _current(session: Session, table: Table, key: tuple[Any, ...]) -> dict[str, Any] | None:
    row = session.execute(select(table).where(*_where(table, key))).mappings().first()
    return None if row is None else dict(row)


def _refuse_changed(label: str) -> UserError:
    return UserError(
        f"'{label}' cannot be undone: a record it changed has been changed since. "
        "Make the change you want directly instead."
    )


def _rule_refusal(change: RowChange, now: dict[str, Any] | None, label: str) -> str | None:
    """Why the rules forbid putting ``change.before`` back over ``now``, or None."""
    locking = LOCKED.get(change.table)
    if locking is None or now is None or now.get("status") not in locking:
        return None
    if (now.get("withdrawn_reason") or "").strip():
        return None  # a recorded withdrawal unlocks them
    target = change.before
    if target is not None and all(now.get(c) == v for c, v in target.items()):
        return None
    what = "Terms of Reference" if change.table == "tor_versions" else "minutes"
    return (
        f"'{label}' cannot be undone: the {what} are {now['status']}, and approved "
        f"{what} change only by a recorded withdrawal or a new approved version."
    )


def _order(rows: list[RowChange], tables: dict[str, Table]) -> list[RowChange]:
    """Re-inserts parents first, then updates, then deletes children first."""
    rank = {name: i for i, name in enumerate(tables)}

    def key(c: RowChange) -> tuple[int, int]:
        if c.verb == "delete":  # undone by an insert
            return (0, rank.get(c.table, 0))
        if c.verb == "update":
            return (1, 0)
        return (2, -rank.get(c.table, 0))

    return sorted(rows, key=key)


def reverse(db: Database, step: Step, label: str, verb: str = "undone") -> Step:
    """Put back what ``step`` changed, under the rules; returns the step that redoes it.

    ``label`` names this unit of work ("Undo: close action SG-2026-014"); ``verb`` is the
    audit trail's word for it ("undone", "redone").
    """
    tables = _tables()
    inverse: list[RowChange] = []
    with db.unit_of_work(label=label, undoing=True) as s:
        for change in _order(step.rows, tables):
            table = tables[change.table]
            now = _current(s, table, change.key)
            if change.after is None:
                if now is not None:
                    raise _refuse_changed(step.label)
            elif now is None or any(now.get(c) != v for c, v in change.after.items()):
                raise _refuse_changed(step.label)
            reason = _rule_refusal(change, now, step.label)
            if reason:
                raise UserError(reason)
            _put_back(s, table, change)
            if change.before is None and now is not None:  # redo puts back the whole row
                kept = {c: v for c, v in now.items() if c not in STAMPS}
                inverse.append(RowChange(change.table, change.key, kept, None))
            else:
                inverse.append(RowChange(change.table, change.key, change.after, change.before))
            changes_of(s).kinds.add(change.table)
        for entity, entity_id in step.audited:
            audit.record(s, entity, entity_id, verb, label)
    return Step(step.label, inverse, step.audited)


def _put_back(session: Session, table: Table, change: RowChange) -> None:
    try:
        if change.before is None:
            session.execute(delete(table).where(*_where(table, change.key)))
        elif change.after is None:
            values = dict(change.before)
            for column, value in zip(table.primary_key.columns, change.key, strict=True):
                values[column.name] = value
            session.execute(insert(table).values(values))
        else:
            session.execute(update(table).where(*_where(table, change.key)).values(change.before))
    except IntegrityError:
        raise UserError(
            "That cannot be undone: other records now depend on what it changed "
            "(for example, something was added to it since). Change it directly instead."
        ) from None


class History:
    """One window's undo and redo stacks: only its own user's steps."""

    def __init__(self) -> None:
        self.done: list[Step] = []
        self.undone: list[Step] = []

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()

    def push(self, step: Step) -> None:
        self.done.append(step)
        self.undone.clear()

    @property
    def undo_label(self) -> str:
        return self.done[-1].label if self.done else ""

    @property
    def redo_label(self) -> str:
        return self.undone[-1].label if self.undone else ""

    def undo(self, db: Database) -> str:
        """Undo the newest step (refusing with a UserError, the history unchanged)."""
        step = self.done[-1]
        redo = reverse(db, step, f"Undo: {step.label}")
        self.done.pop()
        self.undone.append(redo)
        return step.label

    def redo(self, db: Database) -> str:
        step = self.undone[-1]
        again = reverse(db, step, f"Redo: {step.label}", "redone")
        self.undone.pop()
        self.done.append(again)
        return step.label
