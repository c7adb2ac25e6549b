#!/usr/bin/env bash
# Benchmark a live interview's per-action cost: every line an interviewer
# enters is checked, appended to the session journal with fdatasync, applied,
# and (for the candidate's words) followed by a suggestion that scores the
# whole session so far.
#
# Usage: scripts/bench-interview.sh [BUILD_DIR]     (default: build)
#
# Runs `rubric interview --script` on a generated script of ANSWERS_PER_ITEM
# lines of answer for every question of the people-manager plan (about 20
# words a line), in a folder on the disk (the build dir) and, when it
# exists, on tmpfs (/dev/shm), and prints the wall time per action and the
# peak RSS. The goal is an interface that keeps up with typing: under 50 ms
# per line on average, also for a long interview (ANSWERS_PER_ITEM=100).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rubric=$PWD/$build/rubric
[ -x "$rubric" ] || { echo "no $rubric: build first (scripts/setup.sh)" >&2; exit 1; }
export RUBRIC_LIBRARY=${RUBRIC_LIBRARY:-$PWD/rubrics}
per_item=${ANSWERS_PER_ITEM:-20}

run_in() {
  local dir=$1 label=$2
  local work
  work=$(mktemp -d "$dir/rubric-bench-XXXXXX")
  "$rubric" plan --role people-manager -o "$work/plan.json" 2>/dev/null
  python3 - "$work/script.txt" "$per_item" <<'PY'
import random, sys
path, per_item = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
words = ("I arranged weekly coaching sessions with the team and agreed development goals "
         "with each person as a result delivery improved by twenty percent within the "
         "quarter because we reviewed progress every Friday and I explained the reasons").split()
lines = []
for item in range(2, 12):
    lines.append(f"/jump {item}")
    for _ in range(per_item):
        lines.append(" ".join(rng.choice(words) for _ in range(20)) + ".")
    lines.append("/rate 3")
lines.append("/submit")
open(path, "w").write("\n".join(lines) + "\n")
PY
  local actions
  actions=$(wc -l <"$work/script.txt")
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$rubric" interview "$work/plan.json" \
    --candidate "Bench Mark" --interviewer "Pat Lee" --session "$work/s.session" \
    --script "$work/script.txt" >/dev/null
  t1=$(date +%s.%N)
  awk -v a="$actions" -v s="$t0" -v e="$t1" -v rss="$(cat "$work/rss")" -v l="$label" \
      -v size="$(stat -c %s "$work/s.session")" 'BEGIN {
    printf "%-8s %5d actions  %7.2f s  %6.2f ms/action  journal %.1f KB  peak RSS %.1f MB\n",
           l, a, e - s, (e - s) * 1000 / a, size / 1024, rss / 1024 }'
  rm -rf "$work"
}

echo "rubric interview --script: ${per_item} answer lines per question, 10 questions"
run_in "$PWD/$build" disk
[ -d /dev/shm ] && run_in /dev/shm tmpfs
