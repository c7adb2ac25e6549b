#!/usr/bin/env bash
# Run one competency-discussion case (rubric assess, rubric discuss) in a
# fresh working folder.
#
#   run-case.sh RUBRIC SOURCE_DIR CASE_DIR
#
# The case folder holds `cmd` (bash, run in a scratch folder holding a copy
# of tests/discuss/fixtures/ and of the case's other files; `rubric` runs
# the binary with the shipped library, and today is 2025-03-03), and the
# expected `stdout`, `stderr` and `status` (absent: empty, empty, 0).
# Library hashes are shown as HASH and the scratch folder's path as WORK,
# so the outputs do not change with the rubrics or the machine. The helper
# `mode FILE` prints a file's permission bits. UPDATE=1 rewrites the
# expectations from the actual run.
set -u
bin=$1 src=$2 case=$(cd "$3" && pwd) || exit 1
name=${case#"$src"/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $name: $*"; exit 1; }
[ -f "$case/cmd" ] || fail "no cmd file"

cp -r "$src/tests/discuss/fixtures"/. "$work"/
cp -r "$case"/. "$work"/
rm -f "$work/cmd" "$work/stdout" "$work/stderr" "$work/status"
export HOME=$work RUBRIC_LIBRARY=$src/rubrics RUBRIC_TODAY=2025-03-03 SRC=$src
(
  cd "$work" || exit 99
  rubric() { timeout 60 "$bin" "$@"; }
  mode() { stat -c '%a %n' "$@"; }
  # shellcheck disable=SC1091
  source "$case/cmd"
) >"$work/.out" 2>"$work/.err" </dev/null
status=$?
normalise() { sed -e 's/sha256:[0-9a-f]\{64\}/HASH/g' -e "s|$work|WORK|g" -e "s|$src|SRC|g" "$1"; }
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
