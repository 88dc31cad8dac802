#!/usr/bin/env bash
# Local Neo4j Community server for development and tests, without Docker.
#
# Neo4j comes from Maven Central only (org.neo4j:neo4j, the embedded Community
# DBMS with its Bolt connector), wrapped by the tiny launcher in
# scripts/neo4j-launcher/, which is built with `mvn` on first use.
#
# Usage: scripts/neo4j.sh start|stop|status|reset|env|kill|import DIR
#
#   eval "$(scripts/neo4j.sh start)"   # build on first use, start, print exports
#   scripts/neo4j.sh status            # exit 0 iff running and Bolt answers
#   scripts/neo4j.sh stop              # SIGTERM (clean shutdown), SIGKILL after 30 s
#   scripts/neo4j.sh kill              # SIGKILL, no clean shutdown (crash simulation)
#   scripts/neo4j.sh reset             # stop and delete the data directory
#   scripts/neo4j.sh env               # print the exports only
#   scripts/neo4j.sh import DIR        # bulk first load: stop, run `neo4j-admin database import full`
#                                      # with the arguments in DIR/import.args (kapgraph ingest --bulk
#                                      # writes them), start again; on failure the database is put back
#
# `start` and `env` print ONLY the export lines on stdout:
#   export NEO4J_URI=bolt://127.0.0.1:7687
#   export NEO4J_USERNAME=neo4j
#   export NEO4J_PASSWORD=...
#   export NEO4J_DATABASE=neo4j
# Everything else (progress, Maven output, timings) goes to stderr.
#
# Environment:
#   NEO4J_PORT                  Bolt port on 127.0.0.1 (default 7687)
#   KAPGRAPH_NEO4J_PASSWORD     password of user neo4j, >= 8 chars
#                               (default kapgraph-dev-password); applied on every start
#   KAPGRAPH_NEO4J_HOME         instance dir: data/ logs/ plugins/ run/ (default <repo>/.cache/neo4j);
#                               use another one (and another NEO4J_PORT) for an isolated 2nd server
#   KAPGRAPH_NEO4J_APOC         1: put APOC core (+ its libraries) into plugins/ from Maven Central
#                               and allow apoc.* (unrestricted); 0: remove them again;
#                               unset: leave plugins/ as it is (any jar dropped there is loaded)
#   KAPGRAPH_NEO4J_HEAP         max heap (default 512m)
#   KAPGRAPH_NEO4J_PAGECACHE    page cache size (default 128m)
#   KAPGRAPH_NEO4J_CONF_<key>   any Neo4j setting, '.' written as '_' and '_' as '__', e.g.
#                               KAPGRAPH_NEO4J_CONF_dbms_security_procedures_unrestricted='apoc.*'
#                               ($KAPGRAPH_NEO4J_HOME/conf/neo4j.conf is read too, if present)
#   KAPGRAPH_NEO4J_JAVA_OPTS    extra JVM options
#   KAPGRAPH_NEO4J_JIT          c1 (default: C1-only JIT, fastest start) or full (C1+C2)
#   KAPGRAPH_NEO4J_CDS          1 (default): AppCDS class archive under the launcher dir; 0: off
#   KAPGRAPH_NEO4J_JAVA         java binary (default: $JAVA_HOME/bin/java or java; must be 17 or 21)
#   KAPGRAPH_NEO4J_START_TIMEOUT  seconds to wait for Bolt (default 120)
#   KAPGRAPH_NEO4J_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default 30)
#   KAPGRAPH_NEO4J_IMPORT_MEMORY  import: the importer's off-heap memory (default 2g; its own default is 90% of RAM)
#   KAPGRAPH_NEO4J_VERSION      Neo4j version (default 5.26.30)
#   KAPGRAPH_NEO4J_APOC_VERSION APOC core version (default 5.26.19, the newest 5.26.x on Maven Central)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
LAUNCHER_SRC="$SCRIPT_DIR/neo4j-launcher"
CACHE_DIR="$REPO_ROOT/.cache/neo4j"

NEO4J_VERSION="${KAPGRAPH_NEO4J_VERSION:-5.26.30}"
APOC_VERSION="${KAPGRAPH_NEO4J_APOC_VERSION:-5.26.19}"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
LAUNCHER_DIR=""  # set by build_launcher
MAIN_CLASS="kapgraph.neo4jlauncher.Launcher"

PORT="${NEO4J_PORT:-7687}"
PASSWORD="${KAPGRAPH_NEO4J_PASSWORD:-kapgraph-dev-password}"
HEAP="${KAPGRAPH_NEO4J_HEAP:-512m}"
PAGECACHE="${KAPGRAPH_NEO4J_PAGECACHE:-128m}"
START_TIMEOUT="${KAPGRAPH_NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${KAPGRAPH_NEO4J_STOP_TIMEOUT:-30}"
IMPORT_MEMORY="${KAPGRAPH_NEO4J_IMPORT_MEMORY:-2g}"

N4J_HOME="${KAPGRAPH_NEO4J_HOME:-$CACHE_DIR}"
mkdir -p "$N4J_HOME"
N4J_HOME=$(cd "$N4J_HOME" && pwd)
DATA_DIR="$N4J_HOME/data"
LOG_DIR="$N4J_HOME/logs"
PLUGIN_DIR="$N4J_HOME/plugins"
RUN_DIR="$N4J_HOME/run"
PID_FILE="$RUN_DIR/neo4j.pid"
READY_FILE="$RUN_DIR/ready"
INSTANCE_FILE="$RUN_DIR/instance"
LOG_FILE="$LOG_DIR/neo4j.log"

say() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
now() { date +%s.%N; }
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if ! [[ $PORT =~ ^[0-9]+$ ]] || (( PORT < 1 || PORT > 65535 )); then
  die "NEO4J_PORT must be a TCP port number, got '$PORT'"
fi
(( ${#PASSWORD} >= 8 )) || die "KAPGRAPH_NEO4J_PASSWORD must be at least 8 characters (Neo4j's minimum)"
[[ $PASSWORD != *$'\n'* ]] || die "KAPGRAPH_NEO4J_PASSWORD must not contain newlines"

print_exports() {
  local port=$1
  printf 'export NEO4J_URI=%s\n' "bolt://127.0.0.1:$port"
  printf 'export NEO4J_USERNAME=neo4j\n'
  printf 'export NEO4J_PASSWORD=%q\n' "$PASSWORD"
  printf 'export NEO4J_DATABASE=neo4j\n'
}

auth_fingerprint() { printf '%s' "kapgraph-neo4j:$PASSWORD" | sha256sum | cut -d' ' -f1; }

instance_get() { # key -> value from run/instance
  [[ -f $INSTANCE_FILE ]] || return 1
  sed -n "s/^$1=//p" "$INSTANCE_FILE"
}

# Echoes the pid of this home's launcher if it is alive.
running_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against pid reuse: it must be our launcher for this very home.
  grep -qxF -- "-Dkapgraph.neo4j.home=$N4J_HOME" < <(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  echo "$pid"
}

# Real Bolt handshake: magic 0x6060B017 + 4 version proposals (5.8..5.0, 4.4..4.2, 3, none);
# prints the agreed version (e.g. 5.8) and succeeds if the server accepted one.
bolt_handshake() {
  local port=$1 resp
  local -a b
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  resp=$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x60\x60\xb0\x17\x00\x08\x08\x05\x00\x02\x04\x04\x00\x00\x00\x03\x00\x00\x00\x00" >&3
    head -c 4 <&3 | od -An -tu1
  ' _ "$port" 2>/dev/null) || return 1
  read -r -a b <<<"$resp"
  (( ${#b[@]} == 4 )) || return 1
  (( b[3] != 0 )) || return 1
  echo "${b[3]}.${b[2]}"
}

# shellcheck disable=SC2016
port_listeners() { # prints listening sockets on the port (any address)
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null || true
  elif timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; then
    echo "something accepts connections on 127.0.0.1:$1"
  fi
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1; }

find_java() {
  local cand major
  if [[ -n ${KAPGRAPH_NEO4J_JAVA:-} ]]; then
    [[ -x $KAPGRAPH_NEO4J_JAVA ]] || die "KAPGRAPH_NEO4J_JAVA=$KAPGRAPH_NEO4J_JAVA is not executable"
    major=$(java_major "$KAPGRAPH_NEO4J_JAVA")
    [[ $major == 17 || $major == 21 ]] || say "warning: $KAPGRAPH_NEO4J_JAVA is Java $major; Neo4j 5.26 supports 17 and 21"
    echo "$KAPGRAPH_NEO4J_JAVA"
    return 0
  fi
  for cand in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
              /usr/lib/jvm/*-17*/bin/java /usr/lib/jvm/*-21*/bin/java; do
    [[ -n $cand && -x $cand ]] || continue
    major=$(java_major "$cand")
    if [[ $major == 17 || $major == 21 ]]; then echo "$cand"; return 0; fi
  done
  die "no Java 17 or 21 found (Neo4j 5.26 needs one); set KAPGRAPH_NEO4J_JAVA"
}

launcher_stamp() {
  {
    echo "neo4j=$NEO4J_VERSION"
    cat "$LAUNCHER_SRC/pom.xml"
    find "$LAUNCHER_SRC/src" -type f -name '*.java' -print0 | sort -z | xargs -0 cat
  } | sha256sum | cut -d' ' -f1
}

# Sets LAUNCHER_DIR to a built launcher for the current sources, building it if needed.
# Each source revision gets its own directory, so a rebuild never touches a running server's jars.
build_launcher() {
  local stamp t0 tmp d
  mkdir -p "$CACHE_DIR/launcher"
  exec 8>"$CACHE_DIR/launcher/.build.lock"
  flock -w 900 8 || die "timed out waiting for another launcher build"
  stamp=$(launcher_stamp)
  LAUNCHER_DIR="$CACHE_DIR/launcher/$NEO4J_VERSION-${stamp:0:12}"
  if [[ -f $LAUNCHER_DIR/launcher.jar && -d $LAUNCHER_DIR/lib ]]; then
    exec 8>&-
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is needed to fetch Neo4j from Maven Central; install it (apt-get install maven)"
  say "building launcher for Neo4j $NEO4J_VERSION (first use: Maven downloads ~130 MB from Maven Central into ~/.m2)..."
  t0=$(now)
  tmp="$CACHE_DIR/launcher/.build-$$"
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$LAUNCHER_SRC/pom.xml" package \
        -Dneo4j.version="$NEO4J_VERSION" -Dkapgraph.buildDir="$tmp" 2>&1 | strip_ansi >&2; then
    rm -rf "$tmp"
    die "launcher build failed (see Maven output above)"
  fi
  mv "$tmp" "$LAUNCHER_DIR"
  say "build took $(elapsed "$t0") s ($(find "$LAUNCHER_DIR/lib" -name '*.jar' | wc -l) jars, $(du -sh "$LAUNCHER_DIR/lib" | cut -f1))"
  # Drop older builds that no running process uses.
  for d in "$CACHE_DIR"/launcher/*/; do
    d=${d%/}
    [[ $d == "$LAUNCHER_DIR" ]] && continue
    if ! grep -qsF "$d/" /proc/[0-9]*/cmdline; then rm -rf "$d"; fi
  done
  exec 8>&-
}

# Files installed into plugins/ by KAPGRAPH_NEO4J_APOC=1 are listed in plugins/.apoc-<version>-<pom hash>.
remove_apoc() {
  local m f
  for m in "$PLUGIN_DIR"/.apoc-*; do
    [[ -e $m ]] || continue
    while IFS= read -r f; do
      if [[ -n $f ]]; then rm -f "$PLUGIN_DIR/$f"; fi
    done <"$m"
    rm -f "$m"
    say "removed APOC ${m##*/.apoc-} from $PLUGIN_DIR"
  done
}

ensure_apoc() {
  local marker t0 tmp
  marker="$PLUGIN_DIR/.apoc-$APOC_VERSION-$(sha256sum <"$LAUNCHER_SRC/apoc/pom.xml" | cut -c1-8)"
  case "${KAPGRAPH_NEO4J_APOC:-}" in
    1|true|yes)
      if [[ ! -f $marker ]]; then
        remove_apoc
        command -v mvn >/dev/null 2>&1 || die "mvn is needed to fetch APOC from Maven Central"
        say "fetching APOC core $APOC_VERSION from Maven Central into $PLUGIN_DIR..."
        t0=$(now)
        tmp="$RUN_DIR/apoc-download"
        rm -rf "$tmp"
        # Libraries that Neo4j itself ships are left out (they are on the classpath already).
        (cd "$RUN_DIR" && mvn -q -B -Dstyle.color=never -f "$LAUNCHER_SRC/apoc/pom.xml" \
            "$DEP_PLUGIN:copy-dependencies" -Dapoc.version="$APOC_VERSION" \
            -DincludeScope=runtime -DoutputDirectory="$tmp" \
            -DexcludeArtifactIds=commons-lang3,commons-text,commons-collections4,commons-beanutils,commons-logging,slf4j-api,asm \
            2>&1 | strip_ansi >&2) || { rm -rf "$tmp"; die "could not fetch APOC core $APOC_VERSION"; }
        find "$tmp" -maxdepth 1 -name '*.jar' -printf '%f\n' | sort >"$marker.tmp"
        mv "$tmp"/*.jar "$PLUGIN_DIR"/
        mv "$marker.tmp" "$marker"
        rm -rf "$tmp"
        say "APOC fetch took $(elapsed "$t0") s ($(tr '\n' ' ' <"$marker"))"
      fi
      ;;
    0|false|no)
      remove_apoc
      ;;
  esac
  # Installed APOC (now or earlier): let its procedures run unsandboxed unless configured otherwise.
  if compgen -G "$PLUGIN_DIR/.apoc-*" >/dev/null; then
    export KAPGRAPH_NEO4J_CONF_dbms_security_procedures_unrestricted="${KAPGRAPH_NEO4J_CONF_dbms_security_procedures_unrestricted:-apoc.*}"
  fi
  return 0
}

tail_log() {
  say "last 50 lines of $LOG_FILE (more in $LOG_DIR/debug.log):"
  tail -n 50 "$LOG_FILE" >&2 2>/dev/null || true
}

lock_home() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/lock"
  flock -w 600 9 || die "timed out waiting for another neo4j.sh on $N4J_HOME"
}

cleanup_run_files() { rm -f "$PID_FILE" "$READY_FILE" "$RUN_DIR/ready.tmp" "$INSTANCE_FILE"; }

# Waits until pid is gone, up to $2 seconds; fails if still alive.
wait_gone() {
  local pid=$1 deadline
  deadline=$(( $(date +%s) + $2 ))
  while kill -0 "$pid" 2>/dev/null; do
    (( $(date +%s) < deadline )) || return 1
    sleep 0.2
  done
}

cmd_start() {
  local pid t0 deadline java listeners bolt ver rport
  lock_home
  if pid=$(running_pid); then
    rport=$(instance_get port || echo "$PORT")
    [[ $rport == "$PORT" ]] || die "already running for $N4J_HOME on port $rport (pid $pid), not $PORT; stop it first"
    [[ "$(instance_get auth || true)" == "$(auth_fingerprint)" ]] || \
      die "already running (pid $pid) with a different KAPGRAPH_NEO4J_PASSWORD; stop and start again to change it"
    say "already running (pid $pid, bolt 127.0.0.1:$PORT)"
    print_exports "$PORT"
    return 0
  fi
  cleanup_run_files

  listeners=$(port_listeners "$PORT")
  [[ -z $listeners ]] || die "port $PORT is already in use by another process; set NEO4J_PORT to a free port or stop it:
$listeners"

  java=$(find_java)
  build_launcher
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$PLUGIN_DIR"
  ensure_apoc

  local -a jvm=(
    "-Dkapgraph.neo4j.home=$N4J_HOME"
    -Xms128m "-Xmx$HEAP"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError
    -Dfile.encoding=UTF-8 -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
  )
  # Startup speed on small machines: C1-only JIT (halves startup CPU; set KAPGRAPH_NEO4J_JIT=full for
  # C2 peak performance) and an AppCDS archive of the loaded classes, dumped when the first server
  # with this JVM/classpath exits cleanly and reused afterwards (KAPGRAPH_NEO4J_CDS=0 disables it).
  [[ ${KAPGRAPH_NEO4J_JIT:-c1} == full ]] || jvm+=(-XX:TieredStopAtLevel=1)
  local cds_dump=""
  if [[ ${KAPGRAPH_NEO4J_CDS:-1} != 0 ]]; then
    local cds_key cds_file
    cds_key=$( { readlink -f "$java"; echo "$HEAP ${KAPGRAPH_NEO4J_JIT:-c1}"; ls -l "$PLUGIN_DIR"/*.jar 2>/dev/null || true; } | sha256sum | cut -c1-12)
    mkdir -p "$LAUNCHER_DIR/cds"
    cds_file="$LAUNCHER_DIR/cds/$cds_key.jsa"
    if [[ -s $cds_file ]]; then
      jvm+=("-XX:SharedArchiveFile=$cds_file" -Xshare:auto)
    else
      # Dumped at clean exit to a private name; `stop` moves it into place.
      cds_dump="$cds_file.$(printf '%s' "$N4J_HOME" | sha256sum | cut -c1-8).tmp"
      rm -f "$cds_dump"
      jvm+=("-XX:ArchiveClassesAtExit=$cds_dump")
    fi
    jvm+=("-Xlog:cds*=error" "-Xlog:class+path=error")
  fi
  if [[ -n ${KAPGRAPH_NEO4J_JAVA_OPTS:-} ]]; then
    local -a extra
    read -r -a extra <<<"$KAPGRAPH_NEO4J_JAVA_OPTS"
    jvm+=("${extra[@]}")
  fi
  export KAPGRAPH_NEO4J_CONF_server_memory_pagecache_size="${KAPGRAPH_NEO4J_CONF_server_memory_pagecache_size:-$PAGECACHE}"

  say "starting Neo4j $NEO4J_VERSION (home $N4J_HOME, bolt 127.0.0.1:$PORT, log $LOG_FILE)..."
  t0=$(now)
  printf '\n===== neo4j.sh start %s =====\n' "$(date -u +%FT%TZ)" >>"$LOG_FILE"
  # Plugins are put on the classpath as Neo4j's own start script does (APOC needs its extensions found).
  (
    cd "$N4J_HOME"
    exec 8>&- 9>&-  # do not let the server inherit (and hold) our lock files
    export KAPGRAPH_NEO4J_HOME="$N4J_HOME" KAPGRAPH_NEO4J_BOLT_PORT="$PORT" KAPGRAPH_NEO4J_PASSWORD="$PASSWORD"
    exec nohup setsid "$java" "${jvm[@]}" -cp "$LAUNCHER_DIR/launcher.jar:$LAUNCHER_DIR/lib/*:$PLUGIN_DIR/*" \
      "$MAIN_CLASS" >>"$LOG_FILE" 2>&1 </dev/null
  ) &
  pid=$!
  echo "$pid" >"$PID_FILE"
  (umask 077; printf 'port=%s\nauth=%s\ncds_dump=%s\n' "$PORT" "$(auth_fingerprint)" "$cds_dump" >"$INSTANCE_FILE")

  deadline=$(( $(date +%s) + START_TIMEOUT ))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      cleanup_run_files
      tail_log
      die "Neo4j exited during startup"
    fi
    if [[ -f $READY_FILE ]] && bolt=$(bolt_handshake "$PORT"); then
      break
    fi
    if (( $(date +%s) >= deadline )); then
      tail_log
      say "Bolt did not answer within ${START_TIMEOUT}s; stopping pid $pid"
      kill -TERM "$pid" 2>/dev/null || true
      wait_gone "$pid" "$STOP_TIMEOUT" || kill -KILL "$pid" 2>/dev/null || true
      cleanup_run_files
      die "start timed out"
    fi
    sleep 0.5
  done
  ver=$(sed -n 's/^version=//p' "$READY_FILE")
  say "ready: $ver, Bolt $bolt on bolt://127.0.0.1:$PORT (pid $pid); start took $(elapsed "$t0") s"
  print_exports "$PORT"
}

cmd_stop() {
  local pid t0 cds_dump
  lock_home
  if ! pid=$(running_pid); then
    cleanup_run_files
    say "not running"
    return 0
  fi
  t0=$(now)
  cds_dump=$(instance_get cds_dump || true)
  local timeout=$STOP_TIMEOUT
  # Writing the class archive happens after Neo4j has shut down; give it time (once per setup).
  if [[ -n $cds_dump ]]; then timeout=$(( STOP_TIMEOUT + 60 )); say "stopping; the JVM also writes its class archive (first stop only)..."; fi
  kill -TERM "$pid" 2>/dev/null || true
  if wait_gone "$pid" "$timeout"; then
    # A clean exit has written the class archive (if one was requested): publish it.
    if [[ -n $cds_dump && -s $cds_dump ]]; then mv -f "$cds_dump" "${cds_dump%.*.tmp}"; fi
  else
    say "no exit ${timeout}s after SIGTERM; sending SIGKILL to pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "pid $pid survived SIGKILL"
  fi
  if [[ -n $cds_dump ]]; then rm -f "$cds_dump"; fi
  cleanup_run_files
  say "stopped (pid $pid) in $(elapsed "$t0") s"
}

cmd_kill() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    return 0
  fi
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10 || die "pid $pid survived SIGKILL"
  cleanup_run_files
  say "killed pid $pid (SIGKILL, no clean shutdown)"
}

cmd_status() {
  local pid port bolt
  if ! pid=$(running_pid); then
    echo "stopped"
    return 3
  fi
  port=$(instance_get port || echo "$PORT")
  if [[ -f $READY_FILE ]] && bolt=$(bolt_handshake "$port"); then
    echo "running (pid $pid, bolt 127.0.0.1:$port)"
    return 0
  fi
  echo "starting or unresponsive (pid $pid, bolt 127.0.0.1:$port not answering)"
  return 1
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR"
  say "deleted $DATA_DIR"
}

cmd_env() {
  local port
  if running_pid >/dev/null; then port=$(instance_get port || echo "$PORT"); else port=$PORT; fi
  print_exports "$port"
}

# Bulk first load with Neo4j's importer (`neo4j-admin database import full`). There is no neo4j-admin
# script in a Maven-built Neo4j: the admin CLI's main class is on the launcher's classpath
# (neo4j-command-line, with the import command from neo4j-import-tool). The server is stopped (the
# importer needs the database offline), the database's store and transaction directories are moved
# aside, and the importer writes new ones; if it fails, its partial output is deleted and the old
# directories are moved back. The server is started again either way (even if it was not running:
# kapgraph goes on to create the schema).
# Deletes the importer's partial output and moves the database saved in $2 back.
import_restore() {
  local db=$1 backup=$2
  rm -rf "${DATA_DIR:?}/databases/$db" "$DATA_DIR/transactions/$db"
  [[ ! -e $backup/databases ]] || mv "$backup/databases" "$DATA_DIR/databases/$db"
  [[ ! -e $backup/transactions ]] || mv "$backup/transactions" "$DATA_DIR/transactions/$db"
  rm -rf "$backup"
}

cmd_import() {
  local dir=${1:-} db=${KAPGRAPH_NEO4J_IMPORT_DATABASE:-neo4j} java t0 backup conf rc=0
  [[ -n $dir && -f $dir/import.args ]] || die "import needs a directory with import.args (written by kapgraph ingest --bulk), got '${dir}'"
  dir=$(cd "$dir" && pwd)
  [[ $db =~ ^[A-Za-z0-9][A-Za-z0-9.-]*$ ]] || die "bad database name '$db'"
  java=$(find_java)
  build_launcher
  cmd_stop
  backup="$DATA_DIR/.import-backup-$$"
  rm -rf "$backup"
  mkdir -p "$backup"
  [[ ! -e $DATA_DIR/databases/$db ]] || mv "$DATA_DIR/databases/$db" "$backup/databases"
  [[ ! -e $DATA_DIR/transactions/$db ]] || mv "$DATA_DIR/transactions/$db" "$backup/transactions"
  # The importer reads neo4j.conf from NEO4J_CONF: the same directories as the server, nothing else.
  conf="$RUN_DIR/import-conf"
  mkdir -p "$conf"
  {
    printf 'server.directories.data=%s\n' "$DATA_DIR"
    printf 'server.directories.logs=%s\n' "$LOG_DIR"
    printf 'server.directories.plugins=%s\n' "$PLUGIN_DIR"
  } >"$conf/neo4j.conf"
  say "importing into database $db from $dir (log $LOG_DIR/import.log)..."
  t0=$(now)
  printf '\n===== neo4j.sh import %s =====\n' "$(date -u +%FT%TZ)" >>"$LOG_DIR/import.log"
  # Interrupted (Ctrl-C, kill): put the old database back before going.
  # shellcheck disable=SC2064 # expand now: the values are fixed
  trap "import_restore '$db' '$backup'; say 'import interrupted; the database is as it was'; exit 130" INT TERM
  (
    cd "$dir"
    exec 8>&- 9>&-
    NEO4J_HOME="$N4J_HOME" NEO4J_CONF="$conf" exec "$java" "-Xmx$HEAP" -XX:+UseG1GC \
      -cp "$LAUNCHER_DIR/lib/*" org.neo4j.cli.AdminTool database import full \
      "--max-off-heap-memory=$IMPORT_MEMORY" "$db" "@$dir/import.args"
  ) >>"$LOG_DIR/import.log" 2>&1 || rc=$?
  trap - INT TERM
  if (( rc != 0 )); then
    tail -n 30 "$LOG_DIR/import.log" >&2 || true
    import_restore "$db" "$backup"
    cmd_start >/dev/null
    die "the import failed (exit $rc, log above and in $LOG_DIR/import.log); the database is as it was"
  fi
  rm -rf "$backup"
  # The importer's own time (kapgraph reports relationships/s from it), without the stop and start.
  awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f\n", b - a }' >"$dir/import.seconds"
  say "import took $(<"$dir/import.seconds") s"
  cmd_start >/dev/null
}

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  env) cmd_env ;;
  kill) cmd_kill ;;
  import) shift; cmd_import "$@" ;;
  -h|--help|help) usage ;;
  *) usage; exit 2 ;;
esac
