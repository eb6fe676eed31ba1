"""Shared fixtures: offscreen Qt, redirected user folders, real SQLite files in tmp_path."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests run the same examples every time, so CI never goes red by chance; a bug
# they can find is found on the developer's machine first.
settings.register_profile("atr", derandomize=True, deadline=None)
settings.load_profile("atr")


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test touches the real user folders: ATR_DESKTOP_HOME points into tmp."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ATR_DESKTOP_HOME", str(home))
    monkeypatch.delenv("ATR_DESKTOP_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def _fail_on_warning_logs(
    caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest
) -> Iterator[None]:
    """An unexpected WARNING (or worse) from our code fails the test (after qutebrowser).

    A test that expects one marks itself with ``@pytest.mark.allow_warning_logs``.
    """
    caplog.set_level(logging.INFO, logger="atr_desktop")
    yield
    bad = [
        r
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith("atr_desktop")
    ]
    if bad and request.node.get_closest_marker("allow_warning_logs") is None:
        pytest.fail("unexpected warning logs: " + "; ".join(r.getMessage() for r in bad))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "atr.db"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_engines`` (a module's ``pytestmark``) run on SQLite and on
    PostgreSQL: their ``db``, ``demo_db`` and ``cli`` are a file, then a server store."""
    node = metafunc.definition
    if (
        "store_engine" in metafunc.fixturenames
        and node.get_closest_marker("both_engines")
        and not node.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("store_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_engine(request: pytest.FixtureRequest) -> str:
    """Which engine holds this test's store: SQLite unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_address(store_engine: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """What the test's ``--db`` names: the file, or a fresh empty database on the server."""
    if store_engine == "sqlite":
        return str(db_path)
    from tests.pg_stores import fresh_database

    return fresh_database(request)


@pytest.fixture
def reopen(store_engine: str, db_address: str, db_path: Path):  # type: ignore[no-untyped-def]
    """Open the test's store again (after a command changed it), on whichever engine."""

    def open_again(readonly: bool = False) -> object:
        if store_engine == "postgresql":
            from atr_desktop.paths import app_paths, server_folder
            from atr_desktop.storage.database import open_server_database

            local = server_folder(db_address, app_paths())
            return open_server_database(db_address, local, readonly=readonly)
        from atr_desktop.storage.database import open_database

        return open_database(db_path, readonly=readonly)

    return open_again


@pytest.fixture
def raw_engine(store_engine: str, db_address: str, db_path: Path) -> Iterator[object]:
    """An engine straight onto the test's store (either engine), for a test that must change
    it behind the app's back; disposed after the test."""
    from atr_desktop.storage.database import make_engine, make_server_engine

    if store_engine == "postgresql":
        engine = make_server_engine(db_address)
    else:
        engine = make_engine(db_path)
    yield engine
    engine.dispose()


@pytest.fixture
def db(
    db_address: str, db_path: Path, store_engine: str, request: pytest.FixtureRequest
) -> Iterator[object]:
    """A new WY ATR database (on disk, or on the test server for a both-engines test)."""
    if store_engine == "postgresql":
        from tests.pg_stores import open_copy

        database = open_copy(db_address, "init", db_path)
    else:
        from atr_desktop.storage.database import open_database
        from tests.demo_fixtures import copy_template

        # A copy of init's database, made once a session: running every migration again
        # for each test took 0.15-0.3 s, a tenth of the suite (tests of init run it).
        init_template = request.getfixturevalue("init_template")
        database = open_database(copy_template(init_template, db_path))
    yield database
    database.close()


def _session_template(factory: pytest.TempPathFactory, name: str, demo: bool) -> Path:
    """A store built once per session in its own folder, with its own user folders."""
    from tests.demo_fixtures import build_template

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATR_DESKTOP_HOME", str(factory.mktemp(f"{name}-home")))
        return build_template(factory.mktemp(f"{name}-template"), demo=demo)


@pytest.fixture(scope="session")
def init_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new WY ATR database made by ``init`` once per session; copy it, never open it."""
    return _session_template(tmp_path_factory, "init", demo=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo programme built once per session (dated DEMO_TODAY); copy it, never open it."""
    return _session_template(tmp_path_factory, "demo", demo=True)


@pytest.fixture
def demo_path(demo_template: Path, db_path: Path) -> Path:
    """A closed copy of the demo database (with its papers) at ``db_path``."""
    from tests.demo_fixtures import copy_template

    return copy_template(demo_template, db_path)


@pytest.fixture
def demo_db(store_engine: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """The WY ATR database filled with the demo programme (a copy of the session's build)."""
    if store_engine == "postgresql":
        from tests.pg_stores import open_copy

        address = request.getfixturevalue("db_address")
        source = request.getfixturevalue("demo_template")
        database = open_copy(address, "demo", request.getfixturevalue("db_path"), source)
    else:
        from atr_desktop.storage.database import open_database

        database = open_database(request.getfixturevalue("demo_path"))
    yield database
    database.close()


@pytest.fixture
def cli(db_address: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``atr-desktop --db <the test's store> ARGS``; returns (exit code, stdout, stderr)."""
    from atr_desktop.app import main

    def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
        code = main(["--db", str(db or db_address), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for the whole session (tests/pg.py); skips without one."""
    from tests.pg import start_cluster
    from tests.pg_stores import remember

    cluster = start_cluster()
    remember(cluster)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the session's cluster, as a ``--db`` URL."""
    from tests.pg import Cluster

    assert isinstance(pg_cluster, Cluster)
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, demo_db, db_path: Path):  # type: ignore[no-untyped-def]
    """The main window, shown, on a copy of the demo programme."""
    from atr_desktop.paths import app_paths
    from atr_desktop.ui.main_window import MainWindow

    demo_db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    win.open_store(db_path)
    yield win
    win.close_store()
