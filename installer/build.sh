#!/usr/bin/env bash
# Build the one-folder bundle: dist/atr-desktop/atr-desktop, with Python, Qt (including the
# offscreen and xcb platform plugins), the Alembic migrations and resources/ inside.
# Usage: installer/build.sh [--portable]   (--portable also writes dist/atr-desktop-<version>-linux-portable.zip)
# The Windows twin is installer/build.ps1; both use installer/atr-desktop.spec.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

portable=0
for arg in "$@"; do
  case "$arg" in
    --portable) portable=1 ;;
    *) echo "Unknown option: $arg (the only option is --portable)" >&2; exit 1 ;;
  esac
done

"$ROOT/tools/setup.sh"
# PyInstaller reads and writes ELF files with binutils (objdump, objcopy), and bundles
# Python's shared library, which Debian's own python3 keeps in the libpython3.X package.
need=()
command -v objdump >/dev/null 2>&1 && command -v objcopy >/dev/null 2>&1 || need+=(binutils)
# gcc links the English-only ICU data library (installer/trim_icu.py).
command -v gcc >/dev/null 2>&1 || need+=(gcc)
if [ "$(sed -n 's/^home = //p' .venv/pyvenv.cfg)" = /usr/bin ] && command -v dpkg-query >/dev/null 2>&1; then
  libpython="libpython$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  dpkg-query -W -f='${Status}' "$libpython" 2>/dev/null | grep -q "install ok installed" \
    || need+=("$libpython")
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "Building the bundle needs these system packages. Please run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    echo "then run this command again." >&2
    exit 1
  fi
fi

# PyInstaller is in the 'build' extra, pinned in constraints.txt like everything else.
want="$(grep -i '^pyinstaller==' constraints.txt | cut -d= -f3)"
have="$(.venv/bin/python -c 'import PyInstaller; print(PyInstaller.__version__)' 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  echo "Installing PyInstaller $want into .venv..."
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[build]"
fi

start=$(date +%s)
rm -rf dist/atr-desktop
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/atr-desktop.spec
elapsed=$(( $(date +%s) - start ))

test -x dist/atr-desktop/atr-desktop || { echo "The build made no dist/atr-desktop/atr-desktop" >&2; exit 1; }
size="$(du -sh dist/atr-desktop | cut -f1)"
echo "Built dist/atr-desktop/atr-desktop in ${elapsed}s; the folder holds ${size}."
# The bundle's cap (issue 12), measured as 'du -s' on Linux; whatever a change adds counts.
cap_kib=$((130 * 1024))
kib="$(du -s dist/atr-desktop | cut -f1)"
if [ "$kib" -gt "$cap_kib" ]; then
  echo "The bundle holds $((kib / 1024)) MB, over its 130 MB cap: leave out what the app never loads (installer/atr-desktop.spec)." >&2
  exit 1
fi

if [ "$portable" = 1 ]; then
  .venv/bin/python tools/make_portable.py dist/atr-desktop --platform linux
fi
