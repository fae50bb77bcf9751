#!/usr/bin/env bash
# Drill: two engine nodes; the one holding the outbox relay's lease is frozen (SIGSTOP), as in a
# long GC pause or a network cut. This drill starts a second engine node (127.0.0.1:8083,
# management 9083) on the same database and broker, and stops it at the end. To catch a holder in
# the act, the broker is frozen first (a relay then holds the lease while it waits for the broker);
# the holder is read from the lease row (upr_outbox_relay_lease) and frozen, the broker resumed.
# Expected: the lease runs out (UPR_OUTBOX_LEASE, 30 s), the other node publishes what waits, with
# the numbers the frozen batch got; the thawed node's late sends are dropped by the consumer;
# nothing lost, no notification twice. About 4 minutes.
source "$(dirname "$0")/lib.sh"
SECOND_PORT="${DRILL_SECOND_ENGINE_PORT:-8083}"
SECOND_MANAGEMENT_PORT="${DRILL_SECOND_ENGINE_MANAGEMENT_PORT:-9083}"
FROZEN_SECONDS="${DRILL_FROZEN_SECONDS:-90}"

require_platform
broker=$(port_pid "${UPR_KAFKA_PORT:-9092}")
first=$(port_pid "$ENGINE_PORT")
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
second=""
holder=""
cleanup() {
  kill -CONT "$broker" 2> /dev/null || true
  [ -z "$holder" ] || kill -CONT "$holder" 2> /dev/null || true
  if [ -n "$second" ]; then
    kill -TERM "$second" 2> /dev/null || true
    for _ in $(seq 1 60); do kill -0 "$second" 2> /dev/null || break; sleep 0.5; done
    kill -KILL "$second" 2> /dev/null || true
  fi
}
trap cleanup EXIT

say "starting a second engine node on 127.0.0.1:$SECOND_PORT (log: .local/logs/workflow-engine-2.log)"
UPR_ENGINE_PORT="$SECOND_PORT" UPR_ENGINE_MANAGEMENT_PORT="$SECOND_MANAGEMENT_PORT" \
  UPR_ENGINE_DB_URL="jdbc:postgresql://127.0.0.1:${UPR_DB_PORT:-5432}/upr_engine" \
  UPR_DB_USER="${UPR_DB_USER:-postgres}" UPR_DB_PASSWORD="${UPR_DB_PASSWORD:-}" \
  UPR_KAFKA_BOOTSTRAP="$KAFKA" SPRING_PROFILES_ACTIVE=demo \
  java -Xmx512m -jar "$root/workflow-engine/target/workflow-engine-$version.jar" \
  > "$root/.local/logs/workflow-engine-2.log" 2>&1 &
second=$!
wait_until 240 "the second engine node ready" ready "$SECOND_PORT"
say "two engine nodes: pid $first (:$ENGINE_PORT) and pid $second (:$SECOND_PORT)"

begin

# The engine node holding the outbox relay's lease (the row names it "pid@host"; both nodes run on
# this host), while its batch waits for the broker.
lock_holder() {
  engine_sql "SELECT split_part(holder, '@', 1) FROM upr_outbox_relay_lease
              WHERE lock_key = 6147503992048206424 AND until > now()"
}

kill -STOP "$broker"
say "broker frozen; 6 task changes, which wait in the outbox"
churn "$REVIEW" 3 0.2 > /dev/null
for attempt in $(seq 1 60); do
  candidate=$(lock_holder)
  if [ "$candidate" = "$first" ] || [ "$candidate" = "$second" ]; then
    kill -STOP "$candidate"
    if [ "$(lock_holder)" = "$candidate" ]; then holder=$candidate; break; fi
    kill -CONT "$candidate"   # it let go between the look and the freeze: look again
  fi
  sleep 0.2
done
[ -n "$holder" ] || fail "no engine node was seen holding the relay's lock"
other=$([ "$holder" = "$first" ] && echo "$second" || echo "$first")
frozen_at=$(date +%s)
say "froze the lock holder, pid $holder; the other node is pid $other; resuming the broker"
kill -CONT "$broker"
waiting() { engine_sql "SELECT count(*) FROM upr_event_outbox WHERE record_key = '$REVIEW' AND published_at IS NULL"; }
for _ in $(seq 1 "$FROZEN_SECONDS"); do
  [ "$(waiting)" = 0 ] && break
  sleep 1
done
taken_over=$(( $(date +%s) - frozen_at ))
left=$(waiting)
[ "$left" = 0 ] || fail "$left events still unpublished $taken_over s after the holder froze: no node took over"
say "the other node published everything waiting $taken_over s after the holder froze"
sleep $(( FROZEN_SECONDS > taken_over ? FROZEN_SECONDS - taken_over : 0 ))
kill -CONT "$holder"
say "thawed pid $holder after $(( $(date +%s) - frozen_at )) s; 6 more changes"
holder=""
churn "$REVIEW" 3 0.2 > /dev/null
report "frozen relay lock holder, two engine nodes"
