#!/usr/bin/env bash
# Runs every test of kapgraph on a fresh machine: it checks that the
# generated GraphQL code is current, starts a real Neo4j (downloading it
# from Maven Central on first use), runs the Go tests with the race
# detector against both stores, then the browser and protocol tests
# against a running server, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CI="${CI:-}"
mkdir -p artifacts

step() { printf '\n== %s\n' "$*" >&2; }

step "generated code is up to date"
go generate ./...
if ! git diff --exit-code --stat -- resolvers/generated resolvers/model api/client; then
	echo "generated code differs from the committed code: run go generate ./... and commit" >&2
	exit 1
fi

step "go vet"
go vet ./...

step "schema contract (GraphQL Inspector over every published version)"
scripts/schema-check.sh

step "python tools for the export and TRAPI checks (NetworkX, Biolink schema, reasoner-pydantic)"
scripts/setup-python.sh

step "HAProxy for the several-servers test (tools/cluster), from Debian"
scripts/install-haproxy.sh

step "start Neo4j"
export KAPGRAPH_NEO4J_HOME="${KAPGRAPH_NEO4J_HOME:-$root/.cache/neo4j}"
# Assign first: eval of a failed command substitution would succeed.
neo4j_env=$(scripts/neo4j.sh start) || { echo "Neo4j did not start; the Neo4j tests cannot run" >&2; exit 1; }
eval "$neo4j_env"
cleanup() {
	[ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
	scripts/neo4j.sh stop >&2 || true
}
trap cleanup EXIT

# Every package but bench/ itself, whose tests are the quick benchmark
# below (they start a Neo4j of their own and the peer, and time things,
# which the race detector would distort). The reliability package starts
# its own Neo4j too (.cache/neo4j-faults), which its fault tests stop and
# kill.
step "go test -race (every package but the benchmark)"
mapfile -t pkgs < <(go list ./... | grep -v '^github.com/kapgraph/kapgraph/tools/bench$')
go test -race -count=1 -timeout 30m "${pkgs[@]}" 2>&1 | tee artifacts/go-test.log
test "${PIPESTATUS[0]}" -eq 0

step "browser and GraphQL-over-HTTP tests"
scripts/e2e.sh

step "quick benchmark: equal answers across the four systems, then go test -bench (10k nodes)"
scripts/bench.sh --quick 2>&1 | tee artifacts/bench-quick.log
test "${PIPESTATUS[0]}" -eq 0

step "sustained load: 200 clients per engine (CI variant), report in artifacts/RELIABILITY-ci.md"
scripts/reliability.sh --ci --no-tests --out artifacts/RELIABILITY-ci.md

step "all tests passed"
