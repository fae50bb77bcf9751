# Shared by the drills (sourced, not run). Each drill works against the platform that
# ./deploy/local/run.sh --restart runs on this machine: loopback addresses only, the default ports.
# See docs/reliability.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="http://127.0.0.1:${UPR_WEB_API_PORT:-8080}/api"
ENGINE_PORT="${UPR_ENGINE_PORT:-8081}"
NOTIFICATION_PORT="${UPR_NOTIFICATION_PORT:-8082}"
KAFKA="127.0.0.1:${UPR_KAFKA_PORT:-9092}"
PG=(psql -X -q -At -h 127.0.0.1 -p "${UPR_DB_PORT:-5432}" -U "${UPR_DB_USER:-postgres}")
KAFKA_CP="$root/deploy/kafka-broker/target/lib/*"
TOPICS=(upr.tasks.v1 upr.reviews.v1 upr.deadlines.v1)
SETTLE_SECONDS="${DRILL_SETTLE_SECONDS:-180}"

say() { printf '[drill %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

engine_sql() { "${PG[@]}" -d upr_engine -c "$1"; }
notification_sql() { "${PG[@]}" -d upr_notification -c "$1"; }

# The process listening on a loopback TCP port (the platform's processes are this user's children).
port_pid() {
  ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/readyz"; }

wait_until() { # seconds description command...: polls the command once a second
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    "$@" && return 0
    sleep 1
  done
  fail "$what: not within $seconds s"
}

require_platform() {
  ready "${UPR_WEB_API_PORT:-8080}" && ready "$ENGINE_PORT" && ready "$NOTIFICATION_PORT" \
    || fail "the platform is not running or not ready: start ./deploy/local/run.sh --restart"
  [ -n "$(port_pid "${UPR_KAFKA_PORT:-9092}")" ] || fail "no Kafka broker on $KAFKA"
}

first_id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }

# A new review of Ghana in the first session that has none yet; prints its id.
new_review() {
  local session code
  for session in $(curl -fs -u coordinator:demo "$API/sessions" | grep -o '"number":[0-9]*' | cut -d: -f2); do
    code=$(curl -s -o /tmp/drill-review.$$ -w '%{http_code}' -u coordinator:demo \
      -H 'Content-Type: application/json' -d "{\"country\":\"GHA\",\"session\":$session}" "$API/reviews")
    if [ "$code" = 201 ]; then first_id < /tmp/drill-review.$$; rm -f /tmp/drill-review.$$; return 0; fi
  done
  rm -f /tmp/drill-review.$$
  fail "no session left without a review of Ghana"
}

task_of() { # review key user
  curl -fs -u "$3:demo" "$API/tasks?reviewId=$1&taskKey=$2" | first_id
}

# The admin follows Ghana's country team: every task event of a review then makes exactly one
# notification for the admin (a follower who may see every task, and never the one acting here),
# which is the drill's count of notifications expected. Call before the review starts.
follow_country_team() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:demo -H 'Content-Type: application/json' \
    -d '{"countryTeam":"GHA"}' "$API/follows")
  [ "$code" = 201 ] || [ "$code" = 409 ] || fail "admin could not follow Ghana's country team ($code)"
}

plan() { # review: the coordinator chooses UNICEF and UNDP, whose focal points get a task each
  local plan
  wait_until 30 "the review's planning task" task_present "$1" UserTask_PlanSubmission coordinator
  plan=$(task_of "$1" UserTask_PlanSubmission coordinator)
  curl -fs -o /dev/null -u coordinator:demo -X POST "$API/tasks/$plan/claim"
  curl -fs -o /dev/null -u coordinator:demo -H 'Content-Type: application/json' \
    -d '{"agencies":["UNICEF","UNDP"]}' "$API/tasks/$plan/complete"
  wait_until 30 "UNICEF's drafting task" task_present "$1" UserTask_DraftAgencySection focal-unicef
}

task_present() { [ -n "$(task_of "$1" "$2" "$3")" ]; }

# The review the drills work on: one of Ghana's whose UNICEF drafting task is open (the drills
# leave it open), else a new one, planned. Prints its id.
drill_review() {
  local open
  open=$(curl -fs -u focal-unicef:demo "$API/tasks?taskKey=UserTask_DraftAgencySection" \
    | grep -o '"reviewId":"[^"]*"' | head -1 | cut -d'"' -f4)
  if [ -n "$open" ]; then echo "$open"; return 0; fi
  open=$(new_review)
  plan "$open" > /dev/null
  echo "$open"
}

# Starts a drill: Ghana followed by the admin, the review chosen, and the outbox's position noted;
# the figures count the review's events after that position.
begin() {
  follow_country_team
  REVIEW=$(drill_review)
  MARK=$(engine_sql "SELECT coalesce(max(position), 0) FROM upr_event_outbox")
  say "review $REVIEW; counting its events after outbox position $MARK"
}

# The drill's events: the review's, after the mark.
drill_events() { # [condition]
  engine_sql "SELECT event_id FROM upr_event_outbox WHERE record_key = '$REVIEW' AND position > $MARK ${1:+AND $1}"
}
count_events() { drill_events "${1:-}" | grep -c . || true; }

# Task changes: UNICEF's focal point claims and unclaims the drafting task, $2 times, $3 s apart
# (each change is one task event). Prints how many changes the API accepted; a change refused
# (the API down or timing out) is not an event and is counted apart.
churn() { # review times pause [api]
  local api=${4:-$API} draft accepted=0 refused=0
  draft=$(task_of "$1" UserTask_DraftAgencySection focal-unicef)
  for _ in $(seq 1 "$2"); do
    for action in claim unclaim; do
      if [ "$(curl -s -m 20 -o /dev/null -w "%{http_code}" -u focal-unicef:demo -X POST "$api/tasks/$draft/$action")" = 200 ]; then
        accepted=$((accepted + 1))
      else
        refused=$((refused + 1))
      fi
    done
    sleep "$3"
  done
  echo "$accepted $refused"
}

# The records of a review (all, for none) on the topics (or their dead-letter topics): one line per
# record, its CloudEvent id (header ce_id).
records_of() { # review suffix
  local topic
  for topic in "${TOPICS[@]}"; do
    java -cp "$KAFKA_CP" -Dlog4j.configuration=file:"$root/deploy/local/kafka-log4j.properties" \
      org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA" \
      --topic "$topic$2" --from-beginning --timeout-ms 5000 \
      --property print.key=true --property print.headers=true --property print.value=false \
      --property key.separator='|' 2> /dev/null \
      | grep -F "|$1" | grep -o 'ce_id:[^,|]*' | cut -d: -f2 || true
  done
}

in_list() { sed "s/.*/'&'/" | paste -sd, -; }

consumed() {
  local ids
  ids=$(drill_events | in_list)
  [ -n "$ids" ] || { echo 0; return; }
  notification_sql "SELECT count(*) FROM ns_processed_event WHERE id IN ($ids)"
}

all_consumed() { [ "$(consumed)" = "$(count_events)" ]; }

# Waits until every event of the review was consumed (at most SETTLE_SECONDS), then prints the
# figures and exits non-zero on loss or duplication.
report() { # drill-name
  say "waiting (up to $SETTLE_SECONDS s) until notification-service consumed every event of the drill..."
  for _ in $(seq 1 "$SETTLE_SECONDS"); do all_consumed && break; sleep 1; done
  sleep 5   # settling: anything late or twice shows in the counts below
  local created published parked unpublished kafka distinct missing dead dead_all consumed_ ids task_ids expected made notifications dup_notifications
  created=$(count_events)
  published=$(count_events "published_at IS NOT NULL")
  parked=$(count_events "parked_at IS NOT NULL")
  unpublished=$((created - published))
  drill_events | sort > /tmp/drill-ids.$$
  records_of "$REVIEW" "" | sort | join - /tmp/drill-ids.$$ > /tmp/drill-records.$$ || true
  kafka=$(wc -l < /tmp/drill-records.$$)
  distinct=$(uniq < /tmp/drill-records.$$ | wc -l)
  missing=$(comm -23 /tmp/drill-ids.$$ <(uniq /tmp/drill-records.$$) | wc -l)
  records_of "" .dlt > /tmp/drill-dead.$$
  dead_all=$(wc -l < /tmp/drill-dead.$$)
  dead=$(sort /tmp/drill-dead.$$ | join - /tmp/drill-ids.$$ | wc -l)
  rm -f /tmp/drill-ids.$$ /tmp/drill-records.$$ /tmp/drill-dead.$$
  consumed_=$(consumed)
  ids=$(drill_events | in_list)
  task_ids=$(drill_events "type LIKE 'org.uprengage.task.%'" | in_list)
  expected=$(count_events "type LIKE 'org.uprengage.task.%'")
  made=$(notification_sql "SELECT count(*) FROM ns_notification WHERE recipient = 'admin' AND event_id IN (${task_ids:-''})")
  notifications=$(notification_sql "SELECT count(*) FROM ns_notification WHERE event_id IN (${ids:-''})")
  dup_notifications=$(notification_sql "SELECT count(*) - count(DISTINCT (recipient, event_id)) FROM ns_notification WHERE event_id IN (${ids:-''})")
  cat <<FIGURES

  drill                         $1
  review                        $REVIEW (events after outbox position $MARK)
  events created (outbox)       $created
  events published (marked)     $published   (unpublished: $unpublished, parked: $parked)
  records on Kafka              $kafka   (distinct events: $distinct, sent twice: $((kafka - distinct)), missing: $missing)
  events consumed               $consumed_
  dead-lettered                 $dead   (records on the dead-letter topics, all time: $dead_all)
  notifications expected        $expected   (the follower's, one per task event)
  notifications made            $made   (all notifications of these events: $notifications)
  duplicated notifications      $dup_notifications

FIGURES
  local lost=$((created - consumed_ + expected - made + missing + unpublished))
  if [ "$created" -eq 0 ] || [ "$lost" -ne 0 ] || [ "$dead" -ne 0 ] || [ "$dup_notifications" -ne 0 ]; then
    say "RESULT: FAILED (events $created, lost $lost, dead-lettered $dead, duplicated $dup_notifications)"
    exit 1
  fi
  say "RESULT: nothing lost, nothing duplicated, nothing dead-lettered"
}
