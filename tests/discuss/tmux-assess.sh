#!/usr/bin/env bash
# An employee and a manager each assess at a real terminal (tmux), then
# `rubric discuss` sets the two assessments side by side.
#
#   tmux-assess.sh RUBRIC SOURCE_DIR
#
# Each assessment runs in its own tmux session on a private server (-L,
# no configuration file); the test types into the pane and waits for what
# the screen should show by polling capture-pane (never a fixed sleep
# alone). Exits 77 (skipped) when tmux is not installed.
set -u
bin=$1 src=$2
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
work=$(mktemp -d)
sock="rubric-assess-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- screen of $session:"
  tm capture-pane -p -J -S -100 -t "$session" 2>/dev/null | tail -40
  exit 1
}

session=
# Start `rubric ARGS` in a new session; the pane stays after it exits and
# shows [exit N].
start() {
  session=$1
  shift
  local cmd="cd '$work' && RUBRIC_LIBRARY='$src/rubrics' RUBRIC_TODAY=2025-03-03"
  cmd+=" '$bin'"
  for a in "$@"; do cmd+=" '$a'"; done
  cmd+='; echo "[exit $?]"; sleep 600'
  tm new-session -d -s "$session" -x 140 -y 50 "$cmd" || fail "cannot start tmux"
}
screen() { tm capture-pane -p -J -S -2000 -t "$session"; }
# Wait (up to 20 s) until the screen shows `text`.
wait_for() {
  local text=$1 i
  for ((i = 0; i < 200; i++)); do
    screen | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  fail "waited 20 s for: $text"
}
type_line() {
  tm send-keys -t "$session" -l -- "$1"
  tm send-keys -t "$session" Enter
}

# ---- the employee -----------------------------------------------------------
start self assess --role people-manager --person "Sam Ortiz" --by self -o self.json
wait_for "== Competency 1 of 5: Career Development and Coaching"
wait_for "Target level for People Manager: 3 Proficient"
# Long behaviours are shown whole, wrapped between words to the terminal
# (140 columns, text kept to 99) under a hanging indent.
wait_for "     - Supports different change management activities (e.g., communications, education, team"
wait_for "       development), sponsoring and implementing initiatives as needed."
wait_for "[1/5] >"
type_line "/level 9"
wait_for "! Career Development and Coaching has no level '9'; give a level from 1 to 5"
type_line "/level 3"
wait_for "Level 3 Proficient for Career Development and Coaching."
type_line "I coached two new team members through their first reviews."
type_line "Both set their own development goals."
type_line ""
wait_for "(example 1 added)"
type_line "/share yes"
wait_for "Career Development and Coaching: may be shared with the next-level leader."
type_line "/next"
wait_for "== Competency 2 of 5: Communication"
type_line "/level 3"
wait_for "Level 3 Proficient for Communication."
type_line "I rewrote the onboarding guide with the new starters."
type_line "/next"
wait_for "(example 1 added)"
wait_for "== Competency 3 of 5: Collaboration"
type_line "/level 4"
wait_for "Level 4 Advanced for Collaboration."
type_line "/done"
wait_for "! no level yet for Leading Change (4), Delivering Results (5)"
type_line "/jump 4"
wait_for "== Competency 4 of 5: Leading Change"
type_line "/level 2"
wait_for "Level 2 Developing for Leading Change."
type_line "/next"
wait_for "== Competency 5 of 5: Delivering Results"
type_line "/level 2"
wait_for "Level 2 Developing for Delivering Results."
type_line "/status"
wait_for "1. Career Development and Coaching"
# Leaving with unsaved work asks once more; any other line cancels that.
type_line "/quit"
wait_for "Nothing is saved yet: /done saves the assessment; /quit again (or Ctrl-D) leaves without saving."
type_line "/done"
wait_for "Saved to self.json."
wait_for "[exit 0]"

# ---- the manager ------------------------------------------------------------
start manager assess --role people-manager --person "Sam Ortiz" --by manager \
  --assessor "Alex Kim" -o manager.json
wait_for "[1/5] >"
for level in 3 2 4 2 3; do
  type_line "/level $level"
  type_line "/next"
done
wait_for "That was the last competency: /status to look back, /done to save."
type_line "/jump communication"
wait_for "Your level: 2 Developing"
type_line "Sam's updates to the leadership team often lack the key decision."
type_line ""
wait_for "(example 1 added)"
# The file appears while the manager types: /done cannot save there, says
# so, and the session goes on; once the way is clear /done saves.
echo '{}' >"$work/manager.json"
type_line "/done"
wait_for "! the assessment is not saved; fix the problem above and type /done again"
screen | grep -qF "[exit" && fail "the assessment session ended on a failed save"
rm "$work/manager.json"
type_line "/done"
wait_for "Saved to manager.json."
wait_for "[exit 0]"

# ---- the files and the discussion -------------------------------------------
cd "$work" || exit 1
for f in self.json manager.json; do
  [ "$(stat -c %a "$f")" = 600 ] || fail "$f has mode $(stat -c %a "$f"), not 600"
done
python3 - <<'PY' || fail "the assessments are not what was typed"
import json
s = json.load(open("self.json"))
m = json.load(open("manager.json"))
assert s["by"] == "self" and s["assessor"] == "Sam Ortiz" and s["date"] == "2025-03-03"
assert [c["level"] for c in s["competencies"]] == [3, 3, 4, 2, 2]
assert s["competencies"][0]["examples"] == [
    "I coached two new team members through their first reviews.\n"
    "Both set their own development goals."], s["competencies"][0]
assert s["competencies"][0]["share"] is True
assert [c["share"] for c in s["competencies"][1:]] == [False] * 4
assert s["competencies"][1]["examples"] == [
    "I rewrote the onboarding guide with the new starters."]
assert m["by"] == "manager" and m["assessor"] == "Alex Kim"
assert [c["level"] for c in m["competencies"]] == [3, 2, 4, 2, 3]
assert m["competencies"][1]["examples"] == [
    "Sam's updates to the leadership team often lack the key decision."]
PY
export RUBRIC_LIBRARY=$src/rubrics
"$bin" discuss self.json manager.json -o planner.md || fail "rubric discuss failed"
"$bin" discuss manager.json self.json --format html -o planner.html || fail "discuss html"
for f in planner.md planner.html; do
  [ "$(stat -c %a "$f")" = 600 ] || fail "$f has mode $(stat -c %a "$f"), not 600"
  [ "$(head -1 "$f")" = '<!-- rubric-person: "Sam Ortiz" -->' ] || fail "$f: no marker line"
done
grep -qF '| Communication | 3 Proficient | 3 Proficient | 2 Developing | differ by 1: the employee sees a higher level |' planner.md ||
  fail "planner.md: no Communication row"
grep -qF '| Collaboration | 3 Proficient | 4 Advanced | 4 Advanced | agreed |' planner.md ||
  fail "planner.md: no Collaboration row"
grep -qF "Sam's updates to the leadership team often lack the key decision." planner.md ||
  fail "planner.md: the manager's example is missing"
grep -qF '| Leading Change | 3 Proficient | 2 Developing | 2 Developing | 1 |' planner.md ||
  fail "planner.md: Leading Change is not an area for development"
grep -qF 'To settle first (agree on a level): Communication, Delivering Results.' planner.md ||
  fail "planner.md: the competencies to settle are wrong"
grep -qF '<tr data-competency="communication" data-agreement="self-higher" class="differ">' \
  planner.html || fail "planner.html: no Communication row"
echo "ok: two assessments typed at the terminal, and the discussion planner"
