#!/usr/bin/env bash
# The platform's task loop side by side with plain Camunda engine-rest, in one run on this machine.
#
# Builds (Maven, tests skipped), starts a PostgreSQL cluster of its own (this machine's PostgreSQL
# binaries, a fresh data directory each run, pg_stat_statements loaded), the platform through
# deploy/local/run.sh --no-build on it, and the peer (bench/engine-rest-peer) on a database of its
# own; seeds both; measures (bench client, alternating windows); stops everything; prints the
# Markdown table, also kept in .local/side-by-side/, with each service's start (Spring's own time,
# its CPU and RSS once ready) and its heap under the loop (sampled every 2 s by jstat from the
# JVM's performance counters) appended to the kept file.
# Loopback only. Ports from UPR_BENCH_PORT_BASE (default 24000): web-api +80, workflow-engine +81,
# notification-service +82, their management ports +83, +84, +85, peer +90, Kafka +92 and +93,
# PostgreSQL +432.
#
# Options: --no-build      use the jars already built
#          --lock FILE     hold FILE (flock) while building and while measuring, so that no other
#                          build on a shared machine runs meanwhile
#          --profile       also run JDK Flight Recorder on each JVM through the measured windows
#          --depths LIST   the depth series (issue 15, part 4), e.g. 1000,10000,100000: for each
#                          depth in turn, bring both sides to that many open tasks (--tasks of them
#                          the workers' own, the rest in other country teams: SideBySideBenchmark
#                          deepen, a bulk copy in SQL of instances the engine started); then, under
#                          --lock, time the lists one request after another with their plans logged
#                          (SideBySideBenchmark lists; auto_explain, the server's log is kept in the
#                          logs) and measure the loop; one result file each
#          --              the rest goes to the client (--tasks 1300 --workers 8 --windows 6
#                          --window-seconds 15 --warmup-seconds 10; --warm-claims-seconds N
#                          first warms each side for N s on claims given back, which use no task
#                          up: for the depth series, whose platform has served nothing yet)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)"
out="$root/.local/side-by-side"
logs="$out/logs"
mkdir -p "$logs"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

build=1; lock=""; profile=0; depths=""; client_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --lock) lock="$2"; shift ;;
    --profile) profile=1 ;;
    --depths) depths="$2"; shift ;;
    --) shift; client_args=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { print } /^set -euo/ { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

base="${UPR_BENCH_PORT_BASE:-24000}"
web_port=$((base + 80)); engine_port=$((base + 81)); notification_port=$((base + 82))
web_management_port=$((base + 83)); engine_management_port=$((base + 84)); notification_management_port=$((base + 85))
peer_port=$((base + 90)); kafka_port=$((base + 92)); controller_port=$((base + 93)); pg_port=$((base + 432))
say() { printf '\033[1m[side-by-side]\033[0m %s\n' "$*" >&2; }
locked() { if [ -n "$lock" ]; then flock "$lock" "$@"; else "$@"; fi; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  for port in $pg_port $web_port $engine_port $notification_port $web_management_port \
      $engine_management_port $notification_management_port $peer_port $kafka_port $controller_port; do
    if listening "$port"; then say "port $port on 127.0.0.1 is taken: set UPR_BENCH_PORT_BASE"; exit 1; fi
  done
}
check_ports

if [ "$build" = 1 ]; then
  say "building (tests skipped; output in $logs/build.log)..."
  locked ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true package \
    -pl workflow-engine,notification-service,web-api,deploy/kafka-broker,deploy/local-postgres,bench/client,bench/engine-rest-peer -am \
    > "$logs/build.log" 2>&1 || { tail -30 "$logs/build.log"; exit 1; }
fi
check_ports # again: something may have taken one while Maven built
peer_jar="bench/engine-rest-peer/target/engine-rest-peer-$version.jar"
[ -f "$peer_jar" ] || { say "missing $peer_jar: run without --no-build"; exit 1; }

# --- PostgreSQL of its own: this machine's binaries, a fresh cluster each run ---
pg_bin="${UPR_BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$pg_bin/initdb" ] || { say "no PostgreSQL binaries (set UPR_BENCH_PG_BIN)"; exit 1; }
pg_data="$(mktemp -d /tmp/upr-side-by-side-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$pg_data"; as_pg=(runuser -u postgres --); fi

platform_pid=""; peer_pid=""; heap_pid=""
stop_all() {
  trap - EXIT INT TERM
  say "stopping..."
  if [ -n "$heap_pid" ]; then pkill -P "$heap_pid" 2>/dev/null || true; kill "$heap_pid" 2>/dev/null || true; fi
  for pid in $peer_pid $platform_pid; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in $peer_pid $platform_pid; do
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" stop -m fast > /dev/null 2>&1 || true
  if [ -n "$depths" ] && [ -f "$pg_data/server.log" ]; then cp "$pg_data/server.log" "$logs/postgres-$stamp.log"; fi
  rm -rf "$pg_data"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

say "starting PostgreSQL on 127.0.0.1:$pg_port (pg_stat_statements loaded)..."
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$logs/initdb.log"
# As this machine's server: shared_buffers 128MB, fsync on; autovacuum off, the client ANALYZEs after seeding.
cat >> "$pg_data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_data'
max_connections = 100
shared_buffers = 128MB
fsync = on
autovacuum = off
shared_preload_libraries = 'pg_stat_statements,auto_explain'
pg_stat_statements.max = 10000
pg_stat_statements.track_utility = on
CONF
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w start > /dev/null
psql=("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE EXTENSION pg_stat_statements" -c "CREATE DATABASE upr_bench_peer"

# --- the platform, through the quick start's script, and the peer ---
say "starting the platform (deploy/local/run.sh --no-build; log in $logs/platform.log)..."
UPR_DB_HOST=127.0.0.1 UPR_DB_PORT="$pg_port" UPR_DB_USER=postgres UPR_DB_PASSWORD= \
  UPR_WEB_API_PORT=$web_port UPR_ENGINE_PORT=$engine_port UPR_NOTIFICATION_PORT=$notification_port \
  UPR_WEB_API_MANAGEMENT_PORT=$web_management_port UPR_ENGINE_MANAGEMENT_PORT=$engine_management_port \
  UPR_NOTIFICATION_MANAGEMENT_PORT=$notification_management_port \
  UPR_KAFKA_PORT=$kafka_port UPR_KAFKA_CONTROLLER_PORT=$controller_port \
  setsid deploy/local/run.sh --no-build > "$logs/platform.log" 2>&1 &
platform_pid=$!
say "starting the peer on 127.0.0.1:$peer_port (log in $logs/peer.log)..."
UPR_PEER_PORT=$peer_port UPR_PEER_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/upr_bench_peer" \
  setsid java -Xmx512m -jar "$peer_jar" > "$logs/peer.log" 2>&1 &
peer_pid=$!

wait_ready() { # name url pid seconds
  for _ in $(seq 1 $(( $4 * 2 ))); do
    curl -fs "$2" > /dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { say "$1 exited; see $logs/"; exit 1; }
    sleep 0.5
  done
  say "$1 is not ready after $4 s; see $logs/"; exit 1
}
wait_ready peer "http://127.0.0.1:$peer_port/engine-rest/process-definition/key/pair-loop" "$peer_pid" 240
for _ in $(seq 1 600); do # run.sh says so once all three services are ready
  grep -q "UPR Engage is running" "$logs/platform.log" && break
  kill -0 "$platform_pid" 2>/dev/null || { say "the platform exited; see $logs/platform.log"; exit 1; }
  sleep 0.5
done
grep -q "UPR Engage is running" "$logs/platform.log" || { say "the platform is not ready after 300 s"; exit 1; }

# --- memory and start (issue 15, part 5): each service's start, then its CPU and RSS once ready ---
port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
ticks="$(getconf CLK_TCK)"
services=("workflow-engine $engine_port $engine_management_port"
  "notification-service $notification_port $notification_management_port"
  "web-api $web_port $web_management_port")
start_table="$out/start-$stamp.md"
{
  echo "| service | started in (Spring's own figure) | CPU to that point (user + system) | RSS then |"
  echo "|---|---|---|---|"
  for service in "${services[@]}"; do
    read -r name port _ <<< "$service"
    pid="$(port_pid "$port")"
    started="$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' ".local/logs/$name.log" | tail -1)"
    cpu="$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$pid/stat" 2>/dev/null || echo "?")"
    rss="$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?")"
    echo "| $name | ${started:-?} s | $cpu s (when all three are ready) | $rss MiB |"
  done
} > "$start_table"
client=(java -Xmx512m -cp "bench/client/target/bench-client-$version.jar:bench/client/target/lib/*"
  org.uprengage.bench.SideBySideBenchmark)
common=(--state "$out/state-$stamp" --db "jdbc:postgresql://127.0.0.1:$pg_port/"
  --web-api "http://127.0.0.1:$web_port" --engine "http://127.0.0.1:$engine_port"
  --notifications "http://127.0.0.1:$notification_port" --peer "http://127.0.0.1:$peer_port"
  --web-api-management "http://127.0.0.1:$web_management_port"
  --engine-management "http://127.0.0.1:$engine_management_port"
  --notifications-management "http://127.0.0.1:$notification_management_port"
  --kafka "127.0.0.1:$kafka_port")
if [ -z "$depths" ]; then
  say "seeding both sides..."
  "${client[@]}" seed "${common[@]}" "${client_args[@]}"
fi
# --- heap under the loop (issue 15, part 5) ---
heap_samples="$out/heap-$stamp.txt"
sample_heap() { # every 2 s: heap used and committed (MiB) of each service, from the JVM's own
  # performance counters (a shared-memory file) through one jstat per service for the whole run:
  # nothing runs in the service for it, where a Prometheus scrape of the whole registry every 2 s
  # cost the services CPU that the peer did not pay
  for service in "${services[@]}"; do
    read -r name port _ <<< "$service"
    jstat -gc "$(port_pid "$port")" 2000 2>/dev/null \
      | awk -v n="$name" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
          $1 ~ /^[0-9.]+$/ { u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]
            c = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]
            if (c > 0) { printf "%s %.0f %.0f\n", n, u / 1024, c / 1024; fflush() } }' >> "$heap_samples" &
  done
  wait
}
measure=("${client[@]}" measure "${common[@]}")
if [ "$profile" = 1 ]; then measure+=(--profile "$out/jfr-$stamp"); fi
sample_heap & heap_pid=$!
if [ -z "$depths" ]; then
  say "measuring${lock:+ (holding $lock)}..."
  locked timeout 600 "${measure[@]}" --out "$out/result-$stamp.md" "${client_args[@]}"
else
  for depth in ${depths//,/ }; do
    say "depth $depth: seeding (uptime: $(uptime))..."
    started=$SECONDS
    "${client[@]}" deepen "${common[@]}" --depth "$depth" "${client_args[@]}" | tee -a "$out/seed-$stamp.txt"
    say "depth $depth: seeded in $((SECONDS - started)) s"
    if [ -n "$lock" ]; then exec 9<>"$lock"; flock 9; fi # the lists and the loop, no build meanwhile
    say "depth $depth: measuring${lock:+ (holding $lock)} (uptime: $(uptime))..."
    timeout 300 "${client[@]}" lists "${common[@]}" --depth "$depth" --lists-out "$out/lists-$stamp.md" \
      "${client_args[@]}"
    timeout 600 "${measure[@]}" --out "$out/result-$stamp-depth-$depth.md" "${client_args[@]}"
    if [ -n "$lock" ]; then flock -u 9; exec 9<&-; fi
    say "depth $depth: measured (uptime: $(uptime))"
  done
  cat "$out/lists-$stamp.md" > "$out/result-$stamp.md"
fi
pkill -P "$heap_pid" 2>/dev/null || true; kill "$heap_pid" 2>/dev/null || true
{
  echo
  echo "### Start and heap (the platform's services)"
  echo
  cat "$start_table"
  echo
  echo "| service | heap used under the loop, max (MiB) | heap committed, max (MiB) |"
  echo "|---|---|---|"
  for service in "${services[@]}"; do
    read -r name _ <<< "$service"
    awk -v n="$name" '$1 == n { if ($2 > u) u = $2; if ($3 > c) c = $3 }
      END { printf "| %s | %d | %d |\n", n, u, c }' "$heap_samples"
  done
} >> "$out/result-$stamp.md"
say "result kept in .local/side-by-side/result-$stamp.md"
