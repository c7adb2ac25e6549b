#!/usr/bin/env bash
# Install into a scratch prefix and check that the installed binary finds the
# installed library by itself, and that the pkg-config file lets a program
# use the engine.
#
#   check-install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
unset RUBRIC_LIBRARY

cmake --install "$build" --prefix "$prefix" >/dev/null

[ -x "$prefix/bin/rubric" ] || { echo "FAIL: no bin/rubric"; exit 1; }
[ -f "$prefix/share/rubric/competencies/career-development-coaching.lua" ] ||
  { echo "FAIL: shipped rubrics not installed under share/rubric"; exit 1; }
[ -f "$prefix/share/rubric/schemas/library.schema.json" ] ||
  { echo "FAIL: schemas not installed"; exit 1; }

# Run from elsewhere so nothing relative to the source tree can help.
out=$(cd / && "$prefix/bin/rubric" check)
case $out in
  "ok: "*) ;;
  *) echo "FAIL: installed rubric check said: $out"; exit 1 ;;
esac

pc=$(find "$prefix" -name rubric.pc | head -1)
[ -n "$pc" ] || { echo "FAIL: no rubric.pc"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --cflags --libs --static rubric) ||
  { echo "FAIL: pkg-config cannot use rubric.pc"; exit 1; }

if grep -q 'RUBRIC_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  sanitize="-fsanitize=address,undefined"
else
  sanitize=""
fi
cat >"$prefix/use.c" <<'C'
#include <rubric/rubric.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    rb_library *lib = NULL;
    rb_diags *d = NULL;
    rb_library_load(&dir, 1, NULL, &lib, &d, NULL);
    int ok = lib != NULL && rb_library_ncompetencies(lib) > 0;
    printf("%s %zu\n", RB_VERSION, lib ? rb_library_ncompetencies(lib) : 0);
    rb_library_free(lib);
    rb_diags_free(d);
    return ok ? 0 : 1;
}
C
# shellcheck disable=SC2086
cc -std=c17 $sanitize "$prefix/use.c" -o "$prefix/use" $flags ||
  { echo "FAIL: a program cannot build against the installed library"; exit 1; }
"$prefix/use" "$prefix/share/rubric" >/dev/null ||
  { echo "FAIL: the program could not load the installed library"; exit 1; }
echo "ok install"
