#!/usr/bin/env bash
# Benchmark (issue 6): sending a whole year's letters by email. The demo's 2026-27 letters (every council, with its
# chief executive, leader, chair of scrutiny and monitoring officers as recipients) are approved, then sent with
# `./annual-review send` to an SMTP server on loopback (bench/smtp-sink.py, Debian's python3-aiosmtpd), which logs
# one line per recipient of each message. Then the same while the server is down for a minute in the middle.
#
# Runs 1..N: `send` (run 1) and `send --resend` (later runs): wall time and peak RSS (GNU time), messages and
# recipients the server logged; a second `send` after run 1 must send nothing. The outage run: `send --resend`
# with 8 attempts from 1 s (waits up to 127 s in all); the server is stopped 3 s in and started again 60 s later;
# afterwards every (message, recipient) must be in the log exactly once and every council's sending recorded sent.
# Usage: bench/sending-benchmark.sh [runs=3]     Environment: BENCH_DIR (default /tmp/annual-review-sending-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
year=2026-27   # the demo's latest year, the one --letters-for latest writes
port=12525
work=${BENCH_DIR:-/tmp/annual-review-sending-bench}
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "needs python3-aiosmtpd (apt-get install python3-aiosmtpd)"; exit 2; }

./mvnw -q -B -DskipTests package
jar=target/annual-review.jar
url="jdbc:h2:file:$work/db/annual-review"
export ANNUAL_REVIEW_MAIL_HOST=127.0.0.1 ANNUAL_REVIEW_MAIL_PORT=$port ANNUAL_REVIEW_MAIL_STARTTLS=false
export ANNUAL_REVIEW_MAIL_FROM="Annual review <annual.review@ombudsman.example>"
echo "loading the demo and writing $year's letters (not timed) ..."
java -jar "$jar" --database-url "$url" demo --files "$work/files" --letters "$work/letters" --letters-for latest --no-serve > "$work/demo.out" 2>&1 \
  || { cat "$work/demo.out"; exit 1; }
java -jar "$jar" --database-url "$url" letters approve --year "$year" --by "Benchmark" | tail -n 1

sink_pid=""
start_sink() { /usr/bin/python3 bench/smtp-sink.py "$port" "$1" & sink_pid=$!; for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && return 0; sleep 0.1; done; echo "sink did not start"; exit 1; }
stop_sink() { kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; }
trap stop_sink EXIT

send() {   # send LOG [options]: one timed run of `send`; prints "wall rss sent-line"
  local log=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" java -jar "$jar" --database-url "$url" send --year "$year" "$@" > "$work/send.out" 2>&1 || true
  awk '{ printf "%s %.0f ", $1, $2 / 1024 }' "$work/time.txt"; grep -E "^[0-9,]+ sent, " "$work/send.out" | tail -n 1
}

for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"; : > "$log"
  start_sink "$log"
  if [ "$run" = 1 ]; then result=$(send "$log"); else result=$(send "$log" --resend); fi
  messages=$(cut -f1 "$log" | sort -u | wc -l); recipients=$(wc -l < "$log")
  echo "run $run: wall/s rss/MB: $result  | server logged $messages messages, $recipients recipients"
  if [ "$run" = 1 ]; then
    again=$(send "$log"); echo "   again without --resend: $again | server log now $(wc -l < "$log") recipients"
  fi
  stop_sink
done

echo "outage: the server stops 3 s in and starts again 60 s later"
log="$work/outage.log"; : > "$log"
start_sink "$log"
( sleep 3; stop_sink; sleep 60; start_sink "$log" ) &
outage=$!
result=$(ANNUAL_REVIEW_MAIL_ATTEMPTS=8 ANNUAL_REVIEW_MAIL_FIRST_RETRY_AFTER_SECONDS=1 send "$log" --resend)
wait "$outage" 2>/dev/null || true
pkill -f "smtp-sink.py $port" || true
lines=$(wc -l < "$log"); unique=$(sort -u "$log" | wc -l); messages=$(cut -f1 "$log" | sort -u | wc -l)
echo "outage run: wall/s rss/MB: $result | server logged $messages messages, $lines recipients, $unique distinct (message, recipient)"
grep -E "attempts" "$work/send.out" | head -n 3 || true
[ "$lines" = "$unique" ] && echo "no duplicates" || echo "DUPLICATES: $((lines - unique))"
