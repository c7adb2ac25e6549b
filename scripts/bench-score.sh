#!/usr/bin/env bash
# Benchmark `rubric score --batch` on a large generated corpus of answers.
#
# Usage: scripts/bench-score.sh [BUILD_DIR]     (default: build)
#
# Generates a corpus of 100,000 answers, about 200 MB of JSON Lines
# (scripts/gen-answers-corpus.py), writes the library's behaviour patterns
# (`rubric export --patterns`), then measures on one core (taskset -c 0 when
# available) under GNU time, RUNS rounds of these commands in turn, taking the
# median wall time (and cpu time) and the largest peak RSS of each:
#   rubric score --batch CORPUS > /dev/null    throughput, answers/s, peak RSS
#   rubric score --batch QUARTER > /dev/null   the first 1/4 of the corpus
#   wc -w CORPUS                               baseline: reading every word
#   pcre2grep -c -i -f PATTERNS CORPUS         baseline: the patterns, per line
# and, for information only (no goal), pcre2grep -o -i listing every match of
# the patterns (joined into a few alternations) in a 1% slice.
#
# Goals: rubric's throughput >= 5x pcre2grep's and >= 1/4 of wc -w's; peak RSS
# on the full corpus within 10% (or 5 MB) of the quarter corpus's (memory does
# not grow with the input). Exits 0 when the goals are missed (FAIL is only
# reported); exits non-zero when a command itself fails.
#
# Environment: RUBRIC_LIBRARY (default rubrics/ in the source tree),
# BENCH_ANSWERS (default 100000), BENCH_RUNS (default 3).
set -euo pipefail

RUNS=${BENCH_RUNS:-3}
ANSWERS=${BENCH_ANSWERS:-100000}
GOAL_VS_PCRE2GREP=5      # rubric MB/s >= 5 x pcre2grep's
GOAL_VS_WC=0.25          # rubric MB/s >= 1/4 of wc -w's
GOAL_RSS_PERCENT=10      # full-corpus peak RSS within 10% of the quarter's ...
GOAL_RSS_MB=5            # ... or within 5 MB

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$script_dir")

if [[ $# -gt 1 || ${1:-} == -h || ${1:-} == --help ]]; then
    echo "usage: scripts/bench-score.sh [BUILD_DIR]   (default: build)" >&2
    exit 2
fi
build_dir=${1:-build}
rubric=$build_dir/rubric
if [[ ! -x $rubric ]]; then
    echo "bench-score: $rubric not found or not executable (build it first)" >&2
    exit 2
fi
rubric=$(cd "$(dirname "$rubric")" && pwd)/rubric
export RUBRIC_LIBRARY=${RUBRIC_LIBRARY:-$repo/rubrics}
if [[ ! -x /usr/bin/time ]]; then
    echo "bench-score: /usr/bin/time (GNU time) is missing; install the Debian package 'time' (apt-get install time)" >&2
    exit 2
fi
if ! command -v pcre2grep >/dev/null; then
    echo "bench-score: pcre2grep is missing; install the Debian package 'pcre2-utils' (apt-get install pcre2-utils)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null; then
    echo "bench-score: python3 is missing; install the Debian package 'python3'" >&2
    exit 2
fi
if ! [[ $RUNS =~ ^[1-9][0-9]*$ && $ANSWERS =~ ^[1-9][0-9]*$ ]]; then
    echo "bench-score: BENCH_RUNS and BENCH_ANSWERS must be positive whole numbers" >&2
    exit 2
fi

# One core: the engine is single-threaded, and so are the baselines.
pin=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
    core="core 0 (taskset -c 0)"
else
    core="not pinned (taskset unavailable)"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rubric-bench-score.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
corpus=$tmp/corpus.jsonl
quarter=$tmp/quarter.jsonl
slice=$tmp/slice.jsonl
patterns=$tmp/patterns.txt
joined=$tmp/patterns-joined.txt

python3 "$script_dir/gen-answers-corpus.py" "$corpus" --answers "$ANSWERS" \
    --rubric "$rubric" --library "$RUBRIC_LIBRARY"
"$rubric" export --patterns >"$patterns"

docs=$(wc -l <"$corpus")
head -n $(((docs + 3) / 4)) "$corpus" >"$quarter"
head -n $(((docs + 99) / 100)) "$corpus" >"$slice"
# pcre2grep -o is very slow with many -f patterns (minutes a megabyte with
# these), so the information run joins them into a few alternations, each
# under pcre2grep's 8192-byte limit on a pattern.
awk '{ if (s != "" && length(s) + length($0) + 8 > 8000) { print "(?:" s ")"; s = "" }
       s = (s == "" ? $0 : s "|" $0) }
     END { if (s != "") print "(?:" s ")" }' "$patterns" >"$joined"

size_of() { stat -c %s "$1"; }
answers_in() { grep -o '"competency":"' "$1" | wc -l; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }

corpus_bytes=$(size_of "$corpus")
quarter_bytes=$(size_of "$quarter")
slice_bytes=$(size_of "$slice")
corpus_answers=$(answers_in "$corpus")
quarter_answers=$(answers_in "$quarter")
printf 'corpus: %d documents, %d answers, %s MB; quarter: %d documents, %d answers, %s MB\n' \
    "$docs" "$corpus_answers" "$(mb "$corpus_bytes")" "$(wc -l <"$quarter")" \
    "$quarter_answers" "$(mb "$quarter_bytes")"
printf 'patterns: %d (one per behaviour); runs: %d each, on %s; locale: %s\n' \
    "$(wc -l <"$patterns")" "$RUNS" "$core" "${LC_ALL:-${LC_CTYPE:-${LANG:-POSIX}}}"
read -r load1 _ </proc/loadavg || load1=0
if awk -v l="$load1" -v n="$(nproc)" 'BEGIN {exit !(l > n / 2)}'; then
    echo "note: load average $load1 on $(nproc) cores; other work may slow these figures"
fi

# The commands measured, by name: what runs, and which exit statuses are not
# failures (grep's 1 is "no match").
names=(full quarter wc grep grepo)
# shellcheck disable=SC2034  # used through the name reference in run_once
cmd_full=("$rubric" score --batch "$corpus")
# shellcheck disable=SC2034
cmd_quarter=("$rubric" score --batch "$quarter")
# shellcheck disable=SC2034
cmd_wc=(wc -w "$corpus")
# shellcheck disable=SC2034
cmd_grep=(pcre2grep -c -i -f "$patterns" "$corpus")
# shellcheck disable=SC2034
cmd_grepo=(pcre2grep -o -i -f "$joined" "$slice")
declare -A ok_status=([full]=0 [quarter]=0 [wc]=0 [grep]="0 1" [grepo]="0 1")
declare -A walls cpus rsss   # per name: space-separated values of the runs

# run_once NAME RUN -- runs the command NAME on the pinned core under GNU time
# (stdout to $tmp/NAME.out, stderr to $tmp/NAME.err) and records wall time,
# cpu time (user + system: less sensitive than the wall time to other work on
# the core) and peak RSS. Exits when the command fails.
run_once() {
    local name=$1 run=$2 status=0 w u sy k
    local -n cmd="cmd_$name"
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "${pin[@]}" "${cmd[@]}" \
        >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
    if [[ " ${ok_status[$name]} " != *" $status "* ]]; then
        echo "bench-score: run $run of '${cmd[*]}' failed (exit $status); output:" >&2
        head -n 40 "$tmp/$name.err" >&2
        # GNU time notices (e.g. "Command terminated by signal 9"), not its last line
        sed '$d' "$tmp/time.txt" | grep -v '^Command exited with non-zero status' >&2 || true
        exit "$status"
    fi
    # The last line holds the figures (earlier lines may be GNU time notices).
    read -r w u sy k < <(tail -n 1 "$tmp/time.txt")
    walls[$name]+=" $w"
    cpus[$name]+=" $(awk -v u="$u" -v s="$sy" 'BEGIN {print u + s}')"
    rsss[$name]+=" $k"
}

median() {
    printf '%s\n' "$@" | sort -g |
        awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

rate() { # bytes seconds -> MB/s (GNU time has 10 ms resolution)
    awk -v b="$1" -v s="$2" 'BEGIN {if (s < 0.01) s = 0.01; printf "%.1f", b / 1048576 / s}'
}
per_second() { # count seconds -> count/s
    awk -v n="$1" -v s="$2" 'BEGIN {if (s < 0.01) s = 0.01; printf "%.0f", n / s}'
}

scored_line() { # the engine's closing "scored N, failed M"
    grep -E '^scored [0-9]+, failed [0-9]+$' "$1" | tail -n 1
}

# Round robin, so that a change in other work on the machine touches every
# command alike; then the median wall and cpu time and the largest peak RSS.
for ((run = 1; run <= RUNS; run++)); do
    echo "run $run of $RUNS: rubric (full, quarter), wc -w, pcre2grep -c, pcre2grep -o ..."
    for name in "${names[@]}"; do
        run_once "$name" "$run"
    done
done
declare -A wall cpu kb
for name in "${names[@]}"; do
    # shellcheck disable=SC2086  # the values are words on purpose
    wall[$name]=$(median ${walls[$name]})
    # shellcheck disable=SC2086
    cpu[$name]=$(median ${cpus[$name]})
    # shellcheck disable=SC2086
    kb[$name]=$(printf '%s\n' ${rsss[$name]} | sort -g | tail -n 1)
done
full_scored=$(scored_line "$tmp/full.err")
quarter_scored=$(scored_line "$tmp/quarter.err")
words=$(awk '{print $1}' "$tmp/wc.out")
grep_lines=$(cat "$tmp/grep.out")
grepo_matches=$(wc -l <"$tmp/grepo.out")

full_rate=$(rate "$corpus_bytes" "${wall[full]}")
wc_rate=$(rate "$corpus_bytes" "${wall[wc]}")
grep_rate=$(rate "$corpus_bytes" "${wall[grep]}")

echo
printf '%-42s %8s %7s %7s %8s %10s %8s\n' "command (one core)" "input MB" "wall s" "cpu s" \
    "MB/s" "answers/s" "peak MB"
row() { # label bytes wall cpu answers|- kb
    local per=-
    [[ $5 == - ]] || per=$(per_second "$5" "$3")
    printf '%-42s %8s %7.2f %7.2f %8s %10s %8s\n' "$1" "$(mb "$2")" "$3" "$4" "$(rate "$2" "$3")" \
        "$per" "$(mb $(($6 * 1024)))"
}
row "rubric score --batch CORPUS >/dev/null" "$corpus_bytes" "${wall[full]}" "${cpu[full]}" \
    "$corpus_answers" "${kb[full]}"
row "rubric score --batch QUARTER >/dev/null" "$quarter_bytes" "${wall[quarter]}" "${cpu[quarter]}" \
    "$quarter_answers" "${kb[quarter]}"
row "wc -w CORPUS" "$corpus_bytes" "${wall[wc]}" "${cpu[wc]}" - "${kb[wc]}"
row "pcre2grep -c -i -f PATTERNS CORPUS" "$corpus_bytes" "${wall[grep]}" "${cpu[grep]}" - "${kb[grep]}"
row "(info) pcre2grep -o, joined, 1% slice" "$slice_bytes" "${wall[grepo]}" "${cpu[grepo]}" - "${kb[grepo]}"
echo "(MB = 2^20 bytes; MB/s and answers/s from the median wall time)"
echo
printf 'rubric: %s (full), %s (quarter); wc -w: %s words; pcre2grep -c: %s of %d lines match;\n' \
    "${full_scored:-?}" "${quarter_scored:-?}" "$words" "$grep_lines" "$docs"
printf 'pcre2grep -o: %s matches in the slice\n' "$grepo_matches"
echo

verdict() { # condition in awk -> PASS/FAIL
    awk "BEGIN {print ($1) ? \"PASS\" : \"FAIL\"}"
}
vs_grep=$(awk -v r="$full_rate" -v g="$grep_rate" 'BEGIN {printf "%.2f", r / g}')
vs_wc=$(awk -v r="$full_rate" -v w="$wc_rate" 'BEGIN {printf "%.3f", r / w}')
rss_diff_kb=$((kb[full] - kb[quarter]))
rss_pct=$(awk -v f="${kb[full]}" -v q="${kb[quarter]}" 'BEGIN {printf "%.1f", (f - q) * 100 / q}')
v1=$(verdict "$vs_grep >= $GOAL_VS_PCRE2GREP")
v2=$(verdict "$vs_wc >= $GOAL_VS_WC")
abs_diff=${rss_diff_kb#-}
v3=$(verdict "$abs_diff <= $GOAL_RSS_MB * 1024 || $abs_diff * 100 <= $GOAL_RSS_PERCENT * ${kb[quarter]}")

goal_row() { printf '%-28s %-18s %-30s %s\n' "$@"; }
goal_row "throughput vs pcre2grep -c:" "${vs_grep}x" "(goal >= ${GOAL_VS_PCRE2GREP}x)" "$v1"
goal_row "throughput vs wc -w:" "${vs_wc}x" "(goal >= ${GOAL_VS_WC}x)" "$v2"
goal_row "peak RSS, full vs quarter:" \
    "$(awk -v d="$rss_diff_kb" -v p="$rss_pct" 'BEGIN {printf "%+.1f MB (%+.1f%%)", d / 1024, p}')" \
    "(goal within ${GOAL_RSS_PERCENT}% or ${GOAL_RSS_MB} MB)" "$v3"
printf '(by cpu time instead: %sx pcre2grep -c, %sx wc -w)\n' \
    "$(awk -v r="${cpu[full]}" -v g="${cpu[grep]}" 'BEGIN {printf "%.2f", (r > 0 && g > 0) ? g / r : 0}')" \
    "$(awk -v r="${cpu[full]}" -v w="${cpu[wc]}" 'BEGIN {printf "%.3f", (r > 0 && w > 0) ? w / r : 0}')"
if [[ $v1 == PASS && $v2 == PASS && $v3 == PASS ]]; then
    echo "overall: PASS"
else
    echo "overall: FAIL (goals missed; exit status stays 0)"
fi
