"""The window paints before the heavy libraries load (measured by tools/bench_startup.py)."""

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "docx", "reportlab", "pypdf", "pikepdf", "openpyxl")


def test_window_shell_imports_no_heavy_library() -> None:
    code = (
        "import sys; import atr_desktop.app, atr_desktop.ui.launcher; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_opening_a_database_does_not_import_alembic_or_documents(tmp_path) -> None:
    db = tmp_path / "x.db"
    subprocess.run(
        [sys.executable, "-m", "atr_desktop", "--db", str(db), "init"],
        check=True,
        capture_output=True,
        env={"ATR_DESKTOP_HOME": str(tmp_path), "PATH": ""},
    )
    code = (
        "import sys; from pathlib import Path; "
        "from atr_desktop.storage.database import open_database; "
        f"open_database(Path({str(db)!r})).close(); "
        "print(sorted(m for m in ('alembic', 'docx', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
