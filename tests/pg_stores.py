"""Stores on the test PostgreSQL, made once per session and copied per test.

As the SQLite demo is built once and its file copied (demo_fixtures.py), the server's
'init' and 'demo' stores are built once into template databases; each test gets
``CREATE DATABASE ... TEMPLATE`` (a file copy inside the server, milliseconds) with a new
UUID, and the template's papers copied to the new UUID's folder.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.pg import Cluster


def fresh_database(request: pytest.FixtureRequest) -> str:
    """An empty database for this test (dropped after it); returns its URL."""
    cluster = request.getfixturevalue("pg_cluster")
    assert isinstance(cluster, Cluster)
    name = cluster.create_database()
    request.addfinalizer(lambda: cluster.drop_database(name))
    return cluster.url(name)


def _local(url: str) -> Path:
    from atr_desktop.paths import app_paths, server_folder

    return server_folder(url, app_paths())


def _template(cluster: Cluster, which: str) -> tuple[str, Path, str]:
    """(template database, its papers' root, its uuid), built on first use."""
    built: dict[str, tuple[str, Path, str]] = cluster.__dict__.setdefault("templates", {})
    if which in built:
        return built[which]
    from atr_desktop.services.setup import init_database

    name = cluster.create_database(stem=f"template_{which}")
    home = Path(tempfile.mkdtemp(prefix="home-", dir=cluster.root))  # goes with the cluster
    local = home / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATR_DESKTOP_HOME", str(home))
        db = init_database(local / "atr-desktop.db", url=cluster.url(name))
        try:
            if which == "demo":
                from atr_desktop.services.demo import build_demo
                from tests.demo_fixtures import DEMO_TODAY

                build_demo(db, today=DEMO_TODAY)
            store_uuid = db.uuid
            papers = db.blobs.root
        finally:
            db.close()
    built[which] = (name, papers, store_uuid)
    return built[which]


def open_copy(url: str, which: str, db_path: Path) -> object:
    """Replace the (empty) database at ``url`` with a copy of the ``which`` template, open it."""
    from atr_desktop.storage.blobs import MARKER, papers_root
    from atr_desktop.storage.database import open_server_database

    cluster = _cluster_of(url)
    template, papers, _old_uuid = _template(cluster, which)
    name = urlsplit(url).path.lstrip("/")
    cluster.drop_database(name)
    cluster.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    new_uuid = str(uuid.uuid4())
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE db_meta SET value = %s WHERE key = 'uuid'", (new_uuid,))
    local = _local(url)
    if papers.is_dir():
        target = papers_root(local / "atr-desktop.db") / new_uuid
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(papers, target)
        marker = target / MARKER
        if marker.exists():
            data = json.loads(marker.read_text(encoding="utf-8"))
            data["uuid"] = new_uuid
            marker.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return open_server_database(url, local)


_CLUSTERS: dict[str, Cluster] = {}


def _cluster_of(url: str) -> Cluster:
    return _CLUSTERS[url.split("host=", 1)[1]]


def remember(cluster: Cluster) -> None:
    _CLUSTERS[str(cluster.socket_dir)] = cluster
