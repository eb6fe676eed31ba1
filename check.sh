#!/usr/bin/env bash
# Set up whatever is missing, then run every check: lint, types, the Designer forms, tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/tools/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check atr_desktop tests tools; .venv/bin/ruff format --check -q atr_desktop tests tools
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest -q "$@"
