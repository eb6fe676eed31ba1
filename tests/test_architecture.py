"""The layers' arrows point down only (ARCHITECTURE.md), checked by walking the imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "atr_desktop"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        out.append((".".join(rel.parts), path))
    return out


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


QT_ALLOWED = {"ui"}
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


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_layers(module: str, path: Path) -> None:
    here = layer(module)
    for imported in imports_of(path):
        if imported.startswith(("PySide6", "shiboken6")):
            assert here in QT_ALLOWED or module in {"atr_desktop.app"}, (
                f"{module} imports Qt; only atr_desktop.ui may"
            )
        if imported.startswith(NETWORK_MODULES):
            pytest.fail(f"{module} imports {imported}: the app never opens a network connection")
        if not imported.startswith("atr_desktop"):
            continue
        target = layer(imported)
        if target == "ui":
            assert here == "ui" or module == "atr_desktop.app", f"{module} imports the ui"
        if here == "domain":
            assert target == "domain", f"domain module {module} imports {imported}"
        if here in {"storage", "adapters"}:
            assert target not in {"services", "documents", "cli", "ui"}, (
                f"{module} ({here}) imports {imported}: arrows point down only"
            )
        if here == "documents":
            assert target not in {"storage", "services", "cli", "ui"}, (
                f"documents are built from plain data: {module} imports {imported}"
            )
        if here == "services":
            assert target not in {"cli", "ui"}, f"{module} imports {imported}"
        if here == "cli":
            assert target != "ui", f"{module} imports {imported}"


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
