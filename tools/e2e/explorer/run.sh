#!/usr/bin/env bash
# tools/e2e/explorer/run.sh runs the graph explorer's browser test
# (explorer.test.mjs) against a running kapgraph that serves /explore and
# /graphql. It installs what the test needs when missing: Debian's chromium
# (through scripts/install-chromium.sh) and the pinned playwright-core and
# BibTeX parser (npm ci, only when node_modules lacks them).
#
# Usage: tools/e2e/explorer/run.sh http://127.0.0.1:8080
#        KAPGRAPH_URL=http://127.0.0.1:8080 tools/e2e/explorer/run.sh
# With KAPGRAPH_UPDATE_SCREENSHOTS=1 the screenshots written to artifacts/
# are also copied to docs/screenshots/ for the README.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

KAPGRAPH_URL=${1:-${KAPGRAPH_URL:-}}
if [ -z "$KAPGRAPH_URL" ]; then
	echo "usage: $0 URL   (or set KAPGRAPH_URL), e.g. $0 http://127.0.0.1:8080" >&2
	exit 2
fi
export KAPGRAPH_URL="${KAPGRAPH_URL%/}"

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	if [ -x "$root/scripts/install-chromium.sh" ]; then
		"$root/scripts/install-chromium.sh" >&2
	else
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
	fi
fi

cd "$here"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@retorquere/bibtex-parser ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi

# Fail early, and say why, when the server does not serve the explorer.
status=$(node -e '
fetch(process.argv[1] + "/explore").then((r) => console.log(r.status), () => console.log("unreachable"));
' "$KAPGRAPH_URL")
if [ "$status" != 200 ]; then
	echo "tools/e2e/explorer: GET $KAPGRAPH_URL/explore answered $status; is kapgraph running with the explorer mounted?" >&2
	exit 1
fi

mkdir -p "$root/artifacts"
node --test
