#!/usr/bin/env bash
# Drill: notification-service's database refusing connections for three minutes while tasks
# change. PostgreSQL is told to accept no connection to upr_notification (ALTER DATABASE ...
# ALLOW_CONNECTIONS false, which holds for superusers too) and the database's sessions are ended;
# afterwards connections are allowed again. Expected: notification-service's health (management
# port) goes DOWN while its readiness probe stays up (ready while it runs, see docs/operations.md),
# its listener pauses and retries, nothing is dead-lettered, and once the database is back every
# event is handled once. About 5 minutes. Needs a PostgreSQL role allowed to alter the database
# (the local run's postgres).
source "$(dirname "$0")/lib.sh"
OUTAGE_SECONDS="${DRILL_OUTAGE_SECONDS:-180}"

require_platform
begin
allow() { "${PG[@]}" -d upr_engine -c "ALTER DATABASE upr_notification ALLOW_CONNECTIONS true"; }
trap allow EXIT
say "upr_notification refuses connections for $OUTAGE_SECONDS s; its sessions are ended"
"${PG[@]}" -d upr_engine -c "ALTER DATABASE upr_notification ALLOW_CONNECTIONS false"
"${PG[@]}" -d upr_engine -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'upr_notification'" > /dev/null
read -r accepted refused < <(churn "$REVIEW" $((OUTAGE_SECONDS / 4)) 3.5)
health=$(curl -s "http://127.0.0.1:${UPR_NOTIFICATION_MANAGEMENT_PORT:-9082}/actuator/health" | grep -o '"status":"[A-Z]*"' | head -1)
say "changes accepted during the outage: $accepted (refused: $refused); notification-service health: $health"
allow
say "upr_notification accepts connections again"
report "notification database refused for $OUTAGE_SECONDS s"
