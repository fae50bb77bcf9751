#!/usr/bin/env bash
# Runs the whole UPR Engage platform on this machine, without Docker:
#   a real Kafka broker (KRaft, Maven Central's Kafka artifacts) bound to 127.0.0.1,
#   PostgreSQL at 127.0.0.1:5432 (or UPR_DB_HOST/UPR_DB_PORT), else an embedded PostgreSQL,
#   workflow-engine, notification-service and web-api with the demo data and demo users.
# Data stays under .local/ (ignored by git), so a second run keeps the first run's reviews.
# Ctrl-C stops everything.
#
# Options: --no-build  use the jars already built
#          --restart   start a service again when it exits (as a supervisor would), instead of
#                      stopping the platform; the drills (drills/, docs/reliability.md) kill services
# Environment: UPR_DB_HOST, UPR_DB_PORT, UPR_DB_USER, UPR_DB_PASSWORD, UPR_KAFKA_PORT,
#              UPR_WEB_API_PORT, UPR_ENGINE_PORT, UPR_NOTIFICATION_PORT, and the management ports
#              (metrics, full health) UPR_WEB_API_MANAGEMENT_PORT, UPR_ENGINE_MANAGEMENT_PORT,
#              UPR_NOTIFICATION_MANAGEMENT_PORT
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
state="$root/.local"
logs="$state/logs"
mkdir -p "$logs"

build=1
restart=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --restart) restart=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print } /^set -euo/ { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

db_host="${UPR_DB_HOST:-127.0.0.1}"
db_port="${UPR_DB_PORT:-5432}"
db_user="${UPR_DB_USER:-postgres}"
db_password="${UPR_DB_PASSWORD:-}"
kafka_port="${UPR_KAFKA_PORT:-9092}"
controller_port="${UPR_KAFKA_CONTROLLER_PORT:-9093}"
web_port="${UPR_WEB_API_PORT:-8080}"
engine_port="${UPR_ENGINE_PORT:-8081}"
notification_port="${UPR_NOTIFICATION_PORT:-8082}"
web_management_port="${UPR_WEB_API_MANAGEMENT_PORT:-9080}"
engine_management_port="${UPR_ENGINE_MANAGEMENT_PORT:-9081}"
notification_management_port="${UPR_NOTIFICATION_MANAGEMENT_PORT:-9082}"
embedded_pg_port="${UPR_EMBEDDED_DB_PORT:-54329}"
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)"

pids=()
say() { printf '\033[1m[upr]\033[0m %s\n' "$*"; }

stop_all() {
  trap - INT TERM EXIT
  if [ "${#pids[@]}" -gt 0 ]; then
    say "stopping..."
    # Services first, then Kafka and PostgreSQL, each given time to shut down cleanly.
    for i in $(printf '%s\n' "${!pids[@]}" | sort -rn); do
      kill -TERM "${pids[$i]}" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "${pids[$i]}" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    done
    say "stopped; data kept in .local/"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() { # name host port pid seconds
  for _ in $(seq 1 $(( $5 * 2 ))); do
    listening "$2" "$3" && return 0
    kill -0 "$4" 2>/dev/null || { say "$1 exited; see its log under .local/logs/"; exit 1; }
    sleep 0.5
  done
  say "$1 did not start within $5 s; see .local/logs/"; exit 1
}

for port in "$kafka_port" "$controller_port" "$web_port" "$engine_port" "$notification_port" \
    "$web_management_port" "$engine_management_port" "$notification_management_port"; do
  if listening 127.0.0.1 "$port"; then
    say "port $port on 127.0.0.1 is already taken (is the platform already running?)"; exit 1
  fi
done

if [ "$build" = 1 ]; then
  say "building (./mvnw package, tests skipped; the first run downloads the build's dependencies"
  say "from Maven Central and takes a few minutes; the whole output goes to .local/logs/build.log)..."
  ./mvnw -B -DskipTests -Dspotless.check.skip=true package 2>&1 | tee "$logs/build.log" | awk '
    /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] /, ""); gsub(/  +/, " "); print "  " $0; fflush() }
    /Downloaded from/ { n++; if (n % 100 == 0) { print "  ... " n " files downloaded"; fflush() } }
    /BUILD FAILURE|^\[ERROR\]/ { print "  " $0; fflush() }'
fi
for jar in workflow-engine notification-service web-api; do
  [ -f "$jar/target/$jar-$version.jar" ] || { say "missing $jar/target/$jar-$version.jar: run without --no-build"; exit 1; }
done

# --- Kafka: one KRaft node (broker and controller) on loopback ---
kafka_dir="$state/kafka"
mkdir -p "$kafka_dir"
cat > "$kafka_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$kafka_dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
kafka_cp="$root/deploy/kafka-broker/target/lib/*"
kafka_java=(java -Xmx512m -Dlog4j.configuration="file:$root/deploy/local/kafka-log4j.properties" -Dkafka.logs.dir="$logs" -cp "$kafka_cp")
if [ ! -f "$kafka_dir/data/meta.properties" ]; then
  cluster_id="$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid)"
  "${kafka_java[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$kafka_dir/server.properties" > "$logs/kafka-format.log"
fi
say "starting Kafka on 127.0.0.1:$kafka_port..."
"${kafka_java[@]}" kafka.Kafka "$kafka_dir/server.properties" > "$logs/kafka-stdout.log" 2>&1 &
pids+=($!)
wait_for_port Kafka 127.0.0.1 "$kafka_port" "$!" 60

# --- PostgreSQL: the given or local server, else an embedded one ---
pg_cp="$root/deploy/local-postgres/target/local-postgres-$version.jar:$root/deploy/local-postgres/target/lib/*"
if listening "$db_host" "$db_port"; then
  say "using PostgreSQL at $db_host:$db_port"
else
  say "no PostgreSQL at $db_host:$db_port; starting an embedded PostgreSQL on 127.0.0.1:$embedded_pg_port..."
  java -cp "$pg_cp" org.uprengage.deploy.LocalPostgres embedded "$state/pgdata" "$embedded_pg_port" > "$logs/postgres.log" 2>&1 &
  pids+=($!)
  wait_for_port PostgreSQL 127.0.0.1 "$embedded_pg_port" "$!" 120
  db_host=127.0.0.1; db_port="$embedded_pg_port"; db_user=postgres; db_password=postgres
fi
java -cp "$pg_cp" org.uprengage.deploy.LocalPostgres ensure-databases "$db_host" "$db_port" "$db_user" "$db_password" upr_engine upr_notification

# --- the three services, demo profile ---
export UPR_DB_USER="$db_user" UPR_DB_PASSWORD="$db_password" UPR_KAFKA_BOOTSTRAP="127.0.0.1:$kafka_port"
export UPR_ENGINE_DB_URL="jdbc:postgresql://$db_host:$db_port/upr_engine"
export UPR_NOTIFICATION_DB_URL="jdbc:postgresql://$db_host:$db_port/upr_notification"
export UPR_ENGINE_PORT="$engine_port" UPR_NOTIFICATION_PORT="$notification_port" UPR_WEB_API_PORT="$web_port"
export UPR_ENGINE_MANAGEMENT_PORT="$engine_management_port"
export UPR_NOTIFICATION_MANAGEMENT_PORT="$notification_management_port"
export UPR_WEB_API_MANAGEMENT_PORT="$web_management_port"
export UPR_ENGINE_URL="http://127.0.0.1:$engine_port" UPR_NOTIFICATION_URL="http://127.0.0.1:$notification_port"
export SPRING_PROFILES_ACTIVE=demo

start_service() { # name port [append to the log]
  say "starting $1 on 127.0.0.1:$2..."
  [ -n "${3:-}" ] || : > "$logs/$1.log"
  java -Xmx512m -jar "$1/target/$1-$version.jar" >> "$logs/$1.log" 2>&1 &
  pids+=($!)
  services[$!]="$1 $2"
}
declare -A services=()
start_service workflow-engine "$engine_port"; engine_pid=$!
start_service notification-service "$notification_port"; notification_pid=$!
start_service web-api "$web_port"; web_pid=$!
wait_ready() { # name port pid seconds: the port, then (where curl exists) the readiness probe,
               # which answers on the service port too (/readyz)
  wait_for_port "$1" 127.0.0.1 "$2" "$3" "$4"
  if command -v curl > /dev/null; then
    for _ in $(seq 1 $(( $4 * 2 ))); do
      curl -fs "http://127.0.0.1:$2/readyz" > /dev/null && return 0
      sleep 0.5
    done
    say "$1 is not ready; see .local/logs/$1.log"; exit 1
  fi
}
wait_ready workflow-engine "$engine_port" "$engine_pid" 180
wait_ready notification-service "$notification_port" "$notification_pid" 180
wait_ready web-api "$web_port" "$web_pid" 180

cat <<INFO

  UPR Engage is running.

    API             http://127.0.0.1:$web_port/api
    Swagger UI      http://127.0.0.1:$web_port/swagger-ui.html
    OpenAPI         http://127.0.0.1:$web_port/v3/api-docs
    Ready?          http://127.0.0.1:$web_port/readyz
    Metrics         http://127.0.0.1:$web_management_port/actuator/prometheus   (management ports:
                    web-api $web_management_port, engine $engine_management_port, notifications $notification_management_port)
    Kafka           127.0.0.1:$kafka_port   (topics upr.tasks.v1, upr.reviews.v1, upr.deadlines.v1)
    PostgreSQL      $db_host:$db_port   (databases upr_engine, upr_notification)
    Logs            .local/logs/

  Demo users (password "demo"), all in the UN country team in Ghana (GHA):
    coordinator     RCO coordinator: starts reviews, plans the submission
    focal-unicef    UNICEF focal point         focal-undp    UNDP focal point
    head-unicef     UNICEF head of office      head-undp     UNDP head of office
    rc              Resident Coordinator       admin         administrator
    viewer          reads, changes nothing (OHCHR)

  Try:  curl -u coordinator:demo http://127.0.0.1:$web_port/api/sessions

  Ctrl-C stops everything.
INFO

# Stay up while every process lives; if one dies, say which and stop the rest.
while true; do
  for i in "${!pids[@]}"; do
    pid="${pids[$i]}"
    if ! kill -0 "$pid" 2>/dev/null; then
      if [ "$restart" = 1 ] && [ -n "${services[$pid]:-}" ]; then
        read -r name port <<< "${services[$pid]}"
        unset "services[$pid]" "pids[$i]"
        say "$name ($pid) exited; starting it again (--restart)"
        start_service "$name" "$port" append
        continue
      fi
      say "a process ($pid) exited; stopping the platform. See .local/logs/"
      exit 1
    fi
  done
  sleep 2
done
