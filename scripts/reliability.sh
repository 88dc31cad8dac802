#!/usr/bin/env bash
# The reliability run of kapgraph, and RELIABILITY.md from its results.
#
#   1. the reliability tests with `go test -json`: hostile requests and the
#      production switches (httpapi), the fuzz targets' seed corpora
#      (httpapi, resolvers, loader/review), injection, hostile TRAPI bodies
#      and the kill -9 ingest runs on both engines, database faults and the
#      binary's switches (reliability, on the isolated Neo4j in
#      .cache/neo4j-faults, port 7697; KAPGRAPH_FAULTS_NEO4J_HOME and
#      KAPGRAPH_FAULTS_NEO4J_PORT move it);
#   2. fuzzing of the review readers (loader/review: FuzzParseReview,
#      FuzzParseJATS) for a fixed budget each (--reader-fuzz), recording
#      executions and crashers; with --fuzz DURATION, of every fuzz target;
#   3. sustained load with reliability/cmd/kapload against `kapgraph serve`
#      on the embedded store, then on Neo4j (the same isolated instance,
#      reset and loaded with the seeds): N clients for D, asserting zero
#      errors and no goroutine or memory growth;
#   4. RELIABILITY.md, rendered by reliability/cmd/reliabilityreport from
#      the test JSON and the load results (nothing in it is written by hand).
#
# Usage: scripts/reliability.sh [--ci] [--clients N] [--duration D] [--fuzz D]
#                               [--reader-fuzz D] [--kill-runs N]
#                               [--no-tests] [--no-load] [--out FILE]
#
#   (default)        200 clients × 60 s per engine, 20 kill points per
#                    engine, the review readers fuzzed 60 s each
#   --ci             200 clients × 15 s per engine, 5 kill points, readers
#                    fuzzed 15 s each, and CI=true (no test skips)
#   --fuzz 60s       also fuzz every other target for that long
#   --reader-fuzz D  the readers' fuzzing budget per target (0: none)
#   --kill-runs N    kill points per engine of the ingest test
#   --no-tests       load runs only (no fuzzing either);  --no-load: tests only
#
# The kill points come from KAPGRAPH_KILL_SEED (default 20261206), so that
# two runs report the same points.
#
# Everything listens on 127.0.0.1. Artifacts go to artifacts/reliability/.
# Exit status: 0 when every test, case and load check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
invocation="scripts/reliability.sh${*:+ $*}"

clients=200
duration=60s
kill_runs=20 # kill -9 points of the ingest test (tools/reliability/ingest_kill_test.go)
warmup=10s
settle=10s
fuzz=""
reader_fuzz=60s
kill_seed=${KAPGRAPH_KILL_SEED:-20261206}
run_tests=1
run_load=1
mode="full"
out_md=RELIABILITY.md
while (($#)); do
	case "$1" in
	--ci) mode="ci"; duration=15s; warmup=5s; settle=5s; kill_runs=5; reader_fuzz=15s; export CI=true ;;
	--clients) clients=$2; shift ;;
	--duration) duration=$2; shift ;;
	--fuzz) fuzz=$2; shift ;;
	--reader-fuzz) reader_fuzz=$2; shift ;;
	--kill-runs) kill_runs=$2; shift ;;
	--no-tests) run_tests=0 ;;
	--no-load) run_load=0 ;;
	--out) out_md=$2; shift ;;
	-h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
	*) echo "reliability.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done

art=artifacts/reliability
rm -rf "$art"
mkdir -p "$art/bin"
step() { printf '\n== %s\n' "$*" >&2; }
status=0

# The isolated Neo4j of the fault tests, also used by the Neo4j load run.
faults_home=${KAPGRAPH_FAULTS_NEO4J_HOME:-$root/.cache/neo4j-faults}
faults_port=${KAPGRAPH_FAULTS_NEO4J_PORT:-7697}
export KAPGRAPH_FAULTS_NEO4J_HOME=$faults_home KAPGRAPH_FAULTS_NEO4J_PORT=$faults_port
export_neo4j_env() { export KAPGRAPH_NEO4J_HOME="$faults_home" NEO4J_PORT="$faults_port"; }
server_pid=""
neo4j_started=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
	if [[ -n $neo4j_started ]]; then (export_neo4j_env; scripts/neo4j.sh stop >&2) || true; fi
}
trap cleanup EXIT

step "build"
go build -o "$art/bin/kapgraph" ./cmd/kapgraph
go build -o "$art/bin/kapload" ./tools/reliability/cmd/kapload
go build -o "$art/bin/reliabilityreport" ./tools/reliability/cmd/reliabilityreport

report_args=()
if ((run_tests)); then
	step "reliability tests (go test -json)"
	# The reliability tests run against their own Neo4j, never the one a
	# caller (scripts/test.sh) may have exported.
	if ! KAPGRAPH_KILL_RUNS=$kill_runs KAPGRAPH_KILL_SEED=$kill_seed env -u NEO4J_URI -u NEO4J_USERNAME -u NEO4J_PASSWORD -u NEO4J_DATABASE -u KAPGRAPH_NEO4J_HOME \
		go test -count=1 -json -timeout 30m \
		-run 'TestHostile|TestSlowClient|TestIngestKill9|TestProductionSwitches|TestNoAdminSurface|^Fuzz|TestInjection|TestDatabaseFaults|TestDriverConfiguration|TestServeSwitches|TestSchemaSurface|TestHTTPSurface' \
		./api/httpapi/ ./resolvers/ ./loader/review/ ./tools/reliability/... >"$art/tests.json"; then
		status=1
	fi
	# A readable summary of the JSON for the log.
	grep -E '"Action":"(pass|fail|skip)"' "$art/tests.json" | grep -E '"Test":"[^"/]*"' |
		sed -E 's/.*"Action":"([a-z]+)","Package":"[^"]*kapgraph\/([^"]*)","Test":"([^"]*)".*/  \1 \2 \3/' >&2 || true
	report_args+=(-tests "$art/tests.json")
fi

# fuzz_target PKG TARGET DURATION: one `go test -fuzz` run, appended to
# fuzz.tsv with its executions and the crashers it wrote (new files under
# PKG/testdata/fuzz/TARGET, copied to the artifacts; they stay in the tree,
# where `go test` replays them until the bug is fixed).
fuzz_target() {
	local pkg=$1 target=$2 budget=$3 log="$art/fuzz-$2.log" result=ok corpus before crashers="" f
	corpus="$pkg/testdata/fuzz/$target"
	before=$(ls "$corpus" 2>/dev/null || true)
	# -fuzzminimizetime: by default the fuzzer spends up to 60 s minimizing
	# each new interesting input, which on a busy machine ate a whole
	# budget (a 60 s run of FuzzParseReview made 524 executions). Crashers
	# are still written, only less minimized.
	go test -run '^$' -fuzz "^$target\$" -fuzztime "$budget" -fuzzminimizetime 5s "./$pkg/" >"$log" 2>&1 || { result=FAIL; status=1; }
	for f in $(ls "$corpus" 2>/dev/null || true); do
		grep -qxF "$f" <<<"$before" && continue
		mkdir -p "$art/crashers/$target"
		cp "$corpus/$f" "$art/crashers/$target/"
		crashers+="${crashers:+,}$corpus/$f"
	done
	[[ -n $crashers ]] && status=1
	execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
	printf '%s\t%s\t%s\t%s\t%s\n' "$pkg $target" "${budget%s}" "${execs:-0}" "$result" "$crashers" >>"$art/fuzz.tsv"
	echo "  $target: $result, ${execs:-0} executions${crashers:+, crashers: $crashers}" >&2
	if [[ $result != ok ]]; then grep -A12 -- '--- FAIL' "$log" >&2 || true; fi
}

: >"$art/fuzz.tsv"
readers=(loader/review:FuzzParseReview loader/review:FuzzParseJATS)
others=(api/httpapi:FuzzGraphQLPost api/httpapi:FuzzGraphQLGet resolvers:FuzzNodeFilter resolvers:FuzzSearch resolvers:FuzzPathInputs graph/neo4j:FuzzEvidenceJSON)
if ((run_tests)) && [[ -n $reader_fuzz && $reader_fuzz != 0 && $reader_fuzz != 0s && -z $fuzz ]]; then
	step "fuzzing the review readers for $reader_fuzz each"
	for spec in "${readers[@]}"; do fuzz_target "${spec%%:*}" "${spec#*:}" "$reader_fuzz"; done
fi
if [[ -n $fuzz ]]; then
	step "fuzzing each target for $fuzz"
	for spec in "${readers[@]}" "${others[@]}"; do fuzz_target "${spec%%:*}" "${spec#*:}" "$fuzz"; done
fi
[[ -s $art/fuzz.tsv ]] && report_args+=(-fuzz "$art/fuzz.tsv")

# start_server LOG ARGS...: starts kapgraph serve on a free loopback port
# (with the NEO4J_* settings of the environment, if any), sets server_pid
# and server_url.
start_server() {
	local log=$1
	shift
	"$art/bin/kapgraph" serve --addr 127.0.0.1:0 "$@" >"$log.out" 2>"$log.err" 7>&- &
	server_pid=$!
	server_url=""
	for _ in $(seq 1 600); do
		server_url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log.out" | head -1 || true)
		[[ -n $server_url ]] && return 0
		kill -0 "$server_pid" 2>/dev/null || { cat "$log.err" >&2; return 1; }
		sleep 0.1
	done
	echo "kapgraph serve did not start" >&2
	return 1
}

stop_server() {
	kill "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

load_before="" # load averages when the load runs started
run_load() { # label
	local label=$1
	load_before+="${load_before:+, }$label $(cut -d' ' -f1 /proc/loadavg)"
	"$art/bin/kapload" -url "$server_url" -label "$label" -clients "$clients" -duration "$duration" \
		-warmup "$warmup" -settle "$settle" -json "$art/load-$label.json" -assert | tee "$art/load-$label.txt" || status=1
	report_args+=(-load "$art/load-$label.json")
}

if ((run_load)); then
	step "load: $clients clients × $duration, embedded store"
	unset NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE
	start_server "$art/server-embedded"
	run_load embedded
	stop_server

	step "load: $clients clients × $duration, Neo4j (isolated instance, reset and loaded with the seeds)"
	export_neo4j_env
	# The reliability tests hold this lock while they use the instance.
	mkdir -p "$KAPGRAPH_NEO4J_HOME"
	exec 7>"$KAPGRAPH_NEO4J_HOME/reliability.lock"
	flock -w 1800 7 || { echo "another run holds $KAPGRAPH_NEO4J_HOME/reliability.lock" >&2; exit 1; }
	scripts/neo4j.sh reset >&2 7>&-
	eval "$(scripts/neo4j.sh start 7>&-)"
	neo4j_started=1
	"$art/bin/kapgraph" load >&2
	start_server "$art/server-neo4j"
	run_load neo4j
	stop_server
	scripts/neo4j.sh stop >&2
	neo4j_started=""
	exec 7>&-
	unset NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE
fi

step "RELIABILITY.md"
cpus=$(nproc)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
machine="Machine: $cpus CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, load average at the end $load_end"
[[ -n $load_before ]] && machine+=" (1-minute load when each load run started: $load_before)"
machine+="; $(go version | cut -d' ' -f3); Neo4j ${KAPGRAPH_NEO4J_VERSION:-5.26.30} Community from scripts/neo4j.sh"
# Timings (the ms columns, the load section's latencies and throughput)
# are only as good as the machine was idle: say so when it was not.
busy=$(awk -v cpus="$cpus" -v l="${load_end%% *} ${load_before//[^0-9. ]/}" 'BEGIN { n = split(l, a, " "); for (i = 1; i <= n; i++) if (a[i] + 0 > cpus) { print 1; exit } }')
[[ -n $busy ]] && machine+=". The machine was shared and busy (load average above its $cpus CPUs): the timings, and the sustained-load section's throughput and latencies most of all, are distorted by other work and are not kapgraph's figures on an idle machine"
what="no load runs"
((run_load)) && what="$clients clients × $duration per engine; warm-up $warmup, settle $settle"
if ((run_tests)); then
	what+="; $kill_runs kill points per engine, KAPGRAPH_KILL_SEED=$kill_seed"
	[[ -s $art/fuzz.tsv ]] && what+="; fuzzing ${fuzz:-$reader_fuzz} per target"
else
	what+="; no tests"
fi
notes=(
	-note "Mode: $mode ($what)"
	-note "$machine"
	-note "Isolated Neo4j of the fault, TRAPI, injection and kill tests and of the Neo4j load run: scripts/neo4j.sh, port $faults_port"
)
if ! "$art/bin/reliabilityreport" -command "$invocation" "${notes[@]}" "${report_args[@]}" -out "$out_md"; then
	status=1
fi
echo "wrote $out_md (artifacts in $art)" >&2
exit $status
