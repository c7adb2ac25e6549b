#!/usr/bin/env bash
# The public JSON test suite (github.com/nst/JSONTestSuite) against the
# answers reader: every test_parsing/*.json file is given to `rubric score`
# as a recorded-answers document.
#
#   json_suite.sh RUBRIC SOURCE_DIR
#
#   n_*.json  not JSON: rejected as "malformed JSON", exit status 1
#   y_*.json  JSON: accepted by the JSON layer, so the error (there is
#             always one: none is a rubric.answers/1 document) is about
#             the content and does not start with "malformed JSON"; exit 1
#   i_*.json  either; exit status 1
#
# and none may crash (a signal: status above 128), time out (5 s each) or
# write a sheet. The suite is looked for in SOURCE_DIR/../shared/
# JSONTestSuite/test_parsing; without it the test is skipped (exit 77).
#
# Deliberate departures from RFC 8259 (see /work/shared/SAFETY.md and
# engine/json/json_syntax.c) are listed in REFUSED below: those y_ files
# must be refused with the message given, and are reported as notes.
set -u
rubric=$1 src=$2
suite=$src/../shared/JSONTestSuite/test_parsing
if [ ! -d "$suite" ]; then
  echo "skip: no JSONTestSuite at $suite"
  exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/tests/fixtures/score-library
# Keep a crash from leaving core files around.
ulimit -c 0

declare -A REFUSED=(
  [y_object_duplicated_key.json]="duplicate key 'a' in an object"
  [y_object_duplicated_key_and_value.json]="duplicate key 'a' in an object"
  [y_object_escaped_null_in_key.json]="the NUL character \\u0000 is not allowed in a string"
  [y_string_null_escape.json]="the NUL character \\u0000 is not allowed in a string"
)

failed=0 count=0
bad() { echo "FAIL $name: $*"; failed=$((failed + 1)); }

for path in "$suite"/[nyi]_*.json; do
  name=${path##*/}
  count=$((count + 1))
  start=${EPOCHREALTIME:-0}; start=${start/[.,]/}
  timeout -s KILL 5 "$rubric" score "$path" >"$work/out" 2>"$work/err"
  status=$?
  end=${EPOCHREALTIME:-0}; ms=$(((${end/[.,]/} - start) / 1000))
  first=
  IFS= read -r first <"$work/err"
  first=${first:0:300}
  message=${first#"$path":*": error: "}
  if [ "$status" = 137 ] || [ "$status" = 124 ]; then
    bad "did not finish within 5 s"; continue
  elif [ "$status" -gt 128 ]; then
    bad "crashed: exit status $status (signal $((status - 128))): $first"; continue
  elif [ "$status" != 1 ]; then
    bad "exit status $status, expected 1: $first"; continue
  fi
  [ -s "$work/out" ] && bad "wrote a sheet"
  case "$first" in
    "$path":*": error: "*) ;;
    *) bad "the first message does not name the file and a line: $first"; continue ;;
  esac
  case $name in
    n_*)
      case $message in
        "malformed JSON at line "*", column "*": "*) ;;
        *) bad "accepted as JSON: $message" ;;
      esac ;;
    y_*)
      if [ -n "${REFUSED[$name]:-}" ]; then
        case $message in
          "malformed JSON at line "*": ${REFUSED[$name]}")
            echo "note $name: refused on purpose: ${message#malformed JSON at }" ;;
          "malformed JSON"*) bad "refused, with an unexpected message: $message" ;;
          *) echo "note $name: now accepted (listed in REFUSED: update the list)" ;;
        esac
      else
        case $message in
          "malformed JSON"*) bad "rejected: $message" ;;
        esac
      fi ;;
  esac
  [ "$ms" -gt 5000 ] && bad "took $ms ms"
done

[ "$count" -gt 0 ] || { echo "FAIL: no test files in $suite"; exit 1; }
echo "$count files, $failed failed"
[ "$failed" = 0 ]
