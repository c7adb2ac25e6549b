#!/usr/bin/env python3
"""The shipped Career Development and Coaching rubric must be the source
document, word for word: `rubric show --format md` must hold every line of
it, in the same order, each in its place (title, definition, level
descriptors, behaviours, questions, probing questions).

    check_transcription.py RUBRIC SOURCE_DIR
"""
import os
import subprocess
import sys

rubric, src = sys.argv[1], sys.argv[2]
seed = os.path.join(src, "tests/fixtures/seed-002-career-development-coaching.txt")
env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"))
md = subprocess.run([rubric, "show", "career-development-coaching", "--format", "md"],
                    capture_output=True, text=True, env=env, check=True).stdout
md_lines = md.split("\n")

expected = []
with open(seed, encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f]
expected.append("# " + lines[0])
expected.append(lines[1])
for line in lines[2:]:
    if line in ("BEHAVIORS", "QUESTIONS", "Probing Questions") or not line.strip():
        continue
    if line.startswith("Level "):
        expected.append("## " + line)
    elif line.startswith("- "):
        expected.append(line)
    elif line.startswith("* "):
        expected.append("  " + line)
    else:
        print(f"unexpected seed line: {line!r}")
        sys.exit(1)

failed = 0
pos = 0
for item in expected:
    try:
        pos = md_lines.index(item, pos) + 1
    except ValueError:
        print(f"missing or out of order: {item!r}")
        failed += 1
print(f"{len(expected) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
