#!/usr/bin/env bash
# rubric followup --due skips what is not a regular file: a FIFO named like
# a plan would otherwise block the listing forever. The plan beside it is
# still listed.
#
#   due-special-files.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics
cd "$work" || exit 1
cp "$src/tests/develop/fixtures/jordan.json" plan.json
mkfifo waiting.json || exit 77
mkdir folder.json
RUBRIC_TODAY=2025-12-31 timeout 20 "$rubric" followup --due . >out.txt 2>err.txt
rc=$?
[ $rc -eq 0 ] || fail "exit $rc (124: it waited on the FIFO): $(cat err.txt)"
[ ! -s err.txt ] || fail "stderr: $(cat err.txt)"
grep -q '^2025-04-15  Jordan Lee  plan.json (3 actions)$' out.txt || fail "the plan is not listed: $(cat out.txt)"
[ "$(wc -l <out.txt)" -eq 1 ] || fail "more than the plan listed: $(cat out.txt)"
echo ok
