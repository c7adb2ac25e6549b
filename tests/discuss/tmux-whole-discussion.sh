#!/usr/bin/env bash
# A whole competency discussion at a real terminal (tmux), the way an
# employee and a manager go through it: Sam Ortiz assesses themself, Alex
# Kim assesses Sam, `rubric discuss` writes the discussion planner, the
# plan they agree is entered with `rubric develop` (the two competencies the
# planner proposes for development, a target, actions, barrier, support,
# timeframe and follow-up date), and one follow-up is recorded with
# `rubric followup`, whose history then shows it. Every document is checked
# for what was typed and must be readable by its owner only (mode 0600).
#
#   tmux-whole-discussion.sh RUBRIC SOURCE_DIR   (exit 77: tmux is missing)
set -u
rubric=$1 src=$2
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "FAIL: python3 is needed"; exit 1; }

work=$(mktemp -d)
sock=rubric-whole-$$
# shellcheck source=../tmux-helpers.sh
. "$src/tests/tmux-helpers.sh"
trap 'tmux_cleanup; sleep 0.2; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-03
private() {
  local f
  for f in "$@"; do
    [ -f "$work/$f" ] || fail "$f was not written"
    [ "$(stat -c %a "$work/$f")" = 600 ] || fail "$f has mode $(stat -c %a "$work/$f"), not 600"
  done
}
# Run python3 code (from standard input) in the scratch folder; fail with
# MESSAGE when an assertion does not hold.
check_py() { (cd "$work" && python3 - "$@") || fail "${check_message:-a document is wrong}"; }

tmux_shell RUBRIC_LIBRARY="$RUBRIC_LIBRARY" RUBRIC_TODAY="$RUBRIC_TODAY"

# ---- Step 1: the employee assesses themself ---------------------------------
type_line "$rubric assess --role people-manager --person 'Sam Ortiz' --by self -o self.json"
wait_for "== Competency 1 of 5: Career Development and Coaching"
wait_for "[1/5] >"
type_line "/level 4"
wait_for "Level 4 Advanced for Career Development and Coaching."
type_line "I coached three people on my team into new roles this year."
type_line ""
wait_for "(example 1 added)"
type_line "/share yes"
wait_for "Career Development and Coaching: may be shared with the next-level leader."
type_line "/next"
wait_for "== Competency 2 of 5: Communication"
type_line "/level 3"
wait_for "Level 3 Proficient for Communication."
type_line "/next"
wait_for "== Competency 3 of 5: Collaboration"
type_line "/level 3"
wait_for "Level 3 Proficient for Collaboration."
type_line "/next"
wait_for "== Competency 4 of 5: Leading Change"
type_line "/level 2"
wait_for "Level 2 Developing for Leading Change."
type_line "When we changed the rota I announced it without asking the team."
type_line ""
wait_for "(example 1 added)" 2
type_line "/next"
wait_for "== Competency 5 of 5: Delivering Results"
type_line "/level 1"
wait_for "Level 1 "
type_line "I missed the budget deadline twice this year."
type_line "/done"
wait_for "Saved to self.json."
fresh
private self.json

# ---- Step 1: the manager assesses Sam ---------------------------------------
type_line "$rubric assess --role people-manager --person 'Sam Ortiz' --by manager --assessor 'Alex Kim' -o manager.json"
wait_for "[1/5] >"
for level in 4 3 2 2 1; do
  type_line "/level $level"
  wait_for "Level $level "
  type_line "/next"
done
wait_for "That was the last competency: /status to look back, /done to save."
type_line "/jump leading-change"
wait_for "Your level: 2 Developing"
type_line "Sam rolled out the new rota without a plan for the questions it raised."
type_line ""
wait_for "(example 1 added)"
type_line "/done"
wait_for "Saved to manager.json."
fresh
private manager.json

check_message="the assessments do not hold what was typed" check_py <<'PY'
import json
s = json.load(open("self.json"))
m = json.load(open("manager.json"))
for doc, by, who in ((s, "self", "Sam Ortiz"), (m, "manager", "Alex Kim")):
    assert doc["format"] == "rubric.assessment/1", doc["format"]
    assert doc["person"] == "Sam Ortiz" and doc["by"] == by and doc["assessor"] == who, doc
    assert doc["date"] == "2025-03-03" and doc["role"] == "people-manager", doc
ids = ["career-development-coaching", "communication", "collaboration",
       "leading-change", "delivering-results"]
assert [c["competency"] for c in s["competencies"]] == ids, s["competencies"]
assert [c["competency"] for c in m["competencies"]] == ids, m["competencies"]
assert [c["level"] for c in s["competencies"]] == [4, 3, 3, 2, 1], s["competencies"]
assert [c["level"] for c in m["competencies"]] == [4, 3, 2, 2, 1], m["competencies"]
assert s["competencies"][0]["examples"] == [
    "I coached three people on my team into new roles this year."]
assert s["competencies"][3]["examples"] == [
    "When we changed the rota I announced it without asking the team."]
# The example being typed when /done came is kept.
assert s["competencies"][4]["examples"] == [
    "I missed the budget deadline twice this year."], s["competencies"][4]
assert [c["share"] for c in s["competencies"]] == [True, False, False, False, False]
assert [c["share"] for c in m["competencies"]] == [False] * 5
assert m["competencies"][3]["examples"] == [
    "Sam rolled out the new rota without a plan for the questions it raised."]
assert all(m["competencies"][i]["examples"] == [] for i in (0, 1, 2, 4))
PY

# ---- Steps 2 to 4: the discussion planner -----------------------------------
type_line "$rubric discuss self.json manager.json -o planner.md"
fresh
type_line "$rubric discuss self.json manager.json --format json -o planner.json"
fresh
type_line "$rubric discuss self.json manager.json --format html -o planner.html"
fresh
private planner.md planner.json planner.html

# The six steps, in order, as the process file names them.
mapfile -t steps < <(sed -n 's/^ *step "\([^"]*\)" {.*/\1/p' \
  "$src/rubrics/process/coaching-for-competencies.lua")
[ "${#steps[@]}" = 6 ] || fail "the process file does not have six steps: ${steps[*]}"
check_message="planner.md is not the discussion of these two assessments" \
  check_py "${steps[@]}" <<'PY'
import sys
md = open("planner.md", encoding="utf-8").read()
lines = md.split("\n")
assert lines[0] == '<!-- rubric-person: "Sam Ortiz" -->', lines[0]
assert lines[1] == "# Competency discussion planner: Sam Ortiz", lines[1]
def after(text, start=0):
    """Index of the line equal to text, at or after start."""
    try:
        return lines.index(text, start)
    except ValueError:
        raise AssertionError("planner.md: missing or out of order: %r" % text)
assert "| Self-assessment | Sam Ortiz | 2025-03-03 |" in lines
assert "| Manager's assessment | Alex Kim | 2025-03-03 |" in lines
# The six steps of the process, in order.
pos = 0
for n, title in enumerate(sys.argv[1:], 1):
    pos = after("## Step %d. %s" % (n, title), pos) + 1
# Strengths: agreed and at or above the target.
pos = after("### Proposed areas of strength")
end = after("### Proposed areas for development", pos)
strengths = [l for l in lines[pos:end] if l.startswith("- **")]
assert strengths == [
    "- **Career Development and Coaching**: level 4 Advanced (target 3)",
    "- **Communication**: level 3 Proficient (target 3)"], strengths
assert "    - I coached three people on my team into new roles this year." in lines[pos:end]
# Development areas with their gaps, the largest first.
pos = after("| Competency | Target | Employee | Manager | Gap |", end) + 2
assert lines[pos:pos + 3] == [
    "| Delivering Results | 3 Proficient | 1 Introductory | 1 Introductory | 2 |",
    "| Leading Change | 3 Proficient | 2 Developing | 2 Developing | 1 |",
    ""], lines[pos:pos + 3]
assert "To settle first (agree on a level): Collaboration." in lines
# Both levels side by side.
pos = after("### Both assessments side by side")
pos = after("| Competency | Target | Employee | Manager | Agreement |", pos) + 2
assert lines[pos:pos + 6] == [
    "| Career Development and Coaching | 3 Proficient | 4 Advanced | 4 Advanced | agreed |",
    "| Communication | 3 Proficient | 3 Proficient | 3 Proficient | agreed |",
    "| Collaboration | 3 Proficient | 3 Proficient | 2 Developing | differ by 1: the employee sees a higher level |",
    "| Leading Change | 3 Proficient | 2 Developing | 2 Developing | agreed |",
    "| Delivering Results | 3 Proficient | 1 Introductory | 1 Introductory | agreed |",
    ""], lines[pos:pos + 6]
assert "  - Sam rolled out the new rota without a plan for the questions it raised." in lines
PY
check_message="planner.json is not the discussion of these two assessments" \
  check_py "${steps[@]}" <<'PY'
import json, sys
d = json.load(open("planner.json"))
assert d["format"] == "rubric.discussion/1" and d["person"] == "Sam Ortiz", d["format"]
assert d["self"]["assessor"] == "Sam Ortiz" and d["manager"]["assessor"] == "Alex Kim"
side = [(c["competency"], c["target"], c["self"]["level"], c["manager"]["level"],
         c["agreement"], c["group"]) for c in d["competencies"]]
assert side == [
    ("career-development-coaching", 3, 4, 4, "agreed", "strength"),
    ("communication", 3, 3, 3, "agreed", "strength"),
    ("collaboration", 3, 3, 2, "self-higher", "to-settle"),
    ("leading-change", 3, 2, 2, "agreed", "development"),
    ("delivering-results", 3, 1, 1, "agreed", "development")], side
assert d["strengths"] == ["career-development-coaching", "communication"], d["strengths"]
assert d["development"] == [
    {"competency": "delivering-results", "target": 3, "gap_min": 2, "gap_max": 2},
    {"competency": "leading-change", "target": 3, "gap_min": 1, "gap_max": 1}], d["development"]
assert d["to_settle"] == ["collaboration"], d["to_settle"]
assert d["process"]["id"] == "coaching-for-competencies"
assert [s["title"] for s in d["process"]["steps"]] == sys.argv[1:], d["process"]["steps"]
PY
check_message="planner.html does not show the discussion" check_py "${steps[@]}" <<'PY'
import sys
html = open("planner.html", encoding="utf-8").read()
assert html.startswith('<!-- rubric-person: "Sam Ortiz" -->\n'), html[:80]
for title in sys.argv[1:]:
    assert title in html, title
for row in ('<tr data-competency="collaboration" data-agreement="self-higher" class="differ">',
            '<tr data-competency="delivering-results" data-agreement="agreed"'):
    assert row in html, row
assert "Sam rolled out the new rota without a plan for the questions it raised." in html
PY

# ---- Step 5: the development plan they agree --------------------------------
# The competencies to develop are the planner's development areas.
mapfile -t develop < <(cd "$work" && python3 -c '
import json
for c in json.load(open("planner.json"))["development"]:
    print(c["competency"])')
[ "${#develop[@]}" = 2 ] || fail "the planner proposes ${#develop[@]} competencies to develop, not 2"
type_line "$rubric develop --role people-manager --person 'Sam Ortiz' --manager 'Alex Kim' -o plan.json"
wait_for 'Development plan for Sam Ortiz, People Manager, agreed 2025-03-03.'
wait_for 'plan> '
prompts=1
# Type a line at the plan> prompt and wait for the next prompt.
enter() {
  type_line "$1"
  prompts=$((prompts + 1))
  wait_for 'plan> ' $prompts
}
enter "/competency ${develop[0]}"
wait_for "competency 1: Delivering Results"
enter "/target 3"
wait_for "target for Delivering Results: level 3 (Proficient)"
enter "/action Agree each deadline with the budget office in January"
enter "/action Review the team's deadlines every Monday"
enter "/competency ${develop[1]}"
wait_for "competency 2: Leading Change"
enter "/target 3"
wait_for "target for Leading Change: level 3 (Proficient)"
enter "/action Ask the team for their views before each change"
enter "/share"
wait_for "shared with the next-level leader: action a3"
enter "/barrier Year-end closing takes most of December"
enter "/support Fortnightly coaching conversation with Alex"
enter "/timeframe By the end of September"
enter "/followup 2025-04-30"
enter "/share followup"
enter "/show"
wait_for "follow-up: 2025-04-30 [shared]"
type_line "/done"
wait_for "Saved the plan to plan.json."
fresh
private plan.json

check_message="plan.json does not hold the plan that was entered" check_py "${develop[@]}" <<'PY'
import json, sys
p = json.load(open("plan.json"))
assert p["format"] == "rubric.devplan/1" and p["view"] == "full", p["format"]
assert p["person"] == "Sam Ortiz" and p["manager"] == "Alex Kim", p
assert p["role"] == {"id": "people-manager", "title": "People Manager"}, p["role"]
assert p["agreed"] == "2025-03-03", p["agreed"]
assert [c["id"] for c in p["competencies"]] == sys.argv[1:], p["competencies"]
assert [(c["title"], c["target"], c["target_name"], c["share"]) for c in p["competencies"]] == [
    ("Delivering Results", 3, "Proficient", False),
    ("Leading Change", 3, "Proficient", False)], p["competencies"]
assert p["actions"] == [
    {"id": "a1", "competency": "delivering-results",
     "text": "Agree each deadline with the budget office in January", "share": False},
    {"id": "a2", "competency": "delivering-results",
     "text": "Review the team's deadlines every Monday", "share": False},
    {"id": "a3", "competency": "leading-change",
     "text": "Ask the team for their views before each change", "share": True}], p["actions"]
assert p["barriers"] == [{"text": "Year-end closing takes most of December", "share": False}]
assert p["support"] == [{"text": "Fortnightly coaching conversation with Alex", "share": False}]
assert p["timeframe"] == {"text": "By the end of September", "share": False}
assert p["followup"] == {"date": "2025-04-30", "share": True}
PY

# The printable plan shows what was agreed.
type_line "$rubric develop show plan.json --format html -o plan.html"
fresh
private plan.html
check_message="plan.html does not show the plan" check_py <<'PY'
html = open("plan.html", encoding="utf-8").read()
assert html.startswith('<!-- rubric-person: "Sam Ortiz" -->\n'), html[:80]
for text in ("Sam Ortiz", "Alex Kim", "Delivering Results", "Leading Change",
             "Agree each deadline with the budget office in January",
             "Ask the team for their views before each change",
             "Year-end closing takes most of December",
             "Fortnightly coaching conversation with Alex",
             "By the end of September", "2025-04-30"):
    assert text in html, text
PY

# ---- Step 6: the follow-up --------------------------------------------------
type_line "RUBRIC_TODAY=2025-04-30 $rubric followup plan.json --action a3 --status in-progress --note 'Asked before the April rota change'"
wait_for 'Saved: a3 in progress on 2025-04-30.'
wait_for '  2025-04-30  a3   in progress  Asked before the April rota change'
fresh
private plan.progress
type_line "RUBRIC_TODAY=2025-04-30 $rubric followup plan.json"
wait_for 'Development plan for Sam Ortiz, agreed 2025-03-03; follow-up meeting 2025-04-30'
wait_for '  a3   in progress  Ask the team for their views before each change'
wait_for '  (0 done, 1 in progress, 0 blocked, 2 open)'
wait_for '  2025-04-30  a3   in progress  Asked before the April rota change'
fresh
# The journal holds the plan and exactly one progress record.
check_message="plan.progress does not hold the follow-up" check_py <<'PY'
import json
data = open("plan.progress", "rb").read()
assert data.startswith(b"RBJ1"), data[:8]
records, pos = [], 0
decoder = json.JSONDecoder()
while True:
    pos = data.find(b'{"event"', pos)
    if pos < 0:
        break
    record, end = decoder.raw_decode(data[pos:].decode("utf-8", "replace"))
    records.append(record)
    pos += 1
assert records == [
    {"event": "plan", "person": "Sam Ortiz", "plan": "plan.json"},
    {"event": "progress", "date": "2025-04-30", "action": "a3",
     "status": "in-progress", "note": "Asked before the April rota change"}], records
PY

# Nothing else was written, and everything written is private.
left=$(cd "$work" && find . -type f | sort | tr '\n' ' ')
[ "$left" = "./manager.json ./plan.html ./plan.json ./plan.progress ./planner.html ./planner.json ./planner.md ./self.json " ] \
  || fail "the folder holds: $left"
private manager.json plan.html plan.json plan.progress planner.html planner.json planner.md self.json
echo "ok: both assessments, the discussion planner, the plan and a follow-up at the terminal"
