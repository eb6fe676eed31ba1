"""Membership roles, email and name rules, and the declaration types: plain rules, no I/O."""

from __future__ import annotations

import datetime as dt
import re

ROLES: tuple[str, ...] = (
    "chair",
    "vice-chair",
    "member",
    "lived-experience member",
    "deputy",
    "in attendance",
    "secretariat",
)
# Secretariat and those in attendance do not vote; a deputy votes only in a member's place,
# so the deputy's own membership is non-voting and quorum counts them through deputy_for.
NON_VOTING_ROLES = frozenset({"secretariat", "in attendance", "deputy"})

_ROLE_ALIASES = {
    "vice chair": "vice-chair",
    "vicechair": "vice-chair",
    "deputy chair": "vice-chair",
    "co-chair": "vice-chair",
    "lived experience member": "lived-experience member",
    "lived experience": "lived-experience member",
    "le member": "lived-experience member",
    "attendance": "in attendance",
    "attendee": "in attendance",
    "observer": "in attendance",
    "secretary": "secretariat",
    "officer": "secretariat",
    "core member": "member",
    "voting member": "member",
}

SECTORS: tuple[str, ...] = (
    "NHS",
    "Local authority",
    "Police",
    "Housing",
    "Education",
    "Youth justice",
    "Voluntary and community sector",
    "Lived experience",
    "Other",
)

DECLARATION_KINDS: tuple[str, ...] = (
    "financial",
    "non-financial professional",
    "non-financial personal",
    "indirect",
    "nil return",
)

TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "rev", "sir", "dame"}
)

_EMAIL = re.compile(r"^[^@\s<>;,\"()\[\]]+@[^@\s<>;,\"()\[\]]+\.[A-Za-z]{2,}$")


def role_order(role: str) -> int:
    return ROLES.index(role) if role in ROLES else len(ROLES)


def normalise_role(text: str) -> str | None:
    """The role named by ``text`` ('Vice Chair', 'LE member'); blank: member; unknown: None."""
    key = " ".join(text.strip().lower().replace("_", " ").split())
    if not key:
        return "member"
    if key in ROLES:
        return key
    key = key.replace("-", " ") if key.replace("-", " ") in _ROLE_ALIASES else key
    return _ROLE_ALIASES.get(key) or next((r for r in ROLES if r.replace("-", " ") == key), None)


def role_problem(text: str) -> str | None:
    if normalise_role(text) is None:
        return f"the role '{text.strip()}' is not one of: {', '.join(ROLES)}"
    return None


def default_voting(role: str) -> bool:
    return role not in NON_VOTING_ROLES


def email_problem(email: str) -> str | None:
    """Why ``email`` is not a usable address, or None."""
    if not email.strip():
        return "no email address"
    if any(ord(c) < 32 or ord(c) == 127 for c in email.strip()):
        return "an email address cannot hold a line break or other control character"
    if not _EMAIL.fullmatch(email.strip()):
        return f"'{email.strip()}' is not a valid email address"
    return None


def split_name(full: str) -> tuple[str, str, str]:
    """(title, first, last) from one 'Name' cell: a leading title is lifted off, the first
    word is the first name and the rest (suffixes too: 'Haddad, MBE') the last name."""
    words = full.split()
    title = ""
    if len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
        title = words.pop(0)
    if not words:
        return title, "", ""
    return title, words[0], " ".join(words[1:])


def parse_yes_no(text: str) -> bool | None:
    """'yes'/'y'/'true'/'1'/'x' -> True, 'no'/blank -> False, anything else None."""
    key = text.strip().lower()
    if key in {"yes", "y", "true", "1", "x", "✓"}:
        return True
    if key in {"no", "n", "false", "0", ""}:
        return False
    return None


def display_name(title: str, first: str, last: str) -> str:
    return " ".join(p for p in (title, first, last) if p)


def outlook_address(name: str, email: str) -> str:
    """'Name <email>', quoting a name Outlook would otherwise split ('Haddad, MBE')."""
    if not name:
        return email
    if re.search(r'[,;<>@"()\[\]:\\]', name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def member_on(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """Whether a membership from ``start`` to ``end`` covers ``day``: THE membership rule.

    Both dates are inclusive: the end date is the last day of membership ("Member until").
    A member whose membership ends on a meeting's date is still a member at that meeting,
    is on its register, counts for its quorum and receives its pack. No end date: open.
    services.members.member_on_clause is the same rule in SQL; docs/people.md explains it.
    """
    return start <= day and (end is None or day <= end)


# What an erasure puts where a person's name stood, so the record still reads ("Former
# member 7 agreed to..."). The one definition: the erasure writes it, the audit trail's
# redaction accepts nothing else (the database checks the same form: migration 0012).
ERASURE_PLACEHOLDER = "Former member {id}"
_PLACEHOLDER_FORM = re.compile(r"Former member [1-9][0-9]*")


def erasure_placeholder(person_id: int) -> str:
    """The placeholder for the erased person with this id."""
    return ERASURE_PLACEHOLDER.format(id=person_id)


def is_erasure_placeholder(text: str) -> bool:
    """Whether ``text`` is an erasure's placeholder and nothing else."""
    return _PLACEHOLDER_FORM.fullmatch(text) is not None
