#!/usr/bin/env bash
# The main job on the shipped rubrics and sample data: install and build if
# needed, check the shipped library, then score a sample interview (a
# candidate for People Manager), print the scoring sheet and write it as a
# printable HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
sample=rubrics/samples/interview-jordan-lee.json
html=build/sheet-jordan-lee.html

echo "== rubric check"
build/rubric --library rubrics check
echo
echo "== rubric score $sample"
build/rubric --library rubrics score "$sample"
build/rubric --library rubrics score "$sample" --format html -o "$html" 2>/dev/null
echo
echo "The HTML scoring sheet is in $html (open it in a browser, or print it)."
