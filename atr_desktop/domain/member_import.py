"""Reading a membership list as Excel writes it: headers in any case, every row's problems.

Input is already-decoded rows with their line numbers (the caller reads CSV or XLSX);
output is one :class:`ImportRow` per data row with the reasons it cannot be imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from atr_desktop.domain.people import (
    email_problem,
    normalise_role,
    parse_yes_no,
    role_problem,
    split_name,
)

HEADERS: dict[str, str] = {
    "name": "name",
    "full name": "name",
    "member": "name",
    "member name": "name",
    "title": "title",
    "first name": "first",
    "firstname": "first",
    "forename": "first",
    "given name": "first",
    "surname": "last",
    "last name": "last",
    "lastname": "last",
    "family name": "last",
    "email": "email",
    "email address": "email",
    "e-mail": "email",
    "e-mail address": "email",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "sector": "sector",
    "job title": "job_title",
    "position": "job_title",
    "role": "role",
    "role on group": "role",
    "lived experience": "lived",
    "lived experience member": "lived",
    "lived-experience": "lived",
    "phone": "phone",
    "telephone": "phone",
    "phone number": "phone",
    "mobile": "phone",
}


@dataclass(frozen=True)
class ImportRow:
    """One data row; ``line`` is the line (CSV) or row (XLSX) number the user sees."""

    line: int
    title: str
    first_name: str
    last_name: str
    email: str
    organisation: str
    sector: str
    job_title: str
    role: str
    lived_experience: bool
    phone: str
    problems: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def ok(self) -> bool:
        return not self.problems


def header_key(text: str) -> str | None:
    key = " ".join(text.strip().lower().replace("_", " ").split()).rstrip(":")
    return HEADERS.get(key)


def map_headers(header: Sequence[str]) -> dict[str, int]:
    """Field -> column index for the headers recognised (the first of duplicates wins)."""
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        key = header_key(text)
        if key and key not in found:
            found[key] = index
    return found


def header_problem(columns: dict[str, int]) -> str | None:
    if "name" not in columns and not ("first" in columns and "last" in columns):
        return (
            "The file has no name column: it needs a 'Name' column, or 'First name' and "
            "'Surname' columns, in its first row."
        )
    if "email" not in columns:
        return "The file has no 'Email' column in its first row: add one and try again."
    return None


def parse_rows(header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]]) -> list[ImportRow]:
    """Every non-blank data row with its problems, including emails repeated in the file."""
    columns = map_headers(header)
    parsed: list[ImportRow] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue

        def cell(key: str, cells: Sequence[str] = cells) -> str:
            index = columns.get(key)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        title, first, last = cell("title"), cell("first"), cell("last")
        if "name" in columns and not (first or last):
            lifted, first, last = split_name(cell("name"))
            title = title or lifted
        problems: list[str] = []
        if not (first or last):
            problems.append("no name")
        email = cell("email")
        bad_email = email_problem(email)
        if bad_email:
            problems.append(bad_email)
        elif email.lower() in seen:
            problems.append(f"the email {email} is repeated (first on line {seen[email.lower()]})")
        else:
            seen[email.lower()] = line
        role_text = cell("role")
        bad_role = role_problem(role_text)
        if bad_role:
            problems.append(bad_role)
        role = normalise_role(role_text) or "member"
        lived = parse_yes_no(cell("lived"))
        if lived is None:
            problems.append(f"lived experience '{cell('lived')}' should be yes or no")
        parsed.append(
            ImportRow(
                line=line,
                title=title,
                first_name=first,
                last_name=last,
                email=email,
                organisation=cell("organisation"),
                sector=cell("sector"),
                job_title=cell("job_title"),
                role=role,
                lived_experience=bool(lived) or role == "lived-experience member",
                phone=cell("phone"),
                problems=tuple(problems),
            )
        )
    return parsed


def problem_lines(rows: Sequence[ImportRow]) -> list[str]:
    """'Line 7: no name; ...' for each problem row, for the CLI and the wizard."""
    return [f"Line {r.line}: {'; '.join(r.problems)}." for r in rows if r.problems]
