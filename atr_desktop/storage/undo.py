"""What a unit of work changed, read from the session itself: kinds of record and row values.

Hooks on the session (not triggers beneath it) note, for every row the ORM inserts, updates
or deletes, its table, primary key and the column values before and after. From that one
record come both the change notice (which kinds of record changed, so each page knows
whether to re-read) and the undo step (services/undo.py reverses it). Nothing here knows
SQLite: no rowid, no quote(), no triggers, so it works on any engine.

Not recorded as rows (but still reported as kinds): the audit trail (append-only), the
database's identity, unsaved typing, erasures, leases (who is editing is no edit to undo).
The created/updated stamps are left to the database: an undo is itself a change, stamped
when it happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction, sessionmaker

NOT_RECORDED = frozenset(
    {"alembic_version", "audit_log", "db_meta", "draft_text", "erasures", "leases"}
)
STAMPS = frozenset({"created_at", "updated_at", "row_version"})  # kept by the database itself
INFO_KEY = "atr_changes"


@dataclass
class RowChange:
    """One row's net change in a unit of work (``before`` None: inserted; ``after``: deleted)."""

    table: str
    key: tuple[Any, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def verb(self) -> str:
        if self.before is None:
            return "insert"
        return "delete" if self.after is None else "update"


@dataclass(frozen=True)
class AuditNote:
    """An audit line written in the unit of work (the step's name comes from these)."""

    entity: str
    entity_id: int
    action: str
    summary: str


@dataclass
class Changes:
    """Everything one unit of work changed, handed to each on_commit listener."""

    kinds: set[str] = field(default_factory=set)
    rows: dict[tuple[str, tuple[Any, ...]], RowChange] = field(default_factory=dict)
    audit: list[AuditNote] = field(default_factory=list)
    label: str = ""  # what the edge called this unit of work, if it named it
    undoing: bool = False  # the unit of work is itself an undo or redo

    def note(self, change: RowChange) -> None:
        """Merge ``change`` into the net change of its row (insert+update is an insert...)."""
        slot = (change.table, change.key)
        old = self.rows.get(slot)
        if old is None:
            self.rows[slot] = change
            return
        if change.after is None:  # deleted now
            if old.before is None:
                del self.rows[slot]  # inserted and deleted in one unit of work: nothing
                return
            full = dict(change.before or {})
            full.update(old.before)
            old.before, old.after = full, None
            return
        if old.after is None:  # deleted, then inserted again under the same key
            old.after = dict(change.after)
            return
        if old.before is not None:  # an update: keep the first value each column had
            for column, value in (change.before or {}).items():
                old.before.setdefault(column, value)
        old.after.update(change.after)


def changes_of(session: Session) -> Changes:
    found = session.info.get(INFO_KEY)
    if found is None:
        found = session.info[INFO_KEY] = Changes()
    return found


def _key(mapper: Mapper[Any], obj: object) -> tuple[Any, ...]:
    return tuple(mapper.primary_key_from_instance(obj))


def _columns(mapper: Mapper[Any]) -> list[tuple[str, str]]:
    """(attribute key, column name) of every plain column, stamps left out."""
    out = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.name not in STAMPS:
            out.append((prop.key, column.name))
    return out


def _load_row(session: Session, mapper: Mapper[Any], obj: object) -> dict[str, Any]:
    """The row as the database holds it now (before this flush writes it)."""
    table = mapper.local_table
    key = _key(mapper, obj)
    where = [col == value for col, value in zip(mapper.primary_key, key, strict=True)]
    row = session.connection().execute(select(table).where(*where)).mappings().first()
    return {} if row is None else {k: v for k, v in row.items() if k not in STAMPS}


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """Read what a change is about to overwrite when the session does not know it."""
    preload: dict[int, dict[str, Any]] = session.info.setdefault("atr_preload", {})
    for obj in list(session.deleted) + list(session.dirty):
        mapper = inspect(obj).mapper
        if mapper.local_table.name in NOT_RECORDED or id(obj) in preload:
            continue
        state = inspect(obj)
        if obj in session.deleted:
            missing = any(key not in state.dict for key, _ in _columns(mapper))
        else:
            missing = any(
                state.attrs[key].history.added
                and not state.attrs[key].history.deleted
                and not state.attrs[key].history.unchanged
                for key, _ in _columns(mapper)
            )
        if missing:
            preload[id(obj)] = _load_row(session, mapper, obj)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    changes = changes_of(session)
    preload: dict[int, dict[str, Any]] = session.info.pop("atr_preload", {})
    for obj in session.new:
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name
        changes.kinds.add(table)
        if table == "audit_log":
            changes.audit.append(
                AuditNote(obj.entity, obj.entity_id, obj.action, obj.summary)  # type: ignore[attr-defined]
            )
        if table in NOT_RECORDED:
            continue
        # Only what was written: a server default not read back is left out, not None.
        written = {name: state.dict[key] for key, name in _columns(mapper) if key in state.dict}
        changes.note(RowChange(table, _key(mapper, obj), None, written))
    for obj in session.dirty:
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        loaded = preload.get(id(obj), {})
        for key, name in _columns(mapper):
            history = state.attrs[key].history
            if not history.added:
                continue
            if history.deleted:
                old = history.deleted[0]
            elif history.unchanged:
                old = history.unchanged[0]
            else:
                old = loaded.get(name)
            new = history.added[0]
            if old != new:
                before[name], after[name] = old, new
        if not after:
            continue
        changes.kinds.add(table)
        if table not in NOT_RECORDED:
            changes.note(RowChange(table, _key(mapper, obj), before, after))
    for obj in session.deleted:
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name
        changes.kinds.add(table)
        if table in NOT_RECORDED:
            continue
        row = {name: state.dict.get(key) for key, name in _columns(mapper)}
        row.update(preload.get(id(obj), {}))
        changes.note(RowChange(table, _key(mapper, obj), row, None))


def _bulk_statement(state: ORMExecuteState) -> None:
    """An UPDATE or DELETE statement run through the session still names its kind."""
    if state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if name:
            changes_of(state.session).kinds.add(name)


def install(sessions: sessionmaker[Session]) -> None:
    """Record every session this factory makes (called once per open database)."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _bulk_statement)
