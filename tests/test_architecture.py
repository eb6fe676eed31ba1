"""The layers' arrows point down only (docs/architecture.md), checked by import-linter.

The contracts live in pyproject.toml ([tool.importlinter]): the layers (app root; ui and
cli; services; storage, documents and adapters; domain), Qt only in ui/, documents never
reaching storage, no import cycles. import-linter reads every import (relative ones and
those inside functions too) into a graph, so indirect routes count. A second test plants
one violation of each contract in a copy of the package and checks each is caught.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "atr_desktop"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package under ``root`` with the project's contracts."""
    code = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    config = str(ROOT / "pyproject.toml")
    return subprocess.run(
        [sys.executable, "-c", code, "--no-cache", "--no-logo", "--config", config],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


PLANTED = {
    # file (relative to the package) -> a line that breaks one contract
    "domain/rag.py": "from atr_desktop.storage import models as _planted  # layers\n",
    "services/brief.py": "def _planted() -> None:\n    from .. import ui  # layers, relative\n",
    "storage/blobs.py": "def _planted() -> None:\n    import PySide6.QtCore  # Qt outside ui\n",
    "documents/tables.py": "from atr_desktop.services import refs as _planted  # documents\n",
    "domain/dates.py": "from atr_desktop.domain import rag as _planted  # cycle, with the next\n",
}


def test_planted_violations_are_each_caught(tmp_path: Path) -> None:
    copy = tmp_path / "atr_desktop"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, line in PLANTED.items():
        path = copy / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n" + line, encoding="utf-8")
    rag = copy / "domain" / "rag.py"
    rag.write_text(rag.read_text(encoding="utf-8") + "from atr_desktop.domain import dates\n")
    result = lint_imports(tmp_path)
    out = result.stdout
    assert result.returncode != 0
    assert "4 broken" in out, out
    assert "atr_desktop.domain.rag -> atr_desktop.storage" in out
    assert "atr_desktop.services.brief -> atr_desktop.ui" in out
    assert "atr_desktop.storage.blobs -> PySide6" in out
    assert "atr_desktop.documents.tables -> atr_desktop.services" in out
    assert "No cycles are allowed in atr_desktop.domain" in out


NETWORK_MODULES = (
    "PySide6.QtNetwork",
    "PySide6.QtWebEngine",
    "urllib.request",
    "http.client",
    "http.server",
    "ftplib",
    "smtplib",
    "requests",
    "httpx",
    "urllib3",
)


def test_cli_and_services_import_no_qt() -> None:
    """Run in a fresh interpreter: the CLI path must not pull in PySide6 at all."""
    import subprocess
    import sys

    code = (
        "import sys; import atr_desktop.cli, atr_desktop.services.demo, "
        "atr_desktop.services.groups; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_module_pulls_in_network_code_at_import_time() -> None:
    """Import every module of the app (the window's too) in a fresh interpreter; then no
    HTTP/FTP/SMTP client or Qt network module may be loaded, whoever imported it."""
    import subprocess
    import sys

    code = (
        "import importlib, pkgutil, sys, atr_desktop\n"
        "for m in pkgutil.walk_packages(atr_desktop.__path__, 'atr_desktop.'):\n"
        "    if m.name.endswith('__main__') or '.migrations' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [m for m in sys.modules if m.startswith({NETWORK_MODULES!r})]\n"
        "print(len(sys.modules), bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    count, bad = out.stdout.strip().split(" ", 1)
    assert int(count) > 100  # the imports really happened
    assert bad == "[]"


def test_every_word_writer_passes_text_through_xml_safe() -> None:
    """A control character in a name once crashed `agenda export`: every paragraph, heading,
    run and cell text a Word writer adds is a literal or goes through documents.text.xml_safe,
    so no writer can forget (docs/outputs.md)."""
    methods = {"add_paragraph", "add_heading", "add_run"}

    def safe(arg: ast.expr) -> bool:
        if isinstance(arg, ast.BinOp):  # xml_safe(text) + "."
            return safe(arg.left) and safe(arg.right)
        return isinstance(arg, ast.Constant) or (
            isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "xml_safe"
        )

    unsafe = []
    for path in sorted((PACKAGE / "documents").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in methods
                and node.args
                and not safe(node.args[0])
            ):
                unsafe.append(f"{path.name}:{node.lineno} {ast.unparse(node.args[0])}")
            if isinstance(node, ast.Assign) and not safe(node.value):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr == "text":
                        unsafe.append(
                            f"{path.name}:{node.lineno} .text = {ast.unparse(node.value)}"
                        )
    assert unsafe == []
