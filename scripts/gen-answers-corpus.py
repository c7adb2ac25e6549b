#!/usr/bin/env python3
"""Generate a large, deterministic corpus of recorded answers for benchmarking `rubric score --batch`.

Usage: gen-answers-corpus.py OUT.jsonl [--answers N] [--seed S] [--per-document K]
                             [--text-bytes B] [--rubric PATH] [--library DIR]
                             [--library-json FILE] [--library-hash]

Writes JSON Lines to OUT.jsonl (- for standard output): one rubric.answers/1
document per line, K answers each (the last document may have fewer), N
answers in all. The defaults (100,000 answers, 5 a document, about 1,650
bytes of answer text and 350 of probe answers, ids and notes an answer) make
20,000 documents and about 200 MB.

The vocabulary is the shipped library's, read from `rubric export` (run with
RUBRIC_LIBRARY=DIR; defaults build/rubric and rubrics/ in the source tree)
or from a file that command wrote (--library-json). Each document is an
interview for one of the library's roles, with one answer per competency the
role needs; each answer names a real question of that competency, and is
composed of the competency's behaviours retold in the first person, its
terms, words of the question, STAR connectives (situation, task, action,
result) and specifics (names, numbers), shuffled and varied. Some answers
have probe answers (real probe ids), ratings, observed behaviours and notes.

Output is identical for identical arguments and library (fixed seed,
standard library only); it is written as it is made, one document at a time.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

SEED = 20240612
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- generic interview language (the library supplies the rest) ----------

SITUATION_OPENERS = [
    "At the time", "In my previous role", "In my last role", "Last year",
    "A few years ago", "While I was a team lead", "When I was working at {org}",
    "Back in {year}", "During a restructuring at {org}", "About two years ago",
    "When I joined {org}", "In my current role",
]
SITUATION_BODIES = [
    "the team was struggling with {term}",
    "there was a problem with {term} and {term}",
    "we had {n} people working on {term} with no clear owner",
    "the project around {term} had slipped by {n} weeks",
    "our department was under pressure over {term}",
    "{name} raised concerns about {term}",
    "nobody had looked at {term} for a long time",
    "the background was a merger that changed {term}",
    "the context was a new system for {term}",
    "we had lost two senior people and {term} suffered",
]
TASK_SENTENCES = [
    "My role was to {base}.",
    "I was asked to {base}.",
    "I needed to {base}.",
    "My job was to {base}, and the deadline was tight.",
    "The goal was clear: {base}.",
    "I had to {base} within {n} weeks.",
    "I was responsible for making sure we could {base}.",
    "The challenge was to {base} without extra budget.",
    "Our objective was to {base} by the end of the quarter.",
]
ACTION_OPENERS = [
    "So I", "Then I", "First I", "After that I", "To address this, I",
    "I decided to act, and I", "Next I", "At that point I", "I", "I",
    "I", "Straight away I", "Together with {name}, I", "Over {n} weeks I",
]
COLLECTIVE_OPENERS = ["We", "As a team we", "Together we", "We then", "We also"]
HYPOTHETICAL_OPENERS = [
    "Next time I would", "I would probably", "In hindsight I could",
    "I tend to", "Usually I", "If I were doing it again I would",
]
RESULT_SENTENCES = [
    "As a result, {term} improved by {n}% within {m} months.",
    "In the end we delivered {n} days ahead of the deadline.",
    "The outcome was that {name} was promoted the following year.",
    "This meant that {term} was no longer a problem for the team.",
    "Eventually the feedback was positive and {term} increased by {n}%.",
    "By the end of the quarter we had reduced {term} issues from {n} to {m}.",
    "Since then the approach has been used in {m} other teams.",
    "It led to a saving of about {n},{k:03d} pounds a year.",
    "Afterwards {name} told me it was the most useful {term} session they had had.",
    "We achieved the target and the engagement score went up {m} points.",
    "The result was a clear plan for {term} that everyone agreed to.",
    "Which meant the team met {n} of its {m} goals that year.",
]
QUESTION_ECHOES = [
    "You asked {q}",
    "On the question of {q}",
    "Thinking about {q}",
    "When it comes to {q}",
    "The best example I have of {q}",
]
LINKS = [
    "That mattered because {term} was at stake.",
    "I kept {name} informed at every step.",
    "It was not easy, and {term} made it harder.",
    "I wrote it all down so the team could refer back to it.",
    "Looking back, the key was {term}.",
    "{name} and {name} helped with the detail.",
    "I checked in again after {n} weeks to see how it was going.",
    "There were {n} people involved across {m} sites.",
    "We met every {day} for {n} minutes.",
    "I shared the numbers with {name} — {n}% of cases were affected.",
]
NOTES = [
    "Clear, specific example.", "Good structure; result could be stronger.",
    "Mostly 'we' rather than 'I'.", "Ask for a second example in the follow-up.",
    "Strong on action, weak on outcome.", "Hypothetical in places.",
    "Check references for the {term} example.", "Very detailed; ran over time.",
]
NAMES = [
    "Priya", "Tom", "Aisha", "Marek", "Chen", "Olivia", "Kwame", "Sofia", "Liam",
    "Fatima", "José", "Zoë", "Søren", "Hannah", "Raj", "Mei", "Daniel", "Ines",
    "Noah", "Amara", "Bogdan", "Elena", "Yusuf", "Grace",
]
SURNAMES = [
    "Ramos", "Okafor", "Nowak", "Smith", "Lee", "Müller", "Patel", "García",
    "O'Neil", "Kowalski", "Nguyen", "Haddad", "Jensen", "Brown", "Silva",
]
ORGS = ["Northwind", "Acme Logistics", "the council", "a retail bank",
        "Fabrikam", "a regional hospital", "Contoso", "a software start-up"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
INTERVIEWERS = ["Sam Lee", "Jordan Blake", "Alex Morgan", "Ruth Adeyemi",
                "Chris Novak", "Dana Cohen"]

IRREGULAR_PAST = {
    "break": "broke", "bring": "brought", "build": "built", "choose": "chose",
    "hold": "held", "be": "was", "keep": "kept", "lead": "led", "let": "let",
    "make": "made", "put": "put", "rebuild": "rebuilt", "seek": "sought",
    "set": "set", "write": "wrote", "plan": "planned", "map": "mapped",
    "give": "gave", "take": "took", "run": "ran", "meet": "met",
    "speak": "spoke", "tell": "told", "find": "found", "think": "thought",
    "teach": "taught", "understand": "understood", "spend": "spent",
    "send": "sent", "stop": "stopped", "commit": "committed",
}


def base_form(verb):
    """Third person singular -> base form: 'Coaches' -> 'coach'."""
    v = verb.lower()
    if v == "is":
        return "be"
    if v.endswith("ies"):
        return v[:-3] + "y"
    if v.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return v[:-2]
    if v.endswith("s") and not v.endswith("ss"):
        return v[:-1]
    return v


def past_form(base):
    if base in IRREGULAR_PAST:
        return IRREGULAR_PAST[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


class Behaviour:
    __slots__ = ("id", "base", "past", "rest", "terms")

    def __init__(self, b):
        self.id = b["id"]
        text = b["text"].strip().rstrip(".")
        first, _, rest = text.partition(" ")
        self.base = base_form(first)
        self.past = past_form(self.base)
        # "own" reads as "my own" in the first person
        self.rest = rest.replace(" own ", " my own ") if rest else ""
        self.terms = list(b.get("terms") or [])


class Competency:
    def __init__(self, c):
        self.id = c["id"]
        self.levels = []      # [(number, [Behaviour], [question dict])]
        self.terms = []
        self.words = []
        numbers = []
        for lv in c["levels"]:
            bs = [Behaviour(b) for b in lv["behaviours"]]
            self.levels.append((lv["number"], bs, lv["questions"]))
            numbers.append(lv["number"])
            for b in bs:
                self.terms += b.terms
                self.words += [w.strip(".,;:()'\"").lower() for w in b.rest.split()]
        self.words = [w for w in self.words if len(w) > 3 and w.isalpha()]
        if not self.terms:
            self.terms = self.words[:] or ["the work"]
        self.numbers = numbers
        self.behaviours = [b for _, bs, _ in self.levels for b in bs]
        self.questions = [q for _, _, qs in self.levels for q in qs]


def load_library(args):
    if args.library_json:
        with open(args.library_json, encoding="utf-8") as f:
            return json.load(f)
    env = dict(os.environ, RUBRIC_LIBRARY=args.library)
    try:
        p = subprocess.run([args.rubric, "export"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, check=False)
    except OSError as e:
        sys.exit("gen-answers-corpus: cannot run %s: %s (build it first, or pass --rubric)"
                 % (args.rubric, e))
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        sys.exit("gen-answers-corpus: '%s export' failed (exit %d)" % (args.rubric, p.returncode))
    return json.loads(p.stdout.decode("utf-8"))


class Composer:
    def __init__(self, rng, lib):
        self.rng = rng
        self.comps = {c["id"]: Competency(c) for c in lib["competencies"]}
        self.roles = [(r["id"], [n["competency"] for n in r["needs"]])
                      for r in lib["roles"] if r.get("needs")]
        if not self.roles:
            raise SystemExit("gen-answers-corpus: the library has no role with needs")
        self.hash = lib.get("hash")
        self.with_hash = False
        self.all_terms = sorted({t for c in self.comps.values() for t in c.terms})

    # -- slots --
    def fill(self, template, comp):
        r = self.rng
        out = template
        while "{" in out:
            i = out.index("{")
            j = out.index("}", i)
            key = out[i + 1:j]
            if key == "term":
                v = r.choice(comp.terms) if r.random() < 0.8 else r.choice(self.all_terms)
            elif key == "name":
                v = r.choice(NAMES)
            elif key == "org":
                v = r.choice(ORGS)
            elif key == "year":
                v = str(r.randint(2015, 2024))
            elif key == "n":
                v = str(r.randint(2, 60))
            elif key == "m":
                v = str(r.randint(2, 12))
            elif key == "k:03d":
                v = "%03d" % r.randint(0, 999)
            elif key == "day":
                v = r.choice(DAYS)
            elif key == "base":
                b = r.choice(comp.behaviours)
                v = (b.base + " " + b.rest).strip()
            else:
                v = key
            out = out[:i] + v + out[j + 1:]
        return out

    def behaviour_sentence(self, comp, b):
        r = self.rng
        x = r.random()
        if x < 0.62:
            opener = self.fill(r.choice(ACTION_OPENERS), comp)
            s = "%s %s %s" % (opener, b.past, b.rest)
        elif x < 0.82:
            s = "%s %s %s" % (r.choice(COLLECTIVE_OPENERS), b.past, b.rest)
        else:
            s = "%s %s %s" % (r.choice(HYPOTHETICAL_OPENERS), b.base, b.rest)
        if b.terms and r.random() < 0.5:
            s += ", focusing on %s" % r.choice(b.terms)
        if r.random() < 0.25:
            s += " with %s %s" % (r.choice(NAMES), r.choice(SURNAMES))
        return s.strip() + "."

    def question_echo(self, comp, q):
        r = self.rng
        words = q["text"].rstrip("?.").split()
        # the whole question, or its last words
        k = len(words) if r.random() < 0.5 else r.randint(min(3, len(words)), len(words))
        frag = " ".join(w.lower() if w != "I" else w for w in words[len(words) - k:])
        return "%s, %s." % (r.choice(QUESTION_ECHOES).replace("{q}", frag),
                               r.choice(["this is what happened", "here is one example",
                                         "I think of one case in particular",
                                         "let me explain"]))

    def word_sentence(self, comp):
        """Library words, shuffled: the vocabulary without the grammar."""
        r = self.rng
        ws = r.sample(comp.words, min(len(comp.words), r.randint(6, 12)))
        if not ws:
            return ""
        return "There was also the matter of %s." % ", ".join(ws)

    def text(self, comp, level_bs, q, target):
        r = self.rng
        parts = []
        size = 0

        def add(s):
            nonlocal size
            if s and size < target:
                parts.append(s)
                size += len(s) + 1

        # S and T, then alternating A and links, then R; repeated until the
        # text is long enough (a long answer tells more than one story).
        while size < target:
            if r.random() < 0.5:
                add(self.question_echo(comp, q))
            add(self.fill(r.choice(SITUATION_OPENERS), comp) + ", " +
                self.fill(r.choice(SITUATION_BODIES), comp) + ".")
            add(self.fill(r.choice(TASK_SENTENCES), comp))
            for _ in range(r.randint(2, 5)):
                pool = level_bs if r.random() < 0.7 else comp.behaviours
                add(self.behaviour_sentence(comp, r.choice(pool)))
                y = r.random()
                if y < 0.4:
                    add(self.fill(r.choice(LINKS), comp))
                elif y < 0.55:
                    add(self.word_sentence(comp))
            add(self.fill(r.choice(RESULT_SENTENCES), comp))
        text = " ".join(parts)
        if r.random() < 0.1:
            text = text.replace("'", "\u2019")      # curly apostrophes
        if r.random() < 0.2:
            text = text.replace(". ", ".\n\n", r.randint(1, 3))  # paragraphs
        return text

    def answer(self, comp, text_bytes):
        r = self.rng
        # Mostly the middle levels, as in real interviews.
        li = min(len(comp.levels) - 1, max(0, int(r.triangular(0, len(comp.levels), 2))))
        number, level_bs, qs = comp.levels[li]
        if not qs:
            qs = comp.questions
        q = r.choice(qs) if qs else None
        target = int(text_bytes * r.uniform(0.75, 1.25))
        a = {"competency": comp.id}
        if q:
            a["question"] = q["id"]
        a["text"] = self.text(comp, level_bs or comp.behaviours,
                              q or {"text": "your experience"}, target)
        probes = q.get("probes", []) if q else []
        nprobes = 0
        if probes:
            x = r.random()
            nprobes = 0 if x < 0.35 else 1 if x < 0.7 else 2 if x < 0.9 else 3
        if nprobes:
            pa = []
            for p in r.sample(probes, min(nprobes, len(probes))):
                bs = [self.behaviour_sentence(comp, r.choice(comp.behaviours))]
                if r.random() < 0.5:
                    bs.append(self.fill(r.choice(RESULT_SENTENCES + LINKS), comp))
                pa.append({"probe": p["id"], "text": " ".join(bs)})
            a["probes"] = pa
        if r.random() < 0.7:
            lo, hi = comp.numbers[0], comp.numbers[-1]
            a["rating"] = max(lo, min(hi, number + r.choice([-1, 0, 0, 0, 1])))
        if r.random() < 0.15:
            a["observed"] = [b.id for b in r.sample(level_bs, min(len(level_bs), r.randint(1, 2)))]
        if r.random() < 0.3:
            a["notes"] = self.fill(r.choice(NOTES), comp)
        return a, nprobes

    def document(self, index, nanswers, text_bytes):
        r = self.rng
        role, needs = r.choice(self.roles)
        answers = []
        nprobes = 0
        for i in range(nanswers):
            comp = self.comps[needs[i % len(needs)]]
            a, p = self.answer(comp, text_bytes)
            answers.append(a)
            nprobes += p
        doc = {
            "format": "rubric.answers/1",
            "candidate": {"id": "cand-%06d" % index,
                          "name": "%s %s" % (r.choice(NAMES), r.choice(SURNAMES))},
            "role": role,
            "interviewer": r.choice(INTERVIEWERS),
            "date": "%04d-%02d-%02d" % (r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28)),
            "answers": answers,
        }
        if self.hash and self.with_hash and r.random() < 0.5:
            doc["library"] = self.hash
        return doc, nprobes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", metavar="OUT.jsonl", help="output file, or - for standard output")
    ap.add_argument("--answers", type=int, default=100000, metavar="N",
                    help="answers in all (default 100000)")
    ap.add_argument("--seed", type=int, default=SEED, metavar="S")
    ap.add_argument("--per-document", type=int, default=5, metavar="K",
                    help="answers per document (default 5)")
    ap.add_argument("--text-bytes", type=int, default=1610, metavar="B",
                    help="mean bytes of an answer's main text (default 1610)")
    ap.add_argument("--rubric", default=os.path.join(REPO, "build", "rubric"), metavar="PATH",
                    help="the rubric binary (default build/rubric in the source tree)")
    ap.add_argument("--library", default=os.path.join(REPO, "rubrics"), metavar="DIR",
                    help="the library, as RUBRIC_LIBRARY (default rubrics/ in the source tree)")
    ap.add_argument("--library-json", metavar="FILE",
                    help="read the library from FILE (`rubric export` output) instead")
    ap.add_argument("--library-hash", action="store_true",
                    help="record the library's hash in half the documents (scoring them "
                         "with any other version of the library then warns on each)")
    args = ap.parse_args()
    if args.answers < 1:
        ap.error("--answers must be at least 1")
    if not 1 <= args.per_document <= 500:
        ap.error("--per-document must be 1 to 500 (the limit of a document)")
    if not 50 <= args.text_bytes <= 40000:
        ap.error("--text-bytes must be 50 to 40000 (answer texts are limited to 64 KiB)")

    started = time.monotonic()
    lib = load_library(args)
    comp = Composer(random.Random(args.seed), lib)
    comp.with_hash = args.library_hash

    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    docs = answers = probes = size = 0
    try:
        while answers < args.answers:
            n = min(args.per_document, args.answers - answers)
            doc, p = comp.document(docs + 1, n, args.text_bytes)
            line = (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            out.write(line)
            docs += 1
            answers += n
            probes += p
            size += len(line)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        else:
            out.flush()

    print("gen-answers-corpus: wrote %d documents, %d answers (%d probe answers), "
          "%d bytes (%.1f MB, %.0f bytes an answer) to %s in %.1f s"
          % (docs, answers, probes, size, size / 1e6, size / answers, args.out,
             time.monotonic() - started), file=sys.stderr)


if __name__ == "__main__":
    main()
