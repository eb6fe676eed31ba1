"""The foundation's CLI: init, groups, settings, demo, and plain errors with exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def test_init_then_groups_list_json(cli) -> None:
    code, out, _ = cli("init")
    assert code == 0
    code, out, _ = cli("groups", "list", "--json")
    assert code == 0
    groups = {g["code"]: g for g in json.loads(out)["groups"]}
    assert set(groups) == {"SG", "NET", "MNC", "JNC"}
    assert groups["SG"]["name"] == "ATR Strategy Group"
    assert groups["JNC"]["kind"] == "joint"
    assert groups["JNC"]["constituents"] == ["NET", "MNC"]
    assert all(isinstance(g["id"], int) for g in groups.values())


def test_blank_template(cli) -> None:
    assert cli("init", "--template", "blank")[0] == 0
    _code, out, _ = cli("groups", "list", "--json")
    assert json.loads(out) == {"groups": []}


def test_text_file_as_db_is_one_clear_line(cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 20)
    code, _out, err = cli("groups", "list", db=notes)
    assert code == 1
    assert err.strip().count("\n") == 0
    assert "is not an ATR Desktop database" in err
    assert "Traceback" not in err


def test_newer_schema_is_one_clear_line(cli, raw_engine) -> None:
    cli("init")
    with raw_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='ffff'"))
    code, _, err = cli("groups", "list")
    assert code == 1
    assert "newer version of ATR Desktop" in err
    assert err.strip().count("\n") == 0


def test_add_edit_close_reopen(cli, db) -> None:
    code, out, err = cli(
        "groups",
        "add",
        "--code",
        "erg",
        "--name",
        "Expert Reference Group",
        "--kind",
        "task and finish",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["groups"][0]["code"] == "ERG"
    code, out, _ = cli("groups", "edit", "ERG", "--rhythm", "Monthly", "--json")
    assert json.loads(out)["groups"][0]["rhythm"] == "Monthly"
    code, out, _ = cli("groups", "close", "ERG", "--reason", "Work complete", "--json")
    assert json.loads(out)["groups"][0]["active"] is False
    code, out, _ = cli("groups", "list", "--open", "--json")
    assert "ERG" not in {g["code"] for g in json.loads(out)["groups"]}
    code, out, _ = cli("groups", "reopen", "ERG", "--json")
    assert json.loads(out)["groups"][0]["active"] is True


def test_user_mistakes_exit_1_with_plain_english(cli, db) -> None:
    code, _, err = cli("groups", "add", "--code", "SG", "--name", "Again")
    assert code == 1 and "already used by ATR Strategy Group" in err
    code, _, err = cli("groups", "add", "--code", "bad code!", "--name", "X")
    assert code == 1 and "cannot be a group code" in err
    code, _, err = cli("groups", "show", "NOPE")
    assert code == 1 and "There is no group 'NOPE'" in err and "SG" in err
    code, _, err = cli("groups", "frobnicate")
    assert code == 1 and "--help" in err
    code, _, err = cli(
        "groups",
        "add",
        "--code",
        "J2",
        "--name",
        "Joint",
        "--kind",
        "joint",
        "--constituents",
        "NET",
    )
    assert code == 1 and "at least two" in err


def test_init_refuses_existing_file(cli) -> None:
    cli("init")
    code, _, err = cli("init")
    assert code == 1 and "already" in err and "open it instead" in err


def test_commands_on_missing_db_say_how_to_start(cli) -> None:
    code, _, err = cli("groups", "list")
    assert code == 1 and "init" in err


def test_settings_list_and_set(cli, db) -> None:
    code, out, _ = cli("settings", "set", "action_amber_days", "21")
    assert code == 0
    code, out, _ = cli("settings", "list", "--json")
    values = {s["id"]: s["value"] for s in json.loads(out)["settings"]}
    assert values["action_amber_days"] == 21
    assert values["protective_marking"] == "OFFICIAL"
    code, _, err = cli("settings", "set", "action_amber_days", "soon")
    assert code == 1 and "whole number" in err


@pytest.mark.sqlite_only  # the demo by command on PostgreSQL: test_pg_store
def test_demo_fills_a_new_database(cli, tmp_path) -> None:
    code, out, err = cli("demo", "--actions", "600")  # the demo, then its log grown
    assert code == 0, err
    assert "people" in out and "meetings" in out
    assert "Demo programme added" in out and "600 actions" in out
    assert "[1/6] add_people" in err and "[6/6] issue_demo_pack: 2 packs" in err
    code, _, err = cli("demo", "--years", "40", db=tmp_path / "other.db")
    assert code == 1 and "1 to 15 years" in err and not (tmp_path / "other.db").exists()
    code, _, err = cli("demo")
    assert code == 1 and "already holds the demo" in err


@pytest.mark.allow_warning_logs
def test_bug_exits_2_and_points_at_the_log(cli, monkeypatch) -> None:
    cli("init")
    from atr_desktop.services import groups

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(groups, "list_groups", broken)
    code, _, err = cli("groups", "list")
    assert code == 2
    assert "bug" in err and "atr-desktop.log" in err


def test_version(capsys) -> None:
    from atr_desktop import __version__
    from atr_desktop.app import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
