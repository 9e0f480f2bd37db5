#!/usr/bin/env bash
# Benchmark (issue 4): every council's Annual Review letter of one year (2026-27, the demo's latest: 317 letters) as PDF,
# against what an office would do otherwise: the same letters as a mail merge (their HTML) converted to PDF by
# LibreOffice (`soffice --headless --convert-to pdf`). Target: at most 10 s wall time for the year's PDFs.
#
# It builds the jar and loads the demo into a fresh H2 file database once (not timed), writes the year's letters
# as HTML once (the mail merge's documents), then, each run:
#   1. annual-review letters --format pdf, in a 512 MB heap: wall time and peak RSS (GNU time) and the time the
#      command reports itself ("inside": without starting the JVM and Spring);
#   2. the same with -XX:TieredStopAtLevel=1 (C1 only, an option for short command-line runs);
#   3. LibreOffice 7.4 (Debian's package) converting the HTML letters to PDF the way one office would run it:
#      one instance with its own profile (made before the runs), sequential batches of 150 files (a single call
#      with more than about 248 files stops early and still exits 0); wall time and peak RSS of the whole.
# Every run checks that each way wrote one PDF per letter. Prints one line per run, the medians and the ratio
# LibreOffice wall / annual-review wall.
# Usage: bench/letters-benchmark.sh [runs=3]
# Environment: BENCH_DIR (default /tmp/annual-review-letters-bench), BENCH_YEAR (default 2026-27, the demo's latest),
#              LO_FILTER (default pdf:writer_web_pdf_Export; LibreOffice's default PDF options, untagged)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
year=${BENCH_YEAR:-2026-27}
heap=512m
work=${BENCH_DIR:-/tmp/annual-review-letters-bench}
filter=${LO_FILTER:-pdf:writer_web_pdf_Export}
mkdir -p "$work"
work=$(cd "$work" && pwd)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
command -v soffice >/dev/null || { echo "needs LibreOffice (apt-get install libreoffice-writer-nogui)"; exit 2; }

./mvnw -q -B -DskipTests package
jar=target/annual-review.jar
url="jdbc:h2:file:$work/db/annual-review"
rm -rf "$work/db" "$work/files" "$work/demo-letters" "$work/html" "$work/lo-profile"
echo "loading the demo into a fresh H2 database (not timed) ..."
java -jar "$jar" --database-url "$url" demo --files "$work/files" --letters "$work/demo-letters" --letters-for latest --no-serve > "$work/demo.out" 2>&1 \
  || { cat "$work/demo.out"; exit 1; }
grep -E '^Wrote' "$work/demo.out" || true

# the mail merge's documents: the same letters as HTML (XHTML with inline CSS, no external resources)
java -jar "$jar" --database-url "$url" letters --year "$year" --format html --out "$work/html" > "$work/html.out" 2>&1 \
  || { cat "$work/html.out"; exit 1; }
html="$work/html/$year"
expected=$(find "$html" -name '*.html' | wc -l)
reported=$(grep -oE 'Wrote [0-9,]+ letters' "$work/html.out" | grep -oE '[0-9,]+' | tr -d ',' || true)
[ "$expected" -gt 0 ] && [ "$expected" = "$reported" ] || { cat "$work/html.out"; echo "expected $reported HTML letters, found $expected"; exit 1; }
echo "$expected letters of $year written as HTML ($(du -sh "$html" | cut -f1)) for LibreOffice"

# LibreOffice's profile, made once as an office's would be (its first start takes longer)
profile="file://$work/lo-profile"
mkdir -p "$work/lo-warmup"
soffice -env:UserInstallation="$profile" --headless --convert-to "$filter" --outdir "$work/lo-warmup" \
  "$(find "$html" -name '*.html' | sort | head -n 1)" > "$work/lo-warmup.out" 2>&1 || { cat "$work/lo-warmup.out"; exit 1; }

# one measured command: sets $wall (seconds) and $rss (peak resident MB) and keeps its output in $work/last.out
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/last.out" 2>&1 || { cat "$work/last.out"; echo "failed: $*"; exit 1; }
  read -r wall rss <<<"$(awk '{ printf "%s %.0f", $1, $2 / 1024 }' "$work/time.txt")"
}
# the number of PDF files in a folder; fails the benchmark when it is not one per letter
count_pdfs() {
  local n
  n=$(find "$1" -name '*.pdf' 2>/dev/null | wc -l)
  [ "$n" -eq "$expected" ] || { cat "$work/last.out" >&2; echo "$2 wrote $n PDFs of $expected" >&2; exit 1; }
  echo "$n"
}
# LibreOffice, one instance after another on one profile, 150 files a call
export filter profile html
libreoffice_batches() {
  find "$html" -name '*.html' -print0 | sort -z \
    | xargs -0 -n 150 soffice -env:UserInstallation="$profile" --headless --convert-to "$filter" --outdir "$1"
}
export -f libreoffice_batches

declare -A results
for run in $(seq 1 "$runs"); do
  line="run $run:"
  for jvm in default c1; do
    opts=(-Xmx"$heap"); label=annual-review
    if [ "$jvm" = c1 ]; then opts+=(-XX:TieredStopAtLevel=1); label="annual-review (C1)"; fi
    out="$work/pdf-$jvm"; rm -rf "$out"
    measure java "${opts[@]}" -jar "$jar" --database-url "$url" letters --year "$year" --format pdf --out "$out"
    inside=$(grep -oE "letters for $year in [0-9.]+ s" "$work/last.out" | grep -oE '[0-9.]+ s$' | tr -d ' s') \
      || { cat "$work/last.out"; echo "no time reported by $label"; exit 1; }
    n=$(count_pdfs "$out/$year" "$label")
    line+=" $label ${wall}s wall (${inside}s inside), ${rss} MB, $n PDFs;"
    results["$jvm-wall"]+="$wall "; results["$jvm-inside"]+="$inside "; results["$jvm-rss"]+="$rss "
    if [ "$jvm" = default ]; then ar_wall=$wall; fi
  done
  out="$work/pdf-libreoffice"; rm -rf "$out"; mkdir -p "$out"
  measure bash -c 'libreoffice_batches "$1"' _ "$out"
  n=$(count_pdfs "$out" LibreOffice)
  line+=" LibreOffice ${wall}s wall, ${rss} MB, $n PDFs; ratio $(awk -v l="$wall" -v a="$ar_wall" 'BEGIN{printf "%.1f", l / a}')"
  results["lo-wall"]+="$wall "; results["lo-rss"]+="$rss "
  echo "$line"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ar=$(echo "${results[default-wall]}" | median); c1=$(echo "${results[c1-wall]}" | median); lo=$(echo "${results[lo-wall]}" | median)
echo
echo "medians of $runs runs ($expected letters of $year, heap $heap, $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM):"
echo "  annual-review:      ${ar} s wall ($(echo "${results[default-inside]}" | median) s inside), peak RSS $(echo "${results[default-rss]}" | median) MB"
echo "  annual-review (C1): ${c1} s wall ($(echo "${results[c1-inside]}" | median) s inside), peak RSS $(echo "${results[c1-rss]}" | median) MB"
echo "  LibreOffice:        ${lo} s wall, peak RSS $(echo "${results[lo-rss]}" | median) MB"
echo "  ratio LibreOffice / annual-review wall: $(awk -v l="$lo" -v a="$ar" 'BEGIN{printf "%.1f", l / a}') (C1: $(awk -v l="$lo" -v a="$c1" 'BEGIN{printf "%.1f", l / a}'))"
echo "  target: at most 10 s wall for the year's PDFs, as ./annual-review letters runs (C1):" \
  "$(awk -v a="$c1" 'BEGIN{print (a <= 10 ? "met" : "not met")}'); with the JVM's defaults: $(awk -v a="$ar" 'BEGIN{print (a <= 10 ? "met" : "not met")}')"
