#!/usr/bin/env bash
# Benchmark (issue 12): sending a year's letters from one `send` run and from two racing over the same year, and as a
# job of `serve` nodes, on PostgreSQL (each message is claimed in table letter_message before it goes to the mail
# server, and marked 'ending' before its end does, so no letter may go twice). The demo's 2026-27 letters (317
# councils) are written and approved in a fresh database, then sent to bench/smtp-sink.py on loopback, which logs one
# line per recipient of each message. Between runs the year's sending records (letter_message, delivery) are deleted,
# so each run sends every letter afresh.
#
#   1. one `send`: wall time, peak RSS (GNU time), messages per recipient: median of BENCH_RUNS runs
#   2. two `send`s started together: wall time until both end, what each reported: median of BENCH_RUNS runs
#   3. two racing, one killed with kill -9 once the server has logged BENCH_KILL_AFTER messages, at a moment it holds a
#      claim still short of its message's end (frozen with SIGSTOP while its latest claim is read), then a third `send`:
#      the killed run's message in flight, still 'claimed' (short of its end, and its process gone), is known not sent
#      and the third `send` sends it at once; 'ending' (killed between the message's end and its record), it is
#      unknown and not sent again: one run
#   4. a slow server answering each DATA after BENCH_SLOW_MS, one `send` and two racing; then a server answering
#      every BENCH_LATE_EVERY-th message after BENCH_LATE_MS, longer than ANNUAL_REVIEW_MAIL_TIMEOUT_SECONDS=1:
#      those letters must end unknown (each received at most once): one run each
#   5. one `serve` node; an analyst (added with `users add`) signs in and confirms sending on the workspace's page, as
#      staff do (curl, one cookie jar); the wall time from the POST to the job's page showing "Finished", and the
#      page's counts: median of BENCH_RUNS runs
#   6. the same with two nodes, both running jobs (db-scheduler: one picks the job), the POST to node 1 and 2 in turn:
#      which node ran it; median of BENCH_RUNS runs
#   7. two nodes; the one running the job (named by its claims, "job … attempt 1 (pid@host)") killed with kill -9 once
#      the server has logged BENCH_KILL_AFTER messages; the other takes the job over when the heartbeat has stopped
#      (2 s × 5 missed) and finishes it: one run
#   8. 7 with the slow server of 4 (BENCH_SLOW_MS): one run
# Every run checks, for every (council, recipient), that the server got the council's letter exactly once (at most
# once for a letter of unknown fate), that nothing else arrived, and each run's counts; any miss fails the script.
#
# Usage: bench/sending-race-benchmark.sh
# Environment: BENCH_DATABASE (default bench_sending_<pid>; created, and dropped at the end: it must not exist),
#   BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_SMTP_PORT (12526), BENCH_NODE_PORT_1 (18081),
#   BENCH_NODE_PORT_2 (18082), BENCH_DIR (/tmp/annual-review-sending-race-bench), BENCH_RUNS (3), BENCH_KILL_AFTER
#   (100), BENCH_SLOW_MS (200), BENCH_LATE_EVERY (40), BENCH_LATE_MS (2500), BENCH_SCENARIOS (which of the above to
#   run: "1 2 3 4 5 6 7 8")
# H2 is not measured: two processes on one H2 file need AUTO_SERVER (the default URL), where the first process
# serves the others over TCP; PostgreSQL is what production runs.
set -euo pipefail
cd "$(dirname "$0")/.."
year=2026-27   # the demo's latest year, the one --letters-for latest writes
letters_expected=317
runs=${BENCH_RUNS:-3}
port=${BENCH_SMTP_PORT:-12526}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
db=${BENCH_DATABASE:-bench_sending_$$}
kill_after=${BENCH_KILL_AFTER:-100}
slow_ms=${BENCH_SLOW_MS:-200}
late_every=${BENCH_LATE_EVERY:-40}
late_ms=${BENCH_LATE_MS:-2500}
port_1=${BENCH_NODE_PORT_1:-18081}
port_2=${BENCH_NODE_PORT_2:-18082}
work=${BENCH_DIR:-/tmp/annual-review-sending-race-bench}
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "needs python3-aiosmtpd (apt-get install python3-aiosmtpd)"; exit 2; }

psql_() { psql -h "$pg_host" -p "$pg_port" -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"; }
sink_pid=""
stop_sink() { if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; sink_pid=""; fi; }
created=""
cleanup() {
  stop_sink
  if declare -F stop_nodes > /dev/null; then stop_nodes; fi
  for p in $(jobs -p); do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done   # a send's java, then GNU time
  if [ -n "$created" ]; then sleep 1; dropdb -h "$pg_host" -p "$pg_port" --if-exists --force "$db" || true; fi
}
trap cleanup EXIT

./mvnw -q -B -DskipTests package
jar=target/annual-review.jar
createdb -h "$pg_host" -p "$pg_port" "$db"; created=yes
url="jdbc:postgresql://$pg_host:$pg_port/$db"
export ANNUAL_REVIEW_MAIL_HOST=127.0.0.1 ANNUAL_REVIEW_MAIL_PORT=$port ANNUAL_REVIEW_MAIL_STARTTLS=false
export ANNUAL_REVIEW_MAIL_FROM="Annual review <annual.review@ombudsman.example>"
echo "database $db on $pg_host:$pg_port; SMTP sink on 127.0.0.1:$port; work in $work"
echo "loading the demo and writing $year's letters (not timed) ..."
java -jar "$jar" --database-url "$url" demo --files "$work/files" --letters "$work/letters" --letters-for latest --no-serve > "$work/demo.out" 2>&1 \
  || { cat "$work/demo.out"; exit 1; }
java -jar "$jar" --database-url "$url" letters approve --year "$year" --by "Benchmark" | tail -n 1

start_sink() {   # start_sink LOG [sink options]
  local log=$1; shift; : > "$log"
  /usr/bin/python3 bench/smtp-sink.py "$port" "$log" "$@" & sink_pid=$!
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.1; done
  echo "sink did not start"; exit 1
}
reset_sending() {
  psql_ -c "delete from delivery where reporting_year = '$year'; delete from letter_message where reporting_year = '$year'"
}
start_send() {   # start_send NAME [options]: a timed `send` in the background; its pid (GNU time's) in $started
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" java -jar "$jar" --database-url "$url" send --year "$year" "$@" > "$work/$name.out" 2>&1 &
  started=$!
}
finish_send() {   # finish_send NAME PID: waits for it (in this shell: not in $(...)); sets $result to
                  # "wall_s rss_MB exit sent failed unknown already being-sent"
  local name=$1 pid=$2 code=0
  wait "$pid" || code=$?
  local counts already being
  counts=$({ grep -E "^[0-9,]+ sent, " "$work/$name.out" || true; } | tail -n 1 | tr -d ',.' | awk '{ print $1, $3, $5 }')
  [ -n "$counts" ] || counts="- - -"
  already=$(sed -nE 's/^Skipped, already sent \(([0-9]+)\).*/\1/p' "$work/$name.out"); being=$(sed -nE 's/^Skipped, being sent by another run \(([0-9]+)\).*/\1/p' "$work/$name.out")
  # GNU time's last line (a killed command has "Command terminated by signal 9" above it)
  result="$(tail -n 1 "$work/$name.time" | awk '{ printf "%s %.0f", $1, $2 / 1024 }') $code $counts ${already:-0} ${being:-0}"
}
now() { date +%s.%N; }
wants() { [[ " ${BENCH_SCENARIOS:-1 2 3 4 5 6 7 8} " == *" $1 "* ]]; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
fail() { echo "FAIL: $*"; exit 1; }

check() {   # check LOG LABEL: every (council, recipient) got its letter once; prints the latest states and the counts
  psql_ -F $'\t' -c "select organisation_code, lower(recipient) from delivery where reporting_year = '$year'" > "$work/expected.tsv"
  psql_ -F $'\t' -c "select m.organisation_code, m.state from letter_message m where m.reporting_year = '$year' and m.sending =
    (select max(x.sending) from letter_message x where x.organisation_code = m.organisation_code and x.reporting_year = m.reporting_year)" \
    > "$work/states.tsv"   # each letter's latest message
  /usr/bin/python3 - "$1" "$work/expected.tsv" "$work/states.tsv" "$letters_expected" "$2" <<'PY'
import collections, re, sys
log, expected_file, states_file, letters_expected, label = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
problems = []
states = dict(line.rstrip("\n").split("\t") for line in open(states_file) if line.strip())
expected = {tuple(line.rstrip("\n").split("\t")) for line in open(expected_file) if line.strip()}
received = collections.Counter()
late = set()
for line in open(log):
    fields = line.rstrip("\n").split("\t")
    match = re.match(r"<annual-review\.[^.]+\.(.+)\.\d+\.[0-9a-f-]+@", fields[0])
    if not match:
        problems.append("a message the benchmark did not expect: " + line.strip())
        continue
    received[(match.group(1), fields[1].lower())] += 1
    if len(fields) > 2 and fields[2] == "late":
        late.add(match.group(1))
if len(states) != letters_expected:
    problems.append(f"{len(states)} letters have a message recorded, not {letters_expected}")
# a letter of unknown fate, or one still claimed or ending (its run killed, before the next run decided): none or one message
uncertain = {code for code, state in states.items() if state in ("unknown", "claimed", "ending")}
once = none = 0
for pair in expected:
    n = received[pair]
    if n > 1:
        problems.append(f"{pair[1]} got {pair[0]}'s letter {n} times")
    elif n == 1:
        once += 1
    elif pair[0] in uncertain:
        none += 1
    else:
        problems.append(f"{pair[1]} never got {pair[0]}'s letter, recorded {states.get(pair[0])}")
for pair in received.keys() - expected:
    problems.append(f"{pair[1]} got {pair[0]}'s letter without a delivery row")
if late and late != {code for code, state in states.items() if state == "unknown"}:
    problems.append(f"letters answered late {sorted(late)} are not the unknown ones")
by_state = collections.Counter(states.values())
print(f"   {label}: letters {', '.join(f'{v} {k}' for k, v in sorted(by_state.items()))}; (council, recipient) pairs:"
      f" {once} got exactly 1 message, {none} got none (letter {'claimed, ending or unknown' if none else '-'}), "
      f"{sum(1 for n in received.values() if n > 1)} got 2 or more; {len(received)} of {len(expected)} received")
for p in problems[:20]:
    print("   PROBLEM: " + p)
sys.exit(1 if problems else 0)
PY
}
states() { cut -f2 "$work/states.tsv" | sort | uniq -c | awk '{ printf "%s %s ", $1, $2 }'; }
count_state() { awk -F'\t' -v s="$1" '$2 == s' "$work/states.tsv" | wc -l; }

if wants 1; then
  echo; echo "== 1. one send ($runs runs)"
  walls=""; rsses=""
  for run in $(seq 1 "$runs"); do
    reset_sending; start_sink "$work/one-$run.log"
    start_send "one-$run"; finish_send "one-$run" "$started"; read -r wall rss code sent failed unknown already being <<< "$result"
    stop_sink
    echo "run $run: wall ${wall} s, peak RSS ${rss} MB, exit $code, reported: $sent sent, $failed failed, $unknown unknown"
    check "$work/one-$run.log" "run $run" || fail "messages per recipient"
    [ "$code" = 0 ] && [ "$sent" = "$letters_expected" ] || fail "one send reported $sent sent (exit $code), not $letters_expected"
    walls="$walls $wall"; rsses="$rsses $rss"
  done
  echo "one send, median of $runs: wall $(echo "$walls" | median) s, peak RSS $(echo "$rsses" | median) MB"

fi
race() {   # race NAME LOG [send options]: two sends started together; prints a line, checks the counts
  local name=$1 log=$2; shift 2
  local t0 t1 pa pb ra rb
  t0=$(now)
  start_send "$name-a" "$@"; pa=$started
  start_send "$name-b" "$@"; pb=$started
  finish_send "$name-a" "$pa"; ra=$result; finish_send "$name-b" "$pb"; rb=$result
  t1=$(now)
  race_wall=$(elapsed "$t0" "$t1")
  read -r wa ma ca sa fa ua aa ba <<< "$ra"; read -r wb mb cb sb fb ub ab bb <<< "$rb"
  echo "$name: wall until both ended ${race_wall} s; run A: ${wa} s, ${ma} MB, exit $ca, $sa sent, $ua unknown, $aa already sent, $ba being sent by another run;" \
       "run B: ${wb} s, ${mb} MB, exit $cb, $sb sent, $ub unknown, $ab already sent, $bb being sent by another run"
  race_sent=$((sa + sb)); race_unknown=$((ua + ub)); race_failed=$((fa + fb)); race_skipped=$((aa + ab + ba + bb))
}

if wants 2; then
  echo; echo "== 2. two sends racing ($runs runs)"
  walls=""
  for run in $(seq 1 "$runs"); do
    reset_sending; start_sink "$work/race-$run.log"
    race "run $run" "$work/race-$run.log"
    stop_sink
    check "$work/race-$run.log" "run $run" || fail "messages per recipient"
    [ "$race_sent" = "$letters_expected" ] && [ "$race_failed" = 0 ] && [ "$race_unknown" = 0 ] \
      || fail "the two runs sent $race_sent letters in all ($race_failed failed, $race_unknown unknown), not $letters_expected"
    [ "$race_skipped" = "$letters_expected" ] || fail "the two runs skipped $race_skipped letters in all, not $letters_expected"
    walls="$walls $race_wall"
  done
  echo "two racing, median of $runs: wall until both ended $(echo "$walls" | median) s"

fi
if wants 3; then
  echo; echo "== 3. two racing, one killed with kill -9 after the server logged $kill_after messages, holding a claim short of its end;" \
    "then a third send (one run)"
  reset_sending; log="$work/kill.log"; start_sink "$log"
  t0=$(now)
  start_send "kill-a"; pa=$started
  start_send "kill-b"; pb=$started
  java_a=""
  for _ in $(seq 1 600); do
    [ -n "$java_a" ] || java_a=$(pgrep -P "$pa" java || true)
    [ "$(cut -f1 "$log" | sort -u | wc -l)" -ge "$kill_after" ] && break
    sleep 0.05
  done
  [ -n "$java_a" ] || fail "run A's java process not found"
  # then at a moment A holds a claim short of its message's end (which the next run knows A did not send): A is
  # frozen (SIGSTOP) while its latest claim is read, killed if it is 'claimed', else let go on and tried again a
  # little later (up to 200 times, then killed anyway). Unfrozen, the kill would land in whatever state A has moved
  # on to meanwhile: in a first run of this scenario it had passed the gate ('ending').
  for _ in $(seq 1 200); do
    kill -STOP "$java_a"
    [ "$(psql_ -c "select state from letter_message where reporting_year = '$year' and claimed_by like '$java_a@%'
                   order by claimed_at desc fetch first 1 rows only")" = claimed ] && break
    kill -CONT "$java_a"; sleep 0.02
  done
  kill -9 "$java_a"; killed_at=$(cut -f1 "$log" | sort -u | wc -l)
  finish_send "kill-a" "$pa"; finish_send "kill-b" "$pb"; rb=$result; t1=$(now)
  read -r wb mb cb sb fb ub ab bb <<< "$rb"
  sent_a=$(psql_ -c "select count(*) from letter_message where reporting_year = '$year' and claimed_by like '$java_a@%' and state = 'sent'")
  echo "run A killed when the server had logged $killed_at messages, $sent_a of them recorded sent by A; run B: ${wb} s, exit $cb, $sb sent," \
       "$ub unknown, $ab already sent, $bb being sent by another run; wall until both ended $(elapsed "$t0" "$t1") s"
  check "$log" "after the race" || fail "messages per recipient"
  # A's message in flight: its claim still 'claimed' (short of the message's end: known not sent, since A's process is
  # gone) or 'ending' (the end went, or was about to: unknown); B may have come to it after the kill and sent it
  # itself, A's claim then recorded failed ("not sent: claimed by run …, which stopped before the end …"), or recorded
  # an 'ending' claim unknown ("claimed by run …, which stopped after the end …")
  psql_ -F $'\t' -c "select organisation_code, state from letter_message where reporting_year = '$year' and claimed_by like '$java_a@%'
                     and (state in ('claimed', 'ending') or error like 'not sent: claimed by run%' or error like 'claimed by run%')" \
    > "$work/in-flight.tsv"
  [ "$(wc -l < "$work/in-flight.tsv")" -le 1 ] || fail "A left more than the one message in flight: $(cat "$work/in-flight.tsv")"
  read -r in_code in_state < "$work/in-flight.tsv" || true
  open=$(( $(count_state claimed) + $(count_state ending) ))
  [ "$open" -le 1 ] || fail "$open claims left without an outcome, more than the one in flight"
  in_received() { if [ -n "$in_code" ]; then grep -c "\.$in_code\.[0-9]*\." "$log" || true; else echo 0; fi; }
  before=$(in_received)
  start_send "kill-third"; finish_send "kill-third" "$started"; read -r w m c s f u a b <<< "$result"
  echo "third send at once: ${w} s, exit $c, $s sent, $u unknown, $a already sent, $b being sent by another run"
  grep -E "^Unknown" "$work/kill-third.out" || true
  case "${in_state:-none}" in
    claimed) want="0 1 0 $((letters_expected - 1)) 0" ;;   # sent again, at once: A's claim recorded failed
    ending|unknown) want="4 0 1 $((letters_expected - 1)) 0" ;;   # A's end may have gone: unknown, not sent again
    *)       want="0 0 0 $letters_expected 0" ;;            # nothing of A's left open (B took it over, or A was between messages)
  esac
  [ "$c $s $u $a $b" = "$want" ] || fail "the third send's exit and counts: $c $s $u $a $b, not $want (A's message in flight: ${in_state:-none})"
  check "$log" "after the third send" || fail "messages per recipient"
  # a run that finds a stopped run's 'ending' message records it 'unknown'
  uncertain=$(( $(count_state ending) + $(count_state unknown) ))
  [ "$(count_state sent)" = $((letters_expected - uncertain)) ] && [ "$uncertain" -le 1 ] \
    || fail "every letter's latest message should be sent, but for at most one of unknown fate: $(states)"
  if [ -n "$in_code" ]; then
    echo "   A's message in flight: $in_code, $in_state after the race (now: $(psql_ -c "select string_agg(sending || ' ' || state, ', '
      order by sending) from letter_message where reporting_year = '$year' and organisation_code = '$in_code'")); the server logged its" \
      "recipients $before times before the third send, $(in_received) after"
    psql_ -c "select '   ' || sending || ': ' || error from letter_message where reporting_year = '$year' and organisation_code = '$in_code'
              and error is not null order by sending"
  else
    echo "   no message of A's was in flight"
  fi
  stop_sink

fi
if wants 4; then
  echo; echo "== 4. a slow server: each DATA answered after $slow_ms ms (one run each)"
  reset_sending; start_sink "$work/slow-one.log" --delay-ms "$slow_ms"
  start_send "slow-one"; finish_send "slow-one" "$started"; read -r wall rss code sent failed unknown already being <<< "$result"
  stop_sink
  echo "one send: wall ${wall} s, peak RSS ${rss} MB, exit $code, $sent sent, $unknown unknown"
  check "$work/slow-one.log" "one send" || fail "messages per recipient"
  [ "$code" = 0 ] && [ "$sent" = "$letters_expected" ] || fail "the slow send's counts"
  reset_sending; start_sink "$work/slow-race.log" --delay-ms "$slow_ms"
  race "two racing" "$work/slow-race.log"
  stop_sink
  check "$work/slow-race.log" "two racing" || fail "messages per recipient"
  [ "$race_sent" = "$letters_expected" ] && [ "$race_unknown" = 0 ] || fail "the slow race's counts"

fi
if wants 4; then
  echo; echo "== 4b. every ${late_every}th message answered after $late_ms ms, ANNUAL_REVIEW_MAIL_TIMEOUT_SECONDS=1 (one run each)"
  late_expected=$(( (letters_expected + late_every - 1) / late_every ))
  export ANNUAL_REVIEW_MAIL_TIMEOUT_SECONDS=1
  reset_sending; start_sink "$work/late-one.log" --late-every "$late_every" --late-ms "$late_ms"
  start_send "late-one"; finish_send "late-one" "$started"; read -r wall rss code sent failed unknown already being <<< "$result"
  stop_sink
  echo "one send: wall ${wall} s, exit $code, $sent sent, $unknown unknown"
  check "$work/late-one.log" "one send" || fail "messages per recipient"
  [ "$code" = 4 ] && [ "$unknown" = "$late_expected" ] && [ "$sent" = $((letters_expected - late_expected)) ] || fail "the late send's counts"
  reset_sending; start_sink "$work/late-race.log" --late-every "$late_every" --late-ms "$late_ms"
  race "two racing" "$work/late-race.log"
  stop_sink
  check "$work/late-race.log" "two racing" || fail "messages per recipient"
  [ "$race_unknown" = "$late_expected" ] && [ "$race_sent" = $((letters_expected - late_expected)) ] || fail "the late race's counts"
  unset ANNUAL_REVIEW_MAIL_TIMEOUT_SECONDS

fi
# Scenarios 5 to 8: `serve` nodes on the same database, the sending job started in the workspace as staff start it.
node_ports=("" "$port_1" "$port_2")
node_pids=("" "" "")
start_node() {   # start_node N NAME: node N in the background, on its port, running jobs
  local n=$1 name=$2
  java -jar "$jar" --database-url "$url" serve --port "${node_ports[$n]}" > "$work/$name.node$n.out" 2>&1 &
  node_pids[$n]=$!
}
wait_node() {   # wait_node N: until the node answers its health check
  local n=$1
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:${node_ports[$n]}/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "${node_pids[$n]}" 2>/dev/null || fail "node $n stopped while starting (its output in $work/*.node$n.out)"
    sleep 0.2
  done
  fail "node $n did not start"
}
stop_node() {   # stop_node N: SIGTERM (a graceful stop), SIGKILL after 40 s; nothing if it is gone already
  local n=$1 pid=${node_pids[$1]}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 400); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  node_pids[$n]=""
}
stop_nodes() { stop_node 1; stop_node 2; }
cookies="$work/cookies.txt"
web() { curl -sS -b "$cookies" -c "$cookies" "$@"; }   # one browser: its cookies (the session is in the database: any node)
csrf_of() { sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -n 1; }
sign_in() {   # sign_in N: the analyst signs in on node N, as the login form does
  local base="http://127.0.0.1:${node_ports[$1]}" token to
  rm -f "$cookies"
  token=$(web "$base/login" | csrf_of)
  to=$(web -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$analyst" --data-urlencode "password=$analyst_password" \
         --data-urlencode "_csrf=$token" "$base/login")
  [[ "$to" == */workspace ]] || fail "signing in did not lead to the workspace: '$to'"
}
run_job() {   # run_job N KILL LOG: confirms sending on node N's page and follows the job's page until "Finished"; with
              # KILL=kill, the node running the job gets kill -9 once LOG has BENCH_KILL_AFTER messages and the other
              # node's page is followed. Sets job_id, job_wall (POST to "Finished" seen), job_outcome, job_attempts,
              # job_ran_on (node numbers of each attempt), killed_node, killed_at, takeover_s (kill to "Taken over" seen)
  local n=$1 kill_mode=$2 log=$3 base page token to t0 t_kill="" follow=$1
  base="http://127.0.0.1:${node_ports[$n]}"
  page=$(web "$base/workspace/years/$year/send")
  grep -q "Send $letters_expected letters to" <<< "$page" || fail "node $n's confirmation page does not offer $letters_expected letters"
  token=$(csrf_of <<< "$page")
  t0=$(now)
  to=$(web -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" --data-urlencode "confirmed=yes" "$base/workspace/years/$year/send")
  job_id=${to##*/workspace/jobs/}
  [ -n "$job_id" ] && [ "$job_id" != "$to" ] || fail "the confirmation did not lead to a job's page: '$to'"
  killed_node=""; killed_pid=""; killed_at=""; takeover_s=""
  for _ in $(seq 1 7200); do   # up to 30 minutes
    if [ "$kill_mode" = kill ] && [ -z "$killed_node" ] && [ "$(cut -f1 "$log" | sort -u | wc -l)" -ge "$kill_after" ]; then
      local claimant pid
      claimant=$(psql_ -c "select claimed_by from letter_message where claimed_by like 'job $job_id attempt %' order by claimed_at desc
                           fetch first 1 rows only")
      pid=$(sed -nE 's/.*\(([0-9]+)@.*/\1/p' <<< "$claimant")
      for i in 1 2; do [ "${node_pids[$i]}" = "$pid" ] && killed_node=$i; done
      [ -n "$killed_node" ] || fail "the job's claimant '$claimant' is neither node"
      kill -9 "$pid"; t_kill=$(now); killed_pid=$pid; killed_at=$(cut -f1 "$log" | sort -u | wc -l)
      wait "$pid" 2>/dev/null || true; node_pids[$killed_node]=""
      follow=$((3 - killed_node))
    fi
    page=$(web "http://127.0.0.1:${node_ports[$follow]}/workspace/jobs/$job_id" || true)
    if [ -n "$t_kill" ] && [ -z "$takeover_s" ] && grep -q "Taken over" <<< "$page"; then takeover_s=$(elapsed "$t_kill" "$(now)"); fi
    if grep -q "The job stopped" <<< "$page"; then fail "the job stopped: $(sed -nE 's#.*<p class="govuk-body">([^<]*)</p>.*#\1#p' <<< "$page" | head -n 1)"; fi
    grep -q '<h2 class="govuk-panel__title">Finished</h2>' <<< "$page" && break
    sleep 0.25
  done
  grep -q '<h2 class="govuk-panel__title">Finished</h2>' <<< "$page" || fail "job $job_id did not finish within 30 minutes"
  job_wall=$(elapsed "$t0" "$(now)")
  job_outcome=$(sed -nE 's#.*<div class="govuk-panel__body">([^<]*)</div>.*#\1#p' <<< "$page")
  job_attempts=$(psql_ -c "select attempts from job where id = '$job_id'")
  job_ran_on=""   # the node of each attempt, in order, from the claims' names ("job … attempt 2 (4242@host)")
  for pid in $(psql_ -c "select substring(claimed_by from '\(([0-9]+)@') from letter_message where claimed_by like 'job $job_id attempt %'
                         group by claimed_by order by min(claimed_at)"); do
    for i in 1 2; do if [ "$pid" = "${node_pids[$i]}" ] || { [ "$i" = "$killed_node" ] && [ "$pid" = "$killed_pid" ]; }; then job_ran_on="$job_ran_on, $i"; fi; done
  done
  job_ran_on=${job_ran_on#, }
}
job_counts() {   # job_counts: "sent failed unknown skipped" from the job page's outcome
  sed -nE 's/^([0-9,]+) sent, ([0-9,]+) failed, ([0-9,]+) unknown, ([0-9,]+) skipped.*/\1 \2 \3 \4/p' <<< "$job_outcome" | tr -d ','
}
nodes_up() {   # nodes_up NAME N...: starts the nodes named and waits for them; the analyst signs in on the first
  local name=$1; shift
  for n in "$@"; do start_node "$n" "$name"; done
  for n in "$@"; do wait_node "$n"; done
  sign_in "$1"
}
if wants 5 || wants 6 || wants 7 || wants 8; then
  analyst=analyst@bench.example; analyst_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$analyst_password" > "$work/password"
  java -jar "$jar" --database-url "$url" users add --username "$analyst" --name "Bench Analyst" --role analyst \
    --password-file "$work/password" > "$work/users.out" 2>&1 || { cat "$work/users.out"; exit 1; }
fi

if wants 5; then
  echo; echo "== 5. one serve node runs the sending job, started by an analyst in the workspace ($runs runs)"
  nodes_up one 1
  walls=""
  for run in $(seq 1 "$runs"); do
    reset_sending; start_sink "$work/node-one-$run.log"
    run_job 1 "" "$work/node-one-$run.log"
    stop_sink
    echo "run $run: POST to \"Finished\" ${job_wall} s; the job page: $job_outcome"
    check "$work/node-one-$run.log" "run $run" || fail "messages per recipient"
    [ "$(job_counts)" = "$letters_expected 0 0 0" ] && [ "$job_attempts" = 1 ] || fail "the job's counts: $job_outcome ($job_attempts attempts)"
    walls="$walls $job_wall"
  done
  echo "one node, median of $runs: $(echo "$walls" | median) s"
  stop_nodes

fi
if wants 6; then
  echo; echo "== 6. two serve nodes, both running jobs; the POST to node 1, then node 2, in turn ($runs runs)"
  nodes_up two 1 2
  walls=""
  for run in $(seq 1 "$runs"); do
    reset_sending; start_sink "$work/node-two-$run.log"
    posted=$(( (run - 1) % 2 + 1 ))
    run_job "$posted" "" "$work/node-two-$run.log"
    stop_sink
    echo "run $run: POST to node $posted, the job run by node $job_ran_on; POST to \"Finished\" ${job_wall} s; the job page: $job_outcome"
    check "$work/node-two-$run.log" "run $run" || fail "messages per recipient"
    [ "$(job_counts)" = "$letters_expected 0 0 0" ] && [ "$job_attempts" = 1 ] || fail "the job's counts: $job_outcome ($job_attempts attempts)"
    walls="$walls $job_wall"
  done
  echo "two nodes, median of $runs: $(echo "$walls" | median) s"
  stop_nodes

fi
killed_job() {   # killed_job NAME LOG [sink options]: two nodes; the one running the job killed; checks the takeover
  local name=$1 log=$2; shift 2
  nodes_up "$name" 1 2
  reset_sending; start_sink "$log" "$@"
  run_job 1 kill "$log"
  stop_sink
  local first uncertain
  first=$(psql_ -c "select count(*) from letter_message where claimed_by like 'job $job_id attempt 1 %' and state = 'sent'")
  echo "node $killed_node (running the job) killed when the server had logged $killed_at messages ($first recorded sent by attempt 1);" \
       "\"Taken over\" on node $((3 - killed_node))'s page $takeover_s s after the kill; POST to \"Finished\" ${job_wall} s; the job page: $job_outcome"
  psql_ -F ' ' -c "select 'attempt 1 left ' || organisation_code || ' ' || state || coalesce(': ' || error, '') from letter_message
                   where claimed_by like 'job $job_id attempt 1 %' and state <> 'sent'" | sed 's/^/   /'
  check "$log" "$name" || fail "messages per recipient"
  uncertain=$(( $(count_state ending) + $(count_state unknown) ))
  read -r js jf ju jk <<< "$(job_counts)"
  # each letter is counted once, by the attempt that went through it (job_item): every letter sent, but the killed
  # node's letter in flight if its end had gone, which the second attempt records unknown
  [ "$job_attempts" = 2 ] && [ "$jf" = 0 ] && [ "$ju" = "$uncertain" ] && [ "$jk" = 0 ] && [ "$js" = $((letters_expected - uncertain)) ] \
    || fail "the job's counts: $job_outcome ($job_attempts attempts, $first sent by attempt 1, $uncertain of unknown fate)"
  stop_nodes
}
if wants 7; then
  echo; echo "== 7. two serve nodes; the one running the job killed with kill -9 after the server logged $kill_after messages (one run)"
  killed_job node-kill "$work/node-kill.log"

fi
if wants 8; then
  echo; echo "== 8. as 7, with a slow server answering each DATA after $slow_ms ms (one run)"
  killed_job node-kill-slow "$work/node-kill-slow.log" --delay-ms "$slow_ms"

fi
echo; echo "all checks passed: no recipient got a letter twice"
