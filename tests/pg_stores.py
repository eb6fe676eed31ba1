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


def _template(cluster: Cluster, which: str, source: Path | None) -> tuple[str, Path, str]:
    """(template database, its papers' root, its uuid), built on first use.

    The demo is the session's SQLite demo (``source``) copied in by the app's own
    engine-to-engine copy (services/store_copy.py): 2 s, where building it again on the
    server took 7-12 s on each test worker. The demo built on a server is tested by
    test_pg_store's command-line journey; the copy, by test_store_copy.
    """
    built: dict[str, tuple[str, Path, str]] = cluster.__dict__.setdefault("templates", {})
    if which in built:
        return built[which]
    from atr_desktop.paths import app_paths
    from atr_desktop.services.setup import init_database
    from atr_desktop.services.store_copy import _copy_into
    from atr_desktop.storage.database import open_server_database

    name = cluster.create_database(stem=f"template_{which}")
    home = Path(tempfile.mkdtemp(prefix="home-", dir=cluster.root))  # goes with the cluster
    local = home / "store"
    url = cluster.url(name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATR_DESKTOP_HOME", str(home))
        if which == "demo":
            assert source is not None, "the demo template is copied from the SQLite demo"
            _copy_into(str(source), url, app_paths(), live_only=False)
            db = open_server_database(url, local)
        else:
            db = init_database(local / "atr-desktop.db", url=url)
        try:
            store_uuid = db.uuid
            papers = db.blobs.root
        finally:
            db.close()
    built[which] = (name, papers, store_uuid)
    return built[which]


def open_copy(url: str, which: str, db_path: Path, source: Path | None = None) -> object:
    """Replace the (empty) database at ``url`` with a copy of the ``which`` template, open it
    (``source``: the SQLite demo the server's demo template is copied from)."""
    from atr_desktop.storage.blobs import MARKER, papers_root
    from atr_desktop.storage.database import open_server_database

    cluster = _cluster_of(url)
    template, papers, _old_uuid = _template(cluster, which, source)
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
