#!/usr/bin/env bash
# Set up whatever is missing, then open ATR Desktop. Extra arguments go to the app
# (for example: ./run.sh --db ~/atr.db, or ./run.sh demo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/tools/setup.sh"
exec "$ROOT/.venv/bin/atr-desktop" "$@"
