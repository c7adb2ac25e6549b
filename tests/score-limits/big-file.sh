#!/usr/bin/env bash
# A recorded-answers file over the 16 MiB limit is refused before it is
# parsed: exit 1, one message naming the file and its size, no sheet. The
# file (17 MiB) is generated in a temporary folder, not kept in the tree.
# big-batch-line.sh does the same for one line of --batch input.
#
#   big-file.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/tests/fixtures/score-library
fail() { echo "FAIL big-file: $*"; exit 1; }

# 17 MiB: a valid document start, then one long answer text.
start='{"format": "rubric.answers/1", "candidate": {"id": "c-1"}, "role": "advisor",
 "answers": [{"competency": "listening", "text": "'
end='"}]}'
document() {  # document BYTES FILE: a document of exactly BYTES bytes
  { printf '%s' "$start"; head -c $(($1 - ${#start} - ${#end} - 1)) /dev/zero | tr '\0' 'a'
    printf '%s\n' "$end"; } >"$2"
}
big=$work/big.json
document $((17 * 1024 * 1024)) "$big"
size=$(stat -c %s "$big")

timeout 20 "$rubric" score "$big" >"$work/out" 2>"$work/err"
status=$?
[ "$status" = 1 ] || fail "exit status $status, expected 1; stderr: $(head -c 300 "$work/err")"
[ -s "$work/out" ] && fail "wrote a sheet: $(head -c 200 "$work/out")"
want="$big: error: file is $size bytes, over the limit of 16 MiB"
[ "$(cat "$work/err")" = "$want" ] ||
  fail "stderr is '$(head -c 300 "$work/err")', expected '$want'"

# Exactly 16 MiB is allowed through to the JSON reader (here: too long a text).
limit=$work/limit.json
document $((16 * 1024 * 1024)) "$limit"
[ "$(stat -c %s "$limit")" = $((16 * 1024 * 1024)) ] || fail "limit.json is $(stat -c %s "$limit") bytes"
timeout 20 "$rubric" score "$limit" >"$work/out" 2>"$work/err"
status=$?
[ "$status" = 1 ] || fail "16 MiB file: exit status $status, expected 1"
grep -q "^$limit:2: error: answers\[0\]\.text: is $((16 * 1024 * 1024 - ${#start} - ${#end} - 1)) bytes long; the limit is 65536\$" "$work/err" ||
  fail "16 MiB file: unexpected stderr: $(head -c 300 "$work/err")"

echo "ok big-file"
