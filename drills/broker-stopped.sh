#!/usr/bin/env bash
# Drill: the Kafka broker frozen (SIGSTOP) for two minutes while tasks change, then resumed.
# Expected: the changes wait in the engine's outbox and all reach notification-service once the
# broker is back; nothing lost, no notification twice, nothing dead-lettered. About 4 minutes.
source "$(dirname "$0")/lib.sh"
OUTAGE_SECONDS="${DRILL_OUTAGE_SECONDS:-120}"

require_platform
broker=$(port_pid "${UPR_KAFKA_PORT:-9092}")
begin
trap 'kill -CONT "$broker" 2> /dev/null || true' EXIT
say "freezing the broker (pid $broker, SIGSTOP) for $OUTAGE_SECONDS s while UNICEF's focal point claims and unclaims"
kill -STOP "$broker"
read -r accepted refused < <(churn "$REVIEW" $((OUTAGE_SECONDS / 4)) 3.5)
waiting=$(engine_sql "SELECT count(*) FROM upr_event_outbox WHERE record_key = '$REVIEW' AND published_at IS NULL")
say "changes accepted during the outage: $accepted (refused: $refused); events waiting in the outbox: $waiting"
kill -CONT "$broker"
say "broker resumed (SIGCONT)"
report "broker stopped for $OUTAGE_SECONDS s"
