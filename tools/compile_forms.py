"""Compile forms/*.ui (Qt Designer) to atr_desktop/ui/forms/ui_<name>.py with pyside6-uic.

``--check`` compiles to memory and exits 1 when a generated file is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "atr_desktop" / "ui" / "forms"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def compile_form(ui_file: Path) -> str:
    return subprocess.run(
        [uic(), "--from-imports", str(ui_file.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _body(code: str) -> str:
    """The generated code without uic's banner, which names the Qt version that made it."""
    return "\n".join(
        line for line in code.splitlines() if "Created by: Qt User Interface" not in line
    )


def main(argv: list[str]) -> int:
    stale = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{ui_file.stem}.py"
        code = compile_form(ui_file)
        if "--check" in argv:
            if not target.exists() or _body(target.read_text(encoding="utf-8")) != _body(code):
                stale.append(target.name)
        else:
            target.write_text(code, encoding="utf-8")
    if stale:
        print("Out of date (run tools/compile_forms.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
