#!/usr/bin/env bash
# The worked example of the authoring guide (rubrics/README.md) is accepted
# by `rubric check` as printed: the competency and the role, together with
# the shipped library.
set -euo pipefail
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The first ```lua block after each heading.
extract() {
  awk -v heading="$1" '
    index($0, heading) == 1 { found = 1; next }
    found && /^```lua/ { inblock = 1; next }
    inblock && /^```/ { exit }
    inblock { print }
  ' "$src/rubrics/README.md"
}
extract '### The competency:' >"$work/giving-feedback.lua"
extract '### The role:' >"$work/team-lead.lua"
for f in giving-feedback team-lead; do
  [ -s "$work/$f.lua" ] || { echo "FAIL: no $f example found in the guide"; exit 1; }
done
RUBRIC_LIBRARY=$src/rubrics "$rubric" check "$work/giving-feedback.lua" \
  "$work/team-lead.lua" >"$work/out" 2>&1 || { echo "FAIL:"; cat "$work/out"; exit 1; }
grep -q '^ok: ' "$work/out" || { echo "FAIL:"; cat "$work/out"; exit 1; }
echo "ok guide-example"
