#!/usr/bin/env bash
# Smoke-test the bundle built by installer/build.sh, as a user's machine would run it: a
# clean environment (no venv, no PYTHONPATH, PATH=/usr/bin:/bin), offscreen Qt, a fresh
# home folder. Every step is one line; a step that cannot run yet is listed as PENDING in
# the summary (never skipped silently). Exits 1 if any step fails.
# Usage: installer/smoke.sh [BUNDLE_DIR]   (default dist/atr-desktop)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/atr-desktop}" && pwd)"
EXE="$BUNDLE/atr-desktop"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/atr_desktop/__init__.py")"
# Work beside dist/ so the portable copy can hard-link the bundle instead of copying it.
mkdir -p "$ROOT/build"
WORK="$(mktemp -d "$ROOT/build/smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
HOME_DIR="$WORK/home"
DB="$WORK/smoke.db"
mkdir -p "$HOME_DIR"

passed=0
failed=()
pending=()

# Run a program in a clean environment. Leading NAME=VALUE words become its environment.
clean_run() {
  local envs=()
  while [ $# -gt 0 ] && [[ "$1" =~ ^[A-Z_][A-Z0-9_]*= ]]; do envs+=("$1"); shift; done
  env -i PATH=/usr/bin:/bin HOME="$HOME_DIR" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "${envs[@]}" "$@"
}

# step "what it shows" "text the output must contain" [NAME=VALUE...] [bundle args...]
# (the pseudo-variable VIA_XVFB=1 runs the bundle inside xvfb-run, on a real X server)
# passes when the bundle exits 0 and prints the text; mistake: exits 1 with no traceback.
step() { run_step 0 "$@"; }
mistake() { run_step 1 "$@"; }
run_step() {
  local want="$1" name="$2" expect="$3"; shift 3
  local envs=() via=()
  while [ $# -gt 0 ] && [[ "$1" =~ ^[A-Z_][A-Z0-9_]*= ]]; do
    if [ "$1" = VIA_XVFB=1 ]; then via=(xvfb-run -a); else envs+=("$1"); fi
    shift
  done
  local out code
  out="$(clean_run ATR_DESKTOP_HOME="$HOME_DIR/atr" "${envs[@]}" "${via[@]}" "$EXE" "$@" 2>&1)"
  code=$?
  if [ "$code" -eq "$want" ] && grep -qF -- "$expect" <<<"$out" \
    && ! grep -q Traceback <<<"$out"; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed+=("$name"); echo "FAIL $name (exit $code, wanted $want; expected to see: $expect)"
    sed 's/^/     | /' <<<"$out" | tail -20
  fi
}

# check "what it shows" COMMAND...: passes when COMMAND succeeds (file tests and the like).
check() {
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed+=("$name"); echo "FAIL $name"; fi
}

# pending "what it will show" "why it cannot run yet": reported loudly, never silently.
pending() { pending+=("$1 ($2)"); echo "PENDING $1: $2"; }

echo "Smoke-testing $EXE (ATR Desktop $VERSION) in $WORK"
[ -x "$EXE" ] || { echo "No bundle at $EXE: run installer/build.sh first." >&2; exit 1; }

# --- the command line ---------------------------------------------------------------------
step "prints its version"              "ATR Desktop $VERSION"  --version
step "creates a database (migrations)" "Created"               --db "$DB" init
# No Python on the machine: no PATH to find one, and PYTHON* variables pointing nowhere.
step "needs no Python on the machine"  "Created"  PATH=/nonexistent PYTHONHOME=/nonexistent \
  PYTHONPATH=/nonexistent --db "$WORK/no-python.db" init
step "fills the demo programme"        "Demo programme added"  --db "$DB" demo
step "lists groups as JSON"            '"code": "SG"'          --db "$DB" groups list --json
mistake "explains a user's mistake"  "There is no group"     --db "$DB" groups show NOPE
# Add the next features here, one line each, e.g.:
# step "exports a Word paper"  "Saved"  --db "$DB" papers export ... --out "$WORK/paper.docx"
step "exports a Word agenda (templates)"  "Wrote the agenda"  --db "$DB" agenda export 3 --out "$WORK/agenda.docx"
check "the Word agenda is a real file"     test -s "$WORK/agenda.docx"
step "builds a PDF pack (worker, fonts)"   "Built"             --db "$DB" pack build 3 --placeholders --out "$WORK/pack.pdf"
# An image paper goes through Pillow (PNG and JPEG only are kept in the bundle).
PNG_1PX='iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'
check "makes a PNG paper"                  bash -c "base64 -d <<<'$PNG_1PX' > '$WORK/chart.png'"
step "attaches an image paper"             "Attached chart.png" --db "$DB" papers attach 3 5 "$WORK/chart.png" --title Chart
step "builds a pack with an image (Pillow)" "Built"            --db "$DB" pack build 3 --placeholders --out "$WORK/pack-image.pdf"
step "writes the chair's brief as PDF"     "Wrote the chair"   --db "$DB" brief 3 --out "$WORK/brief.pdf"
step "writes the chair's brief as Word"    "Wrote the chair"   --db "$DB" brief 3 --out "$WORK/brief.docx"
step "exports the ToR to Word"             "Wrote"             --db "$DB" tor export --group SG --out "$WORK/tor.docx"
step "exports the action log to Excel"     "Wrote"             --db "$DB" actions export --out "$WORK/actions.xlsx"
step "searches everything"                 '"results"'         --db "$DB" search trauma --json

# --- the window, offscreen ------------------------------------------------------------------
step "opens the window, paints and fills it" "populated" ATR_DESKTOP_STARTUP_TRACE=1 --db "$DB"
# The same on a real X server (xvfb), through the xcb plugin a Linux desktop uses.
if command -v xvfb-run >/dev/null 2>&1; then
  step "opens the window on X11 (xcb)" "populated" ATR_DESKTOP_STARTUP_TRACE=1 QT_QPA_PLATFORM=xcb \
    VIA_XVFB=1 --db "$DB"
else
  pending "opens the window on X11 (xcb)" "xvfb-run is not installed (tools/setup.sh installs it)"
fi

# --- where the data goes ----------------------------------------------------------------------
# Installed: the user's local (not roaming) data folder, here ~/.local/share/ATR Desktop.
clean_run "$EXE" init >/dev/null 2>&1
check "keeps data in the user's local data folder" \
  test -f "$HOME_DIR/.local/share/ATR Desktop/atr-desktop.db"
# Portable: the same bundle with installer/portable.txt beside the program keeps its data
# in data/ beside it and writes nothing to the user's folders; from a folder whose name
# has a space and a non-ASCII letter, as USB sticks and OneDrive folders often do.
PORTABLE="$WORK/USB stick/Sécretariat ATR/atr-desktop"
mkdir -p "$(dirname "$PORTABLE")"
cp -al "$BUNDLE" "$PORTABLE" 2>/dev/null || cp -a "$BUNDLE" "$PORTABLE"
cp "$ROOT/installer/portable.txt" "$PORTABLE/portable.txt"
rm -rf "$HOME_DIR/.local"
clean_run "$PORTABLE/atr-desktop" init >/dev/null 2>&1
check "portable copy keeps data beside the program" test -f "$PORTABLE/data/atr-desktop.db"
check "portable copy leaves the user's folders alone" test ! -e "$HOME_DIR/.local/share/ATR Desktop"

# --- what is inside the bundle -----------------------------------------------------------------
INTERNAL="$BUNDLE/_internal"
check "has the offscreen Qt platform plugin" test -f "$INTERNAL/PySide6/Qt/plugins/platforms/libqoffscreen.so"
check "has the xcb Qt platform plugin"       test -f "$INTERNAL/PySide6/Qt/plugins/platforms/libqxcb.so"
check "has the migrations as files"          test -f "$INTERNAL/atr_desktop/storage/migrations/script.py.mako"
check "has the app icon"                     test -f "$INTERNAL/resources/icons/atr-desktop.png"
check "has the Word default template"       test -f "$INTERNAL/docx/templates/default.docx"
check "has reportlab's fonts"                test -f "$INTERNAL/reportlab/fonts/Vera.ttf"
check "has DejaVu Sans and its licence"      test -f "$INTERNAL/resources/fonts/DejaVuSans-Bold.ttf" -a -f "$INTERNAL/resources/fonts/DejaVu-LICENSE.txt"
check "has the time-zone data (tzdata)"      test -f "$INTERNAL/tzdata/zoneinfo/Europe/London"
check "has no Qt network code"               test -z "$(find "$BUNDLE" -name '*QtNetwork*' -o -name '*Qt6Network*')"

echo
echo "Bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
if [ -x "$ROOT/.venv/bin/python" ]; then
  "$ROOT/.venv/bin/python" "$ROOT/tools/bench_bundle_startup.py" --runs 3 "$BUNDLE" \
    || pending "startup benchmark" "it stopped with an error (it does not decide the result)"
else
  pending "startup benchmark" "there is no .venv to compare with"
fi
echo
echo "Smoke: ${passed} passed, ${#failed[@]} failed, ${#pending[@]} pending."
for p in "${pending[@]}"; do echo "  PENDING: $p"; done
for f in "${failed[@]}"; do echo "  FAILED:  $f"; done
[ "${#failed[@]}" -eq 0 ]
