"""The test PostgreSQL cluster itself: started by the fixture, reached over its Unix socket."""

from __future__ import annotations

import psycopg


def test_each_test_gets_a_fresh_database_on_the_unix_socket(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
        fsync = conn.execute("SHOW fsync").fetchone()
    assert version is not None and int(version[0]) >= 150000
    assert tables == (0,)
    assert fsync == ("off",)


def test_without_the_server_binaries_ci_fails_and_a_laptop_skips(monkeypatch) -> None:
    import pytest

    from tests import pg

    monkeypatch.setattr(pg, "server_bin", lambda: None)
    monkeypatch.setenv("ATR_REQUIRE_PG", "1")
    with pytest.raises(pytest.fail.Exception, match=r"tools/setup\.sh"):
        pg.start_cluster()
    monkeypatch.delenv("ATR_REQUIRE_PG")
    with pytest.raises(pytest.skip.Exception, match="postgresql"):
        pg.start_cluster()
