"""A throwaway PostgreSQL cluster for the tests: started once per session, stopped at its end.

``initdb`` and ``pg_ctl`` from Debian's ``postgresql`` package (tools/setup.sh installs it)
make a cluster in a temporary folder that listens on a Unix socket only (no TCP port, so
``--disable-socket --allow-unix-socket`` still holds), with ``fsync=off``: a test cluster
that a crash loses is simply made again. ``initdb`` refuses to run as root, so as root every
server command runs as the ``postgres`` user (``runuser -u postgres --``).

Without the binaries the PostgreSQL tests skip with the reason, or fail when
``ATR_REQUIRE_PG=1`` (``.ci/run`` sets it: CI must never pass by skipping them).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

SUPERUSER = "postgres"
MISSING = (
    "PostgreSQL's server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin "
    "or on PATH: run tools/setup.sh as root (it installs Debian's 'postgresql')"
)


def server_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian's newest version, else PATH's."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(versions):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def unavailable(reason: str) -> None:
    """Skip (or, under ATR_REQUIRE_PG=1, fail) the PostgreSQL tests with ``reason``."""
    if os.environ.get("ATR_REQUIRE_PG") == "1":
        pytest.fail(f"ATR_REQUIRE_PG=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class Cluster:
    """A running cluster: its folder (data, socket, log) and a counter for fresh databases."""

    bin: Path
    root: Path
    as_postgres: list[str]
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _admin: Any = None  # the superuser's connection (psycopg), made on first use

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, dbname: str) -> str:
        """What a user gives ``--db``: the database over the cluster's Unix socket."""
        return f"postgresql://{SUPERUSER}@/{dbname}?host={self.socket_dir}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.as_postgres, *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=self.root,
            timeout=120,
        )

    def sql(self, statement: str) -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE).

        Over one kept connection: a ``psql`` process per statement cost 20-50 ms, four
        times for each PostgreSQL test's store.
        """
        if self._admin is None or self._admin.closed:
            import psycopg

            self._admin = psycopg.connect(self.url("postgres"), autocommit=True)
        self._admin.execute(statement.encode())

    def new_name(self, stem: str = "t") -> str:
        return f"{stem}_{next(self._names)}"

    def create_database(self, template: str | None = None, stem: str = "t") -> str:
        """A fresh, empty database (or a copy of ``template``); returns its name."""
        name = self.new_name(stem)
        source = f' TEMPLATE "{template}"' if template else " TEMPLATE template0"
        self.sql(f'CREATE DATABASE "{name}"{source}')
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb + pg_ctl start on a Unix socket in a new temporary folder (seconds)."""
    folder = server_bin()
    if folder is None:
        unavailable(MISSING)
        raise AssertionError("unreachable")
    as_postgres: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="atr-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam(SUPERUSER)
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            unavailable("running as root, and there is no 'postgres' user to run initdb as")
            raise AssertionError("unreachable") from None
        os.chown(root, user.pw_uid, user.pw_gid)
        # By its full path: a test may empty PATH (no office suite to find) before its
        # database is dropped.
        as_postgres = [shutil.which("runuser") or "runuser", "-u", SUPERUSER, "--"]
    cluster = Cluster(folder, root, as_postgres)
    init = cluster.run(
        str(folder / "initdb"),
        "-D",
        str(cluster.data),
        "-U",
        SUPERUSER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
        "--no-instructions",
    )
    if init.returncode:
        shutil.rmtree(root, ignore_errors=True)
        unavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    options = (
        f"-k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=40 -c shared_buffers=32MB"
    )
    start = cluster.run(
        str(folder / "pg_ctl"),
        "-D",
        str(cluster.data),
        "-o",
        options,
        "-l",
        str(root / "server.log"),
        "-w",
        "-t",
        "60",
        "start",
    )
    if start.returncode:
        log = (root / "server.log").read_text(errors="replace")[-800:]
        shutil.rmtree(root, ignore_errors=True)
        unavailable(f"the test PostgreSQL did not start: {start.stderr.strip()} {log}")
    return cluster
