#!/usr/bin/env bash
# A whole interview at a real terminal (tmux): from the plan to a submitted
# session, with the interviewer's terminal killed (kill -9) in the middle
# of typing an answer and the session resumed, then Ctrl-C and another
# resume, then `rubric score` of the session. Checks that every line that was entered survives, that the line
# being typed when the process died does not, and the recorded answers
# word for word (expected-answers.json).
#
#   tmux-interview.sh RUBRIC SOURCE_DIR      (exit 77: tmux is missing)
set -u
rubric=$1 src=$2
here=$src/tests/interview
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }

work=$(mktemp -d)
sock=rubric-iv-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null; sleep 0.2; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*"
  echo "--- screen:"; tmux -L "$sock" capture-pane -p -t iv 2>/dev/null | sed 's/^/  | /'
  exit 1
}

export HOME=$work RUBRIC_LIBRARY=$src/rubrics RUBRIC_NOW=1795000000
"$rubric" plan --role people-manager -o "$work/plan.json" 2>/dev/null || fail "plan"

# A shell in a 160x50 terminal; the interview runs inside it.
tmux -L "$sock" -f /dev/null new-session -d -s iv -x 160 -y 50 \
  "env -i HOME=$work HISTFILE=/dev/null TERM=xterm PATH=/usr/bin:/bin RUBRIC_LIBRARY=$RUBRIC_LIBRARY RUBRIC_NOW=$RUBRIC_NOW bash --norc --noprofile" \
  || fail "tmux did not start"
tmux -L "$sock" set-option -t iv history-limit 5000 >/dev/null

screen() { tmux -L "$sock" capture-pane -p -J -S -1000 -t iv; }
# Wait until the screen shows TEXT (a fixed string), at most 20 seconds.
wait_for() {
  local i
  for ((i = 0; i < 200; i++)); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
# Wait until the screen shows TEXT N times.
wait_count() {
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(screen | grep -cF -- "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for $2 x: $1"
}
type_line() { tmux -L "$sock" send-keys -t iv -l -- "$1"; tmux -L "$sock" send-keys -t iv Enter; }

type_line "cd $work && PS1='shell\$ ' && clear"
wait_for 'shell$'
type_line "$rubric interview plan.json --candidate 'Alex Morgan' --interviewer 'Pat Lee' --session alex.session"
wait_for '[1/12 notes]> '
type_line "Welcomed Alex; explained the process and confidentiality."
wait_for 'Noted.'
type_line "/next"
wait_for '[2/12 answer]> '
wait_for 'Describe a time when you took on a mentoring role'
type_line "Last year a new starter in my team struggled with the billing system."
wait_count 'No evidence yet' 1
type_line "I arranged weekly coaching sessions and asked her what she wanted to learn."
wait_count 'No evidence yet' 2
# The suggestion names the probes still to ask.
screen | grep -qF 'Ask: probe' || fail "no probe suggested after the answer"

# Half a line typed, not entered: the terminal dies with it.
tmux -L "$sock" send-keys -t iv -l -- "and then she was promoted"
sleep 0.3
pid=$(pgrep -f -- "--session alex.session" | head -1)
[ -n "$pid" ] || fail "no interview process to kill"
kill -9 "$pid"
wait_for 'Killed'
tmux -L "$sock" send-keys -t iv C-u
type_line "clear; $rubric interview --resume alex.session --interviewer 'Pat Lee'"
wait_for '[2/12 answer]> '
screen | grep -qF 'Answer: 2 lines.' || fail "the resumed session does not show the 2 lines entered"

type_line "/probe 4"
wait_for 'Typing goes to probe 4'
type_line "As a result she handled calls on her own within a month, and she was promoted."
wait_count 'No evidence yet' 1
type_line "/observe 3"
wait_for 'Observed: career-development-coaching.L3.b3.'
type_line "/rate 3"
wait_for 'Rated 3.'
# Ctrl-C: says how to go on; the terminal is left usable.
tmux -L "$sock" send-keys -t iv C-c
wait_for "Interrupted. Everything entered is saved; continue with 'rubric interview --resume alex.session'."
type_line "clear; $rubric interview --resume alex.session"
wait_for '[2/12 answer]> '
screen | grep -qF 'Rating: 3 ' || fail "the rating was not kept over Ctrl-C"
type_line "/jump 4"
wait_for '[4/12 answer]> '
type_line "I had to tell a colleague that her project was cancelled, so I met her in person and explained the reasons."
wait_count 'No evidence yet' 1
type_line "/rate 2"
wait_for 'Rated 2.'
type_line "/status"
wait_for '>  4. Communication L3'
type_line "/submit"
wait_for 'Type /submit again'
type_line "/submit"
wait_for 'Submitted.'
wait_for 'shell$'

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
