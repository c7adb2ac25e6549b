#!/usr/bin/env bash
# `rubric panel` on live interview sessions: three interviewers' submitted
# sessions of one candidate give the consolidated sheet and the debrief
# agenda (compared with sessions.md); an unfinished session, a session from
# another plan and a session given twice are refused with the exact
# messages; -o writes the panel readable by its owner only.
#
#   sessions.sh RUBRIC SOURCE_DIR
#
# UPDATE=1 rewrites sessions.md from the actual run (read it afterwards).
set -u
rubric=$1 src=$2
here=$src/tests/panel
fail() { echo "FAIL: $*"; exit 1; }
scratch=$(mktemp -d) || fail "mktemp"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || fail "cd"
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_NOW=1746518400 HOME=$scratch TMPDIR=$scratch

"$rubric" plan --role people-manager -o plan.json 2>/dev/null || fail "rubric plan"
"$rubric" plan --role people-manager --seed 7 -o plan-7.json 2>/dev/null || fail "rubric plan --seed 7"

# Items: 1 opening; 2, 4, 6, 8, 10 the questions at the target level of the
# five competencies (3, 5, 7, 9, 11 those of the level above); 12 closing.
interview() {  # NAME SESSION PLAN < script
  "$rubric" interview "$3" --candidate "Alex Morgan" --interviewer "$1" --session "$2" \
    --script - >/dev/null 2>"$2.err" || { cat "$2.err"; fail "interview $2"; }
}

interview "Priya Natarajan" priya.session plan.json <<'SCRIPT'
/jump 2
Last year I mentored Ravi, a junior analyst in the payments team who reported to a peer of mine, not to me.
He wanted to move into a team lead role within two years, and we agreed a development plan with three goals.
I set up a career planning conversation with his manager so the three of us agreed which projects would stretch him.
Within a year he ran the team's stand-ups and he was promoted to senior analyst in the spring round.
/observe 1
/observe 3
/rate 4
/note Textbook mentoring with a written plan and a promotion at the end.
/jump 4
In March I had to tell the customer service team that the new rota would end their compressed four-day week.
I chose to tell them face to face in a team meeting rather than by email, and I followed up with each person one to one.
I explained the reasons honestly: the contact centre had to cover evenings and our sickness absence had doubled.
/observe 1
/observe 2
/rate 4
/jump 6
Two senior engineers in my team disagreed about whether to rebuild the billing service or patch it.
I met each of them separately to understand their position, then brought them together.
We agreed roles and responsibilities for a two-week spike, and I made sure both got the credit in the team update.
/observe 2
/rate 3
/jump 8
When we moved the warehouse team to handheld scanners, the night shift pushed back hard.
I paused the rollout for a week and listened to their objections in two shift meetings.
We adjusted the plan: a phased rollout starting with a pilot on one aisle.
/observe 4
/rate 5
/jump 10
I was responsible for moving our payroll to a new provider for 1,200 staff.
The success criteria were agreed with finance up front: no missed payments.
I planned it in four milestones and tracked progress weekly on a shared board.
/observe 1
/observe 3
/rate 3
/submit
SCRIPT

interview "Tom Becker" tom.session plan.json <<'SCRIPT'
/jump 2
Mentored a junior analyst in another team; agreed a development plan.
He was promoted to senior analyst.
/rate 2
/note One person mentored; no wider practice heard.
/jump 4
Told the customer service team the four-day week would end. Gave the reasons: evening cover, sickness absence.
/rate 2
/jump 6
Two engineers disagreed about rebuilding the billing service. Met each separately, then brought them together.
/observe 2
/rate 3
/jump 8
Night shift pushed back on scanners. Paused the rollout and listened to their objections; then a phased rollout with a pilot.
/observe 4
/rate 4
/jump 10
Moved payroll to a new provider for 1,200 staff, tracked progress against milestones.
/rate 2
/submit
SCRIPT

interview "Dana Whitfield" dana.session plan.json <<'SCRIPT'
/jump 2
Mentored Ravi, a junior analyst who reported to a peer. They agreed a development plan with three goals.
Career planning conversation with his manager to agree which projects would stretch him.
/observe 1
/observe 3
/rate 3
/jump 4
Told the team face to face that the rota would end the four-day week, then followed up one to one.
Explained the reasons honestly and invited questions.
/observe 1
/observe 2
/rate 3
/jump 6
Mediated between two engineers; asked each to explain the other's view before their own.
/observe 2
/rate 3
/jump 8
Listened to the night shift's objections and adjusted the approach: a pilot on one aisle.
/observe 4
/rate 4
/jump 10
Payroll move for 1,200 staff with success criteria agreed with finance; went live on the agreed date.
/observe 1
/submit
SCRIPT

# Not submitted: the interviewer stopped half way.
interview "Sam Reyes" sam.session plan.json <<'SCRIPT'
/jump 2
Mentored a junior analyst.
/rate 3
SCRIPT

# Another plan: other questions for three of the competencies.
interview "Lee Park" lee.session plan-7.json <<'SCRIPT'
/jump 2
Mentored a junior analyst and agreed a development plan.
/rate 3
/submit
SCRIPT

ok=1
check() {  # NAME EXPECTED_STATUS EXPECTED_STDERR ARGS...
  local name=$1 want=$2 werr=$3; shift 3
  "$rubric" panel "$@" >out.txt 2>err.txt
  local got=$?
  [ "$got" = "$want" ] || { echo "FAIL $name: exit $got, expected $want"; cat err.txt; ok=0; }
  if [ "$(cat err.txt)" != "$werr" ]; then
    echo "FAIL $name: standard error differs:"; diff <(printf '%s\n' "$werr") err.txt; ok=0
  fi
}

# Three interviewers' sessions: the consolidated sheet and debrief agenda.
check three-sessions 0 "" priya.session tom.session dana.session
if [ "${UPDATE:-}" = 1 ]; then
  cp out.txt "$here/sessions.md"; echo "updated tests/panel/sessions.md"
elif ! diff -u "$here/sessions.md" out.txt >diff.txt; then
  echo "FAIL three-sessions: the panel differs from tests/panel/sessions.md:"; head -60 diff.txt; ok=0
fi
grep -q '^## Debrief agenda' out.txt || { echo "FAIL three-sessions: no debrief agenda"; ok=0; }

# Sessions mix with recorded answers.
"$rubric" interview --answers dana.session -o dana.json 2>/dev/null || fail "interview --answers"
check session-and-answers 0 "" priya.session tom.session dana.json
# A session and its recorded answers are the same interview.
cmp -s out.txt "$here/sessions.md" || [ "${UPDATE:-}" = 1 ] \
  || { echo "FAIL session-and-answers: differs from the panel of the sessions alone"; ok=0; }

check unsubmitted 1 "sam.session: error: the interview is not finished: resume it with 'rubric interview --resume sam.session', end it with /submit, then run the panel again" \
  priya.session sam.session tom.session
[ -s out.txt ] && { echo "FAIL unsubmitted: wrote a panel"; ok=0; }

check other-plan 1 "lee.session: error: the interview followed another plan than 'priya.session' (other questions): a panel compares interviews that asked the same questions" \
  priya.session tom.session lee.session

check same-session-twice 1 "tom.session: error: the file is given twice: give each interview once" \
  priya.session tom.session tom.session

# The same interviewer twice for one candidate: the session and its answers.
check same-interviewer-twice 1 "dana.json: error: 'Dana Whitfield' already interviewed candidate 'alex-morgan' in 'dana.session': give each interviewer's interview of a candidate once" \
  dana.session priya.session dana.json

# -o: written atomically, readable by its owner only; nothing when refused.
check output 0 "wrote panel.md" -o panel.md priya.session tom.session dana.session
[ "$(stat -c %a panel.md)" = 600 ] || { echo "FAIL output: mode $(stat -c %a panel.md), expected 600"; ok=0; }
cmp -s panel.md "$here/sessions.md" || [ "${UPDATE:-}" = 1 ] || { echo "FAIL output: panel.md differs from sessions.md"; ok=0; }
check output-refused 1 "sam.session: error: the interview is not finished: resume it with 'rubric interview --resume sam.session', end it with /submit, then run the panel again" \
  -o refused.md priya.session sam.session
[ -e refused.md ] && { echo "FAIL output-refused: refused.md was written"; ok=0; }
leftover=$(ls -A | grep -v -e '\.session' -e '\.err$' -e '^plan' -e '^dana.json$' -e '^out.txt$' -e '^err.txt$' -e '^diff.txt$' -e '^panel.md$')
[ -z "$leftover" ] || { echo "FAIL: files left behind: $leftover"; ok=0; }

[ $ok = 1 ] || exit 1
echo "ok panel/sessions"
