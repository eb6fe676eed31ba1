"""A team's store on PostgreSQL: the command line end to end, the audit trail's guard,
case-insensitive uniqueness, and the file-only safety features saying whose job they are."""

from __future__ import annotations

import json

import psycopg
import pytest
import sqlalchemy.exc
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from atr_desktop.app import main
from atr_desktop.errors import UserError
from atr_desktop.services import groups, people
from atr_desktop.storage.models import Base, Person
from atr_desktop.storage.search_schema import is_storage_table

pytestmark = [pytest.mark.both_engines]
HAND_MADE_INDEXES = {"ix_actions_open_due", "ix_actions_open_order"}


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_actions_and_search_from_the_command_line(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, pg_url, "init")
    assert code == 0, err
    assert "Created postgresql://postgres@/" in out and "wy-atr" in out
    code, out, err = run(capsys, pg_url, "demo")
    assert code == 0, err
    assert "26 actions" in out
    code, out, err = run(capsys, pg_url, "actions", "list", "--json")
    assert code == 0, err
    listed = json.loads(out)["actions"]
    assert len(listed) >= 10 and all("-2026-" in a["ref"] for a in listed)
    code, out, err = run(capsys, pg_url, "search", "workforce", "--json")
    assert code == 0, err
    assert json.loads(out)["results"], "the demo's workforce records are found"
    code, _, err = run(capsys, pg_url, "init")
    assert code == 1 and "already holds an ATR Desktop store" in err


def test_an_empty_or_unreachable_server_gets_one_sentence(
    pg_url: str, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    code, _, err = run(capsys, pg_url, "actions", "list")
    assert code == 1 and "There is no ATR Desktop store" in err and "init" in err
    nowhere = f"postgresql://postgres@/nothing?host={tmp_path}"
    code, _, err = run(capsys, nowhere, "actions", "list")
    assert code == 1 and "could not be reached" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (("backups", "list"), "pg_dump"),
        (("restore", "x.zip", "--yes"), "pg_restore"),
        (("handover", "export", "--to", "x"), "nothing to hand over"),
    ],
)
def test_file_only_safety_features_say_they_are_the_servers_job(
    db, db_address: str, store_engine: str, capsys, command, words
) -> None:
    if store_engine == "sqlite":
        pytest.skip("about server stores")
    db.close()
    code, _, err = run(capsys, db_address, *command)
    assert code == 1 and words in err, err


def test_the_audit_trail_is_append_only_on_the_server(db, store_engine: str) -> None:
    if store_engine == "sqlite":
        pytest.skip("SQLite's guard: tests/test_store.py")
    groups.close_group(db, "NET", "Paused")
    for statement in (
        "DELETE FROM audit_log",
        "UPDATE audit_log SET summary = 'x'",
        "TRUNCATE audit_log",
    ):
        with (
            pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"),
            db.engine.begin() as c,
        ):
            c.execute(text(statement))
    with db.engine.begin() as c:  # the redaction function is the one way in
        first, said = c.execute(
            text("SELECT id, summary FROM audit_log WHERE summary <> '' ORDER BY id LIMIT 1")
        ).one()
        word = said.split()[0]
        c.execute(text("SELECT audit_redact(:i, :w, 'Former member 1')"), {"i": first, "w": word})
        assert c.execute(
            text("SELECT summary FROM audit_log WHERE id = :i"), {"i": first}
        ).scalar() == said.replace(word, "Former member 1")


def test_an_officers_role_cannot_switch_the_redaction_flag_on(db, db_address, store_engine):  # type: ignore[no-untyped-def]
    """Only the function, running as the tables' owner, may redact; an officer who sets the
    flag by hand is still refused (docs/storage.md: roles)."""
    if store_engine == "sqlite":
        pytest.skip("roles are PostgreSQL's")
    groups.close_group(db, "NET", "Paused")
    with db.engine.begin() as c:
        c.execute(text("CREATE ROLE officer_test LOGIN"))
        c.execute(text("GRANT SELECT, UPDATE, DELETE ON audit_log TO officer_test"))
    officer = db_address.replace("postgres@", "officer_test@")
    with psycopg.connect(officer) as conn:
        conn.execute("SET atr.audit_redaction = 'on'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE audit_log SET summary = 'rewritten'")
    with db.engine.begin() as c:
        c.execute(text("DROP OWNED BY officer_test"))
        c.execute(text("DROP ROLE officer_test"))


def test_names_and_emails_are_unique_in_any_case(db) -> None:
    person = people.add_person(
        db, people.PersonInput(first_name="Asha", last_name="Patel", email="Asha.Patel@x.org")
    )
    with pytest.raises(UserError, match="already belongs"):
        people.add_person(
            db, people.PersonInput(first_name="A", last_name="Patel", email="asha.patel@X.ORG")
        )
    with pytest.raises(sqlalchemy.exc.IntegrityError), db.session() as s:  # the schema too
        s.add(Person(first_name="B", last_name="Patel", email="ASHA.patel@x.org"))
        s.flush()
    with db.session() as s:
        found = s.query(Person).filter(Person.email == "ASHA.PATEL@X.ORG").one()
    assert found.id == person.id


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection:sqlalchemy.exc.SAWarning")
def test_the_server_schema_matches_the_models(db, store_engine: str) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                # 0005's expression indexes are SQL of the migration's own, not the models'
                # (SQLite's reflection skips them; PostgreSQL's shows them).
                "include_name": lambda name, kind, parent: (
                    not (
                        (kind == "table" and is_storage_table(name))
                        or (kind == "index" and name in HAND_MADE_INDEXES)
                    )
                ),
                "compare_type": True,
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"{store_engine}: models and migrations differ: {diff}"


def test_roles_a_secretariat_writes_and_erases_a_chair_only_reads(
    db, db_address: str, store_engine: str, capsys
) -> None:
    """The SQL 'init --roles' prints, run by the administrator; then each officer logs in
    as their own role."""
    if store_engine == "sqlite":
        pytest.skip("roles are PostgreSQL's")
    db.close()
    code, sql, _ = run(capsys, db_address, "init", "--roles")
    assert code == 0 and "CREATE ROLE atr_owner NOLOGIN" in sql
    with psycopg.connect(db_address, autocommit=True) as conn:
        conn.execute(sql)
        conn.execute("CREATE ROLE sec_test LOGIN IN ROLE atr_secretariat")
        conn.execute("CREATE ROLE chair_test LOGIN IN ROLE atr_chair")
        owner = conn.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'")
        assert owner.fetchone() == ("atr_owner",)
    secretariat = db_address.replace("postgres@", "sec_test@")
    chair = db_address.replace("postgres@", "chair_test@")
    try:
        code, _, err = run(
            capsys,
            secretariat,
            "people",
            "add",
            "--first",
            "Kit",
            "--last",
            "Marlow",
            "--email",
            "kit@example.org",
        )
        assert code == 0, err
        code, out, err = run(capsys, secretariat, "person", "erase", "kit@example.org", "--yes")
        assert code == 0 and "Former member" in out, err
        with psycopg.connect(secretariat) as conn:
            users = conn.execute("SELECT DISTINCT \"user\" FROM audit_log WHERE entity = 'person'")
            assert ("sec_test",) in users.fetchall()  # the trail names the officer's role
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM audit_log")
        code, out, err = run(capsys, chair, "actions", "list")
        assert code == 0, err
        code, _, err = run(
            capsys, chair, "people", "add", "--first", "No", "--last", "Body", "--email", "n@x.org"
        )
        assert code == 1 and "may not make that change" in err
    finally:
        with psycopg.connect(db_address, autocommit=True) as conn:
            for role in ("sec_test", "chair_test"):
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def test_roles_set_up_before_0012_keep_the_secretariats_right_to_redact_after_it(
    db_address: str, store_engine: str
) -> None:
    """A store whose roles 'init --roles' set up at 0011 (granting the two-argument
    audit_redact, the only one it had) is upgraded: 0012 replaces the function, and its
    grant branch gives the new one to the secretariat (owned by the audit trail's owner),
    still not to a chair."""
    if store_engine == "sqlite":
        pytest.skip("roles are PostgreSQL's")
    from atr_desktop.storage import migrate
    from atr_desktop.storage.database import make_server_engine
    from atr_desktop.storage.roles import roles_sql

    engine = make_server_engine(db_address)
    try:
        migrate.upgrade(engine, "0011_leases")
        with psycopg.connect(db_address, autocommit=True) as conn:
            # Today's SQL runs on a store still at 0011: it grants whichever audit_redact
            # the store has (here the two-argument one), as the SQL printed then did.
            conn.execute(roles_sql())  # type: ignore[arg-type]
            assert conn.execute(
                "SELECT has_function_privilege('atr_secretariat', "
                "'audit_redact(integer, text)', 'EXECUTE')"
            ).fetchone() == (True,)
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    redact = "audit_redact(integer, text, text)"
    with psycopg.connect(db_address) as conn:
        rights = conn.execute(
            "SELECT has_function_privilege('atr_secretariat', %s, 'EXECUTE'), "
            "has_function_privilege('atr_chair', %s, 'EXECUTE'), "
            "(SELECT proowner::regrole::text FROM pg_proc WHERE oid = %s::regprocedure)",
            (redact, redact, redact),
        ).fetchone()
    assert rights == (True, False, "atr_owner")


def test_another_officers_change_is_heard_as_a_change_notice(db, reopen, store_engine) -> None:
    """LISTEN/NOTIFY: what one connection commits reaches another store's listeners within
    seconds, as the kinds of record that changed; its own edits are not told twice."""
    if store_engine == "sqlite":
        pytest.skip("a file has one live copy: nothing to hear")
    import time

    heard: list[object] = []
    db.watch_others()
    db.on_commit(heard.append)
    other = reopen()
    try:
        groups.close_group(other, "NET", "Paused")
        deadline = time.monotonic() + 10
        while not heard and time.monotonic() < deadline:
            time.sleep(0.1)
        assert heard, "no notice within 10 s"
        notice = heard[0]
        assert "groups" in notice.kinds and "audit_log" in notice.kinds  # type: ignore[attr-defined]
        assert notice.label == "another officer's change"  # type: ignore[attr-defined]
        heard.clear()
        groups.close_group(db, "MNC", "Merged")  # our own edit: told once, with its rows
        time.sleep(1.5)
        assert len(heard) == 1 and heard[0].rows  # type: ignore[attr-defined]
    finally:
        other.close()


def test_check_on_a_server_verifies_the_schema_and_every_papers_hash(
    demo_db, db_address: str, store_engine: str, capsys
) -> None:
    if store_engine == "sqlite":
        pytest.skip("the file's check: tests/test_paper_integrity.py")
    demo_db.close()
    code, out, err = run(capsys, db_address, "check")
    assert code == 0 and "is whole" in out and "papers" in out, err
    with psycopg.connect(db_address) as conn:
        conn.execute(
            "UPDATE paper_blobs SET data = 'x'::bytea, size = 1 "
            "WHERE sha256 = (SELECT min(sha256) FROM paper_blobs)"
        )
    code, _, err = run(capsys, db_address, "check")
    assert code == 1 and "has changed on the server" in err and "pg_dump" in err


def test_a_save_over_someone_elses_change_is_refused_not_lost(db, reopen, store_engine) -> None:
    """Record versions: two officers read the same action; the second save is refused."""
    if store_engine == "sqlite":
        pytest.skip("a file has one writer at a time (its lock)")
    from atr_desktop.services import actions
    from atr_desktop.storage.models import Action
    from tests.meeting_fixtures import strategy_group

    sg = strategy_group(db)
    ref = actions.add_action(db, sg.meeting, "5", "Map the pathway", "Owner A", None).ref
    other = reopen()
    try:
        with (
            pytest.raises(UserError, match="Someone else saved a change to the same actions"),
            db.unit_of_work() as s,
        ):
            mine = s.query(Action).filter(Action.ref == ref).one()
            mine.description = "Mine"
            actions.update_action(
                other, ref, actions.ActionChange(description="Theirs", note="Edited.")
            )
        assert actions.get_action(db, ref).description == "Theirs"
    finally:
        other.close()


def test_a_read_then_a_save_in_one_unit_of_work_is_checked_against_what_was_read(
    db, reopen, store_engine
) -> None:
    """A service that reads a record and returns plain data, then another that saves it,
    in one unit of work: a change someone else saved between the two is not overwritten
    (the session's identity map held records weakly and let the first read go)."""
    if store_engine == "sqlite":
        pytest.skip("a file has one writer at a time (its lock)")
    from atr_desktop.services import meetings
    from tests.meeting_fixtures import strategy_group

    sg = strategy_group(db)
    other = reopen()
    try:
        with (
            pytest.raises(UserError, match="Someone else saved a change to the same meetings"),
            db.unit_of_work(),
        ):
            notes = meetings.get_meeting(db, sg.meeting).notes
            meetings.edit_meeting(other, sg.meeting, meetings.MeetingChanges(notes="Theirs."))
            meetings.edit_meeting(db, sg.meeting, meetings.MeetingChanges(notes=notes + "Mine."))
        assert meetings.get_meeting(db, sg.meeting).notes == "Theirs."
    finally:
        other.close()
