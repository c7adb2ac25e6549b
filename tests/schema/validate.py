#!/usr/bin/python3
"""Check rubric's JSON documents against their schemas in engine/schemas/.

    validate.py RUBRIC SOURCE_DIR
    validate.py --write-examples RUBRIC SOURCE_DIR

RUBRIC is the rubric binary, SOURCE_DIR the source tree. The script

  * checks that the six schemas are valid draft 2020-12 schemas;
  * runs, in SOURCE_DIR with RUBRIC_LIBRARY=rubrics, `rubric export`,
    `rubric list --format json`, `rubric show ID --format json` for every id
    the list names, `rubric check --format json` on the library and on a small
    erroneous file (written to a temporary folder), and validates each
    document against its schema;
  * cross-checks the documents: the same hash everywhere, the hash recomputed
    from the export, list and show agreeing with the export, and the
    invariants a schema cannot express (unique ids, references, levels);
  * validates engine/schemas/examples/*.json (must pass) and checks they
    still match what the engine writes for tests/schema/example-library;
  * validates tests/schema/invalid/*.json (must fail; with the keyword named
    in tests/schema/invalid/expected-keywords.txt when one is named there);
  * recorded answers (rubric.answers/1) and scoring sheets (rubric.sheet/1):
    validates every rubrics/samples/*.json against answers.schema.json and
    what `rubric score SAMPLE --format json` writes for it against
    sheet.schema.json (one file, several files, --batch); checks that
    `rubric score` accepts engine/schemas/examples/answers.json and rejects
    each tests/schema/invalid/answers-*.json; and checks that the answers
    schema agrees with the reader on every tests/score/*/answers.json case
    (see check_score_cases);
  * interview plans (rubric.plan/1): checks plan.schema.json, then for every
    role of the library and two seeds validates `rubric plan --role R --seed
    S` against it and checks what a schema cannot (see plan_problems): the
    library hash, the role's needs in order, questions of the competency at
    the target level and the level above with the library's probes, budgets
    adding up to the role's minutes, the same output for the same seed, and
    `rubric guide` accepting the plan.

A document's schema is chosen by its file name: "<name>.json" or
"<name>-anything.json" uses engine/schemas/<name>.schema.json.

It prints one line per check and then "N passed, M failed", and exits 1 when
any check failed. --write-examples regenerates engine/schemas/examples/ from
tests/schema/example-library instead.

Needs Python 3 and python3-jsonschema (4.x: Draft202012Validator). Schemas
refer to each other by $id (https://rubric.invalid/schemas/...); those refs
are resolved from the local files only, never from the network.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("validate.py: cannot import jsonschema (with Draft202012Validator); "
          "install python3-jsonschema (apt-get install python3-jsonschema, "
          "version 4.0 or later)", file=sys.stderr)
    sys.exit(1)

KINDS = ("library", "item", "list", "diagnostics", "answers", "sheet", "devplan", "panel",
         "assessment", "discussion")

# A small file with mistakes for `rubric check`: an unknown scale, a pattern
# that does not compile (a diagnostic with "detail"), an unknown field, and a
# level without questions (a warning).
BROKEN_RUBRIC = """\
-- Deliberately broken: rubric check must report every mistake here.
competency "broken-example" {
  title = "Broken example",
  definition = "A competency with mistakes in it.",
  scale = "no-such-scale",
  level(1) {
    behaviours = {
      behaviour "Does things." { evidence = { [[(unclosed]] }, wieght = 2 },
    },
  },
}
"""

# Examples generated from tests/schema/example-library: file name -> rubric
# arguments. diagnostics-errors.json is generated separately (see below).
EXAMPLE_RUNS = {
    "library.json": ["export"],
    "list.json": ["list", "--format", "json"],
    "item-scale.json": ["show", "three-step", "--format", "json"],
    "item-competency.json": ["show", "active-listening", "--format", "json"],
    "item-role.json": ["show", "team-lead", "--format", "json"],
    "item-bank.json": ["show", "check-in", "--format", "json"],
    "diagnostics-ok.json": ["check", "--format", "json"],
}


class Failure(Exception):
    pass


# ---- JSON ------------------------------------------------------------------

def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError("duplicate key(s) %s" % ", ".join(map(repr, dup)))
    return dict(pairs)


def _no_constant(name):
    raise ValueError("%s is not JSON" % name)


def parse_json(data, what):
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Failure("%s is not UTF-8: %s" % (what, e))
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=_no_constant)
    except ValueError as e:
        raise Failure("%s is not valid JSON: %s" % (what, e))


def load_json_file(path):
    return parse_json(Path(path).read_bytes(), str(path))


# ---- schemas ---------------------------------------------------------------

def _no_network(uri):
    raise jsonschema.exceptions.RefResolutionError(
        "refusing to fetch %s: every schema must come from engine/schemas" % uri)


def make_validators(schemas):
    """One validator per document kind, resolving cross-schema $refs from the
    local schemas only."""
    try:
        import referencing  # jsonschema >= 4.18
    except ImportError:
        referencing = None
    if referencing is not None:
        resources = [(s["$id"], referencing.Resource.from_contents(s))
                     for s in schemas.values()]
        registry = referencing.Registry().with_resources(resources)
        return {k: Draft202012Validator(s, registry=registry)
                for k, s in schemas.items()}
    store = {s["$id"]: s for s in schemas.values()}
    handlers = {"http": _no_network, "https": _no_network, "file": _no_network}
    return {k: Draft202012Validator(
                s, resolver=jsonschema.RefResolver.from_schema(
                    s, store=store, handlers=handlers))
            for k, s in schemas.items()}


def describe(error, limit=200):
    where = "/".join(str(p) for p in error.absolute_path) or "(document)"
    message = error.message
    if len(message) > limit:
        message = message[:limit] + "..."
    return "%s: %s" % (where, message)


def schema_errors(validator, doc):
    errors = sorted(validator.iter_errors(doc),
                    key=lambda e: [str(p) for p in e.absolute_path])
    return errors


def walk_errors(errors):
    for e in errors:
        yield e
        yield from walk_errors(e.context or [])


def kind_of_file(path):
    name = Path(path).name
    return name[:-len(".json")].split("-", 1)[0]


# ---- running rubric ----------------------------------------------------------

def run_rubric(rubric, args, cwd, expect_status=0, library="rubrics"):
    env = dict(os.environ)
    env["RUBRIC_LIBRARY"] = library
    try:
        p = subprocess.run([rubric] + list(args), cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Failure("cannot run %s: %s" % (rubric, e))
    what = "rubric " + " ".join(args)
    if p.returncode != expect_status:
        raise Failure("%s exited with %d, expected %d; stderr: %s" % (
            what, p.returncode, expect_status,
            p.stderr.decode("utf-8", "replace").strip()[:500]))
    if p.stderr and expect_status == 0:
        raise Failure("%s wrote to standard error: %s" % (
            what, p.stderr.decode("utf-8", "replace").strip()[:500]))
    return parse_json(p.stdout, "output of " + what)


# ---- the content hash ---------------------------------------------------------

SCORING_KIND = {"default": 0, "parameters": 1, "function": 2}


class _Hasher:
    def __init__(self):
        self.h = hashlib.sha256()

    def str(self, s):
        if s is None:
            self.h.update(b"\xff")
            return
        b = s.encode("utf-8")
        self.h.update(b"%d:" % len(b))
        self.h.update(b)

    def num(self, v):
        self.h.update(("%.17g;" % float(v)).encode("ascii"))

    def questions(self, qs):
        self.num(len(qs))
        for q in qs:
            self.str(q["id"])
            self.str(q["text"])
            self.num(len(q["probes"]))
            for p in q["probes"]:
                self.str(p["id"])
                self.str(p["text"])


def library_hash(lib):
    """The content hash of a rubric.library/1 document, computed as
    engine/model/hash.c does (see engine/schemas/README.md). None when the
    document cannot determine it (a competency with a scoring function: the
    function's text is hashed but not exported)."""
    if any(c["scoring"]["kind"] == "function" for c in lib["competencies"]):
        return None
    h = _Hasher()
    h.str("rubric.library/1")

    def by_id(items):
        return sorted(items, key=lambda x: x["id"].encode("utf-8"))

    h.num(len(lib["scales"]))
    for s in by_id(lib["scales"]):
        h.str(s["id"]); h.str(s["title"]); h.str(s["description"])
        h.num(len(s["levels"]))
        for lv in s["levels"]:
            h.num(lv["number"]); h.str(lv["name"]); h.str(lv["descriptor"])
    h.num(len(lib["competencies"]))
    for c in by_id(lib["competencies"]):
        h.str(c["id"]); h.str(c["title"]); h.str(c["definition"]); h.str(c["scale"])
        sc = c["scoring"]
        h.num(1 if sc["kind"] == "function" else 0); h.num(sc["coverage"])
        h.num(sc["min_evidence"]); h.num(sc["min_strength"])
        h.str(None)  # text of the scoring function: none
        h.num(len(c["levels"]))
        for lv in c["levels"]:
            h.num(lv["number"]); h.str(lv["summary"])
            h.num(len(lv["behaviours"]))
            for b in lv["behaviours"]:
                h.str(b["id"]); h.str(b["text"]); h.num(b["weight"])
                h.num(len(b["evidence"]))
                for e in b["evidence"]:
                    h.str(e)
                h.num(len(b["terms"]))
                for t in b["terms"]:
                    h.str(t)
            h.questions(lv["questions"])
    h.num(len(lib["roles"]))
    for r in by_id(lib["roles"]):
        h.str(r["id"]); h.str(r["title"]); h.str(r["description"])
        h.num(r["minutes"])
        h.num(len(r["needs"]))
        for n in r["needs"]:
            h.str(n["competency"]); h.num(n["target"]); h.num(n["weight"])
    h.num(len(lib["banks"]))
    for k in by_id(lib["banks"]):
        h.str(k["id"]); h.str(k["title"]); h.str(k["description"])
        h.questions(k["questions"])
        h.num(len(k["options"]))
        for o in k["options"]:
            h.str(o["id"]); h.str(o["title"]); h.str(o["description"])
    cues = lib["cues"]
    h.num(1 if cues else 0)
    if cues:
        for key in CUE_KEYS:
            h.num(len(cues[key]))
            for item in cues[key]:
                h.str(item)
    return "sha256:" + h.h.hexdigest()


CUE_KEYS = ("situation", "task", "action", "result", "individual", "collective",
            "past", "hypothetical", "stop_words")


# ---- what a schema cannot say --------------------------------------------------

def library_problems(lib):
    """Invariants of a rubric.library/1 document beyond its schema."""
    problems = []
    seen = {}

    def claim(ident, what):
        if ident in seen:
            problems.append("id %r is used by %s and %s" % (ident, seen[ident], what))
        seen[ident] = what

    files = set(lib["files"])

    def sourced(obj, what):
        if obj["source"]["file"] not in files:
            problems.append("%s: source file %r is not in files" % (
                what, obj["source"]["file"]))

    def check_questions(qs, prefix, what):
        for i, q in enumerate(qs, 1):
            claim(q["id"], "question of " + what)
            local = q["id"][len(prefix):]
            if not q["id"].startswith(prefix) or "." in local:
                problems.append("question %r of %s does not start with %r" % (
                    q["id"], what, prefix))
            sourced(q, "question " + q["id"])
            for k, p in enumerate(q["probes"], 1):
                claim(p["id"], "probe of " + q["id"])
                if p["id"] != "%s.p%d" % (q["id"], k):
                    problems.append("probe %r of %r should be %s.p%d" % (
                        p["id"], q["id"], q["id"], k))

    scales = {}
    for s in lib["scales"]:
        claim(s["id"], "scale")
        sourced(s, "scale " + s["id"])
        nums = [lv["number"] for lv in s["levels"]]
        if nums != list(range(nums[0], nums[0] + len(nums))):
            problems.append("scale %r: levels %s are not ascending without gaps" % (
                s["id"], nums))
        scales[s["id"]] = nums
    comps = {}
    for c in lib["competencies"]:
        claim(c["id"], "competency")
        sourced(c, "competency " + c["id"])
        comps[c["id"]] = c
        nums = [lv["number"] for lv in c["levels"]]
        if c["scale"] not in scales:
            problems.append("competency %r uses unknown scale %r" % (c["id"], c["scale"]))
        elif nums != scales[c["scale"]]:
            problems.append("competency %r has levels %s, its scale %r has %s" % (
                c["id"], nums, c["scale"], scales[c["scale"]]))
        for lv in c["levels"]:
            prefix = "%s.L%d." % (c["id"], lv["number"])
            what = "%s level %d" % (c["id"], lv["number"])
            sourced(lv, what)
            for i, b in enumerate(lv["behaviours"], 1):
                claim(b["id"], "behaviour of " + what)
                local = b["id"][len(prefix):]
                if not b["id"].startswith(prefix) or "." in local:
                    problems.append("behaviour %r of %s does not start with %r" % (
                        b["id"], what, prefix))
                sourced(b, "behaviour " + b["id"])
            check_questions(lv["questions"], prefix, what)
    for r in lib["roles"]:
        claim(r["id"], "role")
        sourced(r, "role " + r["id"])
        needed = set()
        for n in r["needs"]:
            if n["competency"] in needed:
                problems.append("role %r needs %r twice" % (r["id"], n["competency"]))
            needed.add(n["competency"])
            c = comps.get(n["competency"])
            if c is None:
                problems.append("role %r needs unknown competency %r" % (
                    r["id"], n["competency"]))
            elif n["target"] not in scales.get(c["scale"], []):
                problems.append("role %r: target %d of %r is not on scale %r" % (
                    r["id"], n["target"], c["id"], c["scale"]))
    for k in lib["banks"]:
        claim(k["id"], "bank")
        sourced(k, "bank " + k["id"])
        check_questions(k["questions"], k["id"] + ".", "bank " + k["id"])
        for o in k["options"]:
            claim(o["id"], "option of bank " + k["id"])
            if not o["id"].startswith(k["id"] + "."):
                problems.append("option %r of bank %r does not start with %r" % (
                    o["id"], k["id"], k["id"] + "."))
    return problems


def list_from_library(lib):
    items = []
    for kind, key in (("scale", "scales"), ("competency", "competencies"),
                      ("role", "roles"), ("bank", "banks"), ("process", "processes")):
        for x in lib.get(key, []):
            items.append({"kind": kind, "id": x["id"], "title": x["title"]})
    return items


# ---- the checks -------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, fn, *args):
        """Run one check; fn returns None or a note, or raises Failure."""
        try:
            note = fn(*args)
        except Failure as e:
            self.failed += 1
            print("FAIL %s: %s" % (name, e))
            return False
        except Exception as e:  # a bug here is a failure, not a crash
            self.failed += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
            return False
        self.passed += 1
        print("ok   %s%s" % (name, " (%s)" % note if note else ""))
        return True


def main(argv):
    write_examples = False
    if argv[1:2] == ["--write-examples"]:
        write_examples = True
        argv = argv[:1] + argv[2:]
    if len(argv) != 3:
        print("usage: validate.py [--write-examples] RUBRIC SOURCE_DIR", file=sys.stderr)
        return 2
    rubric = os.path.abspath(argv[1])
    src = Path(argv[2]).resolve()
    schema_dir = src / "engine" / "schemas"
    examples_dir = schema_dir / "examples"
    invalid_dir = src / "tests" / "schema" / "invalid"
    example_lib = src / "tests" / "schema" / "example-library"

    checks = Checks()
    schemas = {}
    for kind in KINDS:
        def load_schema(kind=kind):
            s = load_json_file(schema_dir / ("%s.schema.json" % kind))
            try:
                Draft202012Validator.check_schema(s)
            except jsonschema.exceptions.SchemaError as e:
                raise Failure(describe(e))
            schemas[kind] = s
        checks.run("schema %s.schema.json is a valid draft 2020-12 schema" % kind,
                   load_schema)
    if len(schemas) != len(KINDS):
        print("%d passed, %d failed" % (checks.passed, checks.failed))
        return 1
    validators = make_validators(schemas)

    def valid(kind, doc):
        errors = schema_errors(validators[kind], doc)
        if errors:
            more = " (and %d more)" % (len(errors) - 3) if len(errors) > 3 else ""
            raise Failure("; ".join(describe(e) for e in errors[:3]) + more)

    if write_examples:
        return regenerate_examples(rubric, example_lib, examples_dir, valid)

    tmp = tempfile.TemporaryDirectory(prefix="rubric-schema-")
    try:
        run_library_checks(checks, rubric, src, Path(tmp.name), valid)
        run_example_checks(checks, rubric, example_lib, examples_dir, valid)
        run_invalid_checks(checks, invalid_dir, validators)
        run_answers_checks(checks, rubric, src, Path(tmp.name), valid, validators,
                           example_lib, examples_dir, invalid_dir)
        run_plan_checks(checks, rubric, src, schema_dir, Path(tmp.name))
        run_devplan_checks(checks, rubric, src, Path(tmp.name), valid, invalid_dir)
        run_discussion_checks(checks, rubric, src, Path(tmp.name), valid, invalid_dir)
        run_panel_checks(checks, rubric, src, valid)
    finally:
        tmp.cleanup()
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed else 0


def run_library_checks(checks, rubric, src, tmp, valid):
    docs = {}

    def export():
        docs["library"] = run_rubric(rubric, ["export"], src)
        valid("library", docs["library"])
        lib = docs["library"]
        return "%d scales, %d competencies, %d roles, %d banks" % (
            len(lib["scales"]), len(lib["competencies"]), len(lib["roles"]),
            len(lib["banks"]))
    have_export = checks.run("rubric export: valid rubric.library/1", export)

    def recompute():
        expected = library_hash(docs["library"])
        if expected is None:
            return "not recomputable: a competency has a scoring function"
        if expected != docs["library"]["hash"]:
            raise Failure("export says %s, its content hashes to %s" % (
                docs["library"]["hash"], expected))
    def invariants():
        problems = library_problems(docs["library"])
        if problems:
            raise Failure("; ".join(problems[:5]))
    if have_export:
        checks.run("rubric export: hash recomputed from the definitions matches",
                   recompute)
        checks.run("rubric export: ids unique, references and levels consistent",
                   invariants)

    def listing():
        doc = run_rubric(rubric, ["list", "--format", "json"], src)
        valid("list", doc)
        docs["list"] = doc
        return "%d items" % len(doc["items"])
    if not checks.run("rubric list --format json: valid rubric.list/1", listing):
        return

    def list_agrees():
        if docs["list"]["hash"] != docs["library"]["hash"]:
            raise Failure("hash %s differs from the export's %s" % (
                docs["list"]["hash"], docs["library"]["hash"]))
        want = list_from_library(docs["library"])
        if docs["list"]["items"] != want:
            diff = [(a, b) for a, b in zip(docs["list"]["items"], want) if a != b]
            raise Failure("items differ from the export's definitions%s" % (
                ": list has %s, export %s" % diff[0] if diff else
                ": %d items, export has %d" % (len(docs["list"]["items"]), len(want))))
    if have_export:
        checks.run("rubric list --format json: same hash and items as the export",
                   list_agrees)

    keys = {"scale": "scales", "competency": "competencies", "role": "roles",
            "bank": "banks", "process": "processes"}
    for entry in docs["list"]["items"]:
        def show(entry=entry):
            doc = run_rubric(rubric, ["show", entry["id"], "--format", "json"], src)
            valid("item", doc)
            if doc["kind"] != entry["kind"]:
                raise Failure("kind %r, list says %r" % (doc["kind"], entry["kind"]))
            if not have_export:
                return None
            lib = docs["library"]
            if doc["hash"] != lib["hash"]:
                raise Failure("hash differs from the export's")
            same = [x for x in lib[keys[entry["kind"]]] if x["id"] == entry["id"]]
            if [doc["item"]] != same:
                raise Failure("item differs from its definition in the export")
            if entry["kind"] == "competency":
                scale = [s for s in lib["scales"] if s["id"] == doc["item"]["scale"]]
                if [doc["scale"]] != scale:
                    raise Failure("scale differs from scale %r in the export" %
                                  doc["item"]["scale"])
        checks.run("rubric show %s --format json: valid rubric.item/1, agrees "
                   "with the export" % entry["id"], show)

    def check_library():
        doc = run_rubric(rubric, ["check", "--format", "json"], src)
        valid("diagnostics", doc)
        if not doc["ok"] or doc["errors"]:
            raise Failure("the library has errors")
        return "files: %d, warnings: %d" % (doc["files"], doc["warnings"])
    checks.run("rubric check --format json (library): valid rubric.diagnostics/1",
               check_library)

    def check_broken():
        path = tmp / "broken.lua"
        path.write_text(BROKEN_RUBRIC, encoding="utf-8")
        doc = run_rubric(rubric, ["check", "--format", "json", str(path)], src,
                         expect_status=1)
        valid("diagnostics", doc)
        diags = doc["diagnostics"]
        if doc["ok"] or doc["errors"] == 0:
            raise Failure("no errors reported for a broken file")
        if not any(d["file"] == str(path) for d in diags):
            raise Failure("no diagnostic names %s" % path)
        if not any("detail" in d for d in diags):
            raise Failure("no diagnostic has a detail (the bad pattern)")
        counts = (sum(d["severity"] == "error" for d in diags),
                  sum(d["severity"] == "warning" for d in diags))
        if counts != (doc["errors"], doc["warnings"]):
            raise Failure("errors/warnings %s do not count the diagnostics %s" % (
                (doc["errors"], doc["warnings"]), counts))
        return "errors: %d, warnings: %d" % (doc["errors"], doc["warnings"])
    checks.run("rubric check --format json (erroneous file): valid "
               "rubric.diagnostics/1", check_broken)


def generate_examples(rubric, example_lib, examples_dir):
    """The example documents as the engine writes them for example-library.
    sheet.json is the scoring sheet of the hand-written examples/answers.json,
    scored in a temporary folder so that its "source" is "answers.json"."""
    out = {}
    for name, args in EXAMPLE_RUNS.items():
        out[name] = run_rubric(rubric, args, example_lib)
    with tempfile.TemporaryDirectory(prefix="rubric-schema-") as tmp:
        Path(tmp, "broken.lua").write_text(BROKEN_RUBRIC, encoding="utf-8")
        out["diagnostics-errors.json"] = run_rubric(
            rubric, ["check", "--format", "json", "broken.lua"], tmp,
            expect_status=1, library=str(example_lib / "rubrics"))
        answers = examples_dir / "answers.json"
        if not answers.exists():
            raise Failure("%s is missing: it is written by hand, not generated" % answers)
        Path(tmp, "answers.json").write_bytes(answers.read_bytes())
        out["sheet.json"] = run_rubric(
            rubric, ["score", "--format", "json", "answers.json"], tmp,
            library=str(example_lib / "rubrics"))
    out.update(devplan_examples(rubric, example_lib))
    out.update(discussion_examples(rubric, example_lib))
    out.update(panel_examples(rubric, example_lib, examples_dir))
    return out


def regenerate_examples(rubric, example_lib, examples_dir, valid):
    try:
        docs = generate_examples(rubric, example_lib, examples_dir)
        examples_dir.mkdir(parents=True, exist_ok=True)
        for name, doc in docs.items():
            valid(kind_of_file(name), doc)
            text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
            (examples_dir / name).write_text(text, encoding="utf-8")
            print("wrote %s" % (examples_dir / name))
    except Failure as e:
        print("validate.py: %s" % e, file=sys.stderr)
        return 1
    return 0


def run_example_checks(checks, rubric, example_lib, examples_dir, valid):
    files = sorted(examples_dir.glob("*.json"))
    if not files:
        checks.run("examples", lambda: (_ for _ in ()).throw(
            Failure("no examples in %s" % examples_dir)))
    stored = {}
    for f in files:
        def example(f=f):
            kind = kind_of_file(f)
            if kind not in KINDS:
                raise Failure("name does not start with one of %s" % ", ".join(KINDS))
            stored[f.name] = load_json_file(f)
            valid(kind, stored[f.name])
        checks.run("example %s: valid" % f.name, example)

    def current():
        try:
            fresh = generate_examples(rubric, example_lib, examples_dir)
        except Failure as e:
            raise Failure("cannot generate: %s" % e)
        # Diagnostics wording changes often; only their validity matters.
        fresh.pop("diagnostics-errors.json", None)
        stale = [n for n, doc in sorted(fresh.items()) if stored.get(n) != doc]
        if stale:
            raise Failure("%s differ from the engine's output for "
                          "tests/schema/example-library; run validate.py "
                          "--write-examples RUBRIC SOURCE_DIR" % ", ".join(stale))
        lib = stored.get("library.json")
        if lib and library_hash(lib) != lib["hash"]:
            raise Failure("library.json: hash does not match its content")
        return "%d examples" % len(fresh)
    checks.run("examples match the engine's output for the example library",
               current)


def run_invalid_checks(checks, invalid_dir, validators):
    expected = {}
    listing = invalid_dir / "expected-keywords.txt"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].split()
            if len(line) >= 2 and line[1] != "-":
                expected[line[0]] = line[1]
    files = sorted(invalid_dir.glob("*.json"))
    if len(files) < 3:
        checks.run("invalid examples", lambda: (_ for _ in ()).throw(
            Failure("fewer than three invalid examples in %s" % invalid_dir)))
    for f in files:
        def invalid(f=f):
            kind = kind_of_file(f)
            if kind not in KINDS:
                raise Failure("name does not start with one of %s" % ", ".join(KINDS))
            doc = load_json_file(f)
            errors = schema_errors(validators[kind], doc)
            if not errors:
                raise Failure("passed validation but must fail")
            want = expected.get(f.name)
            if want and not any(str(e.validator) == want for e in walk_errors(errors)):
                raise Failure("fails, but not by %r: %s" % (want, describe(errors[0])))
            best = jsonschema.exceptions.best_match(errors)
            return describe(best)
        checks.run("invalid %s: rejected" % f.name, invalid)


# ---- recorded answers and scoring sheets ----------------------------------------

def run_score(rubric, args, cwd, library, expect_status=0):
    """Run `rubric score ARGS`; return (stdout bytes, stderr text). Warnings
    on standard error are allowed (a sample may carry an older library hash);
    with expect_status 0 errors are not."""
    env = dict(os.environ)
    env["RUBRIC_LIBRARY"] = str(library)
    what = "rubric score " + " ".join(str(a) for a in args)
    try:
        p = subprocess.run([rubric, "score"] + [str(a) for a in args], cwd=cwd,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Failure("cannot run %s: %s" % (what, e))
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != expect_status:
        raise Failure("%s exited with %d, expected %d; stderr: %s" % (
            what, p.returncode, expect_status, err.strip()[:500]))
    if expect_status == 0 and ": error: " in err:
        raise Failure("%s reported errors: %s" % (what, err.strip()[:500]))
    return p.stdout, err


def median_low(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2] if values else None


def sheet_problems(answers, sheet):
    """What a sheet says that does not follow from its answers document."""
    problems = []

    def same(what, got, want):
        if got != want:
            problems.append("%s is %r, the answers say %r" % (what, got, want))

    same("candidate.id", sheet["candidate"]["id"], answers["candidate"]["id"])
    same("candidate.name", sheet["candidate"]["name"], answers["candidate"].get("name"))
    same("role.id", sheet["role"]["id"], answers["role"])
    same("interviewer", sheet["interviewer"], answers.get("interviewer"))
    same("date", sheet["date"], answers.get("date"))
    same("recorded_with", sheet["recorded_with"], answers.get("library"))
    given = answers["answers"]
    if len(sheet["answers"]) != len(given):
        problems.append("%d answers, the document has %d" % (
            len(sheet["answers"]), len(given)))
        return problems
    comp_of = []
    for i, (a, r) in enumerate(zip(given, sheet["answers"])):
        same("answers[%d].question" % i, r["question"], a.get("question"))
        same("answers[%d].rating" % i, r["rating"], a.get("rating"))
        if a.get("competency") is not None:
            same("answers[%d].competency" % i, r["competency"], a["competency"])
        comp_of.append(r["competency"])
    seen = set()
    for c in sheet["competencies"]:
        cid = c["id"]
        if cid in seen:
            problems.append("competency %r has two results" % cid)
        seen.add(cid)
        mine = [i for i, x in enumerate(comp_of) if x == cid]
        same("%s.answers" % cid, c["answers"], len(mine))
        same("%s.notes" % cid, c["notes"],
             [given[i]["notes"] for i in mine if given[i].get("notes") is not None])
        same("%s.rating" % cid, c["rating"],
             median_low([given[i]["rating"] for i in mine
                         if given[i].get("rating") is not None]))
        for lv in c["levels"]:
            for b in lv["behaviours"]:
                if not b["id"].startswith("%s.L%d." % (cid, lv["number"])):
                    problems.append("behaviour %r under %s level %d" % (
                        b["id"], cid, lv["number"]))
                for e in b["evidence"]:
                    where = "evidence for %s" % b["id"]
                    if e["answer"] >= len(given) or comp_of[e["answer"]] != cid:
                        problems.append("%s: answer %d is not about %s" % (
                            where, e["answer"], cid))
                        continue
                    a = given[e["answer"]]
                    same(where + ": question", e["question"], a.get("question"))
                    if e["kind"] == "observed":
                        if b["id"] not in (a.get("observed") or []):
                            problems.append("%s: observed, but answer %d does not list "
                                            "it" % (where, e["answer"]))
                        continue
                    if e["part"] == "answer":
                        text = a["text"]
                    else:
                        k = int(e["part"].split(":")[0].split()[1]) - 1
                        probes = a.get("probes") or []
                        if k >= len(probes):
                            problems.append("%s: %s, the answer has %d probes" % (
                                where, e["part"], len(probes)))
                            continue
                        text = probes[k]["text"]
                        if probes[k].get("probe"):
                            same(where + ": part", e["part"],
                                 "probe %d: %s" % (k + 1, probes[k]["probe"]))
                    raw = text.encode("utf-8")
                    if not 0 <= e["start"] <= e["end"] <= len(raw):
                        problems.append("%s: span %d..%d outside the text (%d bytes)" % (
                            where, e["start"], e["end"], len(raw)))
                    elif raw[e["start"]:e["end"]] != e["quote"].encode("utf-8"):
                        problems.append("%s: quote %r is not bytes %d..%d of its text" % (
                            where, e["quote"][:60], e["start"], e["end"]))
        if c["result"] != "not required":
            same("%s.gap" % cid, c["gap"],
                 None if c["final"] is None else c["final"] - c["target"])
    for i, a in enumerate(given):
        if a.get("competency") is None and a.get("question"):
            if not a["question"].startswith(comp_of[i] + ".L"):
                problems.append("answers[%d]: competency %r, question %r" % (
                    i, comp_of[i], a["question"]))
    needed = [c for c in sheet["competencies"] if c["result"] != "not required"]
    same("strengths", sheet["strengths"],
         [c["id"] for c in needed if c["result"] == "strength"])
    same("development", sheet["development"],
         [{"id": c["id"], "gap": c["gap"]} for c in needed if c["result"] != "strength"])
    return problems


# Messages of the answers reader, by what the schema can know about them.
# LOOKUP: an id of the right shape that the library lacks, or a level not on
# its scale: the schema cannot see these, so a document with only these
# errors must pass it. SHAPE_LOOKUP: an id of another kind, which the schema
# may or may not see from its shape. NOT_SCHEMA: limits of the text itself.
# Every other error message is about the document's structure, types or
# values, and the schema must reject the document.
LOOKUP = re.compile(r"unknown (competency|role|question|probe|behaviour) '|"
                    r"belongs to (competency|another question) '?|"
                    r"level -?\d+ is not on scale '")
SHAPE_LOOKUP = re.compile(r"' is an? [a-z ]+, not an? [a-z]+$|is a question of a bank")
NOT_SCHEMA = re.compile(r"malformed JSON|the document is \d+ bytes|file is \d+ bytes")


def check_score_cases(src, validators):
    """The answers schema against the reader, on the tests/score cases: each
    case's expected standard error says what the reader found in its
    answers.json. Returns (number of cases compared, problems)."""
    problems = []
    compared = 0
    for case in sorted((src / "tests" / "score").glob("*/answers.json")):
        name = case.parent.name
        rel = "tests/score/%s/answers.json" % name
        status_file = case.parent / "status"
        status = int(status_file.read_text()) if status_file.exists() else 0
        stderr_file = case.parent / "stderr"
        lines = stderr_file.read_text(encoding="utf-8").splitlines() \
            if stderr_file.exists() else []
        errors = [l.split(": error: ", 1)[1] for l in lines
                  if l.startswith(rel + ":") and ": error: " in l]
        if any(NOT_SCHEMA.search(m) for m in errors) or status not in (0, 1):
            continue
        try:
            doc = parse_json(case.read_bytes(), rel)
        except Failure:
            continue
        compared += 1
        schema_errors_ = schema_errors(validators["answers"], doc)
        structural = [m for m in errors
                      if not LOOKUP.search(m) and not SHAPE_LOOKUP.search(m)]
        only_lookups = all(LOOKUP.search(m) for m in errors)
        if status == 0 or only_lookups:
            if schema_errors_:
                problems.append("%s: the reader finds %s, the schema rejects it: %s" % (
                    name, "no error" if not errors else "only lookup errors",
                    describe(schema_errors_[0])))
        elif structural and not schema_errors_:
            problems.append("%s: the schema accepts it, the reader says: %s" % (
                name, structural[0]))
    return compared, problems


def run_answers_checks(checks, rubric, src, tmp, valid, validators, example_lib,
                       examples_dir, invalid_dir):
    example_rubrics = example_lib / "rubrics"

    def example_accepted():
        path = examples_dir / "answers.json"
        run_score(rubric, [path], example_lib, example_rubrics)
        return "scored against tests/schema/example-library"
    checks.run("example answers.json: accepted by rubric score", example_accepted)

    samples = sorted((src / "rubrics" / "samples").glob("*.json"))
    if not samples:
        print("note rubrics/samples/*.json: none yet; only the example answers "
              "are scored")
    sheets = {}
    for sample in samples:
        rel = sample.relative_to(src)

        def one(sample=sample, rel=rel):
            doc = load_json_file(sample)
            valid("answers", doc)
            out, err = run_score(rubric, ["--format", "json", rel], src, "rubrics")
            sheet = parse_json(out, "sheet of %s" % rel)
            valid("sheet", sheet)
            problems = sheet_problems(doc, sheet)
            if problems:
                raise Failure("; ".join(problems[:5]))
            sheets[sample] = (doc, sheet)
            return "%d answers, fit %s%s" % (len(doc["answers"]), sheet["fit"],
                                              ", with warnings" if err else "")
        checks.run("sample %s: valid rubric.answers/1, its sheet valid "
                   "rubric.sheet/1 and agreeing with it" % rel, one)

    # Several files and --batch: the samples, or the example twice.
    if len(sheets) >= 2:
        files = [s.relative_to(src) for s in sheets]
        cwd, library = src, "rubrics"
        singles = [sheet for _, sheet in sheets.values()]
        docs = [doc for doc, _ in sheets.values()]
    else:
        ex = examples_dir / "answers.json"
        files, cwd, library = [ex, ex], example_lib, example_rubrics
        singles = None
        docs = [load_json_file(ex)] * 2

    def several():
        out, _ = run_score(rubric, ["--format", "json"] + files, cwd, library)
        doc = parse_json(out, "sheets of %d files" % len(files))
        valid("sheet", doc)
        if not isinstance(doc, list) or len(doc) != len(files):
            raise Failure("not an array of %d sheets" % len(files))
        if singles is not None and doc != singles:
            raise Failure("the sheets differ from those of one file at a time")
        return "%d files" % len(files)
    checks.run("rubric score --format json with several files: an array of valid "
               "rubric.sheet/1", several)

    def batch():
        lines = tmp / "answers.jsonl"
        lines.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                         encoding="utf-8")
        out, _ = run_score(rubric, ["--batch", lines], cwd, library)
        got = out.decode("utf-8").splitlines()
        if len(got) != len(docs):
            raise Failure("%d lines for %d documents" % (len(got), len(docs)))
        for i, (line, doc) in enumerate(zip(got, docs), 1):
            sheet = parse_json(line.encode("utf-8"), "line %d" % i)
            valid("sheet", sheet)
            problems = sheet_problems(doc, sheet)
            if problems:
                raise Failure("line %d: %s" % (i, "; ".join(problems[:3])))
            if singles is not None:
                one = dict(singles[i - 1], source=sheet["source"])
                if sheet != one:
                    raise Failure("line %d differs from the sheet of the file" % i)
        return "%d lines" % len(got)
    checks.run("rubric score --batch: every line a valid rubric.sheet/1", batch)

    for f in sorted(invalid_dir.glob("answers-*.json")):
        def refused(f=f):
            out, err = run_score(rubric, [f], example_lib, example_rubrics,
                                 expect_status=1)
            errors = [l for l in err.splitlines() if ": error: " in l]
            if len(errors) != 1:
                raise Failure("%d errors, expected exactly one: %s" % (
                    len(errors), " | ".join(errors)[:500]))
            return errors[0].split(": error: ", 1)[1]
        checks.run("invalid %s: refused by rubric score too" % f.name, refused)

    def score_cases():
        compared, problems = check_score_cases(src, validators)
        if problems:
            raise Failure("; ".join(problems[:5]) + (
                " (and %d more)" % (len(problems) - 5) if len(problems) > 5 else ""))
        if compared == 0:
            raise Failure("no tests/score/*/answers.json to compare")
        return "%d cases" % compared
    checks.run("answers.schema.json agrees with the reader on tests/score cases",
               score_cases)


# ---- interview plans (rubric.plan/1) ------------------------------------------------

def plan_problems(lib, plan):
    problems = []
    roles = {r["id"]: r for r in lib["roles"]}
    comps = {c["id"]: c for c in lib["competencies"]}
    if plan["library"] != lib["hash"]:
        problems.append("library %s, the export says %s" % (plan["library"], lib["hash"]))
    role = roles.get(plan["role"]["id"])
    if role is None:
        return problems + ["unknown role %r" % plan["role"]["id"]]
    if plan["role"]["minutes"] != role["minutes"]:
        problems.append("role minutes %d, not %d" % (plan["role"]["minutes"], role["minutes"]))
    total = plan["opening"]["minutes"] + plan["closing"]["minutes"] + sum(
        c["minutes"] for c in plan["competencies"])
    if total != role["minutes"]:
        problems.append("budgets add up to %d, not %d" % (total, role["minutes"]))
    needs = [(n["competency"], n["target"]) for n in role["needs"]]
    got = [(c["id"], c["target"]) for c in plan["competencies"]]
    if needs != got:
        problems.append("competencies %r, the role needs %r" % (got, needs))
    for pc in plan["competencies"]:
        c = comps.get(pc["id"])
        if c is None:
            continue
        levels = {l["number"]: l for l in c["levels"]}
        want = [n for n in (pc["target"], pc["target"] + 1)
                if n in levels and levels[n]["questions"]]
        if [q["level"] for q in pc["questions"]] != want:
            problems.append("%s: questions at levels %r, expected %r" % (
                pc["id"], [q["level"] for q in pc["questions"]], want))
            continue
        for q in pc["questions"]:
            lq = {x["id"]: x for x in levels[q["level"]]["questions"]}.get(q["id"])
            if lq is None:
                problems.append("%s: %r is not a question of level %d" % (
                    pc["id"], q["id"], q["level"]))
            elif lq["text"] != q["text"] or lq["probes"] != q["probes"]:
                problems.append("%s: %r differs from the library" % (pc["id"], q["id"]))
    return problems


def run_plan_checks(checks, rubric, src, schema_dir, tmp):
    box = {}

    def load():
        s = load_json_file(schema_dir / "plan.schema.json")
        try:
            Draft202012Validator.check_schema(s)
        except jsonschema.exceptions.SchemaError as e:
            raise Failure(describe(e))
        box["validator"] = Draft202012Validator(s)
        box["library"] = run_rubric(rubric, ["export"], src)
    if not checks.run("schema plan.schema.json is a valid draft 2020-12 schema", load):
        return
    for role in box["library"]["roles"]:
        for seed in ("1", "2"):
            def one(role=role["id"], seed=seed):
                args = ["plan", "--role", role, "--seed", seed]
                plan = run_rubric(rubric, args, src)
                errors = schema_errors(box["validator"], plan)
                if errors:
                    raise Failure("; ".join(describe(e) for e in errors[:3]))
                problems = plan_problems(box["library"], plan)
                if problems:
                    raise Failure("; ".join(problems[:3]))
                if run_rubric(rubric, args, src) != plan:
                    raise Failure("a second run with the same seed differs")
                path = tmp / ("plan-%s-%s.json" % (role, seed))
                path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
                env = dict(os.environ, RUBRIC_LIBRARY="rubrics")
                for fmt in ("md", "html"):
                    p = subprocess.run([rubric, "guide", "--format", fmt, str(path)],
                                       cwd=src, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, timeout=120)
                    if p.returncode != 0 or p.stderr:
                        raise Failure("rubric guide --format %s: exit %d: %s" % (
                            fmt, p.returncode, p.stderr.decode("utf-8", "replace")[:300]))
                return "%d competencies, %d minutes" % (
                    len(plan["competencies"]), plan["role"]["minutes"])
            checks.run("rubric plan --role %s --seed %s: valid rubric.plan/1" % (
                role["id"], seed), one)


# ---- development plans (rubric.devplan/1) ------------------------------------------

DEVPLAN_TODAY = "2025-03-03"


def run_develop(rubric, args, cwd, library, expect_status=0):
    """Run rubric with RUBRIC_TODAY fixed; return (stdout bytes, stderr text).
    Warnings on standard error are allowed (a one-competency plan)."""
    env = dict(os.environ, RUBRIC_LIBRARY=str(library), RUBRIC_TODAY=DEVPLAN_TODAY)
    try:
        p = subprocess.run([rubric] + [str(a) for a in args], cwd=cwd, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Failure("cannot run %s: %s" % (rubric, e))
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != expect_status:
        raise Failure("rubric %s exited with %d, expected %d: %s" % (
            " ".join(map(str, args)), p.returncode, expect_status, err.strip()[:500]))
    if expect_status == 0 and ": error: " in err:
        raise Failure("rubric %s reported an error: %s" % (" ".join(map(str, args)), err[:500]))
    return p.stdout, err


def devplan_examples(rubric, example_lib):
    """devplan.json: tests/develop/example-plan.txt entered against the example
    library; devplan-shared.json: its export for the next-level leader."""
    script = example_lib.parent.parent / "develop" / "example-plan.txt"
    out = {}
    with tempfile.TemporaryDirectory(prefix="rubric-schema-") as tmp:
        plan = Path(tmp, "devplan.json")
        run_develop(rubric, ["develop", "--role", "team-lead", "--person", "Robin Example",
                             "--manager", "Casey Example", "--script", script, "-o", plan],
                    tmp, example_lib / "rubrics")
        out["devplan.json"] = load_json_file(plan)
        shared, _ = run_develop(rubric, ["share", plan], tmp, example_lib / "rubrics")
        out["devplan-shared.json"] = parse_json(shared, "output of rubric share")
    return out


def shared_part_of(plan):
    """What `rubric share` must write for a full plan: the shared parts only."""
    comps = {c["id"]: c["share"] for c in plan["competencies"]}
    doc = {k: v for k, v in plan.items() if k not in ("timeframe", "followup")}
    doc["view"] = "shared"
    for key in ("competencies", "barriers", "support"):
        doc[key] = [x for x in plan[key] if x["share"]]
    doc["actions"] = [dict(a, competency=a["competency"] if comps.get(a["competency"]) else None)
                      for a in plan["actions"] if a["share"]]
    for key in ("timeframe", "followup"):
        if key in plan and plan[key]["share"]:
            doc[key] = plan[key]
    return doc


def run_devplan_checks(checks, rubric, src, tmp, valid, invalid_dir):
    script = src / "tests" / "develop" / "cases" / "develop-script" / "plan.txt"
    box = {}

    def develop():
        plan = tmp / "devplan-shipped.json"
        run_develop(rubric, ["develop", "--role", "people-manager", "--person", "Jordan Lee",
                             "--manager", "Sam Park", "--script", script, "-o", plan],
                    src, "rubrics")
        if plan.stat().st_mode & 0o777 != 0o600:
            raise Failure("the plan was written with mode %o, not 600" % (
                plan.stat().st_mode & 0o777))
        box["plan"] = load_json_file(plan)
        box["path"] = plan
        valid("devplan", box["plan"])
        doc = box["plan"]
        return "%d competencies, %d actions" % (len(doc["competencies"]), len(doc["actions"]))
    if not checks.run("rubric develop --script: valid rubric.devplan/1", develop):
        return

    def shared():
        out, _ = run_develop(rubric, ["share", box["path"]], src, "rubrics")
        doc = parse_json(out, "output of rubric share")
        valid("devplan", doc)
        want = shared_part_of(box["plan"])
        if doc != want:
            raise Failure("the export differs from the plan's shared parts")
        again, _ = run_develop(rubric, ["develop", "show", "--format", "json", box["path"]],
                               src, "rubrics")
        if parse_json(again, "output of rubric develop show") != box["plan"]:
            raise Failure("rubric develop show --format json does not give the plan back")
        return "%d of %d actions shared" % (len(doc["actions"]), len(box["plan"]["actions"]))
    checks.run("rubric share PLAN: valid rubric.devplan/1 holding only the shared parts",
               shared)

    for f in sorted(invalid_dir.glob("devplan-*.json")):
        def refused(f=f):
            _, err = run_develop(rubric, ["develop", "show", "--format", "json", f], src,
                                 "rubrics", expect_status=1)
            errors = [l for l in err.splitlines() if ": error: " in l]
            if not errors:
                raise Failure("no error reported")
            return errors[0].split(": error: ", 1)[1]
        checks.run("invalid %s: refused by rubric develop show too" % f.name, refused)


# ---- interview panels (rubric.panel/1) ------------------------------------------

def panel_examples(rubric, example_lib, examples_dir):
    """panel.json: the hand-written examples/answers.json and the same answers
    rated by a second interviewer, brought together."""
    answers = load_json_file(examples_dir / "answers.json")
    second = dict(answers, interviewer="Kim Ode")
    second["answers"] = [dict(a, rating=3) if "rating" in a else a
                         for a in answers["answers"]]
    with tempfile.TemporaryDirectory(prefix="rubric-schema-") as tmp:
        Path(tmp, "answers.json").write_text(json.dumps(answers), encoding="utf-8")
        Path(tmp, "answers-kim.json").write_text(json.dumps(second), encoding="utf-8")
        doc = run_rubric(rubric, ["panel", "--format", "json", "answers.json",
                                  "answers-kim.json"], tmp,
                         library=str(example_lib / "rubrics"))
    return {"panel.json": doc}


def lower_median(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2] if values else None


def panel_problems(panel, sheets):
    """What the schema cannot say: the consolidation recomputed from the
    interviewers' own scoring sheets (`sheets`: source -> rubric.sheet/1)."""
    problems = []
    deviations = {}
    for cand in panel["candidates"]:
        names = [iv["interviewer"] for iv in cand["interviews"]]
        for comp in cand["competencies"]:
            where = "%s/%s" % (cand["id"], comp["id"])
            if [r["interviewer"] for r in comp["ratings"]] != names:
                problems.append("%s: ratings not in the interviews' order" % where)
            for iv, r in zip(cand["interviews"], comp["ratings"]):
                sheet = sheets[iv["source"]]
                own = [c for c in sheet["competencies"] if c["id"] == comp["id"]]
                want = (own[0]["rating"], own[0]["suggested"]) if own else (None, None)
                if (r["rating"], r["suggested"]) != want:
                    problems.append("%s: %s's rating and suggestion %r, their sheet says %r"
                                    % (where, r["interviewer"],
                                       (r["rating"], r["suggested"]), want))
            ratings = [r["rating"] for r in comp["ratings"] if r["rating"] is not None]
            suggested = [r["suggested"] for r in comp["ratings"] if r["suggested"] is not None]
            consensus = lower_median(ratings)
            evidence = lower_median(suggested)
            final = consensus if consensus is not None else evidence
            want = {"rated": len(ratings), "consensus": consensus, "evidence": evidence,
                    "spread": max(ratings) - min(ratings) if ratings else None,
                    "final": final,
                    "gap": final - comp["target"] if final is not None else None}
            for k, v in want.items():
                if comp[k] != v:
                    problems.append("%s: %s is %r, expected %r" % (where, k, comp[k], v))
            if len(ratings) >= 2:
                for r in comp["ratings"]:
                    if r["rating"] is not None:
                        deviations.setdefault(r["interviewer"].lower(), []).append(
                            r["rating"] - consensus)
            on_agenda = any(a["competency"] == comp["id"] for a in cand["agenda"])
            apart = bool(ratings) and max(ratings) - min(ratings) >= 2
            if apart and not on_agenda:
                problems.append("%s: ratings two apart but not on the agenda" % where)
    for who in panel["interviewers"]:
        dev = deviations.get(who["name"].lower(), [])
        if who["compared"] != len(dev) or who["deviation_sum"] != sum(dev):
            problems.append("%s: compared %d, deviation_sum %d; expected %d, %d" % (
                who["name"], who["compared"], who["deviation_sum"], len(dev), sum(dev)))
        elif dev and abs(who["leniency"] - sum(dev) / len(dev)) > 1e-6:
            problems.append("%s: leniency %r, expected %r" % (
                who["name"], who["leniency"], sum(dev) / len(dev)))
    needs = [c["id"] for c in panel["candidates"][0]["competencies"]]
    if [a["competency"] for a in panel["agreement"]] != needs:
        problems.append("agreement: not one entry per competency of the role")
    return problems


def run_panel_checks(checks, rubric, src, valid):
    """`rubric panel --format json` on the fixtures in tests/fixtures/panel:
    one candidate (three interviewers) and the campaign (three candidates),
    against panel.schema.json and against the interviewers' own sheets."""
    fixtures = src / "tests" / "fixtures" / "panel"
    files = sorted(fixtures.glob("*.json"))
    one = [f for f in files if f.name.startswith("alex-morgan--")]
    for what, chosen in (("one candidate", one), ("campaign", files)):
        def check(chosen=chosen):
            if not chosen:
                raise Failure("no fixtures in %s" % fixtures)
            rel = [str(f.relative_to(src)) for f in chosen]
            panel = run_rubric(rubric, ["panel", "--format", "json"] + rel, src)
            valid("panel", panel)
            sheets = {}
            for r in rel:
                sheets[r] = run_rubric(rubric, ["score", "--format", "json", r], src)
            problems = panel_problems(panel, sheets)
            if problems:
                raise Failure("; ".join(problems[:3]))
            return "candidates %d, interviewers %d" % (
                len(panel["candidates"]), len(panel["interviewers"]))
        checks.run("rubric panel --format json, %s: valid rubric.panel/1, consistent "
                   "with the sheets" % what, check)


# ---- competency assessments and discussions ---------------------------------------

EXAMPLE_SELF = "/level 2\nI summarised the last team meeting back to the group.\n/share yes\n/done\n"
EXAMPLE_MANAGER = "/level 1\nRobin talked over a colleague twice in the planning meeting.\n/done\n"


def run_assess(rubric, args, cwd, library, script):
    """rubric assess with a script on standard input and today fixed."""
    env = dict(os.environ, RUBRIC_LIBRARY=str(library), RUBRIC_TODAY=DEVPLAN_TODAY)
    try:
        p = subprocess.run([rubric] + [str(a) for a in args], cwd=cwd, env=env,
                           input=script.encode("utf-8"), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Failure("cannot run %s: %s" % (rubric, e))
    if p.returncode != 0 or p.stderr:
        raise Failure("rubric %s exited with %d: %s" % (
            " ".join(map(str, args)), p.returncode,
            p.stderr.decode("utf-8", "replace").strip()[:500]))
    return p.stdout


def discussion_examples(rubric, example_lib):
    """assessment.json (a self-assessment), assessment-manager.json and
    discussion.json (the two side by side) for the example library."""
    lib = example_lib / "rubrics"
    out = {}
    with tempfile.TemporaryDirectory(prefix="rubric-schema-") as tmp:
        common = ["assess", "--role", "team-lead", "--person", "Robin Example", "--script", "-"]
        run_assess(rubric, common + ["--by", "self", "-o", "self.json"], tmp, lib,
                   EXAMPLE_SELF)
        run_assess(rubric, common + ["--by", "manager", "--assessor", "Casey Example",
                                     "-o", "manager.json"], tmp, lib, EXAMPLE_MANAGER)
        out["assessment.json"] = load_json_file(Path(tmp, "self.json"))
        out["assessment-manager.json"] = load_json_file(Path(tmp, "manager.json"))
        out["discussion.json"] = run_rubric(
            rubric, ["discuss", "self.json", "manager.json", "--format", "json"], tmp,
            library=str(lib))
    return out


def discussion_problems(lib, self_doc, manager_doc, disc):
    """What a schema cannot say about a rubric.discussion/1 document."""
    problems = []
    if disc["person"] != self_doc["person"]:
        problems.append("person %r, the assessments say %r" % (disc["person"], self_doc["person"]))
    role = next(r for r in lib["roles"] if r["id"] == self_doc["role"])
    if [c["competency"] for c in disc["competencies"]] != [n["competency"] for n in role["needs"]]:
        problems.append("competencies are not the role's, in its order")
    levels = {}
    for side, doc in (("self", self_doc), ("manager", manager_doc)):
        levels[side] = {c["competency"]: c for c in doc["competencies"]}
    groups = {"strength": [], "development": [], "to-settle": []}
    for c, need in zip(disc["competencies"], role["needs"]):
        cid = c["competency"]
        if c["target"] != need["target"]:
            problems.append("%s: target %d, the role says %d" % (cid, c["target"], need["target"]))
        s, m = levels["self"].get(cid), levels["manager"].get(cid)
        for name, side, doc in (("self", c["self"], s), ("manager", c["manager"], m)):
            if (side is None) != (doc is None) or (doc and (
                    side["level"] != doc["level"] or side["examples"] != doc["examples"])):
                problems.append("%s: the %s side is not the assessment's" % (cid, name))
        if s and m:
            lo, hi = sorted((s["level"], m["level"]))
            want = ("strength" if lo == hi and lo >= c["target"] else
                    "development" if hi < c["target"] else "to-settle")
            if c["difference"] != m["level"] - s["level"]:
                problems.append("%s: difference %r" % (cid, c["difference"]))
        else:
            want = "to-settle"
        if c["group"] != want:
            problems.append("%s: group %s, expected %s" % (cid, c["group"], want))
        groups[c["group"]].append(cid)
    if disc["strengths"] != groups["strength"]:
        problems.append("strengths %s, expected %s" % (disc["strengths"], groups["strength"]))
    if disc["to_settle"] != groups["to-settle"]:
        problems.append("to_settle %s, expected %s" % (disc["to_settle"], groups["to-settle"]))
    dev = disc["development"]
    if sorted(d["competency"] for d in dev) != sorted(groups["development"]):
        problems.append("development %s, expected %s" % (dev, groups["development"]))
    gaps = [(-d["gap_min"], -d["gap_max"]) for d in dev]
    if gaps != sorted(gaps):
        problems.append("development is not largest gap first")
    return problems


def run_discussion_checks(checks, rubric, src, tmp, valid, invalid_dir):
    fixtures = src / "tests" / "discuss" / "fixtures"
    box = {}

    def assess():
        for side, extra in (("self", []), ("manager", ["--assessor", "Alex Kim"])):
            path = tmp / ("assessment-%s.json" % side)
            script = (fixtures / ("sam-%s.txt" % side)).read_text(encoding="utf-8")
            run_assess(rubric, ["assess", "--role", "people-manager", "--person", "Sam Ortiz",
                                "--by", side, "--script", "-", "-o", path] + extra,
                       src, "rubrics", script)
            if path.stat().st_mode & 0o777 != 0o600:
                raise Failure("%s has mode %o, not 600" % (path.name, path.stat().st_mode & 0o777))
            box[side] = load_json_file(path)
            valid("assessment", box[side])
        return "both sides, mode 600"
    if not checks.run("rubric assess: valid rubric.assessment/1", assess):
        return

    def discuss():
        lib = run_rubric(rubric, ["export"], src)
        disc = run_rubric(rubric, ["discuss", str(tmp / "assessment-self.json"),
                                   str(tmp / "assessment-manager.json"), "--format", "json"], src)
        valid("discussion", disc)
        problems = discussion_problems(lib, box["self"], box["manager"], disc)
        if problems:
            raise Failure("; ".join(problems[:4]))
        return "%d competencies, %d steps" % (len(disc["competencies"]),
                                               len(disc["process"]["steps"]))
    checks.run("rubric discuss: valid rubric.discussion/1, groups and gaps consistent", discuss)

    # The schema and the reader agree on documents that must be refused.
    for f in sorted(invalid_dir.glob("assessment-*.json")):
        def refused(f=f):
            env = dict(os.environ, RUBRIC_LIBRARY="rubrics")
            p = subprocess.run([rubric, "discuss", str(f), str(tmp / "assessment-manager.json")],
                               cwd=src, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=120)
            if p.returncode != 1 or b": error: " not in p.stderr:
                raise Failure("rubric discuss exited with %d: %s" % (
                    p.returncode, p.stderr.decode("utf-8", "replace")[:300]))
        checks.run("rubric discuss refuses %s" % f.name, refused)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

