#!/usr/bin/env bash
# The whole coaching-for-competencies cycle for one employee, Sam Ortiz:
# self-assessment and manager's assessment (the scripts of
# tests/discuss/fixtures), the discussion planner, the development plan
# agreed, a follow-up, what goes to the next-level leader, and finally
# `rubric purge` removing every record about Sam and nothing else. Every
# file written must be readable by its owner only.
#
#   end-to-end.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-03
mkdir "$work/sam" "$work/leader"
cd "$work/sam" || exit 1
umask 022
fixtures=$src/tests/discuss/fixtures
private() { for f in "$@"; do [ "$(stat -c %a "$f")" = 600 ] || fail "$f has mode $(stat -c %a "$f")"; done; }

# Step 1: each assesses alone.
"$rubric" assess --role people-manager --person "Sam Ortiz" --by self \
  --script "$fixtures/sam-self.txt" -o self.json 2>/dev/null || fail "self-assessment"
"$rubric" assess --role people-manager --person "Sam Ortiz" --by manager \
  --assessor "Alex Kim" --script "$fixtures/sam-manager.txt" -o manager.json 2>/dev/null \
  || fail "manager's assessment"
private self.json manager.json

# Steps 2 to 4: the discussion planner.
"$rubric" discuss self.json manager.json --format json -o discussion.json 2>/dev/null || fail "discuss json"
"$rubric" discuss self.json manager.json --format html -o discussion.html 2>/dev/null || fail "discuss html"
private discussion.json discussion.html
development=$(python3 -c '
import json, sys
d = json.load(open("discussion.json"))
print(" ".join(c["competency"] for c in d["competencies"] if c["group"] == "development"))')
[ -n "$development" ] || fail "the discussion proposes no competency to develop"

# Step 5: the development plan, for the competencies the discussion proposes
# and one more agreed in the meeting.
{
  for c in $development; do
    printf '/competency %s\n/target 3\n/action Ask the team for their views before each change\n' "$c"
  done
  printf '/share competencies\n'
  printf '/competency communication\n/target 4\n/action Run the monthly all-hands\n/share\n'
  printf '/barrier Two projects end in April\n/support Coaching conversation every two weeks\n'
  printf '/timeframe By September\n/followup 2025-04-30\n/share followup\n/done\n'
} >plan.txt
"$rubric" develop --role people-manager --person "Sam Ortiz" --manager "Alex Kim" \
  --script plan.txt -o plan.json 2>err || fail "develop: $(cat err)"
"$rubric" develop show plan.json --format html -o plan.html 2>/dev/null || fail "develop show"
private plan.json plan.html

# Step 6: follow-up.
RUBRIC_TODAY=2025-04-30 "$rubric" followup plan.json --action a1 --status done \
  --note "Asked before the rota change" >/dev/null 2>err || fail "followup: $(cat err)"
private plan.progress
RUBRIC_TODAY=2025-04-30 "$rubric" followup --due | grep -qF '2025-04-30  Sam Ortiz  plan.json' \
  || fail "the plan is not due on 2025-04-30"

# The next-level leader gets only what Sam marked to share.
"$rubric" share self.json -o ../leader/self-shared.json 2>/dev/null || fail "share self"
"$rubric" share manager.json -o ../leader/manager-shared.json 2>/dev/null || fail "share manager"
"$rubric" share plan.json -o ../leader/plan-shared.json 2>/dev/null || fail "share plan"
private ../leader/*.json
python3 - <<'PY' || fail "a shared export holds a private part"
import json
for name in ("self", "manager"):
    full = json.load(open(name + ".json"))
    shared = json.load(open("../leader/%s-shared.json" % name))
    want = [c for c in full["competencies"] if c["share"]]
    assert shared["competencies"] == want, name
    assert shared["person"] == "Sam Ortiz"
plan = json.load(open("plan.json"))
shared = json.load(open("../leader/plan-shared.json"))
assert shared["view"] == "shared"
for key in ("competencies", "barriers", "actions", "support"):
    assert all(x["share"] for x in shared[key]), key
    assert len(shared[key]) == sum(1 for x in plan[key] if x["share"]), key
assert "timeframe" not in shared and shared["followup"]["date"] == "2025-04-30"
text = open("../leader/plan-shared.json").read()
assert "Two projects end in April" not in text and "Coaching conversation" not in text
PY

# Sam asks for every record to be removed.
cd "$work" || exit 1
cp "$src/tests/develop/fixtures/jordan.json" sam/someone-else.json
"$rubric" purge --person "Sam Ortiz" . >purge.txt 2>err || fail "purge: $(cat err)"
expected='removed leader/manager-shared.json
removed leader/plan-shared.json
removed leader/self-shared.json
removed sam/discussion.html
removed sam/discussion.json
removed sam/manager.json
removed sam/plan.html
removed sam/plan.json
removed sam/plan.progress
removed sam/self.json'
[ "$(cat purge.txt)" = "$expected" ] || { cat purge.txt; fail "purge report"; }
left=$(cd "$work" && find . -type f | sort | tr '\n' ' ')
[ "$left" = "./err ./purge.txt ./sam/err ./sam/plan.txt ./sam/someone-else.json " ] || fail "left behind: $left"
echo "ok"
