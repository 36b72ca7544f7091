#!/usr/bin/env bash
# Times `dmat export` and `dmat compare` on a demo cohort (10,000 firms unless FIRMS says
# otherwise): builds the release binary, writes the cohort to a temporary folder, and reports
# the wall time, the processor time (user + system, all cores) and the peak memory of each
# command with /usr/bin/time -v. On a shared machine the wall time grows with the load shown;
# the processor time does not.
set -euo pipefail
cd "$(dirname "$0")/.."

firms=${FIRMS:-10000}
cargo build --release --quiet
bin=$PWD/target/release/dmat

# The bundled questionnaire when there is one (its visits alone, not the district's folder of
# two questionnaires), else the feature questionnaire of the tests.
if [ -f questionnaires/smart-manufacturing.toml ]; then
  demo_q=(--questionnaire smart-manufacturing); q=()
else
  demo_q=(--questionnaire tests/fixtures/questionnaires/features.toml)
  q=(--questionnaire tests/fixtures/questionnaires/features.toml)
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export DMAT_WORKSPACE="$dir/workspace"
"$bin" demo --firms "$firms" -o "$dir/cohort" "${demo_q[@]}" 2>/dev/null
echo "cohort: $firms assessments, $(du -sh "$dir/cohort" | cut -f1) on disk; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %10s %10s %12s\n' command "wall (s)" "cpu (s)" "peak (MB)"

measure() {
  local name=$1
  shift
  /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt" || {
    echo "failed: $name"
    tail -5 "$dir/time.txt"
    exit 1
  }
  local wall kb cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$dir/time.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  # m:ss.ss to seconds
  wall=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  printf '%-28s %10.2f %10.2f %12.1f\n' "$name" "$wall" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
}

measure "export (wide CSV)" "$bin" export "$dir/cohort" "${q[@]}" -o "$dir/wide.csv"
measure "export --long" "$bin" export "$dir/cohort" "${q[@]}" --long -o "$dir/long.csv"
measure "compare --format csv" "$bin" compare "$dir/cohort" "${q[@]}" --format csv -o "$dir/compare.csv"
measure "compare --format table" "$bin" compare "$dir/cohort" "${q[@]}" --format table -o "$dir/compare.txt"
measure "export --format xlsx" "$bin" export "$dir/cohort" "${q[@]}" --format xlsx -o "$dir/cards.xlsx"
