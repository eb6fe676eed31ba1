"""Other officers' changes to a store on a server, heard as they commit (LISTEN/NOTIFY).

Every table's trigger (migration 0010) notifies ``atr_changes`` with its name when a
transaction that changed it commits. One thread per open store listens on a connection
of its own, leaves out what this store's own connections sent (their edits are told
already, with their rows, by Database.on_commit), and passes the rest to the same
listeners as a :class:`Changes` with the kinds of record that changed, within a second.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Protocol

from sqlalchemy import Engine, event

from atr_desktop.storage.undo import Changes


class Store(Protocol):
    """What the watch needs of its Database (database.py imports us, not the other way)."""

    engine: Engine

    def tell(self, changes: Changes) -> None: ...


log = logging.getLogger(__name__)

CHANNEL = "atr_changes"
OTHERS = "another officer's change"  # the label of a notice heard from the server


class ServerWatch:
    def __init__(self, db: Store) -> None:
        self._db = db
        self._own: set[int] = set()  # backend pids of this store's own connections
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        event.listen(db.engine, "connect", self._connected)
        db.engine.dispose()  # connections made before now are unknown: make them again

    def _connected(self, dbapi_conn: Any, _record: Any) -> None:
        self._own.add(int(dbapi_conn.info.backend_pid))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._listen, name="atr-notices", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        event.remove(self._db.engine, "connect", self._connected)

    def _listen(self) -> None:
        try:
            raw = self._db.engine.raw_connection()
        except Exception:
            log.info("change notices unavailable: the server could not be reached")
            return
        try:
            conn = raw.driver_connection
            assert conn is not None
            raw.rollback()
            conn.autocommit = True
            self._own.discard(int(conn.info.backend_pid))  # the listener edits nothing
            conn.execute(f"LISTEN {CHANNEL}")
            while not self._stop.is_set():
                kinds = {n.payload for n in conn.notifies(timeout=0.5) if n.pid not in self._own}
                if kinds:
                    self._db.tell(Changes(kinds=kinds, label=OTHERS, undoing=True))
        except Exception:
            if not self._stop.is_set():
                log.info("change notices stopped: the connection to the server was lost")
        finally:
            raw.invalidate()  # LISTEN state must not return to the pool
