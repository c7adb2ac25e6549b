#!/usr/bin/env bash
# What `rubric develop`, `develop show`, `share` and `followup` leave on
# disk: every file readable by its owner only (mode 0600), a plan never
# overwritten, nothing written when the script has a mistake, and the same
# plan from a script file, from `--script -` and from a pipe.
#
#   files.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-03
script=$src/tests/develop/cases/develop-script/plan.txt
expected=$src/tests/develop/cases/develop-script/stdout
cd "$work" || exit 1
# A umask that would let everybody read: the files must still be private.
umask 022

mode() { stat -c %a "$1"; }
dev() { "$rubric" develop --role people-manager --person "Jordan Lee" --manager "Sam Park" "$@"; }

dev --script "$script" -o plan.json 2>err || fail "develop -o: $(cat err)"
[ "$(cat err)" = "wrote plan.json" ] || fail "develop -o said: $(cat err)"
[ "$(mode plan.json)" = 600 ] || fail "plan.json has mode $(mode plan.json)"
cmp -s plan.json "$expected" || fail "plan.json differs from the develop-script case"

# From standard input: --script - and a pipe give the same plan.
dev --script - <"$script" >stdin.json 2>err || fail "develop --script -: $(cat err)"
cmp -s stdin.json "$expected" || fail "--script - gives another plan"
cat "$script" | dev >pipe.json 2>err || fail "develop from a pipe: $(cat err)"
cmp -s pipe.json "$expected" || fail "a pipe gives another plan"

# Never overwritten.
cp plan.json before.json
dev --script "$script" -o plan.json 2>err && fail "develop overwrote plan.json"
cmp -s plan.json before.json || fail "plan.json changed"

# A mistake in the script: exit 1, no file, no temporary left behind.
printf '/competency communication\n/target 9\n/done\n' >bad.txt
dev --script bad.txt -o bad.json 2>err
[ $? = 1 ] || fail "a bad script did not exit 1"
[ "$(cat err)" = "bad.txt:2: error: competency 'communication' has no level 9; its levels are 1 to 5" ] \
  || fail "bad script message: $(cat err)"
[ ! -e bad.json ] || fail "a bad script wrote bad.json"

for fmt in md html json; do
  "$rubric" develop show plan.json --format $fmt -o "plan.$fmt.out" 2>/dev/null || fail "show --format $fmt"
  [ "$(mode plan.$fmt.out)" = 600 ] || fail "develop show --format $fmt: mode $(mode plan.$fmt.out)"
  cmp -s "plan.$fmt.out" "$src/tests/develop/cases/develop-show-$fmt/stdout" \
    || fail "develop show --format $fmt -o differs from the golden output"
done
head -1 plan.md.out | grep -qx '<!-- rubric-person: "Jordan Lee" -->' || fail "md: no person marker"
head -1 plan.html.out | grep -qx '<!-- rubric-person: "Jordan Lee" -->' || fail "html: no person marker"
! grep -qiE '(src|href)=|url\(|@import' plan.html.out || fail "the HTML page loads something from elsewhere"

"$rubric" share plan.json -o shared.json 2>/dev/null || fail "share -o"
[ "$(mode shared.json)" = 600 ] || fail "shared.json has mode $(mode shared.json)"
cmp -s shared.json "$src/tests/develop/cases/share-plan/stdout" || fail "share -o differs"

"$rubric" followup plan.json --action a1 --status done >/dev/null 2>&1 || fail "followup"
[ "$(mode plan.progress)" = 600 ] || fail "plan.progress has mode $(mode plan.progress)"

# A name that tries to end the marker comment stays inside it.
"$rubric" develop --role people-manager --person 'Evil --> <b>"x"</b>' --script "$script" \
  -o evil.json 2>/dev/null || fail "develop with an odd name"
"$rubric" develop show evil.json -o evil.html --format html 2>/dev/null || fail "show evil"
first=$(head -1 evil.html)
[ "$first" = '<!-- rubric-person: "Evil \u002d-\u003e \u003cb\u003e\"x\"\u003c/b\u003e" -->' ] \
  || fail "marker line: $first"
[ "$(grep -c -- '-->' evil.html)" = 1 ] || fail "the name ends a comment in evil.html"

# Nothing else in the folder: no temporary files left behind.
left=$(ls -A | sort | tr '\n' ' ')
[ "$left" = "bad.txt before.json err evil.html evil.json pipe.json plan.html.out plan.json plan.json.out plan.md.out plan.progress shared.json stdin.json " ] \
  || fail "unexpected files: $left"
echo "ok"
