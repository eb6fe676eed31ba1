"""What a store on a PostgreSQL server leaves to the server: the file's own safety features
(backups, restore, hand-over) answer with whose job it is there."""

from __future__ import annotations

from atr_desktop.errors import StoreError

SERVER_JOBS = {
    "backup": "backups of a store on a server are the server's job: ask your database "
    "administrator about the organisation's pg_dump (ATR Desktop's own backups are for a "
    "file on this computer)",
    "restore": "a store on a server is restored by its administrator (pg_restore from the "
    "organisation's pg_dump), not by ATR Desktop",
    "handover": "a store on a server is shared already: there is nothing to hand over; give "
    "your colleague the same --db address and ask your administrator for their login",
}


def server_job(what: str) -> StoreError:
    """The plain answer when a file-only safety feature is asked of a server store."""
    return StoreError(SERVER_JOBS[what][:1].upper() + SERVER_JOBS[what][1:] + ".")
