#!/usr/bin/env bash
# The main job on the shipped rubrics: install and build if needed, validate
# the whole shipped library, then print the interview guide page for the
# Career Development and Coaching competency.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
echo "== rubric check (the shipped library in rubrics/)"
build/rubric --library rubrics check
echo
echo "== rubric show career-development-coaching (interview guide page)"
build/rubric --library rubrics show career-development-coaching
