#!/usr/bin/env bash
# Sets up whatever is missing for ATR Desktop: Debian packages (when run as root),
# then .venv/ at the repo root with atr-desktop and its pinned dependencies.
# Sourced by run.sh and check.sh; safe to run again (it skips what is already there).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Qt's runtime libraries, a virtual screen for screenshots, the fonts that stand in for
# Calibri/Cambria/Arial, poppler (pdftoppm) and LibreOffice to turn Word/Excel/PowerPoint
# papers into PDF; D-Bus, AT-SPI and pyatspi for the screen-reader check (pytest -m a11y);
# PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin), with which the tests start
# a throwaway cluster of their own (tests/pg.py) to run the suites on the second engine.
APT_PACKAGES=(
  python3-venv
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 poppler-utils
  libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
  dbus at-spi2-core python3-pyatspi
  postgresql
)

# Libraries checked by their shared-object name rather than their package name: Debian 13
# and Ubuntu 24.04 renamed libglib2.0-0 to libglib2.0-0t64 (the 64-bit time_t move), so a
# package-name check would report it missing for ever.
declare -A SONAME=([libglib2.0-0]=libglib-2.0.so.0)
# The package that provides each one where the old name is gone.
declare -A RENAMED=([libglib2.0-0]=libglib2.0-0t64)

ldconfig_cmd() {
  if command -v ldconfig >/dev/null 2>&1; then ldconfig "$@"; else /sbin/ldconfig "$@"; fi
}

# has_library SONAME: the dynamic linker's cache lists it (whichever package installed it).
has_library() {
  ldconfig_cmd -p 2>/dev/null | grep -qF "$1 "
}

# package_name PKG: PKG, or its new name where this release renamed it.
package_name() {
  local renamed="${RENAMED[$1]:-}"
  if [ -n "$renamed" ] && ! apt-cache show "$1" >/dev/null 2>&1 \
    && apt-cache show "$renamed" >/dev/null 2>&1; then
    echo "$renamed"
  else
    echo "$1"
  fi
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    if [ "$pkg" = python3-venv ]; then
      # A Python built elsewhere (pyenv, deadsnakes) carries venv itself.
      python3 -c 'import venv, ensurepip' >/dev/null 2>&1 && continue
    fi
    if [ -n "${SONAME[$pkg]:-}" ]; then
      has_library "${SONAME[$pkg]}" || missing+=("$(package_name "$pkg")")
      continue
    fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi

if [ "${1:-}" = --list-missing ]; then
  # For tests and the curious: the system packages still to install, one a line.
  [ "${#missing[@]}" -eq 0 ] || printf '%s\n' "${missing[@]}"
  exit 0
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${#missing[@]} system packages (Qt's libraries, fonts, poppler, LibreOffice"
    echo "for turning papers into PDF, PostgreSQL for the tests); this takes about 2 to 5 minutes on a fresh machine."
    echo "  ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_log="$(mktemp -t atr-apt.XXXXXX.log)"
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$apt_log" 2>&1; then
      tail -n 20 "$apt_log" >&2
      echo "Installing system packages failed (full log: $apt_log)." >&2
      exit 1
    fi
    rm -f "$apt_log"
    echo "System packages installed."
  else
    echo "ATR Desktop needs these system packages. Please run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "then run this command again." >&2
    exit 1
  fi
fi

stamp=.venv/.atr-setup-stamp
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-64)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  count="$(grep -c '==' constraints.txt)"
  echo "Setting up .venv: $count Python packages at the versions pinned in constraints.txt"
  echo "(about 1 minute on a fresh machine, a few seconds after that)..."
  [ -x .venv/bin/python ] || python3 -m venv .venv
  pip=(.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt)
  "${pip[@]}" pip setuptools
  "${pip[@]}" -e ".[dev]"
  echo "Python packages ready."
  echo "$want" > "$stamp"
fi
