#!/usr/bin/env python3
"""Generate a large, deterministic rubric library for benchmarking `rubric check`.

Usage: gen-bench-library.py OUTDIR [--competencies N]

Writes
  OUTDIR/scales/proficiency.lua        one scale "proficiency", levels 1-5
  OUTDIR/competencies/c0001.lua ...    one competency per file ("bench-0001" ...)
  OUTDIR/roles/bench-role.lua          one role needing 10 competencies

Each competency level has a summary, six behaviours (one weighted with terms,
one with an evidence pattern) and two questions with five probes each.
Output is identical for identical arguments (fixed seed, standard library only).
"""

import argparse
import os
import random
import sys

SEED = 20240611
LEVELS = 5
BEHAVIOURS_PER_LEVEL = 6
QUESTIONS_PER_LEVEL = 2
PROBES_PER_QUESTION = 5
ROLE_NEEDS = 10

VERBS = [
    "coaches", "delivers", "plans", "agrees", "reviews", "shares", "builds",
    "prioritises", "explains", "negotiates", "supports", "tracks", "improves",
    "aligns", "clarifies", "escalates", "documents", "measures", "mentors",
    "challenges", "communicates", "organises", "anticipates", "resolves",
    "delegates", "facilitates", "adapts", "owns", "recognises", "designs",
]
VERBS_BASE = [
    "coach", "deliver", "plan", "agree", "review", "share", "build",
    "prioritise", "explain", "negotiate", "support", "track", "improve",
    "align", "clarify", "escalate", "document", "measure", "mentor",
    "challenge", "communicate", "organise", "anticipate", "resolve",
    "delegate", "facilitate", "adapt", "own", "recognise", "design",
]
VERBS_PAST = [
    "coached", "delivered", "planned", "agreed", "reviewed", "shared", "built",
    "prioritised", "explained", "negotiated", "supported", "tracked",
    "improved", "aligned", "clarified", "escalated", "documented", "measured",
    "mentored", "challenged", "communicated", "organised", "anticipated",
    "resolved", "delegated", "facilitated", "adapted", "owned", "recognised",
    "designed",
]
NOUNS = [
    "feedback", "stakeholder", "plan", "team", "goal", "priority", "risk",
    "customer", "outcome", "deadline", "budget", "colleague", "decision",
    "process", "project", "milestone", "expectation", "conflict", "change",
    "strategy", "resource", "commitment", "standard", "progress", "issue",
    "proposal", "objective", "partner", "requirement", "improvement",
    "roadmap", "workload", "dependency", "metric", "initiative", "manager",
    "peer", "client", "schedule", "opportunity",
]
ADJECTIVES = [
    "clear", "timely", "realistic", "shared", "measurable", "difficult",
    "competing", "constructive", "honest", "practical", "critical", "complex",
    "agreed", "regular", "specific", "new", "cross-functional", "senior",
    "ambitious", "unexpected", "consistent", "open", "key", "long-term",
]
ADVERBS = [
    "consistently", "openly", "proactively", "carefully", "promptly",
    "calmly", "regularly", "confidently", "transparently", "quickly",
]
PREPOSITIONS = [
    "with", "for", "across", "on", "about", "against", "through", "within",
    "towards", "alongside", "before", "after",
]
CONJUNCTIONS = ["and", "then", "while", "so that", "and then"]

QUESTION_OPENERS = [
    ["tell", "me", "about", "a", "time", "you"],
    ["describe", "a", "situation", "where", "you"],
    ["give", "an", "example", "of", "how", "you"],
    ["walk", "me", "through", "a", "case", "where", "you"],
    ["how", "have", "you"],
    ["when", "did", "you", "last"],
]
PROBE_OPENERS = [
    ["what", "did", "you", "do", "when", "the"],
    ["how", "did", "you", "know", "that", "the"],
    ["who", "else", "was", "involved", "in", "the"],
    ["what", "would", "you", "change", "about", "the"],
    ["why", "did", "you", "choose", "that", "approach", "to", "the"],
    ["what", "was", "the", "result", "for", "the"],
    ["how", "did", "the", "stakeholder", "respond", "to", "the"],
    ["what", "did", "you", "learn", "from", "the"],
]

SCALE_LEVELS = [
    ("Foundation", "Applies the basics with guidance and support from others."),
    ("Developing", "Applies the competency in routine situations with occasional support."),
    ("Proficient", "Applies the competency independently in most situations."),
    ("Advanced", "Applies the competency in complex situations and helps others do so."),
    ("Expert", "Shapes how the organisation applies the competency and is a recognised reference."),
]


def chunk(rng, remaining):
    """One phrase of at most `remaining` words (remaining >= 1)."""
    options = [lambda: [rng.choice(NOUNS)]]
    if remaining >= 2:
        options += [
            lambda: [rng.choice(ADJECTIVES), rng.choice(NOUNS)],
            lambda: [rng.choice(PREPOSITIONS), rng.choice(NOUNS)],
            lambda: [rng.choice(ADVERBS), rng.choice(VERBS)],
        ]
    if remaining >= 3:
        options += [
            lambda: [rng.choice(PREPOSITIONS), rng.choice(ADJECTIVES), rng.choice(NOUNS)],
            lambda: [rng.choice(PREPOSITIONS), "the", rng.choice(NOUNS)],
        ]
    if remaining >= 4:
        options += [
            lambda: rng.choice(CONJUNCTIONS).split() + [rng.choice(VERBS), rng.choice(NOUNS)],
        ]
    while True:
        words = rng.choice(options)()
        if len(words) <= remaining:
            return words


def fill(rng, words, n):
    """Extend `words` with phrases up to exactly n words, ending in a noun."""
    words = list(words)
    while len(words) < n:
        remaining = n - len(words)
        if remaining == 1:
            words.append(rng.choice(NOUNS))
        else:
            words += chunk(rng, remaining - 1)  # keep room for a closing noun
            if len(words) == n - 1:
                words.append(rng.choice(NOUNS))
    return words


def sentence(rng, start=None, end="."):
    n = rng.randint(8, 18)
    words = fill(rng, start if start is not None else [rng.choice(VERBS)], n)
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


def question_text(rng):
    opener = rng.choice(QUESTION_OPENERS)
    # "... did you last <base verb>", otherwise "... you <past verb>"
    verb = rng.choice(VERBS_BASE if opener[-1] == "last" else VERBS_PAST)
    return sentence(rng, opener + [verb], "?")


def probe_text(rng):
    return sentence(rng, rng.choice(PROBE_OPENERS) + [rng.choice(NOUNS)], "?")


def lua_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def title_words(rng, k):
    return " ".join(w.capitalize() for w in rng.sample(NOUNS + ADJECTIVES, k))


def competency_source(rng, index, width):
    cid = "bench-%0*d" % (width, index)
    out = []
    w = out.append
    w("-- Generated by scripts/gen-bench-library.py; do not edit.\n")
    w("competency %s {\n" % lua_str(cid))
    w("  title = %s,\n" % lua_str("%s %d" % (title_words(rng, 2), index)))
    w("  definition = %s,\n" % lua_str(sentence(rng)))
    w('  scale = "proficiency",\n')
    for lv in range(1, LEVELS + 1):
        w("  level(%d) {\n" % lv)
        w("    summary = %s,\n" % lua_str(sentence(rng)))
        w("    behaviours = {\n")
        weighted = rng.randrange(BEHAVIOURS_PER_LEVEL)
        evidenced = rng.choice([i for i in range(BEHAVIOURS_PER_LEVEL) if i != weighted])
        for b in range(BEHAVIOURS_PER_LEVEL):
            text = lua_str(sentence(rng))
            if b == weighted:
                terms = rng.sample(NOUNS, 2) + [
                    "%s %s" % (rng.choice(ADJECTIVES), rng.choice(NOUNS)),
                    rng.choice(VERBS_BASE),
                ]
                w("      behaviour %s { weight = 2, terms = { %s } },\n"
                  % (text, ", ".join(lua_str(t) for t in terms)))
            elif b == evidenced:
                w1, w2 = rng.sample(VERBS_BASE + VERBS_PAST, 2)
                w3 = rng.choice(NOUNS)
                w("      behaviour %s { evidence = { [[\\b(%s|%s)\\b.{0,40}\\b%s\\b]] } },\n"
                  % (text, w1, w2, w3))
            else:
                w("      %s,\n" % text)
        w("    },\n")
        w("    questions = {\n")
        for _ in range(QUESTIONS_PER_LEVEL):
            w("      question %s {\n" % lua_str(question_text(rng)))
            w("        probes = {\n")
            for _ in range(PROBES_PER_QUESTION):
                w("          %s,\n" % lua_str(probe_text(rng)))
            w("        },\n")
            w("      },\n")
        w("    },\n")
        w("  },\n")
    w("}\n")
    return cid, "".join(out)


def scale_source():
    out = ["-- Generated by scripts/gen-bench-library.py; do not edit.\n",
           'scale "proficiency" {\n',
           '  title = "Proficiency",\n',
           '  description = "Five-level proficiency scale for the benchmark library.",\n']
    for lv, (name, descriptor) in enumerate(SCALE_LEVELS, 1):
        out.append("  level(%d) { name = %s, descriptor = %s },\n"
                   % (lv, lua_str(name), lua_str(descriptor)))
    out.append("}\n")
    return "".join(out)


def role_source(rng, ids):
    out = ["-- Generated by scripts/gen-bench-library.py; do not edit.\n",
           'role "bench-role" {\n',
           '  title = "Benchmark Role",\n',
           '  description = "A role needing %d of the generated benchmark competencies.",\n' % len(ids),
           "  minutes = 60,\n",
           "  needs = {\n"]
    for cid in ids:
        out.append('    need %s { target = 3, weight = %d },\n' % (lua_str(cid), rng.choice([1, 1, 2])))
    out.append("  },\n}\n")
    return "".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--competencies", type=int, default=1000, metavar="N")
    args = ap.parse_args()
    n = args.competencies
    if n < 1:
        ap.error("--competencies must be at least 1")
    if n + 2 > 10000:
        ap.error("--competencies must leave the library within 10,000 files")

    rng = random.Random(SEED)
    width = max(4, len(str(n)))
    files = 0
    size = 0

    size += write(os.path.join(args.outdir, "scales", "proficiency.lua"), scale_source())
    files += 1

    ids = []
    for i in range(1, n + 1):
        cid, src = competency_source(rng, i, width)
        ids.append(cid)
        size += write(os.path.join(args.outdir, "competencies", "c%0*d.lua" % (width, i)), src)
        files += 1

    needed = sorted(rng.sample(ids, min(ROLE_NEEDS, n)))
    size += write(os.path.join(args.outdir, "roles", "bench-role.lua"), role_source(rng, needed))
    files += 1

    print("gen-bench-library: wrote %d files, %d bytes (%d competencies) to %s"
          % (files, size, n, args.outdir), file=sys.stderr)


if __name__ == "__main__":
    main()
