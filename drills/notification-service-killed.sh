#!/usr/bin/env bash
# Drill: notification-service killed (SIGKILL) in the middle of a burst of task changes, and
# started again (by ./deploy/local/run.sh --restart, as a supervisor would). Expected: the events
# it had not committed are redelivered and handled once; nothing lost, no notification twice,
# nothing dead-lettered. About 2 minutes.
source "$(dirname "$0")/lib.sh"

require_platform
begin
say "a burst: 40 claims and unclaims, 0.05 s apart"
churn "$REVIEW" 20 0.05 > /tmp/drill-burst.$$ &
burst=$!
sleep 2
victim=$(port_pid "$NOTIFICATION_PORT")
say "killing notification-service (pid $victim, SIGKILL) in the middle of the burst"
kill -KILL "$victim"
wait "$burst"
read -r accepted refused < /tmp/drill-burst.$$
rm -f /tmp/drill-burst.$$
say "changes accepted: $accepted (refused: $refused)"
wait_until 30 "notification-service gone" bash -c "! curl -fs -o /dev/null http://127.0.0.1:$NOTIFICATION_PORT/readyz"
say "waiting for notification-service to be started again (run.sh --restart) and ready..."
wait_until 240 "notification-service back (was the platform started with --restart?)" ready "$NOTIFICATION_PORT"
after=$(port_pid "$NOTIFICATION_PORT")
say "notification-service ready again (pid $after)"
report "notification-service killed in a burst"
