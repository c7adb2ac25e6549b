#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine too: installs what is
# missing, builds, runs every test, then builds again with AddressSanitizer
# and UndefinedBehaviorSanitizer and runs every test again.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
# What the tests use beyond the build: schema validation, a real browser for
# the HTML sheet, GNU time.
export RUBRIC_EXTRA_PACKAGES="python3 python3-jsonschema chromium time tmux"

echo "== build (RelWithDebInfo, warnings as errors)"
scripts/setup.sh build -DRUBRIC_WERROR=ON -DBUILD_TESTING=ON
echo "== tests"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer)"
scripts/setup.sh build-asan -DRUBRIC_SANITIZE=ON -DRUBRIC_WERROR=ON \
  -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON
echo "== tests under sanitizers"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j "$jobs")
