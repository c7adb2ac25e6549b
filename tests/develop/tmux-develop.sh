#!/usr/bin/env bash
# A development plan entered at a real terminal (tmux): the prompt, the
# replies, a mistake corrected on the spot, line editing, /show and /done;
# then one follow-up recorded. The plan must equal the one the same lines
# give from a script, and the follow-up must be in the history.
#
#   tmux-develop.sh RUBRIC SOURCE_DIR      (exit 77: tmux is missing)
set -u
rubric=$1 src=$2
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }

work=$(mktemp -d)
sock=rubric-dev-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null; sleep 0.2; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*"
  echo "--- screen:"; tmux -L "$sock" capture-pane -p -t dev 2>/dev/null | sed 's/^/  | /'
  exit 1
}
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-03

tmux -L "$sock" -f /dev/null new-session -d -s dev -x 160 -y 50 \
  "env -i HOME=$work HISTFILE=/dev/null TERM=xterm PATH=/usr/bin:/bin RUBRIC_LIBRARY=$RUBRIC_LIBRARY RUBRIC_TODAY=$RUBRIC_TODAY bash --norc --noprofile" \
  || fail "tmux did not start"
tmux -L "$sock" set-option -t dev history-limit 5000 >/dev/null

screen() { tmux -L "$sock" capture-pane -p -J -S -1000 -t dev; }
# Wait until the screen shows TEXT (a fixed string) at least N times (1).
wait_for() {
  local i n=${2:-1}
  for ((i = 0; i < 200; i++)); do
    [ "$(screen | grep -cF -- "$1")" -ge "$n" ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
# Wait until the shell prompt is back on the last line.
wait_shell() {
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(screen | grep -v '^[[:space:]]*$' | tail -1 | sed 's/[[:space:]]*$//')" = 'shell$' ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for the shell"
}
type_line() { tmux -L "$sock" send-keys -t dev -l -- "$1"; tmux -L "$sock" send-keys -t dev Enter; }
prompts=0
# Type a line at the plan> prompt and wait for the next prompt.
enter() {
  type_line "$1"
  prompts=$((prompts + 1))
  wait_for 'plan> ' $((prompts + 1))
}

type_line "cd $work && PS1='shell\$ ' && clear"
wait_for 'shell$'
# At the terminal the plan needs a file to be saved to.
type_line "$rubric develop --role people-manager --person 'Jordan Lee'"
wait_for "rubric: error: at the terminal, give -o PLAN.json: the file the plan is saved to"
wait_shell
type_line "clear; $rubric develop --role people-manager --person 'Jordan Lee' --manager 'Sam Park' -o plan.json"
wait_for 'Development plan for Jordan Lee, People Manager, agreed 2025-03-03.'
wait_for 'plan> '
enter "/competency career-development-coaching"
screen | grep -qF "competency 1: Career Development and Coaching; set its target with /target N (levels 1 to 5; the role's target is 3)" \
  || fail "no reply to /competency"
enter "/target 3"
screen | grep -qF 'target for Career Development and Coaching: level 3 (Proficient)' || fail "no reply to /target"
enter "/action Hold a career conversation with each direct report this quarter"
enter "/share"
screen | grep -qF 'shared with the next-level leader: action a1' || fail "no reply to /share"
enter "/action Read the career-conversation question bank before each conversation"
# A mistake is reported and changes nothing; the session goes on.
enter "/competency comunication"
screen | grep -qF "error: unknown competency 'comunication' (did you mean 'communication'?)" \
  || fail "the mistake was not reported"
# Line editing: type a wrong word, go back with the arrow keys, fix it.
tmux -L "$sock" send-keys -t dev -l -- "/competency communicatoin"
tmux -L "$sock" send-keys -t dev BSpace BSpace BSpace
tmux -L "$sock" send-keys -t dev -l -- "ion"
tmux -L "$sock" send-keys -t dev Enter
prompts=$((prompts + 1)); wait_for 'plan> ' $((prompts + 1))
screen | grep -qF 'competency 2: Communication' || fail "line editing did not work"
enter "/target 4"
enter "/action Present the team's results at the monthly all-hands"
enter "/barrier Heavy project load until April"
enter "/support Block two hours a month for coaching conversations"
enter "/share support"
enter '/support Pay for the "Coaching skills" course'
enter "/timeframe By the end of June"
enter "/followup 2025-04-15"
enter "/share followup"
enter "/share career-development-coaching"
enter "/show"
screen | grep -qF '  *2. Communication (communication), target 4 [private]' || fail "/show"
screen | grep -qF '  follow-up: 2025-04-15 [shared]' || fail "/show follow-up"
type_line "/done"
wait_for 'Saved the plan to plan.json.'
wait_shell

# The same lines from a script give the same plan.
cmp -s "$work/plan.json" "$src/tests/develop/cases/develop-script/stdout" \
  || { diff "$src/tests/develop/cases/develop-script/stdout" "$work/plan.json"; fail "the plan differs from the script's"; }
[ "$(stat -c %a "$work/plan.json")" = 600 ] || fail "plan.json is not mode 600"

type_line "clear; $rubric followup plan.json --action a1 --status in-progress --note 'Two of five held'"
wait_for 'Saved: a1 in progress on 2025-03-03.'
wait_for '  2025-03-03  a1   in progress  Two of five held'
wait_shell
[ "$(stat -c %a "$work/plan.progress")" = 600 ] || fail "plan.progress is not mode 600"
out=$(cd "$work" && "$rubric" followup plan.json)
grep -qF '  a1   in progress  Hold a career conversation' <<<"$out" || fail "history: $out"
echo "ok"
