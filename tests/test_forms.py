"""Designer forms and their compiled Python agree (Picard's habit)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_compiled_forms_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "compile_forms.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
