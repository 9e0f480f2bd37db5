#!/usr/bin/env bash
# Benchmark: generate 1,000,000 decisions (1.5 million rows in all), import them into a fresh H2 file database
# and a fresh PostgreSQL database in a fixed small heap, compute every year's statistics, and compare the import
# with psql's \copy of the same CSV files into plain tables. Prints one line per run and the medians.
# Usage: bench/run-benchmark.sh [runs=3] [decisions=1000000] [heap=256m]
# Environment: BENCH_DIR (default /tmp/annual-review-bench), BENCH_POSTGRES (host:port, 127.0.0.1:5432), BENCH_PG_DATABASE
# (annual_review_bench: dropped and made anew each run). Prints each ratio to psql's \copy of the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
decisions=${2:-1000000}
heap=${3:-256m}
work=${BENCH_DIR:-/tmp/annual-review-bench}
pg=${BENCH_POSTGRES:-127.0.0.1:5432}
pgdb=${BENCH_PG_DATABASE:-annual_review_bench}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }

./mvnw -q -B -DskipTests package
jar=target/annual-review.jar
files="$work/files"
rm -rf "$files"
java -jar "$jar" --database-url "jdbc:h2:mem:generate" demo --generate-only --decisions "$decisions" --files "$files" | tail -n 1
csvs=$(ls "$files"/*.csv | wc -l)
rows=$(( $(cat "$files"/*.csv | wc -l) - csvs ))   # less each file's header row
echo "rows in all $csvs files: $rows"

# one measured command: prints "<wall seconds> <peak RSS MB>" and keeps its output in $work/last.out
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/last.out" 2>&1 || { cat "$work/last.out"; exit 1; }
  awk '{ printf "%s %.0f", $1, $2 / 1024 }' "$work/time.txt"
}

declare -A results
for run in $(seq 1 "$runs"); do
  for db in h2 postgresql; do
    if [ "$db" = h2 ]; then
      rm -rf "$work/h2"; url="jdbc:h2:file:$work/h2/annual-review"
    else
      psql -h "${pg%:*}" -p "${pg#*:}" -q -c "drop database if exists $pgdb" postgres
      psql -h "${pg%:*}" -p "${pg#*:}" -q -c "create database $pgdb" postgres
      url="jdbc:postgresql://$pg/$pgdb"
    fi
    read -r wall rss <<<"$(measure java -Xmx"$heap" -jar "$jar" --database-url "$url" import "$files"/*.csv)"
    inside=$(grep -oE 'rows in [0-9.]+ s' "$work/last.out" | grep -oE '[0-9.]+ s' | tr -d ' s')
    read -r swall srss <<<"$(measure java -Xmx"$heap" -jar "$jar" --database-url "$url" stats --recompute --all-years)"
    sinside=$(grep -oE 'All years computed and stored in [0-9,]+ ms' "$work/last.out" | grep -oE '[0-9,]+' | tr -d ',')
    echo "run $run $db: import ${wall}s wall (${inside}s inside, $(awk -v r="$rows" -v s="$inside" 'BEGIN{printf "%d", r/s}') rows/s), peak RSS ${rss} MB; statistics of all years ${sinside} ms inside (${swall}s wall, ${srss} MB)"
    results["$db-import"]+="$inside "; results["$db-rss"]+="$rss "; results["$db-stats"]+="$sinside "
  done
  # the alternative: psql \copy of the same files into plain tables with the same columns and no keys, indexes or checks
  psql -h "${pg%:*}" -p "${pg#*:}" -q -d "$pgdb" <<'SQL'
drop table if exists plain_decision, plain_recommendation, plain_enquiry, plain_service_improvement;
create table plain_decision (case_reference text, organisation_code text, service_area text, received_date date, decision_date date,
  outcome text, detailed_investigation text, satisfactory_remedy text, public_report_date date, public_report_title text,
  complaint_handling_code_finding text);
create table plain_recommendation (case_reference text, number int, recommendation text, due_date date, compliance_outcome text, compliance_date date);
create table plain_enquiry (case_reference text, number int, organisation_code text, sent_date date, due_date date, extended_to date,
  answered_date date, complete text);
create table plain_service_improvement (case_reference text, number int, improvement text, status text);
SQL
  start=$(date +%s.%N)
  for t in decision:decisions recommendation:recommendations enquiry:enquiries service_improvement:service-improvements; do
    psql -h "${pg%:*}" -p "${pg#*:}" -q -d "$pgdb" -c "\\copy plain_${t%%:*} from '$files/${t#*:}.csv' with (format csv, header true)"
  done
  copy=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
  copied=$(( $(cat "$files"/decisions.csv "$files"/recommendations.csv "$files"/enquiries.csv "$files"/service-improvements.csv | wc -l) - 4 ))
  echo "run $run psql \\copy: ${copy}s for $copied rows ($(awk -v r="$copied" -v s="$copy" 'BEGIN{printf "%d", r/s}') rows/s)"
  results["copy"]+="$copy "; results["copy-rate"]+="$(awk -v r="$copied" -v s="$copy" 'BEGIN{printf "%d", r/s}') "
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "medians of $runs runs ($rows rows, heap $heap, $(nproc) cores):"
for db in h2 postgresql; do
  imp=$(echo "${results[$db-import]}" | median)
  echo "  $db: import $imp s ($(awk -v r="$rows" -v s="$imp" 'BEGIN{printf "%d", r/s}') rows/s), peak RSS $(echo "${results[$db-rss]}" | median) MB, statistics of all years $(echo "${results[$db-stats]}" | median) ms"
done
copy_rate=$(echo "${results[copy-rate]}" | median)
echo "  psql \\copy of the 4 largest files (decisions, recommendations, enquiries, service improvements) into plain tables:" \
  "$(echo "${results[copy]}" | median) s, $copy_rate rows/s"
for db in h2 postgresql; do
  imp=$(echo "${results[$db-import]}" | median)
  echo "  ratio $db import / \\copy, in rows per second: $(awk -v r="$rows" -v s="$imp" -v c="$copy_rate" 'BEGIN{printf "%.2f", (r/s)/c}')" \
    "(the import checks every row and keeps keys, indexes and the audit; \\copy checks nothing)"
done
