"""Zip a built bundle as a portable copy: the folder plus the ``portable.txt`` marker.

With the marker beside the program, atr_desktop/paths.py keeps the data in ``data/`` beside
it, so the copy runs from any folder the user can write to (no installer, no admin).
Used by installer/build.sh --portable and installer/build.ps1 (standard library only):
    python tools/make_portable.py dist/atr-desktop --platform windows
writes dist/atr-desktop-<version>-windows-portable.zip.
"""

from __future__ import annotations

import argparse
import ast
import os
import stat
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "installer"
MARKER = "portable.txt"  # the same name as atr_desktop.paths.PORTABLE_MARKER
TOP = "atr-desktop"  # the folder the zip unpacks to
SKIP_TOP = {"data", MARKER}  # a used copy's data (and marker) never go into the zip


def read_version(root: Path = ROOT) -> str:
    """__version__ from atr_desktop/__init__.py, without importing the package."""
    tree = ast.parse((root / "atr_desktop" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    raise SystemExit("atr_desktop/__init__.py has no __version__")


def make_zip(bundle: Path, out: Path, marker: Path = HERE / MARKER) -> Path:
    """Write ``out``: every file of ``bundle`` under ``atr-desktop/``, plus the marker."""
    if not bundle.is_dir():
        raise SystemExit(f"No bundle folder at {bundle}: build it first.")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(bundle.rglob("*")):
            rel = path.relative_to(bundle)
            name = f"{TOP}/{rel.as_posix()}"
            if rel.parts[0] in SKIP_TOP:
                continue
            if path.is_symlink():  # Linux bundles link Qt libraries; unzip restores links
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)  # keeps the executable bit on Linux
        zf.write(marker, f"{TOP}/{MARKER}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the built folder, e.g. dist/atr-desktop")
    parser.add_argument("--platform", required=True, choices=["windows", "linux"])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    name = f"atr-desktop-{read_version()}-{args.platform}-portable.zip"
    out = make_zip(args.bundle, args.out_dir / name)
    print(f"Wrote {out} ({out.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
