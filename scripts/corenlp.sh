#!/usr/bin/env bash
# Local Stanford CoreNLP parse server for the parse measurement (tools/parseeval).
# Not used by the default build, the tests or CI: kapgraph's extraction is pure Go.
#
# CoreNLP (GPL v3 or later) and its English models jar come from Maven Central with the
# ordinary Maven client into .cache/corenlp/lib (~475 MB on first use); a one-class wrapper
# (tools/parseeval/corenlp/src/ParseServer.java) serves it on 127.0.0.1 only (CoreNLP's own
# server listens on every interface). See tools/parseeval/README.md for the licence.
#
# Usage: scripts/corenlp.sh start|stop|status|env
#   eval "$(scripts/corenlp.sh start)"   # prints: export KAPGRAPH_CORENLP_URL=http://127.0.0.1:PORT
#
# Environment:
#   KAPGRAPH_CORENLP_PORT     port on 127.0.0.1 (default 9077)
#   KAPGRAPH_CORENLP_HEAP     max heap (default 3g; coref needs ~3g)
#   KAPGRAPH_CORENLP_VERSION  CoreNLP version (default 4.5.10)
#   KAPGRAPH_CORENLP_PRELOAD  annotator lists to load at start, ';'-separated
#                             (default tokenize,ssplit,pos,lemma,depparse)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
SRC="$REPO_ROOT/tools/parseeval/corenlp"
CACHE="$REPO_ROOT/.cache/corenlp"
VERSION="${KAPGRAPH_CORENLP_VERSION:-4.5.10}"
PORT="${KAPGRAPH_CORENLP_PORT:-9077}"
HEAP="${KAPGRAPH_CORENLP_HEAP:-3g}"
PRELOAD="${KAPGRAPH_CORENLP_PRELOAD:-tokenize,ssplit,pos,lemma,depparse}"
PID_FILE="$CACHE/run/server.pid"
LOG="$CACHE/run/server.log"

say() { printf 'corenlp.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[[ $PORT =~ ^[0-9]+$ ]] || die "KAPGRAPH_CORENLP_PORT must be a port number, got '$PORT'"

fetch() {
  local lib="$CACHE/lib-$VERSION"
  if [[ ! -f $lib/stanford-corenlp-$VERSION-models.jar ]]; then
    command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is needed to fetch CoreNLP; install it (apt-get install maven)"
    say "fetching CoreNLP $VERSION and its models with Maven (~475 MB on first use)..."
    rm -rf "$lib.tmp"
    mvn -q -B -Dstyle.color=never -f "$SRC/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -Dcorenlp.version="$VERSION" -DincludeScope=runtime -DoutputDirectory="$lib.tmp" >&2 \
      || { rm -rf "$lib.tmp"; die "could not fetch CoreNLP $VERSION"; }
    mv "$lib.tmp" "$lib"
  fi
  local classes="$CACHE/classes-$VERSION"
  if [[ ! -f $classes/ParseServer.class || $SRC/src/ParseServer.java -nt $classes/ParseServer.class ]]; then
    mkdir -p "$classes"
    javac -nowarn -d "$classes" -cp "$lib/*" "$SRC/src/ParseServer.java" >&2 || die "could not compile ParseServer"
  fi
  CP="$classes:$lib/*"
}

running_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  grep -qxF -- "-Dparseserver.home=$CACHE" < <(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  echo "$pid"
}

ready() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; }

cmd_start() {
  local pid t0
  if pid=$(running_pid); then
    say "already running (pid $pid)"
    echo "export KAPGRAPH_CORENLP_URL=http://127.0.0.1:$PORT"
    return 0
  fi
  fetch
  mkdir -p "$CACHE/run"
  say "starting CoreNLP $VERSION on 127.0.0.1:$PORT (preload $PRELOAD; log $LOG)..."
  t0=$(now)
  ( exec nohup setsid java "-Dparseserver.home=$CACHE" "-Xmx$HEAP" -XX:+UseG1GC \
      "-Dparseserver.preload=$PRELOAD" -cp "$CP" ParseServer "$PORT" >"$LOG" 2>&1 </dev/null ) &
  pid=$!
  echo "$pid" >"$PID_FILE"
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "CoreNLP exited during start"; }
    if ready; then
      say "ready (pid $pid); start took $(elapsed "$t0") s"
      echo "export KAPGRAPH_CORENLP_URL=http://127.0.0.1:$PORT"
      return 0
    fi
    sleep 0.5
  done
  kill -TERM "$pid" 2>/dev/null || true
  die "not ready after 300 s"
}

cmd_stop() {
  local pid
  pid=$(running_pid) || { say "not running"; rm -f "$PID_FILE"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) if pid=$(running_pid) && ready; then echo "running (pid $pid, 127.0.0.1:$PORT)"; else echo stopped; exit 3; fi ;;
  env) echo "export KAPGRAPH_CORENLP_URL=http://127.0.0.1:$PORT" ;;
  *) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
