"""Opening, creating and upgrading an ATR Desktop database file.

Every connection gets WAL, ``foreign_keys=ON`` and ``synchronous=FULL``: a save reported
to the user survives a power cut. The file carries ``application_id`` 'ATRD' so any other
SQLite file is refused, and an Alembic revision so a newer database is refused rather than
misread. Papers live beside the file in a content-addressed folder named by the
database's UUID (see blobs.py); papers in the older path-based folder are linked into it
on opening.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import re
import sqlite3
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from atr_desktop.errors import NotSaved, StoreError, UserError
from atr_desktop.storage import migrate, text_guard, undo
from atr_desktop.storage.blobs import BlobStore, papers_root, store_for
from atr_desktop.storage.models import DbMeta
from atr_desktop.storage.planner import refresh_statistics
from atr_desktop.storage.undo import Changes

log = logging.getLogger(__name__)

APPLICATION_ID = 0x41545244  # "ATRD"
SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedError(StoreError):
    """The file's contents are damaged (not merely locked or unreadable)."""

    problem = ""  # SQLite's own words, for a face that phrases the message itself


DAMAGE_WORDS = ("malformed", "not a database", "corrupt")
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def says_damaged(exc: sqlite3.Error) -> bool:
    """SQLite reports the file's contents as damaged (not full, locked, read-only or gone).

    Even this is only a suspicion: a file is treated as damaged (moved aside) only when an
    integrity check fails (services.safety).
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return any(word in str(exc).lower() for word in DAMAGE_WORDS)


def plain_error(exc: BaseException, path: Path) -> UserError | None:
    """The one place that turns a storage failure into a sentence the user can act on.

    Disk full, read-only media or folders, a file held by another program, a disk that
    fails to read or write, and (suspected) damage; None for anything else (a bug).
    """
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if isinstance(orig, OSError):
        code = orig.errno
        if code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1)):
            return UserError(_FULL.format(where=path.parent))
        if code == errno.EROFS:
            return UserError(_READONLY.format(path=path))
        if code in (errno.EACCES, errno.EPERM):
            return UserError(
                f"ATR Desktop is not allowed to write to {orig.filename or path.parent}: "
                "nothing was saved; choose a folder you can write to, or ask IT for access."
            )
        return None
    if not isinstance(orig, sqlite3.DatabaseError):
        return None
    if "database or disk is full" in text or "sqlite_full" in text:
        return UserError(_FULL.format(where=path.parent))
    if "readonly database" in text or "read-only" in text:
        return UserError(_READONLY.format(path=path))
    if "database is locked" in text or "database table is locked" in text:
        return NotSaved(
            f"{path.name} is busy in another program or window: nothing was saved; "
            "close the other copy of ATR Desktop and try again."
        )
    if "unable to open database file" in text:
        return UserError(
            f"{path} cannot be opened (it may be on a drive that is not connected, or in a "
            "folder you may not write to): nothing was changed or moved; reconnect the drive "
            "or copy the file to a folder you can write to."
        )
    if "disk i/o error" in text:
        return UserError(
            f"{path} could not be read or written (a disk input/output error: the disk may "
            "be full, write-protected, removed or failing). Nothing was moved or changed; "
            f"free some space on {path.parent} or reconnect the drive, then try again."
        )
    if says_damaged(orig):
        damaged = DamagedError(
            f"{path} is damaged ({orig}): nothing more was written to it; "
            "restore it from a backup (File > Restore from backup, or 'atr-desktop restore')."
        )
        damaged.problem = str(orig)
        return damaged
    return None


_FULL = (
    "The disk is full, so that change was not saved (nothing was damaged): "
    "free some space on {where} and try again."
)
_READONLY = (
    "{path} is read-only (opened read-only, a read-only file, or a write-protected drive), "
    "so that change was not saved: copy it to a folder you can write to, or open it normally."
)


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's own transaction handling is broken
    # for SAVEPOINT and DDL); see the SQLAlchemy SQLite dialect documentation.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")
    raw = conn.connection.dbapi_connection
    conn.info["changes_at_begin"] = getattr(raw, "total_changes", 0)


READING = ("SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOI", "RELEASE", "WITH")


class WriteGate:
    """Holds saving (not reading) until the integrity check on opening has passed.

    A statement that writes waits for the gate before it touches a page, and so does a
    commit that changed rows (sqlite3's ``total_changes`` moved since BEGIN, whatever API
    made the change); if the check failed, either raises that problem instead, and the
    unit of work is rolled back.
    """

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self.problem: StoreError | None = None

    def hold(self) -> None:
        self.problem = None
        self._open.clear()

    def release(self, problem: StoreError | None = None) -> None:
        self.problem = problem
        self._open.set()

    def _wait(self) -> None:
        self._open.wait()
        if self.problem is not None:
            raise self.problem

    def on_commit(self, conn: Any) -> None:
        if self._open.is_set() and self.problem is None:
            return
        raw = conn.connection.dbapi_connection
        if getattr(raw, "total_changes", 0) != conn.info.get("changes_at_begin", 0):
            self._wait()

    def on_statement(self, conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if self._open.is_set() and self.problem is None:
            return
        if not statement.lstrip()[:8].upper().startswith(READING):
            self._wait()


_READ_ONLY: weakref.WeakSet[Engine] = weakref.WeakSet()


def opened_read_only(session: Session) -> bool:
    """The session's store was opened only to look (a handed-over copy, --read-only), on
    either engine: a service that would tidy as it reads (a register's missing lines) leaves
    it as it was kept."""
    return session.get_bind().engine in _READ_ONLY


def server_role(session: Session) -> str | None:
    """The PostgreSQL role this session logged in as (each officer has their own), read
    once per connection; None on SQLite, where the computer's user is who did it."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return None
    if "role" not in conn.info:
        conn.info["role"] = str(conn.exec_driver_sql("SELECT session_user").scalar())
    return str(conn.info["role"])


def database_now(session: Session) -> dt.datetime:
    """Now, in UTC without a zone (as the store keeps times): the server's clock on
    PostgreSQL, so every officer's lease is timed by one clock whatever their laptops say;
    this computer's on SQLite, the only computer that has the file open."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        found = conn.exec_driver_sql("SELECT now() AT TIME ZONE 'utc'").scalar()
        assert isinstance(found, dt.datetime)
        return found
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _hold_versioned(session: Session, instance: object) -> None:
    """Keep each versioned record a unit of work reads until it ends.

    The session's identity map holds records weakly: a service that reads a record and
    returns plain data lets it go, and a later service in the same unit of work re-reads
    the row, at whatever version someone else has saved since, so its save was checked
    against their version and overwrote their change unseen (found on PostgreSQL by five
    officers at once, tests/test_concurrency.py). Held, the record keeps the version this
    unit of work read, and a save over a later change is refused.
    """
    mapper = getattr(instance, "__mapper__", None)
    if mapper is not None and mapper.version_id_col is not None:
        session.info.setdefault("held", []).append(instance)


def login_may_write(engine: Engine) -> bool:
    """Whether the server login's role may change the records (asked once, on opening):
    ``init --roles`` grants the secretariat INSERT on every table and a chair SELECT only,
    so INSERT on ``actions`` tells the two apart, whatever the login's own name."""
    with engine.connect() as conn:
        return bool(
            conn.exec_driver_sql(
                "SELECT has_table_privilege(current_user, 'actions', 'INSERT')"
            ).scalar()
        )


def make_engine(path: Path, readonly: bool = False) -> Engine:
    """An engine whose every connection carries the app's pragmas."""
    if readonly:
        url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(url, hide_parameters=True)  # no record values in any message
    if readonly:
        _READ_ONLY.add(engine)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def sniff(path: Path) -> None:
    """Refuse a file that is not an ATR Desktop database, with one clear sentence."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not an ATR Desktop database file.")
    if not path.is_file():  # a pipe or a device: reading it would wait for ever
        raise StoreError(f"{path} is not a file (a pipe or a device): choose a .db file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror}).") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not an ATR Desktop database: choose a .db file made by ATR Desktop."
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite database from another program, not ATR Desktop: "
            "choose a .db file made by ATR Desktop."
        )


def make_server_engine(url: str, readonly: bool = False) -> Engine:
    """An engine on a PostgreSQL server through psycopg 3: UTC timestamps like SQLite's
    CURRENT_TIMESTAMP, a connection that gives up after 10 s rather than hanging the window,
    and read-only transactions when opened only to look."""
    from sqlalchemy.engine import make_url

    address = make_url(url.strip())
    if address.drivername in ("postgresql", "postgres"):
        address = address.set(drivername="postgresql+psycopg")
    options = "-c timezone=UTC" + (" -c default_transaction_read_only=on" if readonly else "")
    engine = create_engine(
        address,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={
            "options": options,
            "application_name": "ATR Desktop",
            "connect_timeout": 10,
        },
    )
    if readonly:
        _READ_ONLY.add(engine)
    return engine


def shown(url: str) -> str:
    """A server URL fit to show and log: its password, if someone wrote one in, hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url.strip()).render_as_string(hide_password=True)
    except Exception:
        return "the database server"


DROPPED_WORDS = ("terminating connection", "closed the connection", "consuming input failed")


def server_error(exc: BaseException, url: str) -> UserError | None:
    """A server that cannot be reached, refuses the login, or dropped the connection."""
    orig = getattr(exc, "orig", None) or exc
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    if isinstance(orig, psycopg.errors.InsufficientPrivilege):
        if "append-only" in str(orig):
            return None  # the audit guard: only a bug of ours would try
        return UserError(
            f"Your login on {shown(url)} may not make that change (your role reads only, or "
            "lacks this permission): nothing was saved; ask your database administrator."
        )
    if isinstance(orig, psycopg.errors.ReadOnlySqlTransaction):
        return UserError(
            f"{shown(url)} is open read-only, so that change was not saved: open it normally."
        )
    if not isinstance(orig, psycopg.OperationalError):
        return None
    text = str(orig).lower()
    where = shown(url)
    if "password" in text or "authentication" in text or "role" in text:
        return UserError(
            f"The database server refused the login for {where}: check the user name and "
            "that your password is in your PostgreSQL password file (or ask your "
            "database administrator)."
        )
    if "does not exist" in text:
        return UserError(
            f"There is no database {where} on that server: ask your database administrator "
            "to create it, then run 'atr-desktop --db URL init'."
        )
    if any(word in text for word in DROPPED_WORDS):
        return NotSaved(
            f"The connection to {where} was lost (the server restarted, or the network "
            "dropped), so that change was not saved: try again."
        )
    return NotSaved(
        f"The database server for {where} could not be reached (it may be down, or this "
        "computer is off the network): nothing was changed; try again when it is back."
    )


class Database:
    """An open database: the engine, one unit of work per user action, the papers' store.

    The unit of work is ambient: :meth:`session` joins the one already open on this thread,
    so a service that calls another service shares its transaction, and only the outermost
    block commits (or rolls back). The edge (the window's operation runner, each command)
    opens it with :meth:`unit_of_work`; a service used on its own opens its own. Threads
    never share one: a background job opens its own unit of work on its own thread.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        readonly: bool = False,
        url: str | None = None,
        login_may_write: bool = True,
    ) -> None:
        self.path = path  # a server store's stand-in in the data folder (paths.server_folder)
        self.url = url  # the PostgreSQL URL of a server store; None for a file
        self.engine = engine
        self.readonly = readonly
        self._login_may_write = login_may_write
        self._blobs: BlobStore | None = None
        self._watch: Any = None  # other officers' change notices, on a server
        self.gate = WriteGate()
        event.listen(engine, "commit", self.gate.on_commit)
        event.listen(engine, "before_cursor_execute", self.gate.on_statement)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", text_guard.refuse_nul)
        undo.install(self._sessions)
        self._local = threading.local()
        self._listeners: list[Callable[[Changes], None]] = []
        self.nested_connections = 0  # connections opened inside an open unit of work (a bug)
        event.listen(engine, "checkout", self._checked_out)
        event.listen(self._sessions, "after_begin", self._began)
        event.listen(self._sessions, "loaded_as_persistent", _hold_versioned)

    def on_commit(self, callback: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``callback(changes)`` after each unit of work that changed something commits.

        It runs on the thread that committed; returns a function that stops the calls.
        """
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def current_session(self) -> Session | None:
        """The unit of work open on this thread, if any."""
        return getattr(self._local, "session", None)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The unit of work open on this thread, or a new one committed when the block ends."""
        current = self.current_session()
        if current is not None:
            yield current
            return
        with self.unit_of_work() as session:
            yield session

    @contextmanager
    def unit_of_work(self, label: str = "", undoing: bool = False) -> Iterator[Session]:
        """One user action: every edit inside commits together, or none does.

        Opened at the edge; inside another unit of work on this thread it simply joins it.
        ``label`` names the action for its undo step; ``undoing`` marks an undo or redo.
        """
        current = self.current_session()
        if current is not None:
            yield current
            return
        with self._sessions() as session:
            changes = undo.changes_of(session)
            changes.label, changes.undoing = label, undoing
            self._local.session = session
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                plain = self._plain(exc) if isinstance(exc, Exception) else None
                if plain is not None and not isinstance(exc, UserError):
                    log.info(
                        "save refused: %s",
                        getattr(exc.__cause__ or exc, "sqlite_errorname", type(exc).__name__),
                    )  # the kind of failure only, never the values it held
                    raise plain from exc
                raise
            finally:
                self._local.session = None
                self._local.connected = False
        if changes.kinds:
            self.tell(changes)

    def tell(self, changes: Changes) -> None:
        """Hand ``changes`` to every on_commit listener (ours, or heard from the server)."""
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # the edit is saved: a listener's bug must not undo that
                log.exception("a change listener failed after a commit")

    def watch_others(self) -> None:
        """On a server: hear other officers' commits as change notices (storage/notices.py)."""
        if self.on_server and self._watch is None:
            from atr_desktop.storage.notices import ServerWatch

            self._watch = ServerWatch(self)
            self._watch.start()

    def _plain(self, exc: Exception) -> UserError | None:
        from sqlalchemy.orm.exc import StaleDataError

        if isinstance(exc, StaleDataError):
            found = re.search(r"table '(\w+)'", str(exc))
            what = found.group(1).replace("_", " ") if found else "records"
            return UserError(
                f"Someone else saved a change to the same {what} while this one was being "
                "made, so it was not saved (theirs is kept): look at the record again and "
                "make your change once more."
            )
        if self.url is not None:
            return server_error(exc, self.url)
        return plain_error(exc, self.path)

    def _began(self, session: Session, _transaction: Any, _connection: Any) -> None:
        if session is self.current_session():
            self._local.connected = True

    def _checked_out(self, *_args: Any) -> None:
        """A connection taken while this thread's unit of work already holds one: a bug."""
        if self.current_session() is not None and getattr(self._local, "connected", False):
            self.nested_connections += 1
            log.warning(
                "a second connection was opened inside a unit of work; it would not see, "
                "or could block on, the edits in progress"
            )

    @property
    def can_write(self) -> bool:
        """Whether saving anything here can succeed: not opened read-only (--read-only, a
        handed-over copy) and, on a server, the login's role may change the records (a
        chair's role only reads). The window shows no edit controls when it cannot."""
        return not self.readonly and self._login_may_write

    @property
    def on_server(self) -> bool:
        """A team's store on a PostgreSQL server rather than a file on this computer."""
        return self.url is not None

    @property
    def shown(self) -> str:
        """What to call this store in a message: the file's path, or the server's URL."""
        return shown(self.url) if self.url else str(self.path)

    def meta(self, key: str) -> str | None:
        with self.session() as s:
            row = s.get(DbMeta, key)
            return None if row is None else row.value

    @property
    def uuid(self) -> str:
        return self.meta("uuid") or ""

    def hold_writes(self) -> None:
        """Saving waits from now until :meth:`release_writes` (reading carries on)."""
        self.gate.hold()

    def release_writes(self, problem: StoreError | None = None) -> None:
        """Let saving go on; with ``problem``, every save from now on raises it instead."""
        self.gate.release(problem)

    @property
    def blobs(self) -> BlobStore:
        """This database's papers: the folder named by its UUID, never by its path alone."""
        if self._blobs is None:
            if self.on_server:
                from atr_desktop.storage.server_blobs import ServerBlobStore

                self._blobs = ServerBlobStore(store_for(self.path, self.uuid).root, self)
            else:
                self._blobs = store_for(self.path, self.uuid)
        return self._blobs

    def forget_blobs(self) -> None:
        """The store's UUID changed (a copy takes its programme's): find its papers again."""
        self._blobs = None

    @contextmanager
    def quick_commits(self) -> Iterator[None]:
        """Commits wait for the disk less while the block runs (a demo being built: if the
        power goes, it is simply built again): SQLite's synchronous=NORMAL, PostgreSQL's
        synchronous_commit=off. Afterwards the pool is emptied, so every later connection
        is as durable as ever."""
        relax = "SET synchronous_commit = off" if self.on_server else "PRAGMA synchronous=NORMAL"

        def on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
            dbapi_conn.execute(relax)

        event.listen(self.engine, "checkout", on_checkout)
        try:
            yield
        finally:
            event.remove(self.engine, "checkout", on_checkout)
            self.engine.dispose()

    def close(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        self.engine.dispose()


def backup_before_upgrade(path: Path) -> None:
    """A verified backup before a migration touches the file; no backup, no upgrade."""
    from atr_desktop.storage.backup import BackupError, default_folder, write_backup

    folder = default_folder(path)
    try:
        write_backup(path, papers_of_file(path), folder, "before-upgrade")
    except BackupError as exc:
        raise StoreError(
            f"{path.name} needs upgrading, but a backup could not be made first ({exc}) "
            "so it was left as it is: free some space or fix the backup folder, then retry."
        ) from None


def read_meta(path: Path) -> dict[str, str]:
    """The file's db_meta rows read with plain SQL, read-only; {} when it cannot be read.

    Works before a migration and on a damaged file whose first pages survive.
    """
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM db_meta")}
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def papers_of_file(path: Path) -> BlobStore:
    """The papers' store of the database file at ``path`` (found by its UUID)."""
    uuid = read_meta(path).get("uuid", "")
    if not uuid:
        raise StoreError(f"{path.name} does not say which database it is (no UUID).")
    return store_for(path, uuid)


def adopt_legacy_papers(path: Path) -> int:
    """Link the papers this database points at from the old path-based folder into its own.

    Before papers were kept per UUID they sat in '<name>.db-papers/ab/…' whichever database
    was at that path. Only the files this database's records name are taken (linked, not
    moved); the rest stay where they are, since a damaged copy or another database that
    lived at this path may need them.
    """
    from atr_desktop.storage.backup import paper_hashes

    legacy = papers_root(path)
    if not any(p.is_dir() and len(p.name) == 2 for p in _children(legacy)):
        return 0
    uuid = read_meta(path).get("uuid", "")
    if not uuid:
        return 0
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        hashes = paper_hashes(conn)
    finally:
        conn.close()
    store = store_for(path, uuid)
    came = store.adopt(legacy, hashes)
    if came:
        log.info("took %d paper(s) from the path-based folder into the database's own", came)
    return came


def _children(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def create_database(path: Path) -> Database:
    """Make a new, empty, current-schema database at ``path`` (which must not exist)."""
    if path.exists():
        raise StoreError(f"{path} already exists: choose another name or open it instead.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = sqlite3.connect(path)
        raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.commit()
        raw.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cannot create a database at {path}: {exc}.") from None
    engine = make_engine(path)
    migrate.upgrade(engine)
    db = Database(path, engine)
    new_uuid = str(uuid.uuid4())
    with db.session() as s:
        s.add_all(
            [
                DbMeta(key="uuid", value=new_uuid),
                DbMeta(key="generation", value="1"),
            ]
        )
    try:
        db.blobs.mark(new_uuid, dt.datetime.now(dt.UTC))
    except OSError as exc:
        db.close()
        raise StoreError(f"Cannot make the papers folder beside {path}: {exc}.") from None
    log.info("created database")
    return db


def create_server_database(url: str, local: Path) -> Database:
    """Make the current schema in an empty PostgreSQL database (made by its administrator).

    ``local`` is this computer's folder for the store (paths.server_folder). A database that
    already holds a store, or anything else, is refused rather than mixed with.
    """
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if tables:
            known = "alembic_version" in tables
            raise StoreError(
                f"{shown(url)} already holds "
                + (
                    "an ATR Desktop store: open it instead of creating one."
                    if known
                    else "other tables: give ATR Desktop an empty database of its own."
                )
            )
        migrate.upgrade(engine)
    except Exception as exc:
        engine.dispose()
        plain = server_error(exc, url)
        if plain is not None:
            raise plain from None
        raise
    db = Database(local / "atr-desktop.db", engine, url=url)
    new_uuid = str(uuid.uuid4())
    with db.session() as s:
        s.add_all([DbMeta(key="uuid", value=new_uuid), DbMeta(key="generation", value="1")])
    try:
        db.blobs.mark(new_uuid, dt.datetime.now(dt.UTC))
    except OSError as exc:
        db.close()
        raise StoreError(f"Cannot make the papers folder in {local}: {exc}.") from None
    log.info("created a store on a server")
    return db


def open_server_database(url: str, local: Path, readonly: bool = False) -> Database:
    """Open a store on a PostgreSQL server, upgrading its schema when this version is newer.

    No backup is made first: a server's backups are its administrator's (pg_dump), and
    the upgrade runs in one transaction (PostgreSQL's DDL is transactional), so a failed
    upgrade leaves the store as it was.
    """
    engine = make_server_engine(url, readonly=readonly)

    def opened() -> Database:
        if migrate.current(engine) is None:
            raise StoreError(
                f"There is no ATR Desktop store in {shown(url)}: create one with "
                "'atr-desktop --db URL init' (the database must exist and be empty)."
            )
        _bring_up_to_date(engine, shown(url), readonly, lambda: migrate.upgrade(engine))
        may_write = readonly or login_may_write(engine)
        if not may_write:
            _READ_ONLY.add(engine)  # services that tidy as they read leave a chair's view be
        return Database(
            local / "atr-desktop.db", engine, readonly=readonly, url=url, login_may_write=may_write
        )

    return _first_read(engine, opened, lambda exc: server_error(exc, url))


def open_database(path: Path, readonly: bool = False) -> Database:
    """Open an existing database, refusing what is not ours or too new, upgrading what is old."""
    if not path.exists():
        raise StoreError(
            f"There is no database at {path}: create one with 'atr-desktop --db {path} init' "
            "or File > New database."
        )
    sniff(path)
    with contextlib.suppress(OSError, sqlite3.Error):
        adopt_legacy_papers(path)  # a read-only place: the papers are read where they are
    engine = make_engine(path, readonly=readonly)

    def upgrade() -> None:
        backup_before_upgrade(path)
        try:
            migrate.upgrade(engine)
        except Exception as exc:
            raise StoreError(
                f"Upgrading {path.name} failed ({exc}); it was backed up just before, "
                "so nothing is lost: restore the newest backup and report this."
            ) from exc

    def opened() -> Database:
        _bring_up_to_date(engine, str(path), readonly, upgrade)
        if not readonly:
            refresh_statistics(engine)  # a grown log keeps its indexes chosen
        return Database(path, engine, readonly=readonly)

    return _first_read(engine, opened, lambda exc: plain_error(exc, path))


def _bring_up_to_date(
    engine: Engine, where: str, readonly: bool, upgrade: Callable[[], None]
) -> None:
    """Refuse a store from a newer version; upgrade an older one (never when read-only)."""
    state = migrate.state(engine)
    if state == "newer":
        raise StoreError(
            f"{where} was written by a newer version of ATR Desktop: "
            "install the newer version to open it."
        )
    if state == "behind":
        if readonly:
            raise StoreError(
                f"{where} needs upgrading but is open read-only: open it normally first."
            )
        upgrade()


def _first_read(
    engine: Engine, opened: Callable[[], Database], plain: Callable[[Exception], Exception | None]
) -> Database:
    """The store ``opened()`` gives, read once; on any failure the engine is let go and a
    plain sentence raised where one is known."""
    try:
        db = opened()
        with db.session() as s:
            s.execute(select(DbMeta).limit(1)).all()
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        sentence = plain(exc)
        if sentence is not None:
            raise sentence from None
        raise
    return db
