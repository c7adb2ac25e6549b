#!/usr/bin/env python3
"""The CSV scoring sheets, read the way a spreadsheet or a script reads them.

    check_csv.py RUBRIC SOURCE_DIR

Scores two answer files under tests/csv/ with `rubric score --format csv` and
parses the result with Python's csv module: the header, one row per candidate
and competency (both candidates, each competency of their roles, in order),
every value against the same sheets as rubric.sheet/1 JSON, RFC 4180 quoting
of a name holding a comma and a quote, CRLF line ends, text that looks like a
spreadsheet formula ("=SUM(A1)", "+44 ...") neutralised, and numbers (a gap
of "+1" or "-2" too) left as numbers. When
LibreOffice is installed the CSV is also converted to XLSX and the cells are
read back; without it that part is skipped and the rest still runs.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HEADER = ["candidate_id", "candidate_name", "role", "interviewer", "date", "competency",
          "competency_title", "target", "weight", "suggested", "confidence", "rating",
          "final", "gap", "result", "evidence", "flags", "fit"]
NUMBERS = ["target", "weight", "suggested", "confidence", "rating", "final", "gap",
           "evidence", "fit"]
TEXTS = [h for h in HEADER if h not in NUMBERS]
NAME = 'Doe, Jane "JJ"'
FORMULA = "=SUM(A1)"

failures = []
checked = [0]


def check(cond, what):
    checked[0] += 1
    if not cond:
        failures.append(what)
    return cond


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=180, **kw)


def neutral(value):
    """How the sheet writes a text value: a leading = + - @ gets a quote mark."""
    if value and value[0] in "=+-@":
        return "'" + value
    return value or ""


def number(value, how):
    if value is None:
        return ""
    if how == "i":
        return f"{value:.0f}"
    if how == "2":
        return f"{value:.2f}"
    return f"{value:g}"


def check_rows(rows, sheets):
    want = [(sh, c) for sh in sheets for c in sh["competencies"]]
    check(len(rows) == len(want), f"{len(want)} rows (candidate x competency), got {len(rows)}")
    keys = [(r[0], r[5]) for r in rows if len(r) == len(HEADER)]
    check(keys == [(sh["candidate"]["id"], c["id"]) for sh, c in want],
          f"one row per candidate and competency, in order: {keys}")
    check({k[0] for k in keys} == {"cand-101", "cand-102"}, "rows for both candidates")
    for row, (sh, c) in zip(rows, want):
        where = f"{sh['candidate']['id']}/{c['id']}"
        if not check(len(row) == len(HEADER), f"{where}: {len(HEADER)} fields, got {len(row)}"):
            continue
        f = dict(zip(HEADER, row))
        evidence = sum(len(b["evidence"]) for lv in c["levels"] for b in lv["behaviours"])
        expect = {
            "candidate_id": sh["candidate"]["id"],
            "candidate_name": neutral(sh["candidate"]["name"]),
            "role": sh["role"]["id"],
            "interviewer": neutral(sh["interviewer"]),
            "date": sh["date"],
            "competency": c["id"],
            "competency_title": c["title"],
            "target": number(c["target"], "i"),
            "weight": number(c["weight"], "g"),
            "suggested": number(c["suggested"], "i"),
            "confidence": number(c["confidence"], "2"),
            "rating": number(c["rating"], "i"),
            "final": number(c["final"], "i"),
            "result": c["result"],
            "evidence": str(evidence),
            "flags": " ".join(c["flags"]),
            "fit": f"{sh['fit']:.3f}",
        }
        for k, v in expect.items():
            check(f[k] == v, f"{where}: {k} is {f[k]!r}, expected {v!r}")
        # The gap is a signed number ("+1", "-2"), written as a number: it
        # starts with + or - but is no formula, so it is not neutralised.
        if c["gap"] is None:
            check(f["gap"] == "", f"{where}: no gap, got {f['gap']!r}")
        else:
            check(re.fullmatch(r"[+-]\d+", f["gap"]) is not None and int(f["gap"]) == c["gap"],
                  f"{where}: gap {f['gap']!r}, expected {c['gap']:+d}")
        for k in NUMBERS:
            check(re.fullmatch(r"([+-]?\d+(\.\d+)?)?", f[k]) is not None,
                  f"{where}: {k} {f[k]!r} is a number")
        for k in TEXTS:
            check(not f[k] or f[k][0] not in "=+-@",
                  f"{where}: {k} {f[k]!r} could run as a formula")


def check_libreoffice(path, tmp, sheets):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        print("note: LibreOffice is not installed; the XLSX conversion was skipped")
        return
    out = os.path.join(tmp, "xlsx")
    os.mkdir(out)
    profile = "file://" + os.path.join(tmp, "lo-profile")
    # 44: comma, 34: double quote, 76: UTF-8, 1: from the first line.
    r = run([office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out, path],
            env=dict(os.environ, HOME=tmp))
    xlsx = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".xlsx")
    if not check(r.returncode == 0 and os.path.exists(xlsx),
                 f"libreoffice --convert-to xlsx succeeded (exit {r.returncode}: "
                 f"{r.stderr.decode(errors='replace').strip()[-500:]})"):
        return
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(xlsx) as z:
        names = z.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells, types = {}, {}
    formulas = 0
    for c in sheet.iter(f"{{{ns['m']}}}c"):
        types[c.get("r")] = c.get("t", "n")
        if c.find("m:f", ns) is not None:
            formulas += 1
        v = c.find("m:v", ns)
        is_ = c.find("m:is", ns)
        if c.get("t") == "s" and v is not None:
            cells[c.get("r")] = shared[int(v.text)]
        elif c.get("t") == "inlineStr" and is_ is not None:
            cells[c.get("r")] = "".join(t.text or "" for t in is_.iter(f"{{{ns['m']}}}t"))
        elif v is not None:
            cells[c.get("r")] = v.text
    check(formulas == 0, f"the spreadsheet holds no formulas ({formulas})")
    nrows = 1 + sum(len(sh["competencies"]) for sh in sheets)
    check(f"A{nrows}" in cells and f"A{nrows + 1}" not in cells,
          f"the spreadsheet has {nrows} rows")
    check([cells.get(f"{col}1") for col in "ABCDEFGHIJKLMNOPQR"] == HEADER,
          "the spreadsheet's first row is the header")
    check(cells.get("B2") == NAME, f"the name cell reads {cells.get('B2')!r}")
    check(cells.get("D2") in ("'" + FORMULA, FORMULA) and cells.get("D2") != "0",
          f"the interviewer cell is text, {cells.get('D2')!r}")
    check(cells.get("H2") == "3", f"the target cell is the number 3 ({cells.get('H2')!r})")
    # Gaps are numbers in the spreadsheet, not text: +0 reads as 0.
    gaps = [(row, c["gap"]) for row, (sh, c) in
            enumerate(((sh, c) for sh in sheets for c in sh["competencies"]), start=2)
            if c["gap"] is not None]
    check(gaps, "some rows have a gap")
    for row, gap in gaps:
        check(types.get(f"N{row}") == "n" and cells.get(f"N{row}") == str(gap),
              f"the gap cell N{row} is the number {gap} ({cells.get(f'N{row}')!r}, "
              f"type {types.get(f'N{row}')!r})")
    print(f"note: LibreOffice converted the CSV to {os.path.basename(xlsx)}")


def main():
    if len(sys.argv) != 3:
        print("usage: check_csv.py RUBRIC SOURCE_DIR", file=sys.stderr)
        return 2
    rubric, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    here = os.path.join(src, "tests", "csv")
    files = [os.path.join(here, "answers-doe.json"), os.path.join(here, "answers-roe.json")]
    env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"))
    with tempfile.TemporaryDirectory(prefix="rubric-csv.") as tmp:
        path = os.path.join(tmp, "sheets.csv")
        r = run([rubric, "score", *files, "--format", "csv", "-o", path], env=env)
        if r.returncode != 0:
            print(f"FAIL: rubric score --format csv exited {r.returncode}:\n"
                  f"{r.stderr.decode(errors='replace')}")
            return 1
        data = open(path, "rb").read()
        r = run([rubric, "score", *files, "--format", "csv"], env=env)
        check(r.returncode == 0 and r.stdout == data, "standard output and -o write the same")
        r = run([rubric, "score", *files, "--format", "json"], env=env)
        sheets = json.loads(r.stdout)

        check(data.endswith(b"\r\n"), "the last line ends in CRLF")
        check(data.count(b"\n") == data.count(b"\r\n") and data.count(b"\r") == data.count(b"\r\n"),
              "every line ends in CRLF, and only there")
        check(data.count(b"\r\n") == 1 + sum(len(sh["competencies"]) for sh in sheets),
              "one line per row")
        check(b'"Doe, Jane ""JJ"""' in data, "the name is quoted, its quotes doubled")
        check(b",\"'=SUM(A1)\"," in data, "the formula-looking interviewer is neutralised")
        text = data.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        check(rows and rows[0] == HEADER, f"the header: {rows[0] if rows else None}")
        body = rows[1:]
        doe = [r for r in body if r and r[0] == "cand-101"]
        check(doe and all(r[1] == NAME for r in doe), "the name reads back with comma and quotes")
        check(doe and all(r[3] == "'" + FORMULA for r in doe),
              "the interviewer reads back as text, not a formula")
        check_rows(body, sheets)
        check_libreoffice(path, tmp, sheets)
    if failures:
        for f in failures:
            print("FAIL:", f)
        print(f"{len(failures)} of {checked[0]} checks failed")
        return 1
    print(f"ok: all {checked[0]} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
