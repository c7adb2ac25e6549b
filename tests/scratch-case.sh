#!/usr/bin/env bash
# Run one command-line case of a suite in a fresh scratch folder.
#
#   scratch-case.sh RUBRIC SOURCE_DIR SETUP CASE_DIR
#
# The case folder holds `cmd` (bash, run in the scratch folder, which holds
# a copy of the case's other files), and the expected `stdout`, `stderr`
# and `status` (absent: empty, empty, 0). SETUP is the suite's setup file,
# sourced in the scratch folder before the case's files are copied in: it
# adds the files every case of the suite starts from and sets the clock
# (see discuss/case-setup.sh, interview/case-setup.sh); it may call
# `fail MESSAGE`. In `cmd`:
#   rubric ARGS   runs the binary (at most 60 s) with the shipped library
#   mode FILE...  prints each file's permission bits and name
#   $SRC          the source folder
# HOME is the scratch folder. Library hashes are shown as HASH, the scratch
# folder's path as WORK and the source folder's as SRC, so the outputs do
# not change with the rubrics or the machine. UPDATE=1 rewrites the
# expectations from the actual run.
set -u
bin=$1 src=$2
setup=$(cd "$(dirname "$3")" && pwd)/$(basename "$3") || exit 1
case=$(cd "$4" && pwd) || exit 1
name=${case#"$src"/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $name: $*"; exit 1; }
[ -f "$case/cmd" ] || fail "no cmd file"
[ -f "$setup" ] || fail "no setup file $setup"

export HOME=$work RUBRIC_LIBRARY=$src/rubrics SRC=$src
rubric() { timeout 60 "$bin" "$@"; }
mode() { stat -c '%a %n' "$@"; }
cd "$work" || fail "cannot enter the scratch folder"
# shellcheck disable=SC1090
. "$setup"
cp -r "$case"/. "$work"/
rm -f "$work/cmd" "$work/stdout" "$work/stderr" "$work/status"
(
  cd "$work" || exit 99
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
