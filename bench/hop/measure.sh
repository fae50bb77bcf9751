#!/usr/bin/env bash
# The web-api hop alone (docs/benchmarks.md, step 9): web-api's jar in front of a stand-in engine
# (StubEngine: answers the list, claim and complete at once), the task loop's three calls by
# WORKERS clients with a bearer token (Load); JDK Flight Recorder (profile settings) and the
# process's CPU time over the measured window; then analyze.py on the recording.
#   bench/hop/measure.sh JAR LABEL [WORKERS] [WARMUP_S] [MEASURE_S]
# Results in .local/hop/LABEL. Ports 27180 (web-api), 27181 (stand-in), 27183 (management).
# Loopback only. Leaves the stand-in running (its pid in .local/hop/stub.pid) for the next run.
set -euo pipefail
jar=$1; label=$2; workers=${3:-8}; warm=${4:-20}; secs=${5:-30}
src=$(cd "$(dirname "$0")" && pwd); dir=$src/../../.local/hop; out=$dir/$label; mkdir -p "$out" "$dir/classes"
javac -d "$dir/classes" "$src/StubEngine.java" "$src/Load.java"
if ! { [ -f "$dir/stub.pid" ] && kill -0 "$(cat "$dir/stub.pid")" 2>/dev/null; }; then
  java -Xmx128m -cp "$dir/classes" StubEngine 27181 > "$dir/stub.log" 2>&1 & echo $! > "$dir/stub.pid"
fi
SPRING_PROFILES_ACTIVE=demo UPR_WEB_API_PORT=27180 UPR_WEB_API_MANAGEMENT_PORT=27183 \
  UPR_ENGINE_URL=http://127.0.0.1:27181 UPR_NOTIFICATION_URL=http://127.0.0.1:27182 \
  java -Xmx512m -jar "$jar" > "$out/web-api.log" 2>&1 &
pid=$!
for i in $(seq 1 240); do curl -fs http://127.0.0.1:27180/livez >/dev/null 2>&1 && break; sleep 1; done
token="Bearer $(curl -fs -X POST -u focal-unicef:demo http://127.0.0.1:27180/api/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')"
java -cp "$dir/classes" Load http://127.0.0.1:27180 "$token" "$workers" "$warm" > "$out/warmup.txt"
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
jcmd $pid JFR.start name=m settings=profile > /dev/null
c0=$(cpu); l0=$(cut -d' ' -f1 /proc/loadavg)
java -cp "$dir/classes" Load http://127.0.0.1:27180 "$token" "$workers" "$secs" > "$out/measured.txt"
c1=$(cpu); l1=$(cut -d' ' -f1 /proc/loadavg)
jcmd $pid JFR.stop name=m filename="$out/web-api.jfr" > /dev/null
curl -fs http://127.0.0.1:27183/actuator/prometheus > "$out/prometheus.txt" || true
kill $pid; wait $pid 2>/dev/null || true
read pairs failures < "$out/measured.txt"
ticks=$(getconf CLK_TCK)
python3 "$src/analyze.py" "$out/web-api.jfr" "$pairs" > "$out/profile.txt"
echo "$label pairs=$pairs failures=$failures pairs/s=$(echo "scale=1; $pairs/$secs" | bc) cpu_ms_per_pair=$(echo "scale=2; ($c1-$c0)*1000/$ticks/$pairs" | bc) load=$l0..$l1" | tee "$out/summary.txt"
