#!/usr/bin/env bash
# Times `dmat export` and `dmat compare` on demo cohorts of the given sizes:
#
#   benches/cohort.sh [FIRMS...]        e.g. benches/cohort.sh 10000 100000 240000
#
# (10,000 firms when none is given; FIRMS=N is read too). Builds the release binary, writes
# each cohort once into a cache folder outside the repository (DMAT_BENCH_CACHE, else
# $XDG_CACHE_HOME/dmat-bench or ~/.cache/dmat-bench; a cohort is made again when the demo or
# the questionnaires change), and reports the wall time, the processor time (user + system,
# all cores) and the peak memory of each command with /usr/bin/time -v, beside `cat` of the
# same files (the time it takes just to read them). On a shared machine the wall time grows
# with the load shown; the processor time does not.
#
# DEMO=district times the district's folder (`dmat demo` without --questionnaire: quick scans,
# full visits and follow-ups of two questionnaires): the exports take the full visit's
# questionnaire, the comparison filters on it. The default is the visits of one
# questionnaire, follow-ups and plans included.
#
# DMAT=PATH times that binary instead of building one (an earlier build, to compare with).
#
# A 240,000-firm cohort takes about 1 GB; `benches/cohort.sh --clean` removes the cache.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${DMAT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dmat-bench}
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$cache"
  echo "removed $cache"
  exit 0
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=("${FIRMS:-10000}")
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "usage: benches/cohort.sh [FIRMS...] | --clean" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

if [ -n "${DMAT:-}" ]; then
  bin=$(realpath "$DMAT")
else
  cargo build --release --quiet
  bin=$PWD/target/release/dmat
fi
demo=${DEMO:-one}
case $demo in
  one) demo_q=(--questionnaire smart-manufacturing); filter=() ;;
  district) demo_q=(); filter=(--filter questionnaire=smart-manufacturing) ;;
  *) echo "DEMO is one or district" >&2; exit 2 ;;
esac
# The cohort changes with the demo and the questionnaires (and with nothing else).
version=$(git rev-parse HEAD:src/demo HEAD:questionnaires 2>/dev/null | cut -c1-8 | tr "\n" - || true)
version=${version%-}
version=${version:-unversioned}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DMAT_WORKSPACE="$out/workspace"

# COMMANDS="wide compare" times only those (of cat wide long plan compare xlsx, and score,
# `dmat score --format json`, which is timed only when named).
commands=" ${COMMANDS:-cat wide long plan compare xlsx} "
want() { [[ $commands == *" $1 "* ]]; }

measure() {
  local name=$1
  shift
  local wall kb cpu status=""
  /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || status="  failed: $(grep -v '^\s' "$out/time.txt" | grep -v '^Command exited' | tail -1)"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$out/time.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
  # [h:]m:ss.ss to seconds
  wall=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  printf '%-8s %-24s %10.2f %10.2f %12.1f\n' "$firms" "$name" "$wall" "$cpu" \
    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
  [ -z "$status" ] || echo "$status"
}

printf '%-8s %-24s %10s %10s %12s\n' firms command "wall (s)" "cpu (s)" "peak (MB)"
for firms in "${sizes[@]}"; do
  cohort=$cache/$demo-$firms-seed1-$version
  if [ ! -f "$cohort/.complete" ]; then
    rm -rf "$cohort"
    mkdir -p "$cache"
    "$bin" demo --firms "$firms" --seed 1 -o "$cohort" "${demo_q[@]}" 2>/dev/null
    touch "$cohort/.complete"
  fi
  files=$(find "$cohort" -name '*.toml' | wc -l)
  echo "# $firms firms: $files files, $(du -sh "$cohort" | cut -f1) on disk in $cohort;" \
    "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
  # Read once so that every command finds the files in the page cache.
  find "$cohort" -name '*.toml' -print0 | xargs -0 cat >/dev/null
  want cat && measure "cat" sh -c "find '$cohort' -name '*.toml' -print0 | xargs -0 cat"
  # In the district's folder the first file read is a quick scan: the exports take the full
  # visit's questionnaire instead.
  q=()
  if [ "$demo" = district ]; then
    q=(--questionnaire questionnaires/smart-manufacturing.toml)
  fi
  want wide && measure "export (wide CSV)" "$bin" export "$cohort" "${q[@]}" -o "$out/wide.csv"
  want long && measure "export --long" "$bin" export "$cohort" "${q[@]}" --long -o "$out/long.csv"
  want plan && measure "export --plan" "$bin" export "$cohort" "${q[@]}" --plan -o "$out/plan.csv"
  want compare && measure "compare --format csv" "$bin" compare "$cohort" "${filter[@]}" --format csv -o "$out/compare.csv"
  want score && measure "score --format json" "$bin" score "$cohort" --format json
  want xlsx && measure "export --format xlsx" "$bin" export "$cohort" "${q[@]}" --format xlsx -o "$out/cards.xlsx"
  rm -f "$out"/*.csv "$out"/*.xlsx
done
