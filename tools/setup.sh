#!/usr/bin/env bash
# Sets up whatever is missing for ATR Desktop: Debian packages (when run as root),
# then .venv/ at the repo root with atr-desktop and its pinned dependencies.
# Sourced by run.sh and check.sh; safe to run again (it skips what is already there).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Qt's runtime libraries, a virtual screen for screenshots, the fonts that stand in for
# Calibri/Cambria/Arial, poppler (pdftoppm) and LibreOffice to turn Word/Excel/PowerPoint
# papers into PDF.
APT_PACKAGES=(
  python3-venv
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 poppler-utils
  libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    if [ "$pkg" = python3-venv ]; then
      # A Python built elsewhere (pyenv, deadsnakes) carries venv itself.
      python3 -c 'import venv, ensurepip' >/dev/null 2>&1 && continue
    fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "ATR Desktop needs these system packages. Please run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "then run this command again." >&2
    exit 1
  fi
fi

stamp=.venv/.atr-setup-stamp
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-64)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Setting up .venv (pinned versions from constraints.txt)..."
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
  echo "$want" > "$stamp"
fi
