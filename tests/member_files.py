"""Membership lists as Excel writes them, with the usual faults: a fixture generator.

``membership_sheet(n)`` gives n member rows (three with faults: no name, a bad email, an email
repeated from an earlier row) and blank lines between; writers save it as a cp1252 or UTF-8
(BOM) CSV with CRLF line ends, or as an XLSX. Each writer returns the line number of every
row, so tests can name the lines the import must flag.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

FIRST = [
    "Siân",
    "Zoë",
    "Tariq",
    "Chloé",
    "Gareth",
    "Niamh",
    "Oluwaseun",
    "Piotr",
    "Hannah",
    "Imran",
    "Rebecca",
    "Daniel",
    "Grace",
    "Jordan",
    "Priya",
    "Helen",
    "Marcus",
    "Fatima",
]
LAST = [
    "Evans",
    "Clarke",
    "Haddad, MBE",
    "Dubois",
    "O'Neill",
    "Byrne",
    "Adeyemi",
    "Nowak",
    "Whitaker",
    "Hussain",
    "Sutcliffe",
    "Firth",
    "Mensah",
    "Lee",
    "Sharma",
    "Barraclough",
]
ORGS = [("Leeds City Council", "Local authority"), ("West Yorkshire Police", "Police"),
        ("Barnardo's, Leeds", "Voluntary and community sector"),
        ("Leeds Teaching Hospitals NHS Trust", "NHS"), ("Incommunities", "Housing"),
        ("ATR Lived Experience Panel", "Lived experience")]  # fmt: skip
ROLES = ["member", "Member", "vice chair", "In attendance", "Lived Experience Member"]


@dataclass(frozen=True)
class Member:
    first: str
    last: str
    email: str
    organisation: str
    sector: str
    job_title: str
    role: str
    lived: str
    phone: str


def member(i: int) -> Member:
    first, last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
    org, sector = ORGS[i % len(ORGS)]
    plain_last = last.split(",")[0].replace("'", "").lower()
    role = "chair" if i == 0 else ROLES[i % len(ROLES)]
    if role == "vice chair" and i != 2:
        role = "member"  # one chair and one vice-chair, as a real list has
    lived = "Yes" if sector == "Lived experience" or "Lived" in role else "No"
    job = "=Head of Service" if i == 5 else f"Officer {i}"  # a formula-looking job title
    return Member(first, last, f"{first[0].lower()}.{plain_last}{i}@example.org", org, sector,
                  job, role, lived, f"0113 496 {i:04d}")  # fmt: skip


FAULTS = {7: "no name", 19: "bad email", 33: "repeated email"}


def membership_sheet(n: int = 60) -> list[Member]:
    """n members; rows 7, 19 and 33 carry the three faults."""
    rows = [member(i) for i in range(max(n, 34))]
    rows[7] = replace(rows[7], first="", last="")
    rows[19] = replace(rows[19], email="fatima.akhtar at calderdale")
    rows[33] = replace(rows[33], email=rows[2].email.upper())
    return rows[:n]


def fixed(rows: list[Member]) -> list[Member]:
    """The sheet after the officer fixes the three flagged rows."""
    out = list(rows) + [member(i) for i in range(len(rows), 34)]
    out[7] = replace(out[7], first="Amira", last="Khalil")
    out[19] = replace(out[19], email="fatima.akhtar@calderdale.example.org")
    out[33] = replace(out[33], email="kwame.owusu@touchstone.example.org")
    return out[: len(rows)]


CSV_HEADER = ["First Name", "SURNAME", "Email Address", "Organization", "Sector", "Job title",
              "Role", "Lived experience", "Phone"]  # fmt: skip
XLSX_HEADER = ["Name", "E-mail", "Organisation", "sector", "Job Title", "ROLE",
               "Lived Experience", "Telephone"]  # fmt: skip


def _blank_after(i: int) -> bool:
    return i in (3, 20, 40)


def write_csv(path: Path, rows: list[Member], encoding: str = "cp1252") -> list[int]:
    """As Excel's 'CSV' (cp1252) or 'CSV UTF-8' (encoding 'utf-8-sig'): CRLF, quoted commas,
    a few blank lines. Returns each row's line number."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    lines, line = [], 2
    for i, m in enumerate(rows):
        writer.writerow([m.first, m.last, m.email, m.organisation, m.sector, m.job_title, m.role,
                         m.lived, m.phone])  # fmt: skip
        lines.append(line)
        line += 1
        if _blank_after(i):
            buffer.write("\r\n")
            line += 1
    path.write_bytes(buffer.getvalue().encode(encoding))
    return lines


def write_xlsx(path: Path, rows: list[Member]) -> list[int]:
    """As Excel saves a sheet: one 'Name' column, phone numbers as numbers, blank rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(XLSX_HEADER)
    lines, line = [], 2
    for i, m in enumerate(rows):
        name = f"{m.first} {m.last}".strip()
        sheet.append([name, m.email, m.organisation, m.sector, m.job_title, m.role, m.lived,
                      int(m.phone.replace(" ", ""))])  # fmt: skip
        sheet.cell(row=line, column=5).data_type = "s"  # '=Head of Service' stays text
        lines.append(line)
        line += 1
        if _blank_after(i):
            sheet.append([])
            line += 1
    book.save(path)
    return lines
