"""The bundle spec, the Windows installer script and the build scripts stay in step.

The bundle itself is built and run by installer/build.sh + installer/smoke.sh in CI; these
fast checks catch drift between the files a Linux machine cannot run (the .iss, build.ps1)
and the ones it can (the spec, build.sh).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import atr_desktop
from atr_desktop.paths import PORTABLE_MARKER, app_paths

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "atr-desktop.spec"
ISS = INSTALLER / "atr-desktop.iss"
BUILD_PS1 = INSTALLER / "build.ps1"
BUILD_SH = INSTALLER / "build.sh"


def spec_namespace() -> dict[str, Any]:
    """The spec's constants and helper functions, run without PyInstaller's build steps."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    keep: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in {
            "read_version",
            "data_files",
            "version_resource",
        }:
            keep.append(node)
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name.isupper() and name not in {"ROOT", "WINDOWS", "VERSION", "HIDDEN", "ICON"}:
                keep.append(node)
    namespace: dict[str, Any] = {"ast": ast, "Path": Path, "ROOT": ROOT}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "(.*)"$', ISS.read_text(encoding="utf-8"), re.M))


def iss_setup() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*)$", section, re.M))


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_spec_reads_the_package_version() -> None:
    assert spec_namespace()["read_version"]() == atr_desktop.__version__


def test_spec_bundles_the_migrations_and_resources_as_files() -> None:
    ns = spec_namespace()
    sources = {src for src, _ in ns["DATA_DIRS"]}
    assert {"atr_desktop/storage/migrations", "resources"} <= sources
    bundled = {Path(dest) / Path(src).name for src, dest in ns["data_files"]()}
    migrations = Path("atr_desktop/storage/migrations")
    expected = {migrations / "env.py", migrations / "script.py.mako"}
    expected |= {
        migrations / "versions" / p.name for p in (ROOT / migrations / "versions").glob("*.py")
    }
    expected |= {Path("resources/icons/atr-desktop.png"), Path("resources/icons/atr-desktop.ico")}
    assert expected <= bundled
    assert not [p for p in bundled if "__pycache__" in p.parts or p.suffix == ".pyc"]


class _Recorded:
    """Stands in for PyInstaller's versioninfo classes (they need pefile, Windows only)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.args!r}, {self.kwargs!r})"


def test_app_never_imports_what_the_bundle_leaves_out() -> None:
    """An excluded module would only fail in the bundle, on a user's machine: catch it here."""
    excluded = tuple(spec_namespace()["EXCLUDES"])
    for path in sorted((ROOT / "atr_desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                hit = [ex for ex in excluded if name == ex or name.startswith(ex + ".")]
                assert not hit, f"{path.relative_to(ROOT)} imports {name}, left out of the bundle"


def test_windows_file_properties_name_the_product_and_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Windows-only version resource, built here so a typo cannot wait for Windows."""
    fake = ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ):
        setattr(fake, name, type(name, (_Recorded,), {}))
    parent = ModuleType("PyInstaller.utils.win32")
    parent.versioninfo = fake  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32", parent)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", fake)
    ns = spec_namespace()
    ns.update(WINDOWS=True, VERSION="1.2.3")
    info = ns["version_resource"]()
    assert info.kwargs["ffi"].kwargs == {"filevers": (1, 2, 3, 0), "prodvers": (1, 2, 3, 0)}
    text = repr(info)
    for key, value in (
        ("ProductName", "ATR Desktop"),
        ("FileVersion", "1.2.3"),
        ("ProductVersion", "1.2.3"),
        ("OriginalFilename", f"{ns['APP_NAME']}.exe"),
    ):
        assert f"StringStruct(({key!r}, {value!r}), {{}})" in text
    ns["WINDOWS"] = False
    assert ns["version_resource"]() is None


def test_spec_keeps_network_code_out() -> None:
    ns = spec_namespace()
    assert "PySide6.QtNetwork" in ns["EXCLUDES"]
    assert "Qt6Network" in ns["DROP_BINARIES"]
    assert "qvnc" in ns["DROP_BINARIES"]


def test_spec_names_every_runtime_dependency() -> None:
    """A dependency added to pyproject.toml must reach the bundle, even if imported lazily."""
    import importlib.metadata
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {
        re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0] for dep in project["project"]["dependencies"]
    }
    import_names: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            import_names.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    listed = set(spec_namespace()["RUNTIME_LIBRARIES"])
    for dist in wanted:
        modules = import_names[dist.lower().replace("_", "-")]
        assert modules & listed, f"{dist} ({sorted(modules)}) is missing from RUNTIME_LIBRARIES"


def test_installer_names_match_the_spec() -> None:
    ns = spec_namespace()
    defines = iss_defines()
    assert defines["AppName"] == atr_desktop.APP_NAME
    assert defines["AppExeName"] == f"{ns['APP_NAME']}.exe"
    assert defines["BundleDir"].replace("\\", "/").endswith(f"dist/{ns['APP_NAME']}")
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    assert f"{ns['CLI_NAME']}.exe" in ps1
    assert f"{ns['APP_NAME']}.exe" in ps1


def test_installer_takes_its_version_from_the_package() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in text and "#error" in text
    assert "AppVersion" not in iss_defines(), "the .iss must not hard-code the version"
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    assert "atr_desktop.__version__" in ps1
    assert '"/DAppVersion=$Version"' in ps1


def test_installer_is_per_user_without_admin() -> None:
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith(("{userpf}", "{localappdata}\\Programs"))
    assert setup["ChangesEnvironment"] == "no"
    assert setup["ChangesAssociations"] == "no"
    assert setup["AppId"].startswith("{{"), "a fixed AppId lets upgrades find the install"
    icons = ISS.read_text(encoding="utf-8").split("[Icons]", 1)[1].split("\n[", 1)[0]
    assert all(
        line.startswith(('Name: "{userprograms}', 'Name: "{userdesktop}'))
        for line in icons.strip().splitlines()
    )


def test_installer_writes_no_machine_registry_and_no_services() -> None:
    text = ISS.read_text(encoding="utf-8")
    for forbidden in ("HKLM", "HKEY_LOCAL_MACHINE", "HKA", "HKCR", "HKU", "HKCC"):
        assert not re.search(rf"\b{forbidden}\b", text), f"{forbidden} in the .iss"
    assert "[Registry]" not in text  # only the uninstall entry, which Inno puts in HKCU
    assert not re.search(r"sc(\.exe)?\s+create|New-Service|\bnet\s+start", text, re.I)


def test_installer_keeps_user_data_and_is_never_portable() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "[UninstallDelete]" not in text
    install_delete = text.split("[InstallDelete]", 1)[1].split("\n[", 1)[0]
    assert "{app}" in install_delete and "{localappdata}" not in install_delete
    files = text.split("[Files]", 1)[1].split("\n[", 1)[0]
    assert f"\\{PORTABLE_MARKER}" in files and "\\data" in files
    assert iss_defines()["DataDir"] == "{localappdata}\\ATR Desktop"


def test_installer_icon_exists() -> None:
    icon = iss_setup()["SetupIconFile"].replace("\\", "/")
    assert (INSTALLER / icon).resolve().is_file()


def test_linux_and_windows_builds_use_the_same_spec_and_flags() -> None:
    sh = BUILD_SH.read_text(encoding="utf-8")
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    assert "installer/atr-desktop.spec" in sh
    assert "installer\\atr-desktop.spec" in ps1
    for flag in ("--noconfirm", "--clean", "--distpath", "--workpath"):
        assert flag in sh and flag in ps1
    assert "tools/make_portable.py" in sh and "tools\\make_portable.py" in ps1
    assert "-c constraints.txt" in sh and '"-c", "constraints.txt"' in ps1


def test_pyinstaller_is_pinned() -> None:
    pins = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert re.search(r"^pyinstaller==\d", pins, re.M)
    assert re.search(r"^pyinstaller-hooks-contrib==\d", pins, re.M)


def test_ci_runs_the_checks_first_then_the_bundle() -> None:
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ]
    assert lines[0] == "./check.sh"
    assert "installer/build.sh && installer/smoke.sh" in lines[1:]


def make_fake_bundle(root: Path) -> Path:
    bundle = root / "atr-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "atr-desktop").write_text("program")
    (bundle / "_internal" / "lib.so").write_text("library")
    (bundle / "data").mkdir()
    (bundle / "data" / "atr-desktop.db").write_text("someone's data")
    (bundle / PORTABLE_MARKER).write_text("an old marker")
    return bundle


def test_portable_zip_carries_the_marker_and_no_data(tmp_path: Path) -> None:
    make_portable = load_tool("make_portable")
    assert make_portable.MARKER == PORTABLE_MARKER
    assert make_portable.read_version() == atr_desktop.__version__
    out = make_portable.make_zip(make_fake_bundle(tmp_path / "dist"), tmp_path / "p.zip")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert sorted(names) == [
            "atr-desktop/_internal/lib.so",
            "atr-desktop/atr-desktop",
            f"atr-desktop/{PORTABLE_MARKER}",
        ]
        marker = zf.read(f"atr-desktop/{PORTABLE_MARKER}").decode()
        assert marker == (INSTALLER / PORTABLE_MARKER).read_text(encoding="utf-8")
        zf.extractall(tmp_path / "usb")
    unpacked = tmp_path / "usb" / "atr-desktop"
    paths = app_paths({}, exe_dir=unpacked)
    assert paths.data == unpacked / "data"


@pytest.mark.skipif(os.name != "posix", reason="symlinks appear only in Linux bundles")
def test_portable_zip_keeps_linux_symlinks_as_links(tmp_path: Path) -> None:
    make_portable = load_tool("make_portable")
    bundle = make_fake_bundle(tmp_path / "dist")
    (bundle / "_internal" / "link.so").symlink_to("lib.so")
    out = make_portable.make_zip(bundle, tmp_path / "p.zip")
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo("atr-desktop/_internal/link.so")
        assert (info.external_attr >> 16) & 0o170000 == 0o120000
        assert zf.read(info) == b"lib.so"


def test_spec_keeps_python_docx_parts_folder() -> None:
    """python-docx finds its header template through docx/parts/..: the folder must exist."""
    spec = (Path(__file__).resolve().parent.parent / "installer" / "atr-desktop.spec").read_text()
    assert '"docx/parts"' in spec
