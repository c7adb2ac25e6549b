#!/usr/bin/env python3
"""The shipped coaching-for-competencies process must be the source
document's six steps, faithfully: every step title, purpose, prompt and
question of the source (tests/fixtures/seed-001-coaching-for-competencies.txt)
must appear in `rubric show PROCESS --format md`, in its step, in the right
part (purpose, Prompts, Ask, Record), word for word (the source's own typos
included) and in the source's order.

    check_process.py RUBRIC SOURCE_DIR

The source tells each step twice: once as a guide ("Step 1: Prepare for the
session" ... "Step 6: Follow up") and once as the manager's planner form
("Competencies Discussion Planner: Manager"). The process carries both: the
guide's text, and what the planner adds (more prompts, the questions to ask,
the fields to fill in). Each of the two is checked in its own order, since
the process interleaves them. How the source's layout becomes the process's:

- "Step N: Title" is the step's title (the planner's title-case copy is
  compared ignoring case);
- a step's first paragraph is its purpose; a following paragraph of the
  guide is either more of the purpose or one more prompt;
- bullets are prompts, but the bullets after "Ask the employee the
  following types of questions:" are questions, and the two sub-bullets of
  "... to identify the employee's:" are joined to it as "...: A; B";
- "Ask:" (or "... asking questions such as:") starts questions, one per "?";
- a short line ending in ':' in the planner is a field to record;
- lines that only introduce a list (LEAD_INS) and page headers carry no
  text of their own.

Lines the process leaves out on purpose are listed in NOT_CARRIED with the
reason; any other line of the source that is not found fails the test,
naming the first such line.
"""
import json
import os
import re
import subprocess
import sys

rubric, src = sys.argv[1], sys.argv[2]
seed_path = os.path.join(src, "tests/fixtures/seed-001-coaching-for-competencies.txt")
env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"))

PAGE_HEADERS = {
    "Coaching for Competencies – The Process, continued",
    "Competencies Discussion Planner: Manager",
    "Competencies Discussion Planner: Manager, continued",
}
# Sentences that only introduce what follows.
LEAD_INS = {
    "To create the climate:",
    "Ask the employee the following types of questions:",
    "At this meeting:",
    "In identifying areas for development:",
    "When discussing these challenges:",
}
QUESTION_LEAD_INS = ("Ask:", "Probe for behavioural examples by asking questions such as:")
# A bullet that ends like this takes the next bullets as its parts.
SUBLIST_END = "to identify the employee’s:"
SUBLIST_PARTS = 2

# Source text the process does not carry, and why. Keys are the exact text
# (a whole line, a bullet without its "· ", or one question), with "@N"
# added when only step N's copy of a text is meant.
NOT_CARRIED = {
    # The planner's header: filled in by `rubric discuss` (name, date).
    "Employee’s Name:": "form field",
    "Date:": "form field",
    # Step 1 of the planner: `rubric discuss` fills these in from the two
    # assessments (the step shows strengths and development).
    "Areas of strength:": "shown from the assessments",
    "Behavioural examples (supporting evidence):": "shown from the assessments",
    "Areas for development/possible coaching needs:": "shown from the assessments",
    # The planner's wording of the guide's title of step 2.
    "Create the Climate and Initiate the Discussion": "the planner's wording of the title",
    # The planner's reminders, short forms of the guide's prompts, which the
    # process carries in full.
    "Private and confidential": "short form of a guide prompt",
    "No interruptions": "short form of a guide prompt",
    "Guide the discussion (don’t dominate it)": "short form of a guide prompt",
    "Shared process": "short form of a guide prompt",
    "Discuss competencies using the CAQ as a basis": "short form of a guide prompt",
    "Identify 2-3 competencies for development": "short form of a guide prompt",
    "Listen actively": "short form of a guide prompt",
    "Probe for detail": "short form of a guide prompt",
    "Check for agreement and understanding@4": "short form of a guide prompt",
    # Step 6 of the planner: the step's first prompt carries the sentence;
    # the discussion planner prints its own date and time fields.
    "Schedule next coaching session to review progress:  Date: "
    "_________________________  Time:________": "form field",
}


def run(*args):
    return subprocess.run([rubric, *args], capture_output=True, text=True,
                          env=env, check=True).stdout


# ---- the process as `rubric show` prints it ---------------------------------
listing = json.loads(run("list", "--format", "json"))
processes = [i["id"] for i in listing["items"] if i["kind"] == "process"
             and i["title"].lower() == "coaching for competencies"]
if len(processes) != 1:
    print(f"rubric list: expected one process 'Coaching for competencies', found {processes}")
    sys.exit(1)
process_id = processes[0]
md = run("show", process_id, "--format", "md").split("\n")

steps = {}  # number -> {"title", "purpose", "prompts", "questions", "record"}
step = part = None
for i, line in enumerate(md):
    m = re.fullmatch(r"## Step (\d+)\. (.*)", line)
    if m:
        step = steps.setdefault(int(m.group(1)), {
            "title": m.group(2), "purpose": None, "prompts": [], "questions": [],
            "record": []})
        part = "head"
        continue
    if step is None or not line:
        continue
    if part == "head" and line.startswith("Id: "):
        continue
    if part == "head":
        step["purpose"] = line
        part = "purpose"
        continue
    labels = {"Prompts:": "prompts", "Ask:": "questions", "Record:": "record",
              "From the banks:": "banks"}
    if line in labels:
        part = labels[line]
    elif line.startswith("> "):
        part = "referral"
    elif line.startswith("- ") and part in ("prompts", "questions", "record"):
        step[part].append(line[2:])
if sorted(steps) != [1, 2, 3, 4, 5, 6]:
    print(f"rubric show {process_id}: expected steps 1 to 6, found {sorted(steps)}")
    sys.exit(1)

# ---- the source, read into items --------------------------------------------
with open(seed_path, encoding="utf-8") as f:
    seed = [l.rstrip("\n") for l in f]


def read_part(first, last, planner):
    """Items (line number, step, kind, text) of seed lines first..last-1."""
    items = []
    n = 0
    mode = None          # None, "questions" (after an Ask lead-in), "sublist"
    pending = None       # [line, text, parts left] of a bullet with sub-bullets
    seen_purpose = False
    i = first
    while i < last:
        raw = seed[i]
        number = i + 1
        text = raw.strip()
        i += 1
        if not text or text in PAGE_HEADERS:
            continue
        # A sentence broken over lines: join while the line does not end one.
        while (planner and not re.search(r"[.?:!)]$", text) and i < last
               and seed[i].strip() and not text.startswith("·")
               and not seed[i].strip().startswith("·")):
            text += " " + seed[i].strip()
            i += 1
        m = re.fullmatch(r"Step (\d): (.*)", text)
        if m:
            n = int(m.group(1))
            items.append((number, n, "title", m.group(2)))
            mode, seen_purpose = None, False
            continue
        if n == 0:
            items.append((number, 0, "header", text))
            continue
        if text in LEAD_INS:
            if text == "Ask the employee the following types of questions:":
                mode = "questions"
            continue
        bullet = text.startswith("· ")
        if bullet:
            text = text[2:].strip()
        if pending:
            pending[1] += ("" if pending[2] == SUBLIST_PARTS else ";") + " " + text
            pending[2] -= 1
            if pending[2] == 0:
                items.append((pending[0], n, "prompt", pending[1]))
                pending = None
            continue
        if bullet and text.endswith(SUBLIST_END):
            pending = [number, text, SUBLIST_PARTS]
            continue
        lead = next((q for q in QUESTION_LEAD_INS if text.startswith(q)), None)
        if lead is not None:
            rest = text[len(lead):].strip()
            if not rest and i < last:
                # The questions are on the next lines ("Ask:" alone).
                while i < last and not seed[i].strip():
                    i += 1
                number = i + 1
                rest = seed[i].strip()
                i += 1
                while not re.search(r"[.?:!]$", rest) and i < last and seed[i].strip():
                    rest += " " + seed[i].strip()
                    i += 1
            for q in re.findall(r"[^?]*\?", rest):
                items.append((number, n, "question", q.strip()))
            continue
        if bullet:
            if mode == "questions":
                m = re.fullmatch(r"(.*\?) (\(.*\))", text)
                if m:
                    items.append((number, n, "question", m.group(1)))
                    items.append((number, n, "note", m.group(2)))
                else:
                    items.append((number, n, "question", text))
            else:
                items.append((number, n, "prompt", text))
            continue
        if planner and text.endswith(":") and len(text) < 60:
            items.append((number, n, "record", text))
            continue
        if not seen_purpose and not planner:
            # The purpose, without a closing sentence that introduces a list.
            for lead_in in LEAD_INS:
                if text.endswith(" " + lead_in):
                    text = text[: -len(lead_in) - 1]
            items.append((number, n, "purpose", text))
            seen_purpose = True
            continue
        items.append((number, n, "paragraph", text))
    return items


guide_start = seed.index("A detailed discussion of each step follows.") + 1
planner_start = seed.index("Competencies Discussion Planner: Manager")
parts = {
    "guide": read_part(guide_start, planner_start, planner=False),
    "planner": read_part(planner_start, len(seed), planner=True),
}
# The overview table before the guide names the six steps, in order.
overview = []
for i in range(seed.index("The following table outlines the key steps in holding the "
                          "coaching for competency discussion:"), guide_start):
    m = re.fullmatch(r"\t(\d)", seed[i])
    if m:
        j = i + 1
        overview.append((j + 1, int(m.group(1)), "title", seed[j].strip().rstrip(".")))
parts["overview"] = overview

# ---- every item in its place --------------------------------------------------
missing = []
carried = 0
skipped = set()
for name, items in parts.items():
    cursor = {}  # (step, kind) -> next index / purpose offset
    for number, n, kind, text in items:
        key = f"{text}@{n}" if f"{text}@{n}" in NOT_CARRIED else text
        if key in NOT_CARRIED:
            skipped.add(key)
            continue
        if kind == "header":
            missing.append((number, n, kind, text, "unexpected line before Step 1"))
            continue
        s = steps.get(n)
        if s is None:
            missing.append((number, n, kind, text, f"no step {n} in the process"))
            continue
        found = False
        if kind == "title":
            found = s["title"].lower() == text.lower()
        if kind in ("purpose", "paragraph") and s["purpose"]:
            at = s["purpose"].find(text, cursor.get((n, "purpose"), 0))
            # The purpose itself must start the paragraph.
            if at >= 0 and (kind == "paragraph" or at == 0):
                cursor[(n, "purpose")] = at + len(text)
                found = True
        for want, lst in (("prompt", "prompts"), ("paragraph", "prompts"),
                          ("note", "prompts"), ("question", "questions"),
                          ("record", "record")):
            if found or kind != want:
                continue
            start = cursor.get((n, lst), 0)
            if text in s[lst][start:]:
                cursor[(n, lst)] = s[lst].index(text, start) + 1
                found = True
        if found:
            carried += 1
        else:
            where = {"title": "title", "purpose": "purpose", "paragraph": "purpose or prompts",
                     "prompt": "prompts", "question": "Ask", "record": "Record",
                     "note": "prompts"}[kind]
            missing.append((number, n, kind, text,
                            f"not in step {n}'s {where} (or out of order)"))

stale = set(NOT_CARRIED) - skipped
for key in sorted(stale):
    print(f"NOT_CARRIED lists text that is not in the source: {key!r}")

name = f"rubric show {process_id} --format md"
for number, n, kind, text, why in missing:
    print(f"seed line {number} ({kind}): {why} of `{name}`:\n    {text!r}")
print(f"{carried} source items found in place, {len(skipped)} left out on purpose "
      f"(NOT_CARRIED), {len(missing)} missing")
if missing:
    number, n, kind, text, why = missing[0]
    print(f"first seed line not found: {os.path.basename(seed_path)}:{number}: {text}")
sys.exit(1 if missing or stale else 0)
