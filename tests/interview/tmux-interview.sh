#!/usr/bin/env bash
# A whole interview at a real terminal (tmux): from the plan to a submitted
# session, with the interviewer's terminal killed (kill -9) in the middle
# of typing an answer and the session resumed, then Ctrl-C and another
# resume, then `rubric score` of the session. Checks that every line that
# was entered survives, that the line being typed when the process died
# does not, and the recorded answers word for word (expected-answers.json).
#
#   tmux-interview.sh RUBRIC SOURCE_DIR      (exit 77: tmux is missing)
#
# Before each command the screen and its scrollback are emptied (`fresh`),
# so every wait sees only what that command showed, never a prompt left
# from the run before.
set -u
rubric=$1 src=$2
here=$src/tests/interview
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }

work=$(mktemp -d)
sock=rubric-iv-$$
# shellcheck source=../tmux-helpers.sh
. "$src/tests/tmux-helpers.sh"
trap 'tmux_cleanup; sleep 0.2; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

export HOME=$work RUBRIC_LIBRARY=$src/rubrics RUBRIC_NOW=1795000000
"$rubric" plan --role people-manager -o "$work/plan.json" 2>/dev/null || fail "plan"

tmux_shell RUBRIC_LIBRARY="$RUBRIC_LIBRARY" RUBRIC_NOW="$RUBRIC_NOW"

type_line "$rubric interview plan.json --candidate 'Alex Morgan' --interviewer 'Pat Lee' --session alex.session"
wait_for '[1/12 notes]> '
type_line "Welcomed Alex; explained the process and confidentiality."
wait_for 'Noted.'
type_line "/next"
wait_for '[2/12 answer]> '
wait_for 'Describe a time when you took on a mentoring role'
type_line "Last year a new starter in my team struggled with the billing system."
wait_for 'No evidence yet' 1
type_line "I arranged weekly coaching sessions and asked her what she wanted to learn."
wait_for 'No evidence yet' 2
# The suggestion names the probes still to ask.
screen | grep -qF 'Ask: probe' || fail "no probe suggested after the answer"

# Half a line typed, not entered: the terminal dies with it.
tm send-keys -t main -l -- "and then she was promoted"
wait_for 'and then she was promoted'
pid=$(pgrep -f -- "--session alex.session" | head -1)
[ -n "$pid" ] || fail "no interview process to kill"
kill -9 "$pid"
wait_for 'Killed'
tm send-keys -t main C-u
fresh
type_line "$rubric interview --resume alex.session --interviewer 'Pat Lee'"
wait_for '[2/12 answer]> '
screen | grep -qF 'Answer: 2 lines.' || fail "the resumed session does not show the 2 lines entered"

type_line "/probe 4"
wait_for 'Typing goes to probe 4'
type_line "As a result she handled calls on her own within a month, and she was promoted."
wait_for 'No evidence yet' 1
type_line "/observe 3"
wait_for 'Observed: career-development-coaching.L3.b3.'
type_line "/rate 3"
wait_for 'Rated 3.'
# Ctrl-C: says how to go on; the terminal is left usable.
tm send-keys -t main C-c
wait_for "Interrupted. Everything entered is saved; continue with 'rubric interview --resume alex.session'."
fresh
type_line "$rubric interview --resume alex.session"
wait_for '[2/12 answer]> '
screen | grep -qF 'Rating: 3 ' || fail "the rating was not kept over Ctrl-C"
type_line "/jump 4"
wait_for '[4/12 answer]> '
type_line "I had to tell a colleague that her project was cancelled, so I met her in person and explained the reasons."
wait_for 'No evidence yet' 1
type_line "/rate 2"
wait_for 'Rated 2.'
type_line "/status"
wait_for '>  4. Communication L3'
type_line "/submit"
wait_for 'Type /submit again'
type_line "/submit"
wait_for 'Submitted.'
wait_shell

# The session is final, it scores, and it holds exactly what was entered.
cd "$work" || fail "cd"
out=$("$rubric" interview --resume alex.session 2>&1 </dev/null) && fail "a submitted session was resumed"
[ "$out" = "alex.session: error: the session was submitted and is final; score it with 'rubric score alex.session'" ] \
  || fail "resuming a submitted session said: $out"
"$rubric" score alex.session >"$work/sheet.md" || fail "rubric score of the session"
grep -qF '# Scoring sheet: Alex Morgan (alex-morgan)' "$work/sheet.md" || fail "sheet title"
grep -qF 'Interviewer: Pat Lee' "$work/sheet.md" || fail "sheet interviewer"
grep -qF '| Career Development and Coaching | 3 Proficient | insufficient evidence | 0.00 | 3 Proficient | 3 Proficient | +0 |' "$work/sheet.md" \
  || fail "sheet: career development row"
grep -qF '| Communication | 3 Proficient | insufficient evidence | 0.00 | 2 Developing | 2 Developing | -1 |' "$work/sheet.md" \
  || fail "sheet: communication row"
grep -qF 'observed by the interviewer (answer 1)' "$work/sheet.md" || fail "sheet: the observed behaviour"
# The library's hash changes whenever a shipped rubric does: not compared.
"$rubric" interview --answers alex.session | sed 's/"sha256:[0-9a-f]*"/"HASH"/' \
  >"$work/answers.json" || fail "--answers"
if [ "${UPDATE:-}" = 1 ]; then cp "$work/answers.json" "$here/expected-answers.json"; fi
diff -u "$here/expected-answers.json" "$work/answers.json" || fail "recorded answers differ"
grep -qF 'and then she was promoted' "$work/answers.json" && fail "the line being typed at the kill was saved"
mode=$(stat -c %a "$work/alex.session")
[ "$mode" = 600 ] || fail "the session file is mode $mode, not 600"
echo "PASS: interview at the terminal, killed and resumed, submitted and scored"
