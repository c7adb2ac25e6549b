#!/usr/bin/env bash
# A FIFO inside the library (which git cannot hold, so it is made here),
# reached by include and by the folder walk: checked in bounded time, with a
# clear error, never a hang.
set -euo pipefail
rubric=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfifo "$work/trap.lua"
printf '%s\n' '-- includes a FIFO: opening it must not block' 'include "trap.lua"' >"$work/main.lua"
status=0
timeout 10 "$rubric" check --no-library "$work/main.lua" >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || { echo "FAIL: include of a FIFO: status $status"; cat "$work/out"; exit 1; }
grep -q "main.lua:2: error: cannot include 'trap.lua': not a regular file" "$work/out" ||
  { echo "FAIL: unexpected message:"; cat "$work/out"; exit 1; }
status=0
timeout 10 "$rubric" check "$work" >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || { echo "FAIL: folder with a FIFO: status $status"; cat "$work/out"; exit 1; }
grep -q "not a regular file" "$work/out" || { echo "FAIL: folder message"; cat "$work/out"; exit 1; }
echo "ok fifo-include"
