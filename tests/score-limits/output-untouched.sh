#!/usr/bin/env bash
# `rubric score -o FILE`: bad input writes nothing. No file appears at the
# -o path, an existing file there keeps its bytes and its modification time,
# and no temporary file is left beside it. Also with two inputs of which
# only the second is bad (all or nothing), and with a good input the file
# is written and replaces the old one.
#
#   output-untouched.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/tests/fixtures/score-library
fail() { echo "FAIL output-untouched: $*"; exit 1; }

cat >"$work/good.json" <<'JSON'
{
  "format": "rubric.answers/1",
  "candidate": { "id": "c-1" },
  "role": "advisor",
  "answers": [ { "competency": "listening", "text": "I asked him to clarify the request." } ]
}
JSON
cat >"$work/bad-json.json" <<'JSON'
{
  "format": "rubric.answers/1",
  "candidate": { "id": "c-2" }
  "role": "advisor"
}
JSON
cat >"$work/bad-content.json" <<'JSON'
{
  "format": "rubric.answers/1",
  "candidate": { "id": "c-3" },
  "role": "advisor",
  "answers": [ { "competency": "lisening", "text": "I let him finish." } ]
}
JSON

# Only the files this script made may be in the folder afterwards.
only() {
  local got
  got=$(cd "$work" && find . -mindepth 1 | sort | paste -sd ' ')
  [ "$got" = "$1" ] || fail "$2: folder holds '$got', expected '$1'"
}
inputs="./bad-content.json ./bad-json.json ./good.json"

for format in md json html csv; do
  for input in bad-json bad-content; do
    what="--format $format, $input"
    # No file at the -o path: none is created.
    "$rubric" score --format $format -o "$work/sheet.out" "$work/$input.json" \
      >"$work/.stdout" 2>"$work/.stderr"
    status=$?
    [ "$status" = 1 ] || fail "$what: exit status $status, expected 1"
    [ -s "$work/.stdout" ] && fail "$what: wrote to standard output"
    grep -q "^$work/$input.json:[0-9]*: error: " "$work/.stderr" ||
      fail "$what: no error naming the input: $(head -c 300 "$work/.stderr")"
    grep -q "wrote" "$work/.stderr" && fail "$what: says it wrote a file"
    rm -f "$work/.stdout" "$work/.stderr"
    only "$inputs" "$what, no previous file"

    # An existing file at the -o path: left exactly as it was.
    printf 'the previous sheet\n' >"$work/sheet.out"
    touch -d '2020-01-01 00:00:00' "$work/sheet.out"
    before=$(stat -c '%s %Y %i' "$work/sheet.out")
    "$rubric" score --format $format -o "$work/sheet.out" "$work/good.json" "$work/$input.json" \
      >/dev/null 2>&1
    status=$?
    [ "$status" = 1 ] || fail "$what, previous file: exit status $status, expected 1"
    [ "$(cat "$work/sheet.out")" = "the previous sheet" ] ||
      fail "$what: the previous file was changed"
    [ "$(stat -c '%s %Y %i' "$work/sheet.out")" = "$before" ] ||
      fail "$what: the previous file was replaced or touched"
    only "$inputs ./sheet.out" "$what, previous file"
    rm -f "$work/sheet.out"
  done
done

# A missing input (exit 3) writes nothing either.
"$rubric" score -o "$work/sheet.out" "$work/no-such.json" 2>/dev/null
status=$?
[ "$status" = 3 ] || fail "missing input: exit status $status, expected 3"
only "$inputs" "missing input"

# Good input: the file is written (replacing the previous one), nothing else.
printf 'the previous sheet\n' >"$work/sheet.out"
"$rubric" score --format json -o "$work/sheet.out" "$work/good.json" >"$work/.stdout" 2>"$work/.stderr"
status=$?
[ "$status" = 0 ] || fail "good input: exit status $status: $(cat "$work/.stderr")"
[ -s "$work/.stdout" ] && fail "good input: wrote to standard output as well"
[ "$(cat "$work/.stderr")" = "wrote $work/sheet.out" ] ||
  fail "good input: stderr is '$(cat "$work/.stderr")'"
grep -q "\"format\": *\"rubric.sheet/1\"" "$work/sheet.out" || fail "good input: no sheet written"
rm -f "$work/.stdout" "$work/.stderr"
only "$inputs ./sheet.out" "good input"
echo "ok output-untouched"
