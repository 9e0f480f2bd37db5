#!/usr/bin/env bash
# Benchmark (issue 13): publishing a year (freezing its release: the figures of every body, each council's letter
# version and the decisions, recommendations and service improvements counted) and issuing a revision, for the 317
# councils of the demo's latest year, on the embedded default (H2 file) and on PostgreSQL.
#
# Once (not timed): builds the jar and loads the demo (every year's letters; the demo publishes each year) into a
# fresh database. Then, RUNS times: the latest year's releases are taken away with SQL (so that it is unpublished
# again) and `publish --year Y` is run, then `publish --year Y --revision "benchmark"`. Each is a process of its own,
# timed with /usr/bin/time (wall time and peak RSS); `publish` also prints the time of the freezing itself (one
# transaction). Side by side, the alternative a user would otherwise pick to keep what was published: the year's
# figures and decisions saved as the site's CSV files (`stats --format csv` and `/data/decisions-Y.csv` by curl from
# a running `serve` is not used: the same process kind is compared, `stats --year Y --format csv`).
# Prints each run, then the medians.
# Usage: bench/publication-benchmark.sh [runs=3]
# Environment: BENCH_DIR (default /tmp/annual-review-publication-bench), BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432),
#              BENCH_DATABASE (bench_publication, created and dropped), BENCH_KINDS ("h2 postgresql")
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=${BENCH_DIR:-/tmp/annual-review-publication-bench}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_db=${BENCH_DATABASE:-bench_publication}
kinds=${BENCH_KINDS:-"h2 postgresql"}
mkdir -p "$work"
work=$(cd "$work" && pwd)

./mvnw -q -B -DskipTests package
jar=$(pwd)/target/annual-review.jar
h2_jar=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | sort -V | tail -n 1)

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

sql() {   # sql KIND URL STATEMENT
  if [ "$1" = h2 ]; then
    java -cp "$h2_jar" org.h2.tools.Shell -url "$2" -user "" -password "" -sql "$3" > /dev/null
  else
    psql -q -h "$pg_host" -p "$pg_port" -d "$pg_db" -c "$3" > /dev/null
  fi
}

timed() {   # timed LABEL COMMAND...: runs it under /usr/bin/time; prints "LABEL wall_s peak_MB [frozen_s]"
  local label=$1; shift
  local out="$work/$label.out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2>&1 || { cat "$out"; exit 1; }
  read -r wall rss < "$work/time"
  local frozen
  frozen=$(grep -oE 'frozen in [0-9.]+ s' "$out" | grep -oE '[0-9.]+' || true)
  echo "$label $wall $((rss / 1024)) ${frozen:-}"
}

for kind in $kinds; do
  if [ "$kind" = h2 ]; then
    url="jdbc:h2:file:$work/h2/annual-review"
    rm -rf "$work/h2"
  else
    psql -q -h "$pg_host" -p "$pg_port" -d postgres -c "drop database if exists $pg_db" > /dev/null
    psql -q -h "$pg_host" -p "$pg_port" -d postgres -c "create database $pg_db" > /dev/null
    url="jdbc:postgresql://$pg_host:$pg_port/$pg_db?user=$(id -un)"
  fi
  echo "== $kind: loading the demo (not timed) ..."
  java -jar "$jar" --database-url "$url" demo --files "$work/files" --letters "$work/letters-$kind" --no-serve > "$work/demo-$kind.out" 2>&1 \
    || { cat "$work/demo-$kind.out"; exit 1; }
  year=$(grep -oE 'Reporting year [0-9]{4}-[0-9]{2}' "$work/demo-$kind.out" | head -n 1 | grep -oE '[0-9]{4}-[0-9]{2}')
  councils=$(java -jar "$jar" --database-url "$url" publish --year "$year" --status | grep -oE '[0-9,]+ councils' | head -n 1)
  echo "year $year, $councils"
  : > "$work/results-$kind"
  for run in $(seq 1 "$runs"); do
    unpublish="delete from release_letter where release_id in (select id from publication_release where reporting_year = '$year');
      delete from release_figures where release_id in (select id from publication_release where reporting_year = '$year');
      delete from released_decision where release_id in (select id from publication_release where reporting_year = '$year');
      delete from released_recommendation where release_id in (select id from publication_release where reporting_year = '$year');
      delete from released_service_improvement where release_id in (select id from publication_release where reporting_year = '$year');
      delete from publication_release where reporting_year = '$year';"
    sql "$kind" "$url" "$unpublish"
    timed publish java -jar "$jar" --database-url "$url" publish --year "$year" | tee -a "$work/results-$kind"
    timed revision java -jar "$jar" --database-url "$url" publish --year "$year" --revision "benchmark run $run" | tee -a "$work/results-$kind"
    timed csv-instead java -jar "$jar" --database-url "$url" stats --year "$year" --format csv | tee -a "$work/results-$kind"
  done
  echo "-- $kind, medians of $runs runs: wall s, peak RSS MB, freezing s"
  for label in publish revision csv-instead; do
    wall=$(grep "^$label " "$work/results-$kind" | awk '{print $2}' | median)
    rss=$(grep "^$label " "$work/results-$kind" | awk '{print $3}' | median)
    frozen=$(grep "^$label " "$work/results-$kind" | awk 'NF >= 4 {print $4}' | { grep . || true; } | median)
    echo "$label: $wall s, $rss MB${frozen:+, frozen in $frozen s}"
  done
  rows=$(java -jar "$jar" --database-url "$url" publish --year "$year" --status | tail -n 1)
  echo "$rows"
  if [ "$kind" = postgresql ]; then
    psql -q -h "$pg_host" -p "$pg_port" -d postgres -c "drop database if exists $pg_db" > /dev/null
  fi
done
