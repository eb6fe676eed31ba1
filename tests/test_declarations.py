"""The declarations of interest register: due list, re-confirmation, Word and Excel exports."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atr_desktop.services import declarations, people, settings

pytestmark = pytest.mark.both_engines  # SQLite and PostgreSQL (tests/conftest.py)


def _person(db, email: str = "sian@leeds.gov.uk") -> None:  # type: ignore[no-untyped-def]
    people.add_person(
        db,
        people.PersonInput(
            first_name="Siân", last_name="Evans", email=email, organisation="Leeds City Council"
        ),
    )


def test_due_list_follows_the_reconfirm_setting_and_confirm_clears_it(cli, db) -> None:
    _person(db)
    today = dt.date.today()
    old = (today - dt.timedelta(days=400)).isoformat()
    recent = (today - dt.timedelta(days=100)).isoformat()
    for interest, day in (("Trustee of Forum Central", old), ("Shares in a care company", recent)):
        code, _, err = cli("declarations", "add", "--person", "SIAN@leeds.gov.uk", "--interest",
                           interest, "--type", "financial", "--date", day)  # fmt: skip
        assert code == 0, err
    due = json.loads(cli("declarations", "list", "--due", "--json")[1])["declarations"]
    assert [d["interest"] for d in due] == ["Trustee of Forum Central"]
    settings.update(db, {"declaration_reconfirm_days": 90})
    assert len(declarations.list_declarations(db, due_only=True)) == 2
    settings.update(db, {"declaration_reconfirm_days": 365})
    code, out, _ = cli("declarations", "confirm", str(due[0]["id"]), "--json")
    assert json.loads(out)["declarations"][0]["confirmed_on"] == today.isoformat()
    assert json.loads(cli("declarations", "list", "--due", "--json")[1])["declarations"] == []
    code, _, err = cli("declarations", "add", "--person", "sian@leeds.gov.uk", "--interest",
                       "x", "--type", "hobby")  # fmt: skip
    assert code == 1 and "'hobby' is not a type of interest" in err
    assert "There is no declaration 99" in cli("declarations", "confirm", "99")[2]


def test_ended_declarations_stay_on_the_register_and_are_never_due(db) -> None:
    _person(db)
    d = declarations.add_declaration(db, "sian@leeds.gov.uk", "Governor", "non-financial personal",
                                     on=dt.date(2020, 1, 1))  # fmt: skip
    declarations.end_declaration(db, d.id, on=dt.date(2024, 1, 1))
    rows = declarations.list_declarations(db)
    assert rows[0].ended_on == dt.date(2024, 1, 1) and not rows[0].due


def test_register_exports_to_word_and_excel(cli, db, tmp_path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    _person(db)
    people.add_person(
        db, people.PersonInput(first_name="Zoë", last_name="Clarke", email="zoe@nhs.net")
    )
    declarations.add_declaration(db, "sian@leeds.gov.uk", "=Trustee, Forum Central", "financial")
    declarations.add_declaration(db, "zoe@nhs.net", "None", "nil return")
    docx_out, xlsx_out = tmp_path / "register.docx", tmp_path / "register.xlsx"
    assert cli("declarations", "export", "--out", str(docx_out))[0] == 0
    assert cli("declarations", "export", "--out", str(xlsx_out))[0] == 0
    table = Document(str(docx_out)).tables[0]
    word_rows = [[c.text for c in r.cells] for r in table.rows]
    sheet = load_workbook(xlsx_out).active
    excel_rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert word_rows[0] == list(declarations.REGISTER_HEADERS) == excel_rows[0]
    assert sheet["A1"].value.startswith("OFFICIAL-SENSITIVE PERSONAL")
    assert [r[1:5] for r in word_rows[1:]] == [
        ["Zoë Clarke", "", "None", "nil return"],
        ["Siân Evans", "Leeds City Council", "=Trustee, Forum Central", "financial"],
    ]
    assert excel_rows[2][3] == "=Trustee, Forum Central"  # never a formula in Excel
    assert sheet.cell(row=4, column=4).quotePrefix
    assert excel_rows[2][5] == dt.datetime.combine(dt.date.today(), dt.time())  # a real date
    assert sheet.cell(row=4, column=6).number_format == "dd/mm/yyyy"
    assert (
        "to a .docx or .xlsx" in cli("declarations", "export", "--out", str(tmp_path / "r.pdf"))[2]
    )
