#!/usr/bin/env bash
# tools/e2e/run.sh runs the tests that need a real server and a real browser:
# the GraphQL-over-HTTP audit (graphql-http-audit.mjs) and the playground
# browser test (browser/). It installs what they need (Debian's chromium,
# the pinned npm packages), then, unless KAPGRAPH_URL names a running
# server, builds kapgraph, serves the embedded store on a free loopback
# port, and stops it at the end.
#
# Usage: tools/e2e/run.sh            # start a server of our own
#        KAPGRAPH_URL=http://127.0.0.1:8080 tools/e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
mkdir -p artifacts

scripts/install-chromium.sh >&2
(cd tools/e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd tools/e2e/browser && npm ci --no-audit --no-fund --loglevel=error)

server_pid=""
stop_server() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
}
trap stop_server EXIT

if [ -z "${KAPGRAPH_URL:-}" ]; then
	bin=$(mktemp -d)/kapgraph
	go build -o "$bin" ./cmd/kapgraph
	out=artifacts/e2e-server.out
	# Port 0: the kernel picks a free port, and kapgraph prints its URL.
	# --load: with Neo4j configured (KAPGRAPH_NEO4J_*), load the seeds first;
	# the embedded store loads them anyway.
	# Empty the file first: the redirect below happens in the background
	# child, and the loop could otherwise read an earlier run's address.
	: >"$out"
	"$bin" serve --load --addr 127.0.0.1:0 >"$out" 2>artifacts/e2e-server.log &
	server_pid=$!
	for _ in $(seq 1 100); do
		KAPGRAPH_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n1 || true)
		[ -n "$KAPGRAPH_URL" ] && break
		kill -0 "$server_pid" 2>/dev/null || { cat artifacts/e2e-server.log >&2; exit 1; }
		sleep 0.1
	done
	[ -n "$KAPGRAPH_URL" ] || { echo "e2e: kapgraph did not report its address" >&2; exit 1; }
fi
export KAPGRAPH_URL

for _ in $(seq 1 100); do
	curl -fsS "$KAPGRAPH_URL/readyz" >/dev/null 2>&1 && break
	sleep 0.1
done
curl -fsS "$KAPGRAPH_URL/readyz" >/dev/null

echo "e2e: GraphQL-over-HTTP audit against $KAPGRAPH_URL" >&2
node tools/e2e/graphql-http-audit.mjs "$KAPGRAPH_URL" | tee artifacts/graphql-http-audit.txt

echo "e2e: playground browser test against $KAPGRAPH_URL" >&2
(cd tools/e2e/browser && node --test)
echo "e2e: screenshot in $root/artifacts/playground.png" >&2

echo "e2e: explorer browser test against $KAPGRAPH_URL" >&2
tools/e2e/explorer/run.sh "$KAPGRAPH_URL"
