#!/usr/bin/env bash
# Run one interview command-line case in a fresh working folder.
#
#   run-case.sh RUBRIC SOURCE_DIR CASE_DIR
#
# The case folder holds `cmd` (bash, run in a scratch folder that has
# plan.json, the people-manager plan, and a copy of the case's other
# files; `rubric` runs the binary with the shipped library and a fixed
# clock), and the expected `stdout`, `stderr` and `status` (absent: empty,
# empty, 0). Library hashes are shown as HASH and the scratch folder's path
# as WORK, so the outputs do not change with the rubrics or the machine.
# UPDATE=1 rewrites the expectations from the actual run.
set -u
bin=$1 src=$2 case=$3
name=${case#"$src"/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $name: $*"; exit 1; }

cp -r "$case"/. "$work"/
rm -f "$work/cmd" "$work/stdout" "$work/stderr" "$work/status"
export HOME=$work RUBRIC_LIBRARY=$src/rubrics RUBRIC_NOW=1795000000
"$bin" plan --role people-manager -o "$work/plan.json" 2>/dev/null || fail "no plan"
(
  cd "$work" || exit 99
  rubric() { "$bin" "$@"; }
  # shellcheck disable=SC1091
  source "$case/cmd"
) >"$work/.out" 2>"$work/.err" </dev/null
status=$?
normalise() { sed -e 's/sha256:[0-9a-f]\{64\}/HASH/g' -e "s|$work|WORK|g" "$1"; }
normalise "$work/.out" >"$work/.out.n"
normalise "$work/.err" >"$work/.err.n"

if [ "${UPDATE:-}" = 1 ]; then
  if [ -s "$work/.out.n" ]; then cp "$work/.out.n" "$case/stdout"; else rm -f "$case/stdout"; fi
  if [ -s "$work/.err.n" ]; then cp "$work/.err.n" "$case/stderr"; else rm -f "$case/stderr"; fi
  if [ "$status" != 0 ]; then echo "$status" >"$case/status"; else rm -f "$case/status"; fi
  echo "updated $name (status $status)"
  exit 0
fi
ok=1
expect=0
[ -f "$case/status" ] && expect=$(cat "$case/status")
[ "$status" = "$expect" ] || { echo "FAIL $name: exit status $status, expected $expect"; ok=0; }
for stream in stdout stderr; do
  actual=$work/.out.n; [ $stream = stderr ] && actual=$work/.err.n
  want=$case/$stream; [ -f "$want" ] || want=/dev/null
  if ! diff -u "$want" "$actual" >"$work/.diff"; then
    echo "FAIL $name: $stream differs:"; head -80 "$work/.diff"; ok=0
  fi
done
[ $ok = 1 ] || exit 1
echo "ok $name"
