#!/usr/bin/env bash
# Set up whatever is missing, then run every check: lint, types, the Designer forms, tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/tools/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
# The PostgreSQL tests start their own throwaway cluster (tests/pg.py). Set-up installs the
# server, so here they must run, never skip: without its binaries they fail.
export ATR_REQUIRE_PG="${ATR_REQUIRE_PG:-1}"
echo "== ruff"; .venv/bin/ruff check atr_desktop tests tools; .venv/bin/ruff format --check -q atr_desktop tests tools
echo "== mypy"; .venv/bin/mypy
# Two workers (pytest-xdist): the suite on a 2-core machine in under 6 minutes (issue 12);
# each worker starts its own PostgreSQL cluster and builds its own demo template.
# Compiled once here: with PYTHONDONTWRITEBYTECODE set (as on these machines) each test
# worker and each command a test starts would compile the app's modules again.
.venv/bin/python -m compileall -q -j 2 atr_desktop tests > /dev/null
echo "== pytest"; .venv/bin/python -m pytest -q -n 2 "$@"
