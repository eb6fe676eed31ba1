"""Hypothesis drives the command line's parsers with every class of hostile argument: bytes
that are not UTF-8, numbers past 64 bits, negative and zero counts, line breaks, control and
right-to-left characters, option look-alikes, impossible dates, paths that climb out, very
long text. Every run ends in exit 0, or exit 1 with a sentence: never 2 (a bug) and never
a traceback. Derandomized (conftest), so the same examples run every time."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)

# Text a command line can carry (no NUL: the operating system cannot pass one in argv).
TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)
HOSTILE = st.one_of(
    TYPED,
    st.sampled_from(
        [
            "caf\udce9",  # b"caf\xe9": a byte that is not UTF-8, as Python receives it
            "\udcff\udcfe",
            "99999999999999999999",
            "-99999999999999999999",
            "-1",
            "0",
            "",
            " ",
            "a@b.org\r\nBcc: spy@evil.example",
            "--json",
            "-h2",
            "2027-02-30",
            "SG:2027-13-01",
            "SG:99999999999999999999",
            "../../../../etc/passwd",
            "\u202eevil\u202c",
            "x" * 5000,
            "1.2.3.4.5",
            "SG-2026-999999999999999999999",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
TEMPLATES = [
    ("people", "show", "{}"),
    ("people", "add", "--first", "{}", "--last", "Lee", "--email", "{}"),
    ("meetings", "show", "{}"),
    ("meetings", "list", "--group", "{}"),
    ("meetings", "add", "--group", "SG", "--date", "{}", "--start", "10:00"),
    ("meetings", "add", "--group", "SG", "--date", "2027-05-05", "--start", "{}", "--count", "{}"),
    ("actions", "show", "{}"),
    ("actions", "list", "--due-within", "{}"),
    ("search", "{}", "--limit", "{}"),
    ("audit", "show", "{}"),
    ("groups", "show", "{}"),
    ("agenda", "show", "{}"),
    ("minutes", "show", "{}"),
    ("papers", "list", "{}"),
    ("person", "export", "{}", "--out", "{}"),
    ("person", "export", "1", "--out", "{}"),
    ("members", "list", "--group", "{}"),
    ("attendance", "matrix", "--group", "SG", "--year", "{}", "--out", "{}"),
    (
        "meetings",
        "add",
        "--group",
        "SG",
        "--date",
        "2027-05-05",
        "--start",
        "10:00",
        "--repeat",
        "monthly",
        "--skip-month",
        "{}",
        "--count",
        "{}",
    ),
    ("tor", "show", "SG", "--version", "{}"),
    ("pack", "list", "{}"),
    ("decisions", "list", "--group", "{}"),
    ("declarations", "add", "--person", "{}", "--interest", "x", "--type", "{}"),
    ("declarations", "confirm", "{}", "--date", "{}"),
    ("decisions", "list", "--search", "{}"),
    ("settings", "set", "action_amber_days", "{}"),
    ("settings", "set", "organisation_name", "{}"),
    ("agenda", "add", "{}", "--title", "{}", "--minutes", "{}"),
    ("forward-plan", "list", "--group", "{}"),
]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(template=st.sampled_from(TEMPLATES), values=st.lists(HOSTILE, min_size=2, max_size=2))
def test_every_hostile_argument_gets_exit_0_or_1_with_a_message(
    cli, db, tmp_path_factory, template: tuple[str, ...], values: list[str]
) -> None:
    filled = iter(values * 2)
    args = [next(filled) if part == "{}" else part for part in template]
    code, _out, err = cli(*args)
    assert code in (0, 1), f"{args!r} exited {code}: {err}"
    assert "Traceback" not in err and "this is a bug" not in err
    if code == 1:
        assert err.strip(), f"{args!r} failed without saying why"
