#!/usr/bin/env bash
# Run one command-line test case and compare what it did with what it should.
#
#   run-case.sh RUBRIC SOURCE_DIR CASE_DIR
#
# A case is a folder holding:
#   cmd        the arguments to rubric, in shell syntax (run from SOURCE_DIR,
#              with RUBRIC_LIBRARY=rubrics unless the case sets it)
#   stdout     expected standard output (absent: must be empty)
#   stderr     expected standard error (absent: must be empty)
#   status     expected exit status (absent: 0)
#   seconds    optional: the command must finish within this many seconds
#   forbid     optional: paths (relative to the scratch folder, one a line)
#              that must not exist afterwards
# and any input files the command reads. Every case runs with HOME, TMPDIR
# and the working directory of hostile code pointed at an empty scratch
# folder, which must still be empty afterwards, and the case folder must be
# unchanged: rubric files can leave no trace.
#
# UPDATE=1 rewrites stdout, stderr and status from the actual run.
set -u
rubric=$1 src=$2 case=$3
name=${case#"$src"/}
fail() { echo "FAIL $name: $*"; exit 1; }

[ -f "$case/cmd" ] || fail "no cmd file"
scratch=$(mktemp -d) || fail "mktemp"
trap 'rm -rf "$scratch"' EXIT
before=$(cd "$case" && find . -printf '%p %s %T@\n' | sort)

out=$scratch/.out err=$scratch/.err
mkdir "$scratch/home"
start=$(date +%s.%N)
(
  cd "$src" || exit 99
  export HOME=$scratch/home TMPDIR=$scratch/home
  export RUBRIC_LIBRARY=${RUBRIC_LIBRARY_OVERRIDE:-rubrics}
  eval "set -- $(cat "$case/cmd")"
  exec timeout 60 "$rubric" "$@"
) >"$out" 2>"$err"
status=$?
end=$(date +%s.%N)

if [ "${UPDATE:-}" = 1 ]; then
  if [ -s "$out" ]; then cp "$out" "$case/stdout"; else rm -f "$case/stdout"; fi
  if [ -s "$err" ]; then cp "$err" "$case/stderr"; else rm -f "$case/stderr"; fi
  if [ "$status" != 0 ]; then echo "$status" >"$case/status"; else rm -f "$case/status"; fi
  echo "updated $name (status $status)"
  exit 0
fi

expect_status=0
[ -f "$case/status" ] && expect_status=$(cat "$case/status")
ok=1
if [ "$status" != "$expect_status" ]; then
  echo "FAIL $name: exit status $status, expected $expect_status"; ok=0
fi
for stream in stdout stderr; do
  actual=$scratch/.out; [ $stream = stderr ] && actual=$scratch/.err
  if [ -f "$case/$stream" ]; then
    if ! diff -u "$case/$stream" "$actual" >"$scratch/.diff"; then
      echo "FAIL $name: $stream differs:"; head -60 "$scratch/.diff"; ok=0
    fi
  elif [ -s "$actual" ]; then
    echo "FAIL $name: unexpected $stream:"; head -30 "$actual"; ok=0
  fi
done
if [ -f "$case/seconds" ]; then
  limit=$(cat "$case/seconds")
  if awk -v s="$start" -v e="$end" -v l="$limit" 'BEGIN { exit !(e - s > l) }'; then
    echo "FAIL $name: took $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s, limit $limit s"; ok=0
  fi
fi
leftover=$(cd "$scratch/home" && find . -mindepth 1 | head -5)
[ -z "$leftover" ] || { echo "FAIL $name: left files behind: $leftover"; ok=0; }
if [ -f "$case/forbid" ]; then
  while IFS= read -r p; do
    [ -z "$p" ] && continue
    if [ -e "$src/$p" ] || [ -e "$scratch/home/$p" ] || [ -e "/tmp/$p" ]; then
      echo "FAIL $name: '$p' was created"; ok=0
    fi
  done <"$case/forbid"
fi
after=$(cd "$case" && find . -printf '%p %s %T@\n' | sort)
[ "$before" = "$after" ] || { echo "FAIL $name: the case folder changed"; ok=0; }
[ $ok = 1 ] || exit 1
echo "ok $name"
