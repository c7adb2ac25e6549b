#!/usr/bin/env bash
# One JSON Lines document over the 16 MiB limit in `score --batch`, between
# two good ones: the good lines still get their sheets, the big one an error
# line, and the message on standard error names the file and the big
# document's line (3). Exit 1. The 17 MiB input is generated in a temporary
# folder.
#
#   big-batch-line.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/tests/fixtures/score-library
fail() { echo "FAIL big-batch-line: $*"; exit 1; }

# 17 MiB on one line: a valid document start, then one long answer text.
start='{"format": "rubric.answers/1", "candidate": {"id": "c-1"}, "role": "advisor",
 "answers": [{"competency": "listening", "text": "'
end='"}]}'
document() {  # document BYTES FILE: a document of exactly BYTES bytes
  { printf '%s' "$start"; head -c $(($1 - ${#start} - ${#end} - 1)) /dev/zero | tr '\0' 'a'
    printf '%s\n' "$end"; } >"$2"
}
big=$work/big.json
document $((17 * 1024 * 1024)) "$big"
# Line 1 good, line 2 blank, line 3 the big document, line 4 good.
good='{"format": "rubric.answers/1", "candidate": {"id": "c-2"}, "role": "advisor", "answers": [{"competency": "listening", "text": "I asked him to clarify."}]}'
batch=$work/batch.jsonl
{ echo "$good"; echo; tr -d '\n' <"$big"; echo; echo "$good"; } >"$batch"
timeout 20 "$rubric" score --batch "$batch" >"$work/out" 2>"$work/err"
status=$?
[ "$status" = 1 ] || fail "--batch: exit status $status, expected 1"
[ "$(grep -c '"format":"rubric.sheet/1"' "$work/out")" = 2 ] || fail "--batch: not two sheets"
grep -qx '{"format":"rubric.error/1","line":3,"errors":1}' "$work/out" ||
  fail "--batch: no error line for line 3: $(cut -c1-80 "$work/out")"
grep -q "^$batch:3: error: the document is [0-9]* bytes; the limit is 16 MiB\$" "$work/err" ||
  fail "--batch: stderr does not name line 3: $(head -c 300 "$work/err")"
echo "ok big-batch-line"
