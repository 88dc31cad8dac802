#!/usr/bin/env bash
# The tests that need a running server and a browser; see e2e/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
exec tools/e2e/run.sh "$@"
