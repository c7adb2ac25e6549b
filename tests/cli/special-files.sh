#!/usr/bin/env bash
# Every command that reads a document refuses a FIFO, a folder or a device
# at once, with a message naming it, instead of waiting on it forever.
#
#   special-files.sh RUBRIC SOURCE_DIR
set -u
rubric=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export RUBRIC_LIBRARY=$src/rubrics
cd "$work" || exit 1
mkfifo pipe.json || exit 77
mkdir folder.json
pipe_msg="pipe.json: error: is not a regular file (a pipe or a device?); give a file"
folder_msg="folder.json: error: is a folder, not a file"
expect() {  # MESSAGE COMMAND...
  local want=$1
  shift
  out=$(timeout 20 "$rubric" "$@" 2>&1 </dev/null)
  rc=$?
  [ $rc = 124 ] && fail "'rubric $*' waited on the FIFO"
  [ $rc = 1 ] || fail "'rubric $*' exited $rc: $out"
  grep -qxF -- "$want" <<<"$out" || fail "'rubric $*' said: $out"
}
for f in pipe.json folder.json; do
  msg=$pipe_msg
  [ $f = folder.json ] && msg=$folder_msg
  expect "$msg" score "$f"
  expect "$msg" panel "$f"
  expect "$msg" guide "$f"
  expect "$msg" share "$f"
  expect "$msg" develop show "$f"
  expect "$msg" followup "$f"
  expect "$msg" discuss "$f" "$f"
  expect "$msg" interview "$f" --candidate "Alex Morgan" --interviewer "Pat Lee" --session s.session
done
[ ! -e s.session ] || fail "a session was started from a FIFO or folder plan"
# Rubric files: the same message, with the check's summary.
out=$(timeout 20 "$rubric" check --no-library pipe.json 2>&1)
[ $? = 1 ] || fail "check of a FIFO: $out"
grep -qxF "$pipe_msg" <<<"$out" || fail "check of a FIFO said: $out"
echo ok
