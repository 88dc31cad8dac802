#!/usr/bin/env bash
# kapgraph's benchmark, from a clean checkout: builds kapgraph and the
# harness, installs the peer (@neo4j/graphql on GraphQL Yoga, from npm),
# starts a Neo4j of its own (scripts/neo4j.sh, under .cache/bench-neo4j,
# emptied first), and runs bench/cmd/kapbench, which loads each graph size,
# starts the servers, checks that every system gives the same answers,
# times them, stops them, and writes BENCHMARKS.md and tools/bench/plots/*.png.
# Neo4j is stopped on exit.
#
#   scripts/bench.sh                      # the full run: 10k, 100k, 1m nodes (~40 min on 2 cores)
#   scripts/bench.sh -sizes 10k,100k      # any kapbench flags (go run ./tools/bench/cmd/kapbench -h)
#   scripts/bench.sh --quick              # CI's quick version: go test -bench in bench/ (10k, < 5 min)
#
# Environment: BENCH_NEO4J_PORT (default 7731), BENCH_NEO4J_HEAP and
# BENCH_NEO4J_PAGECACHE (default 2g each), BENCH_BENCHTIME (--quick,
# default 20x), BENCH_KEEP_DATA=1 (keep the database of an earlier run;
# with kapbench's -reuse).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { printf '%s bench.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

need() {
	command -v "$1" >/dev/null || { echo "bench.sh: $1 is required ($2)" >&2; exit 1; }
}
need go "the toolchain"
need java "Neo4j (17 or 21)"
need mvn "scripts/neo4j.sh builds its launcher with Maven"
need node "the peer runs on Node 20+"
need npm "the peer's packages"

peer_install() {
	if [[ ! -d tools/bench/peer/node_modules/@neo4j/graphql ]]; then
		say "installing the peer (npm ci in tools/bench/peer)"
		(cd tools/bench/peer && npm ci --no-audit --no-fund >&2)
	fi
}

if [[ ${1:-} == --quick ]]; then
	shift
	peer_install
	say "quick benchmark: go test -bench in bench/ (it starts its own Neo4j)"
	cd tools/bench
	exec go test -count=1 -run 'TestAnswersEqual' -bench . -benchtime "${BENCH_BENCHTIME:-20x}" -timeout 30m "$@" .
fi

say "building kapgraph, kapserve and kapbench"
mkdir -p .cache/bench/bin
go build -o .cache/bench/bin/kapgraph ./cmd/kapgraph
go build -o .cache/bench/bin/kapserve ./tools/bench/cmd/kapserve
go build -o .cache/bench/bin/kapbench ./tools/bench/cmd/kapbench
peer_install

export KAPGRAPH_NEO4J_HOME="$root/.cache/bench-neo4j"
export NEO4J_PORT="${BENCH_NEO4J_PORT:-7731}"
export KAPGRAPH_NEO4J_HEAP="${BENCH_NEO4J_HEAP:-2g}"
export KAPGRAPH_NEO4J_PAGECACHE="${BENCH_NEO4J_PAGECACHE:-2g}"
export KAPGRAPH_NEO4J_JIT=full
export KAPGRAPH_NEO4J_START_TIMEOUT="${KAPGRAPH_NEO4J_START_TIMEOUT:-300}"
# The launcher's development limits (128m per transaction, 256m in all)
# fail the peer's connection queries on the 1M graph (it collects every
# match before paging) and can fail anyone at 32 clients: the benchmark
# gives every system the same, larger limits (the peer's failure under the
# default limits is in BENCHMARKS.md's analysis).
export KAPGRAPH_NEO4J_CONF_db_memory_transaction_max="${BENCH_NEO4J_TX_MAX:-1g}"
export KAPGRAPH_NEO4J_CONF_dbms_memory_transaction_total_max="${BENCH_NEO4J_TX_TOTAL:-1500m}"
# A request the client gave up on (kapbench's -timeout, 60 s) must stop
# using the database, whichever system sent it: the peer sets no
# transaction timeout of its own.
export KAPGRAPH_NEO4J_CONF_db_transaction_timeout="${BENCH_NEO4J_TX_TIMEOUT:-60s}"
# The peer uses no APOC-backed feature (no DateTime, no authorization), so
# APOC stays out: both sides run on the same plain server.
unset KAPGRAPH_NEO4J_APOC
say "starting Neo4j (home $KAPGRAPH_NEO4J_HOME, bolt port $NEO4J_PORT, heap $KAPGRAPH_NEO4J_HEAP, page cache $KAPGRAPH_NEO4J_PAGECACHE, JIT full)"
scripts/neo4j.sh stop >/dev/null 2>&1 || true
if [[ -z ${BENCH_KEEP_DATA:-} ]]; then
	scripts/neo4j.sh reset >&2
fi
eval "$(scripts/neo4j.sh start)"
trap 'say "stopping Neo4j"; scripts/neo4j.sh stop >&2 || true' EXIT
neo4j_pid=$(cat "$KAPGRAPH_NEO4J_HOME/run/neo4j.pid" 2>/dev/null || echo 0)

export BENCH_NEO4J_CONFIG="heap $KAPGRAPH_NEO4J_HEAP, page cache $KAPGRAPH_NEO4J_PAGECACHE, transaction memory $KAPGRAPH_NEO4J_CONF_db_memory_transaction_max each / $KAPGRAPH_NEO4J_CONF_dbms_memory_transaction_total_max in all, transaction timeout $KAPGRAPH_NEO4J_CONF_db_transaction_timeout, JIT full (C1+C2), no APOC, own home .cache/bench-neo4j"
export BENCH_COMMAND="scripts/bench.sh${*:+ $*}"
say "running the benchmark"
.cache/bench/bin/kapbench -neo4j-pid "$neo4j_pid" "$@"
say "done: BENCHMARKS.md and tools/bench/plots/"
