"""Verified copies of a database and its papers: backups, restores, hand-over copies.

A copy is written with SQLite's online backup API (a consistent snapshot even while the
window is saving) into a ``.part`` file, checked (``integrity_check``, application id, the
row count of every table equal to the source's in the same snapshot) and only then renamed
into place. Papers go to the backup folder's own content-addressed ``papers/`` store, each
hashed as it is copied, so a second backup copies only new papers. A JSON manifest beside
each copy names the database (UUID, generation), the time, the reason, the tables' counts,
the papers it needs and the copy's own SHA-256; a copy without a manifest is incomplete
and is never offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from atr_desktop.domain.rotation import DEFAULT_POLICY, Policy, to_keep
from atr_desktop.errors import StoreError
from atr_desktop.paths import share_with_folder
from atr_desktop.storage.blobs import BlobStore, file_sha256

log = logging.getLogger(__name__)

APPLICATION_ID = 0x41545244  # "ATRD", as in database.py (which imports this module)
MANIFEST_FORMAT = 1
SAFETY_COPY_DAYS = dt.timedelta(days=30)


class BackupError(StoreError):
    """A copy could not be made or did not verify; nothing was put in place."""


class CannotCheck(StoreError):
    """The file could not be checked (disk full, read-only place, locked, gone): not damage."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds; stored as ``<backup>.db.json``."""

    uuid: str
    generation: int
    created_at: dt.datetime  # UTC
    reason: str
    source: str
    sha256: str
    size: int
    tables: dict[str, int]
    papers: tuple[str, ...]
    papers_bytes: int = 0
    app_version: str = ""
    programme: str = ""  # the organisation name saved in the database, to tell copies apart

    def to_json(self) -> str:
        data = {
            "format": MANIFEST_FORMAT,
            "uuid": self.uuid,
            "generation": self.generation,
            "created_at": self.created_at.isoformat(),
            "reason": self.reason,
            "source": self.source,
            "sha256": self.sha256,
            "size": self.size,
            "tables": self.tables,
            "papers": list(self.papers),
            "papers_bytes": self.papers_bytes,
            "app_version": self.app_version,
            "programme": self.programme,
        }
        return json.dumps(data, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        return cls(
            uuid=str(data["uuid"]),
            generation=int(data["generation"]),
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            reason=str(data.get("reason", "")),
            source=str(data.get("source", "")),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            tables={str(k): int(v) for k, v in data.get("tables", {}).items()},
            papers=tuple(data.get("papers", ())),
            papers_bytes=int(data.get("papers_bytes", 0)),
            app_version=str(data.get("app_version", "")),
            programme=str(data.get("programme", "")),
        )


@dataclass(frozen=True)
class Backup:
    """A complete backup on disk: the copy and what its manifest says."""

    path: Path
    manifest: Manifest

    @property
    def folder(self) -> Path:
        return self.path.parent


@dataclass
class CopyReport:
    path: Path
    manifest: Manifest
    papers_copied: int = 0
    papers_bytes_copied: int = 0
    removed: list[Path] = field(default_factory=list)


# -- snapshots ---------------------------------------------------------------------------
def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def hash_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, column) that names a stored file: columns called 'sha256' or '*_sha256'.

    Found from the schema, not listed by hand, so a table another area adds later (a
    template, an export) is never swept or left out of a backup by mistake.
    """
    found = []
    for table in _tables(conn):
        for row in conn.execute(f'PRAGMA table_info("{table}")'):
            column = str(row[1])
            if column == "sha256" or column.endswith("_sha256"):
                found.append((table, column))
    return found


def paper_hashes(conn: sqlite3.Connection) -> set[str]:
    """Every paper (stored file) a database's records point at."""
    found: set[str] = set()
    for table, column in hash_columns(conn):
        found.update(r[0] for r in conn.execute(f'SELECT "{column}" FROM "{table}"') if r[0])
    return found


FileConnection = sqlite3.Connection  # what the file-level helpers hand their callbacks


def referenced_hashes(session: Session) -> set[str]:
    """Every paper a store's records point at, through the session (either engine): the
    same columns as :func:`hash_columns`, found from the live schema."""
    found: set[str] = set()
    conn = session.connection()
    schema = inspect(conn)
    for table in schema.get_table_names():
        for column in schema.get_columns(table):
            name = str(column["name"])
            if name == "sha256" or name.endswith("_sha256"):
                rows = conn.exec_driver_sql(
                    f'SELECT "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'
                )
                found.update(str(r[0]) for r in rows if r[0])
    return found


@contextlib.contextmanager
def reading_file(path: Path) -> Iterator[sqlite3.Connection]:
    """The database file opened read-only with plain SQL (before or beside the engine)."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def mark_file(path: Path, values: dict[str, str]) -> None:
    """Write db_meta rows into a closed database file (a handed-over copy taken on);
    raises StoreError with SQLite's words when the file cannot be written."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("BEGIN IMMEDIATE")
            for key, value in values.items():
                conn.execute(
                    "INSERT INTO db_meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )
            conn.execute("COMMIT")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(str(exc)) from None


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM db_meta WHERE key=?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def programme_name(conn: sqlite3.Connection) -> str:
    """The organisation name in the database's settings (the default when never changed)."""
    from atr_desktop.domain.settings import DEFAULTS

    default = str(DEFAULTS["organisation_name"])
    try:
        row = conn.execute("SELECT value FROM settings WHERE key='organisation_name'").fetchone()
        return str(json.loads(row[0]) or default) if row else default
    except (sqlite3.Error, ValueError, TypeError):
        return default


def check_file(path: Path, full: bool = True) -> list[str]:
    """Problems found in an SQLite file (empty when it is whole and ours).

    Only what SQLite reports as damage is a problem. A file that cannot be checked at all
    (full disk, read-only place, locked, not there) raises :class:`CannotCheck` with a
    plain sentence: that is never a reason to move a file aside.
    """
    from atr_desktop.storage.database import plain_error, says_damaged

    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                return ["it is not an ATR Desktop database"]
            pragma = "integrity_check(20)" if full else "quick_check(1)"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if says_damaged(exc):
            return [str(exc)]
        plain = plain_error(exc, path)
        raise CannotCheck(
            str(plain) if plain else f"{path} could not be checked ({exc}): nothing was moved."
        ) from None
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("***")] or ["damaged"]


def describe_papers(conn: sqlite3.Connection, hashes: Iterable[str]) -> dict[str, str]:
    """A name a person recognises for each stored file: the paper's title and file name,
    or the pack and its date; any other table's file by its table and row."""
    wanted = set(hashes)
    names: dict[str, str] = {}
    queries = {
        "paper_files": "SELECT f.sha256, p.title, f.filename, f.version FROM paper_files f "
        "JOIN papers p ON p.id = f.paper_id",
        "packs": "SELECT sha256, kind, issued_on, meeting_id FROM packs",
    }
    for table, column in hash_columns(conn):
        try:
            if table in queries and column == "sha256":
                for sha, a, b, c in conn.execute(queries[table]):
                    if sha in wanted and sha not in names:
                        names[sha] = (
                            f"the paper '{a}' ({b}, version {c})"
                            if table == "paper_files"
                            else f"the {a} pack issued {b} (meeting {c})"
                        )
                continue
            for rowid, sha in conn.execute(f'SELECT rowid, "{column}" FROM "{table}"'):
                if sha in wanted and sha not in names:
                    names[sha] = f"the file in {table} row {rowid}"
        except sqlite3.Error:
            continue
    return {sha: names.get(sha, "a stored file") + f" [{sha[:12]}]" for sha in wanted}


def fsync_dir(folder: Path) -> None:
    if os.name != "nt":  # Windows cannot open a folder for fsync; NTFS renames are logged
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def snapshot(
    source: Path,
    dest: Path,
    journal_mode: str = "DELETE",
    adjust: Callable[[sqlite3.Connection], None] | None = None,
) -> tuple[dict[str, int], set[str], str, int]:
    """Copy ``source`` to ``dest`` through a verified ``.part`` file.

    Returns (row counts, paper hashes, uuid, generation) of the copy. ``adjust`` may
    change the copy (hand-over bumps its generation) before it is verified; it must not
    add or remove rows. ``dest`` is untouched unless everything checks out.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    src = sqlite3.connect(source, isolation_level=None)
    try:
        src.execute("PRAGMA busy_timeout=5000")
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        counts = table_counts(src)
        hashes = paper_hashes(src)
        out = sqlite3.connect(part, isolation_level=None)
        try:
            src.backup(out)
            src.execute("COMMIT")
            out.execute(f"PRAGMA journal_mode={journal_mode}")
            if adjust is not None:
                adjust(out)
            problems = _verify_connection(out, counts)
            uuid = meta_value(out, "uuid") or ""
            generation = int(meta_value(out, "generation") or 0)
        finally:
            out.close()
        if problems:
            raise BackupError(
                f"The copy of {source.name} did not verify ({'; '.join(problems)}): "
                "nothing was replaced; check the disk and try again."
            )
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, dest)
        fsync_dir(dest.parent)
    except sqlite3.Error as exc:
        from atr_desktop.storage.database import plain_error

        plain = plain_error(exc, dest)
        said = str(plain) if plain is not None and not says_damaged_text(exc) else f"{exc}."
        raise BackupError(f"Could not copy {source.name}: {said}") from None
    finally:
        src.close()
        part.unlink(missing_ok=True)
    return counts, hashes, uuid, generation


def says_damaged_text(exc: sqlite3.Error) -> bool:
    from atr_desktop.storage.database import says_damaged

    return says_damaged(exc)


def _verify_connection(conn: sqlite3.Connection, counts: dict[str, int]) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    if rows != ["ok"]:
        return rows
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return ["the copy lost its ATR Desktop mark"]
    copied = table_counts(conn)
    return [
        f"table {t} has {copied.get(t)} rows instead of {n}"
        for t, n in counts.items()
        if copied.get(t) != n
    ]


NAMED = 5  # papers a refusal names before it counts the rest


def copy_papers(
    source: BlobStore,
    dest: BlobStore,
    hashes: Iterable[str],
    names: dict[str, str] | None = None,
) -> tuple[int, int]:
    """Copy the papers ``dest`` lacks, each verified by its hash; (count, bytes) copied.

    Every paper that is missing or has changed is named (``names``: sha -> a name a person
    recognises) in one :class:`BackupError`, after the good ones have been copied.
    """
    copied = size = 0
    bad: list[str] = []
    for sha in sorted(hashes):
        if dest.exists(sha):
            continue
        origin = source.path_for(sha)
        if not origin.is_file():
            bad.append(f"{(names or {}).get(sha, sha[:12] + '…')} is missing")
            continue
        try:
            dest.put_verified(origin, sha)
        except OSError as exc:
            if "is damaged" in str(exc):
                bad.append(f"{(names or {}).get(sha, sha[:12] + '…')} has changed on disk")
                continue
            raise BackupError(f"Could not copy a paper into {dest.root}: {exc}.") from None
        copied += 1
        size += origin.stat().st_size
    if bad:
        # A few named, the rest counted: a message is read, not scrolled (a copied store
        # without its papers folder named all 622 of a decade's papers in one box).
        named = "; ".join(bad[:NAMED])
        if len(bad) > NAMED:
            named += f"; and {len(bad) - NAMED} more ('atr-desktop check' lists them all)"
        raise BackupError(
            f"{len(bad)} paper(s) in {source.root} cannot be copied: {named}. "
            "Restore them from an earlier backup ('atr-desktop backups list'), or attach "
            "them again, then try again."
        )
    return copied, size


# -- backups in a folder -----------------------------------------------------------------
def backup_name(uuid: str, generation: int, when: dt.datetime, reason: str) -> str:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    return f"atr-desktop_{uuid[:8]}_g{generation}_{stamp}_{reason}.db"


def papers_store(folder: Path) -> BlobStore:
    return BlobStore(folder / "papers")


def write_backup(
    source: Path,
    source_papers: BlobStore,
    folder: Path,
    reason: str,
    now: dt.datetime | None = None,
    app_version: str = "",
    skip_if_unchanged: bool = False,
) -> CopyReport:
    """A verified backup of ``source`` and its papers in ``folder``.

    ``skip_if_unchanged`` (the regular and on-exit backups): when the new copy is byte for
    byte the newest backup of this database, it is dropped and that backup is reported.
    """
    from atr_desktop import __version__

    now = now or dt.datetime.now(dt.UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"Cannot use the backup folder {folder} ({exc.strerror}): "
            "choose another in Settings > Backup folder."
        ) from None
    tmp = folder / f".incoming-{os.getpid()}-{now.strftime('%H%M%S%f')}.db"
    try:
        counts, hashes, uuid, generation = snapshot(source, tmp)
        if skip_if_unchanged:
            same = list_backups(folder, uuid)
            if same and same[0].manifest.sha256 == file_sha256(tmp):
                log.info("unchanged since %s: no new backup", same[0].path.name)
                return CopyReport(same[0].path, same[0].manifest)
        names, programme = _names_and_programme(tmp, hashes)
        copied, size = copy_papers(source_papers, papers_store(folder), hashes, names)
        name = backup_name(uuid, generation, now, reason)
        final = folder / name
        n = 1
        while final.exists():
            n += 1
            final = folder / name.replace(".db", f"-{n}.db")
        manifest = Manifest(
            uuid=uuid,
            generation=generation,
            created_at=now,
            reason=reason,
            source=str(source),
            sha256=file_sha256(tmp),
            size=tmp.stat().st_size,
            tables=counts,
            papers=tuple(sorted(hashes)),
            papers_bytes=sum(papers_store(folder).path_for(h).stat().st_size for h in hashes),
            app_version=app_version or __version__,
            programme=programme,
        )
        os.replace(tmp, final)
        _write_atomic(manifest_path(final), manifest.to_json())
        share_with_folder(folder, final, manifest_path(final), papers_store(folder).root)
    except OSError as exc:
        raise BackupError(
            f"Could not write a backup in {folder} ({exc.strerror or exc}): "
            "check there is space and that you may write there."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    log.info("backup written: %s (%d papers copied)", final.name, copied)
    return CopyReport(final, manifest, copied, size)


def _names_and_programme(copy: Path, hashes: set[str]) -> tuple[dict[str, str], str]:
    conn = sqlite3.connect(f"file:{copy.as_posix()}?mode=ro", uri=True)
    try:
        return describe_papers(conn, hashes), programme_name(conn)
    finally:
        conn.close()


def default_folder(db_path: Path) -> Path:
    """The backup folder: the 'backup_folder' setting saved in the file, else data/backups.

    Read with plain SQL so it works before a migration and on a file that will not open.
    """
    from atr_desktop.paths import app_paths

    chosen = ""
    try:
        conn = sqlite3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key='backup_folder'").fetchone()
        finally:
            conn.close()
        if row:
            chosen = str(json.loads(row[0]) or "")
    except (sqlite3.Error, ValueError):
        chosen = ""
    return Path(chosen).expanduser() if chosen.strip() else app_paths().backups


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _write_atomic(path: Path, text: str) -> None:
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, path)


def list_backups(folder: Path, uuid: str | None = None) -> list[Backup]:
    """Complete backups in ``folder`` (those with a manifest), newest first."""
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for mpath in folder.glob("*.db.json"):
        db_file = mpath.with_name(mpath.name[: -len(".json")])
        if not db_file.is_file():
            continue
        try:
            manifest = Manifest.from_json(mpath.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            continue
        if uuid is None or manifest.uuid == uuid:
            found.append(Backup(db_file, manifest))
    found.sort(key=lambda b: b.manifest.created_at, reverse=True)
    return found


def generation_record(folder: Path, uuid: str) -> Path:
    return folder / f"atr-desktop_{uuid}.generation.json"


def record_generation(folder: Path, uuid: str, generation: int) -> None:
    """Note in a backup folder that hand-over ``generation`` of ``uuid`` exists, so an older
    backup found there is never taken as live by someone whose computer never saw it."""
    path = generation_record(folder, uuid)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(
            path,
            json.dumps(
                {"uuid": uuid, "generation": max(generation, recorded_generation(folder, uuid))}
            ),
        )
    except OSError as exc:
        log.info("could not note the hand-over generation in %s: %s", folder, exc)


def recorded_generation(folder: Path, uuid: str) -> int:
    try:
        data = json.loads(generation_record(folder, uuid).read_text(encoding="utf-8"))
        return int(data.get("generation", 0))
    except (OSError, ValueError, TypeError, AttributeError):
        return 0


def read_backup(path: Path) -> Backup:
    """The backup at ``path`` with its manifest, or a plain error."""
    mpath = manifest_path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}: check the path.")
    if not mpath.is_file():
        raise BackupError(
            f"{path} has no manifest ({mpath.name}) beside it, so it cannot be verified: "
            "choose a backup made by ATR Desktop."
        )
    try:
        return Backup(path, Manifest.from_json(mpath.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        raise BackupError(f"The manifest {mpath} is damaged: choose another backup.") from None


def verify_backup(backup: Backup) -> list[str]:
    """Problems with a backup: its copy's hash and integrity, each paper's hash."""
    problems: list[str] = []
    if file_sha256(backup.path) != backup.manifest.sha256:
        return [f"{backup.path.name} has changed since it was written"]
    problems += check_file(backup.path)
    store = papers_store(backup.folder)
    missing = [h for h in backup.manifest.papers if not store.verify(h)]
    if missing:
        problems.append(f"{len(missing)} paper(s) missing or damaged in {store.root}")
    return problems


def newest_verified(folder: Path, uuid: str | None = None) -> Backup | None:
    for backup in list_backups(folder, uuid):
        if not verify_backup(backup):
            return backup
    return None


def rotate(folder: Path, policy: Policy = DEFAULT_POLICY) -> list[Path]:
    """Delete backups the policy no longer keeps (per database), then unused papers."""
    removed: list[Path] = []
    backups = list_backups(folder)
    by_uuid: dict[str, list[Backup]] = {}
    for b in backups:
        by_uuid.setdefault(b.manifest.uuid, []).append(b)
    survivors: list[Backup] = []
    for group in by_uuid.values():
        keep = to_keep([b.manifest.created_at for b in group], policy)
        newest = max(b.manifest.created_at for b in group)
        for b in group:
            # A safety copy taken before an upgrade, restore or hand-over stays a month.
            guard = b.manifest.reason.startswith("before-") and (
                newest - b.manifest.created_at < SAFETY_COPY_DAYS
            )
            if b.manifest.created_at in keep or guard:
                survivors.append(b)
                continue
            manifest_path(b.path).unlink(missing_ok=True)
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    needed = {h for b in survivors for h in b.manifest.papers}
    store = papers_store(folder)
    for sha in store.all_hashes() - needed:
        store.path_for(sha).unlink(missing_ok=True)
    for part in folder.glob(".incoming-*.db*"):
        with contextlib.suppress(OSError):
            part.unlink()
    return removed


def restore_file(backup: Backup, live: Path, live_papers: BlobStore) -> None:
    """Put ``backup`` in place as ``live`` (which must be closed), papers first, verified."""
    problems = verify_backup(backup)
    if problems:
        raise BackupError(
            f"The backup {backup.path.name} did not verify ({'; '.join(problems)}): "
            "choose another backup."
        )
    copy_papers(papers_store(backup.folder), live_papers, backup.manifest.papers)
    incoming = live.with_name(live.name + ".restoring")
    snapshot(backup.path, incoming, journal_mode="WAL")
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, live)
    fsync_dir(live.parent)
    log.info("restored %s from %s", live.name, backup.path.name)
