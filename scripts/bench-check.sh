#!/usr/bin/env bash
# Benchmark `rubric check` on a large generated library.
#
# Usage: scripts/bench-check.sh [BUILD_DIR]     (default: build)
#
# Generates a library of 1000 competencies (scripts/gen-bench-library.py) into
# a temporary directory, runs `BUILD_DIR/rubric check DIR` 5 times under GNU
# time, and reports wall time and peak RSS against the goals (median wall time
# <= 0.5 s, peak RSS <= 150 MB). Exits 0 when the goals are missed (FAIL is
# only reported); exits non-zero when `rubric check` itself fails.
set -euo pipefail

RUNS=5
GOAL_SECONDS=0.5
GOAL_MB=150

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${1:-build}
rubric=$build_dir/rubric

if [[ $# -gt 1 || ${1:-} == -h || ${1:-} == --help ]]; then
    echo "usage: scripts/bench-check.sh [BUILD_DIR]   (default: build)" >&2
    exit 2
fi
if [[ ! -x $rubric ]]; then
    echo "bench-check: $rubric not found or not executable (build it first)" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "bench-check: /usr/bin/time (GNU time) is missing; install the Debian package 'time' (apt-get install time)" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rubric-bench.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
lib=$tmp/library

python3 "$script_dir/gen-bench-library.py" "$lib"

# Library size, counted from the generated files (one entry per line).
files=$(find "$lib" -type f -name '*.lua' | wc -l)
bytes=$(find "$lib" -type f -name '*.lua' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
competencies=$(cat "$lib"/competencies/*.lua | grep -c '^competency "' || true)
behaviours=$(cat "$lib"/competencies/*.lua | grep -cE '^      ("|behaviour ")' || true)
questions=$(cat "$lib"/competencies/*.lua | grep -c '^      question "' || true)
probes=$(cat "$lib"/competencies/*.lua | grep -c '^          "' || true)
printf 'library: %d files, %.1f MB, %d competencies, %d behaviours, %d questions, %d probes\n' \
    "$files" "$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')" \
    "$competencies" "$behaviours" "$questions" "$probes"

walls=()
rss_kb=()
for i in $(seq 1 "$RUNS"); do
    status=0
    /usr/bin/time -f '%e %M' -o "$tmp/time.txt" \
        "$rubric" check "$lib" >"$tmp/out.txt" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench-check: run $i: '$rubric check $lib' failed (exit $status); output:" >&2
        head -n 40 "$tmp/out.txt" >&2
        # GNU time notices (e.g. "Command terminated by signal 9"), not its "%e %M" line
        sed '$d' "$tmp/time.txt" | grep -v '^Command exited with non-zero status' >&2 || true
        exit "$status"
    fi
    # The last line holds "%e %M" (earlier lines may be GNU time notices).
    read -r wall kb < <(tail -n 1 "$tmp/time.txt")
    walls+=("$wall")
    rss_kb+=("$kb")
    printf 'run %d: %6.2f s  %7.1f MB\n' "$i" "$wall" "$(awk -v k="$kb" 'BEGIN {print k / 1024}')"
done

median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
max_mb=$(printf '%s\n' "${rss_kb[@]}" | sort -g | tail -n 1 | awk '{printf "%.1f", $1 / 1024}')

verdict() { # value goal -> PASS/FAIL (value <= goal passes)
    awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? "PASS" : "FAIL"}'
}
time_verdict=$(verdict "$median" "$GOAL_SECONDS")
rss_verdict=$(verdict "$max_mb" "$GOAL_MB")

printf 'median wall time: %.2f s  (goal <= %s s)  %s\n' "$median" "$GOAL_SECONDS" "$time_verdict"
printf 'max peak RSS:     %.1f MB  (goal <= %s MB)  %s\n' "$max_mb" "$GOAL_MB" "$rss_verdict"
if [[ $time_verdict == PASS && $rss_verdict == PASS ]]; then
    echo "overall: PASS"
else
    echo "overall: FAIL (goals missed; exit status stays 0)"
fi
