#!/usr/bin/env bash
# `rubric new competency` output is accepted by `rubric check` as it stands,
# alone against the library and inside a copy of the library; -o refuses to
# replace a file and leaves no temporary file behind.
set -euo pipefail
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RUBRIC_LIBRARY=$src/rubrics

"$rubric" new competency giving-feedback -o "$work/giving-feedback.lua"
"$rubric" check "$work/giving-feedback.lua" >"$work/out"
grep -q '^ok: ' "$work/out" || { echo "FAIL: skeleton rejected"; cat "$work/out"; exit 1; }

cp -r "$src/rubrics" "$work/lib"
cp "$work/giving-feedback.lua" "$work/lib/competencies/"
"$rubric" check "$work/lib" | grep -q '7 competencies' ||
  { echo "FAIL: skeleton not accepted inside a library"; exit 1; }

if "$rubric" new competency other -o "$work/giving-feedback.lua" 2>"$work/err"; then
  echo "FAIL: -o replaced an existing file"; exit 1
fi
grep -q "already exists" "$work/err" || { echo "FAIL: wrong message"; cat "$work/err"; exit 1; }
leftovers=$(find "$work" -maxdepth 1 -name '*.tmp-*' | wc -l)
[ "$leftovers" = 0 ] || { echo "FAIL: temporary files left behind"; exit 1; }
echo "ok new-then-check"
