#!/usr/bin/env bash
# rubric followup on a copy of tests/develop/fixtures/jordan.json: progress
# recorded over several days (history compared with expected/), a torn
# last record (dropped with a warning, the rest kept, recording goes on),
# a damaged record (reading stops, says where, nothing appended), and
# --due before and after the follow-up date.
#
#   followup.sh RUBRIC SOURCE_DIR        UPDATE=1 rewrites expected/followup-*
set -u
rubric=$1 src=$2
here=$src/tests/develop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics
cd "$work" || exit 1
cp "$here/fixtures/jordan.json" plan.json

# Compare a file with expected/NAME (or rewrite it with UPDATE=1).
same() {
  if [ "${UPDATE:-}" = 1 ]; then cp "$1" "$here/expected/$2"; return; fi
  diff -u "$here/expected/$2" "$1" >diff.txt || { cat diff.txt; fail "$2 differs"; }
}
fu() { "$rubric" followup plan.json "$@"; }

RUBRIC_TODAY=2025-03-10 fu --action a1 --status in-progress --note "Two of five conversations held" \
  >out1.txt 2>err || fail "record 1: $(cat err)"
[ ! -s err ] || fail "record 1 wrote to stderr: $(cat err)"
RUBRIC_TODAY=2025-03-20 fu --action a3 --status blocked --note "The all-hands was cancelled in March" \
  >/dev/null 2>err || fail "record 2: $(cat err)"
RUBRIC_TODAY=2025-04-14 fu --action a1 --status done --date 2025-04-11 >/dev/null 2>err \
  || fail "record 3: $(cat err)"
RUBRIC_TODAY=2025-04-14 fu --action a2 --status done --note "Used it in all five" \
  >/dev/null 2>err || fail "record 4: $(cat err)"
same out1.txt followup-first.txt
RUBRIC_TODAY=2025-04-15 fu >history.txt 2>err || fail "history: $(cat err)"
[ ! -s err ] || fail "history wrote to stderr: $(cat err)"
same history.txt followup-history.txt
[ "$(stat -c %a plan.progress)" = 600 ] || fail "plan.progress has mode $(stat -c %a plan.progress)"

# --due: not yet on the 14th, due on the 15th.
RUBRIC_TODAY=2025-04-14 "$rubric" followup --due . >due.txt 2>&1 || fail "--due on the 14th"
[ "$(cat due.txt)" = "No follow-up meetings due by 2025-04-14 in the current folder." ] || fail "due on the 14th: $(cat due.txt)"
RUBRIC_TODAY=2025-04-15 "$rubric" followup --due >due.txt 2>&1 || fail "--due on the 15th"
[ "$(cat due.txt)" = "2025-04-15  Jordan Lee  plan.json (3 actions)" ] || fail "due on the 15th: $(cat due.txt)"

# A torn last record: the writer died while appending. Cut the last
# record short; reading drops it with a note, keeps the others, and the
# next report is appended after the good ones.
cp plan.progress whole.progress
size=$(stat -c %s plan.progress)
head -c $((size - 7)) whole.progress >plan.progress
RUBRIC_TODAY=2025-04-15 fu >torn.txt 2>torn-err.txt || fail "history with a torn tail failed"
same torn-err.txt followup-torn-stderr.txt
grep -q '  2025-04-11  a1   done' torn.txt || fail "the records before the torn one are lost"
! grep -q 'Used it in all five' torn.txt || fail "the torn record was not dropped"
RUBRIC_TODAY=2025-04-15 fu --action a2 --status done --note "Again" >/dev/null 2>err \
  || fail "recording after a torn tail: $(cat err)"
[ ! -s err ] || fail "the torn tail was not repaired: $(cat err)"
RUBRIC_TODAY=2025-04-15 fu | grep -q '  2025-04-15  a2   done         Again' || fail "no record after repair"
# Recording straight after a crash (no history read first) says what it
# dropped too, and the new report follows the good ones.
size=$(stat -c %s plan.progress)
cp plan.progress before-cut.progress
head -c $((size - 5)) before-cut.progress >plan.progress
RUBRIC_TODAY=2025-04-15 fu --action a3 --status blocked --note "Third" >/dev/null 2>err \
  || fail "recording after a torn tail: $(cat err)"
grep -q '^plan.progress: warning: dropped a torn last record at byte offset' err \
  || fail "recording dropped a torn report without a warning: $(cat err)"
out=$(RUBRIC_TODAY=2025-04-15 fu 2>&1)
grep -q '  2025-04-15  a3   blocked      Third' <<<"$out" || fail "no record after the crash: $out"
! grep -q 'Again' <<<"$out" || fail "the torn report came back: $out"

# A damaged record (one bit flipped in the second record's text): reading
# stops and says where; recording refuses and leaves the journal alone.
cp whole.progress plan.progress
python3 - <<'PY'
b = bytearray(open("plan.progress", "rb").read())
i = b.index(b"Two of five")
b[i] ^= 0x01
open("plan.progress", "wb").write(bytes(b))
PY
cp plan.progress damaged.progress
RUBRIC_TODAY=2025-04-15 fu >corrupt.txt 2>corrupt-err.txt
[ $? = 1 ] || fail "a damaged journal did not exit 1"
[ ! -s corrupt.txt ] || fail "a damaged journal printed a history"
same corrupt-err.txt followup-corrupt-stderr.txt
RUBRIC_TODAY=2025-04-15 fu --action a3 --status done >/dev/null 2>corrupt-record.txt
[ $? = 1 ] || fail "recording into a damaged journal did not exit 1"
same corrupt-record.txt followup-corrupt-record-stderr.txt
cmp -s plan.progress damaged.progress || fail "the damaged journal was changed"

# A record that is intact but not ours (a journal of another plan).
cp whole.progress plan.progress
sed 's/Jordan Lee/Alex Kim/' "$here/fixtures/jordan.json" >plan.json
RUBRIC_TODAY=2025-04-15 fu >/dev/null 2>other.txt
[ $? = 1 ] || fail "another person's journal was accepted"
same other.txt followup-other-person-stderr.txt
echo "ok"
