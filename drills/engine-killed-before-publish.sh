#!/usr/bin/env bash
# Drill: workflow-engine killed (SIGKILL) between commit and publish. The broker is frozen
# (SIGSTOP) so that committed changes wait in the outbox; the engine is killed with them
# unpublished, the broker resumed, and the engine started again (by ./deploy/local/run.sh
# --restart). Expected: the restarted engine's relay publishes what was committed; nothing lost,
# no notification twice. About 3 minutes.
source "$(dirname "$0")/lib.sh"

require_platform
broker=$(port_pid "${UPR_KAFKA_PORT:-9092}")
begin
trap 'kill -CONT "$broker" 2> /dev/null || true' EXIT
kill -STOP "$broker"
say "broker frozen; 10 claims and unclaims"
read -r accepted refused < <(churn "$REVIEW" 5 0.2)
waiting=$(engine_sql "SELECT count(*) FROM upr_event_outbox WHERE record_key = '$REVIEW' AND published_at IS NULL")
[ "$waiting" -gt 0 ] || fail "no committed event waiting for the broker: the drill did not put the kill between commit and publish"
engine=$(port_pid "$ENGINE_PORT")
say "changes accepted: $accepted (refused: $refused); committed, unpublished: $waiting; killing the engine (pid $engine, SIGKILL)"
kill -KILL "$engine"
kill -CONT "$broker"
say "broker resumed; waiting for the engine to be started again (run.sh --restart) and ready..."
wait_until 30 "the engine gone" bash -c "! curl -fs -o /dev/null http://127.0.0.1:$ENGINE_PORT/readyz"
wait_until 300 "the engine back (was the platform started with --restart?)" ready "$ENGINE_PORT"
say "engine ready again (pid $(port_pid "$ENGINE_PORT"))"
report "engine killed between commit and publish"
