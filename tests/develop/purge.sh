#!/usr/bin/env bash
# rubric purge --person NAME on a scratch folder holding a person's plan,
# its progress journal, its Markdown and HTML renderings and shared export
# (some in a subfolder), another person's documents, documents that only
# mention the name, a journal whose plan is gone, and symbolic links to
# files and folders outside: only the person's records go, links are never
# followed, and the report is word for word.
#
#   purge.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-10
fixture=$src/tests/develop/fixtures/jordan.json
mkdir -p "$work/records/2025/march" "$work/outside"
cd "$work/records" || exit 1

cp "$fixture" jordan.json
"$rubric" followup jordan.json --action a1 --status done >/dev/null || fail "followup"
"$rubric" develop show jordan.json -o jordan.md 2>/dev/null || fail "show md"
"$rubric" develop show jordan.json --format html -o 2025/march/jordan.html 2>/dev/null || fail "show html"
"$rubric" share jordan.json -o 2025/march/for-leader.json 2>/dev/null || fail "share"
# A plan saved under another name, and its journal moved away from it.
cp "$fixture" 2025/old-plan.txt
cp jordan.progress 2025/orphan.progress
# Someone else's plan, journal and page.
sed 's/Jordan Lee/Alex Kim/' "$fixture" >alex.json
"$rubric" followup alex.json --action a2 --status blocked >/dev/null || fail "followup alex"
"$rubric" develop show alex.json -o alex.md 2>/dev/null || fail "show alex"
# Mentions of the name that are not records about the person.
printf '# Notes\n\nJordan Lee leads the Tuesday meeting.\n' >notes.md
printf '{"format": "other.tool/1", "person": "Jordan Lee"}\n' >other-tool.json
printf '{"format": "rubric.devplan/1", "person": "jordan lee"}\n' >lowercase.json
printf 'x<!-- rubric-person: "Jordan Lee" -->\n' >not-first.md
cp "$src/rubrics/samples/interview-jordan-lee.json" interview.json
# A plan saved with a byte order mark (the readers take it, so does purge).
printf '\xef\xbb\xbf' >bom.json
cat "$fixture" >>bom.json
# Jordan's plan beside a journal about Alex: the journal is not Jordan's.
cp "$fixture" 2025/shared-name.json
cp alex.progress 2025/shared-name.progress
# Jordan's page with a second name (a hard link) outside the folder.
ln jordan.md ../outside/jordan-hard.md
# Links out of the folder: never followed, never removed.
cp "$fixture" ../outside/jordan.json
ln -s ../outside/jordan.json link-to-file.json
ln -s ../outside link-to-folder
mkfifo pipe.json

"$rubric" purge --person "Jordan Lee" --dry-run >dry.txt 2>err || fail "dry run: $(cat err)"
[ "$(cat err)" = "jordan.md: warning: the file has 1 other name (hard links) elsewhere, which would keep its content" ] \
  || fail "dry run wrote to stderr: $(cat err)"
expected='would remove 2025/march/for-leader.json
would remove 2025/march/jordan.html
would remove 2025/old-plan.txt
would remove 2025/orphan.progress
would remove 2025/shared-name.json
would remove bom.json
would remove jordan.json
would remove jordan.md
would remove jordan.progress'
[ "$(cat dry.txt)" = "$expected" ] || { echo "$(cat dry.txt)"; fail "dry run report"; }
[ -e jordan.json ] && [ -e 2025/march/jordan.html ] || fail "the dry run removed files"

"$rubric" purge --person "Jordan Lee" "$work/records/" >purge.txt 2>err || fail "purge: $(cat err)"
[ "$(cat purge.txt)" = "$(sed "s|^would remove |removed $work/records/|" dry.txt)" ] \
  || { cat purge.txt; fail "purge report"; }
left=$(find . -mindepth 1 \( -type f -o -type l -o -type p \) | sort | tr '\n' ' ')
[ "$left" = "./2025/shared-name.progress ./alex.json ./alex.md ./alex.progress ./dry.txt ./err ./interview.json ./link-to-file.json ./link-to-folder ./lowercase.json ./not-first.md ./notes.md ./other-tool.json ./pipe.json ./purge.txt " ] \
  || fail "left behind: $left"
[ -f ../outside/jordan.json ] || fail "a file outside the folder was removed through a link"
"$rubric" followup alex.json >/dev/null 2>&1 || fail "Alex's plan or journal was damaged"

"$rubric" purge --person "Jordan Lee" >again.txt 2>err
[ $? = 1 ] || fail "a second purge did not exit 1"
[ ! -s again.txt ] || fail "a second purge printed: $(cat again.txt)"
[ "$(cat err)" = "rubric: error: no records about 'Jordan Lee' in ." ] || fail "second purge: $(cat err)"

"$rubric" purge --person "Jordan Lee" "$work/no-such-folder" >/dev/null 2>err
[ $? = 1 ] || fail "a missing folder did not exit 1"
[ "$(cat err)" = "$work/no-such-folder: error: cannot open the folder: No such file or directory" ] \
  || fail "missing folder: $(cat err)"
# A folder that cannot be searched (nested too deep here; unreadable ones
# are skipped the same way): what was found goes, and the purge says that
# records may remain, with exit 3.
deep=$work/deep
mkdir -p "$deep/$(printf 'd/%.0s' $(seq 1 33))"
cp "$fixture" "$deep/jordan.json"
"$rubric" purge --person "Jordan Lee" "$deep" >deep.txt 2>err
[ $? = 3 ] || fail "an incomplete search did not exit 3"
[ "$(cat deep.txt)" = "removed $deep/jordan.json" ] || fail "deep purge: $(cat deep.txt)"
grep -qF "rubric: error: 1 file or folder could not be searched (see the warnings above): records about 'Jordan Lee' may remain there" err \
  || fail "deep purge: $(cat err)"
echo "ok"
