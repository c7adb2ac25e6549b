#!/usr/bin/env python3
"""The HTML scoring sheet, as a reader sees it in a browser.

    check_html.py RUBRIC SOURCE_DIR

Scores the sample answers under tests/html/ with `rubric score --format html`
and checks the page: first as written (self-contained, well formed, escaped,
unique ids, a print stylesheet), then as headless Chromium builds it
(--dump-dom): every competency, the levels, the flags, the STAR elements,
the evidence quotes highlighted in <mark>, the notes, the strengths and
areas for development, all against the same sheets as rubric.sheet/1 JSON.
Finally Chromium takes a screenshot, which must be a real PNG of a page with
the highlight colour on it.

Exit status 77 (skipped) when Chromium is not installed; the checks on the
page as written still run first. Set CHROMIUM to use another binary.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser

SKIP = 77
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}

# rb_flag_name and rb_flag_text, as a reader sees them.
FLAG_TEXT = {
    "rating-far-from-evidence":
        "the rating and the suggested level are two or more levels apart",
    "rating-without-evidence": "the rating has no supporting evidence at its level",
    "answer-without-result": "an answer describes no result",
    "hypothetical-answers":
        "answers say what the candidate would do more than what they did",
    "we-not-i": 'answers say "we" and never "I": the candidate\'s own part is unclear',
    "pattern-too-costly": "an evidence pattern was too costly to finish on an answer",
    "scoring-function-failed":
        "the rubric's scoring function failed; the default policy stands",
}

failures = []
checked = [0]


def check(cond, what):
    checked[0] += 1
    if not cond:
        failures.append(what)
    return cond


# --- a small DOM -----------------------------------------------------------

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def classes(self):
        return self.attrs.get("class", "").split()

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def norm(self):
        return " ".join(self.text().split())

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def all(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            yield n

    def one(self, tag=None, cls=None, **attrs):
        found = list(self.all(tag, cls, **attrs))
        return found[0] if len(found) == 1 else None


class Builder(HTMLParser):
    """Builds a tree; with strict=True every end tag must close the open one."""

    def __init__(self, strict):
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.root = Node("#document", {}, None)
        self.cur = self.root
        self.errors = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        names = [k for k, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"<{tag}> repeats an attribute")
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.strict and self.cur.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.cur.tag}> at line {self.getpos()[0]}")
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(text, strict=False):
    b = Builder(strict)
    b.feed(text)
    b.close()
    if strict and b.cur is not b.root:
        b.errors.append(f"<{b.cur.tag}> is never closed")
    return b


# --- expectations ------------------------------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=120, **kw)


def prefix(k):
    """Ids of sheet k (from 0): as is in the first sheet, "sK-" after it."""
    return "" if k == 0 else f"s{k + 1}-"


def level_text(n, names):
    return f"{n} {names[n]}" if n else "—"


def check_static(page, control_page):
    check(page.startswith("<!DOCTYPE html>\n"), "starts with <!DOCTYPE html>")
    check('<html lang="en">' in page, 'lang="en" on <html>')
    check('<meta charset="utf-8">' in page, '<meta charset="utf-8">')
    check("@media print" in page, "a print stylesheet")
    check(re.search(r"\.sheet\s*\+\s*\.sheet\s*\{[^}]*break-before:\s*page", page),
          "a page break between candidates in print")
    for bad in ("<script", "<link", "<img", "<iframe", "<object", "@import", "url(",
                "http://", "https://", "//fonts", "src="):
        check(bad not in page.lower(), f"self-contained: {bad!r} must not appear")
    b = parse(page, strict=True)
    check(not b.errors, "well formed: " + "; ".join(b.errors[:5]))
    ids = [n.attrs["id"] for n in b.root.walk() if "id" in n.attrs]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    check(not dup, f"ids are unique (repeated: {dup})")
    for n in b.root.walk():
        href = n.attrs.get("href")
        if href is not None:
            check(href.startswith("#") and href[1:] in ids, f"link {href} points into the page")
    # Every text in the answers is escaped: nothing in them became markup.
    for tag in ("ramos", "round"):
        check(f"<{tag}" not in page.lower(), f"candidate text <{tag}> is escaped")
    check("Ana &lt;Ramos&gt; &amp; &quot;O&#39;Neil&quot;" in page,
          "the candidate name is escaped (& < > \" ')")
    # Control characters HTML does not allow are replaced.
    check(not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", control_page),
          "no raw control characters")
    check("Bell\ufffdhere" in control_page and "Escape\ufffdthere" in control_page,
          "control characters become U+FFFD")
    # Reading the page as JSON-less text finds one article per candidate.
    check(len(list(b.root.all("article", cls="sheet"))) == 2, "two article.sheet")


def check_dom(dom, sheets, scale_names):
    root = parse(dom).root
    title = root.one("title")
    check(title is not None and title.norm() == "Scoring sheets: 2 candidates",
          f"document title ({title.norm() if title else None!r})")
    check(root.one("html") is not None and root.one("html").attrs.get("lang") == "en",
          "<html lang=en> after parsing")
    articles = list(root.all("article", cls="sheet"))
    check(len(articles) == len(sheets), f"{len(sheets)} sheets, found {len(articles)}")
    for k, (art, sh) in enumerate(zip(articles, sheets)):
        p = prefix(k)
        who = sh["candidate"]["name"]
        check(art.attrs.get("id") == f"sheet-{k + 1}", f"sheet {k + 1} id")
        check(art.attrs.get("data-candidate") == sh["candidate"]["id"], f"{who}: data-candidate")
        h1 = art.one("h1")
        check(h1 is not None, f"{who}: one <h1>")
        if h1 is not None:
            check(h1.one(cls="candidate-name").text() == who, f"candidate name {who!r} "
                  f"(shown {h1.one(cls='candidate-name').text()!r})")
            check(h1.one(cls="candidate-id").norm() == f"({sh['candidate']['id']})",
                  f"{who}: candidate id")
        check(art.one(cls="role").norm() == sh["role"]["title"], f"{who}: role")
        check(art.one(cls="interviewer").norm() == sh["interviewer"], f"{who}: interviewer")
        t = art.one("time")
        check(t is not None and t.attrs.get("datetime") == sh["date"] and t.norm() == sh["date"],
              f"{who}: date")
        fit = art.one(cls="fit-value")
        check(fit is not None and fit.norm() == f"{sh['fit'] * 100:.0f}%",
              f"{who}: overall fit {sh['fit']}")

        table = art.one("table", cls="summary")
        check(table is not None, f"{who}: table.summary")
        if table is None:
            continue
        heads = [th.norm() for th in table.one("thead").all("th")]
        check(heads == ["Competency", "Target", "Suggested", "Confidence", "Rating", "Final",
                        "Gap", "Level vs target"], f"{who}: summary headers {heads}")
        check(all(th.attrs.get("scope") == "col" for th in table.one("thead").all("th")),
              f"{who}: column headers have scope=col")
        rows = list(table.all("tr", cls="result"))
        check([r.attrs.get("data-competency") for r in rows] ==
              [c["id"] for c in sh["competencies"]], f"{who}: one row per competency, in order")
        for c in sh["competencies"]:
            cid, name = c["id"], f"{who} / {c['title']}"
            row = table.one("tr", id=f"{p}r-{cid}")
            if not check(row is not None, f"{name}: summary row {p}r-{cid}"):
                continue
            th = row.one("th")
            check(th.norm() == c["title"] and th.attrs.get("scope") == "row",
                  f"{name}: row header")
            check(th.one("a").attrs.get("href") == f"#{p}c-{cid}", f"{name}: link to details")
            cells = {td.classes()[0]: td for td in row.all("td")}
            check(cells["target"].norm() == level_text(c["target"], scale_names), f"{name}: target")
            check(cells["suggested"].norm() == (level_text(c["suggested"], scale_names)
                                                if c["suggested"] else "insufficient evidence"),
                  f"{name}: suggested ({cells['suggested'].norm()!r})")
            check(cells["confidence"].norm() == f"{c['confidence']:.2f}", f"{name}: confidence")
            check(cells["rating"].norm() == level_text(c["rating"] or 0, scale_names),
                  f"{name}: rating")
            check(cells["final"].norm() == level_text(c["final"] or 0, scale_names),
                  f"{name}: final")
            gap = "—" if c["gap"] is None else (f"+{c['gap']}" if c["gap"] >= 0
                                                 else f"\u2212{-c['gap']}")
            check(cells["gap"].norm() == gap, f"{name}: gap {cells['gap'].norm()!r}, want {gap!r}")
            dots = list(cells["vs-target"].all(cls="dot"))
            check(len(dots) == len(scale_names) - 1, f"{name}: one dot per level")
            on = [i + 1 for i, d in enumerate(dots) if "on" in d.classes()]
            check(on == list(range(1, (c["final"] or 0) + 1)), f"{name}: dots up to the final level")
            tgt = [i + 1 for i, d in enumerate(dots) if "target" in d.classes()]
            check(tgt == [c["target"]], f"{name}: the target dot")
            label = cells["vs-target"].one(cls="dots").attrs.get("aria-label", "")
            check(f"target {c['target']}" in label, f"{name}: the dots have a text alternative")

            sec = art.one("section", id=f"{p}c-{cid}")
            if not check(sec is not None and "competency" in sec.classes(),
                         f"{name}: section.competency#{p}c-{cid}"):
                continue
            h2 = sec.one("h2")
            check(h2 is not None and h2.norm() == c["title"], f"{name}: <h2> title")
            if c["answers"] == 0:
                check("No answers were recorded" in sec.norm(), f"{name}: no answers said")
                continue
            star = {li.attrs.get("data-element"): "present" in li.classes()
                    for li in sec.all("li", cls="star-element")}
            check(star == c["star"], f"{name}: STAR {star} != {c['star']}")
            for li in sec.all("li", cls="star-element"):
                state = "present" if "present" in li.classes() else "missing"
                check(state in li.norm(), f"{name}: STAR element says {state}")
            flags = [li.attrs.get("data-flag") for li in sec.all("li", cls="flag")]
            check(flags == c["flags"], f"{name}: flags {flags} != {c['flags']}")
            levels = {tr.attrs.get("data-level"): tr for tr in sec.all("tr", cls="level")}
            for lv in c["levels"]:
                tr = levels.get(str(lv["number"]))
                if not check(tr is not None, f"{name}: coverage row for level {lv['number']}"):
                    continue
                tds = [td.norm() for td in tr.all("td")]
                check(tds == [f"{lv['coverage'] * 100:.0f}%", "yes" if lv["credited"] else "no"],
                      f"{name}: level {lv['number']} coverage {tds}")
            want = [(lv["number"], b["id"], e) for lv in c["levels"] for b in lv["behaviours"]
                    for e in b["evidence"]]
            got = list(sec.all("li", cls="evidence"))
            check(len(got) == len(want), f"{name}: {len(want)} evidence items, {len(got)} shown")
            for (level, bid, e), li in zip(want, got):
                what = f"{name}: evidence for {bid}"
                check(li.attrs.get("data-level") == str(level), f"{what}: level")
                check(li.attrs.get("data-behaviour") == bid, f"{what}: behaviour")
                check(li.attrs.get("data-kind") == e["kind"], f"{what}: kind")
                check(li.attrs.get("data-strength") == f"{e['strength']:.2f}", f"{what}: strength")
                beh = li.parent
                while beh is not None and "behaviour" not in beh.classes():
                    beh = beh.parent
                check(beh is not None and beh.attrs.get("data-behaviour") == bid,
                      f"{what}: listed under its behaviour")
                lvl = beh.parent if beh is not None else None
                check(lvl is not None and lvl.one("h4") is not None and
                      lvl.one("h4").norm() == f"Level {level} {scale_names[level]}",
                      f"{what}: under its level heading")
                if e["kind"] == "observed":
                    check("Observed by the interviewer" in li.norm(), f"{what}: observed")
                    continue
                marks = list(li.all("mark"))
                check(len(marks) == 1 and marks[0].text() == e["quote"],
                      f"{what}: quote in <mark> ({marks[0].text() if marks else None!r})")
                meta = li.one(cls="evidence-meta")
                check(meta is not None and e["kind"] in meta.norm() and
                      f"answer {e['answer'] + 1}" in meta.norm(), f"{what}: answer and kind shown")
            notes = [n for n in c.get("notes", []) if n]
            shown = [li.text() for part in sec.all("section", cls="notes")
                     for li in part.all("li")]
            check(shown == notes, f"{name}: interviewer's notes {shown} != {notes}")

        strengths = art.one("ul", cls="strengths")
        titles = {c["id"]: c["title"] for c in sh["competencies"]}
        got = [li.one("strong").norm() for li in strengths.all("li") if li.one("strong")]
        check(got == [titles[i] for i in sh["strengths"]], f"{who}: strengths {got}")
        dev = art.one("ul", cls="developments")
        got = [li.one("strong").norm() for li in dev.all("li") if li.one("strong")]
        check(got == [titles[d["id"]] for d in sh["development"]], f"{who}: development {got}")
        for h in ("Summary", "Strengths", "Areas for development"):
            check(any(x.norm() == h for x in art.all("h2")), f"{who}: heading {h!r}")


def check_known(dom):
    """A few things spelled out by hand, independent of the JSON."""
    root = parse(dom).root
    sec = root.one("section", id="c-career-development-coaching")
    quote = ("I mentored her for six months so that she could develop her confidence "
             "with difficult cases.")
    check(sec is not None and any(m.text() == quote for m in sec.all("mark")),
          "Ana's mentoring quote is highlighted in <mark>")
    check(sec is not None and "Strong, specific example; ask for a second mentee in the "
          "follow-up <round 2> & check references." in sec.text(), "Ana's notes, verbatim")
    ps = root.one("section", id="c-problem-solving")
    flags = {li.attrs.get("data-flag"): li.norm() for li in ps.all("li", cls="flag")}
    check("hypothetical-answers" in flags and "would do more than what they did"
          in flags["hypothetical-answers"], "problem solving: hypothetical-answers flag and text")
    check("we-not-i" in flags and 'answers say "we" and never "I"' in flags["we-not-i"],
          "problem solving: we-not-i flag and text")
    shown = list(root.all("li", cls="flag"))
    check(len(shown) >= 3, f"flags are shown ({len(shown)})")
    for li in shown:
        name = li.attrs.get("data-flag")
        check(name in FLAG_TEXT and li.norm() == f"\u2691 {name}: {FLAG_TEXT[name]}",
              f"flag {name} reads {li.norm()!r}")
    row = root.one("tr", id="r-collaboration")
    check(row is not None and "insufficient evidence" in row.norm(),
          "Ana: collaboration has insufficient evidence")
    row = root.one("tr", id="s2-r-collaboration")
    check(row is not None and row.one(cls="gap").norm() == "\u22122",
          "Ben: collaboration gap −2")


def png_pixels(path):
    """Width, height and rows of (r, g, b) bytes of an 8-bit RGB(A) PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    w, h, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError(f"unexpected PNG format (depth {depth}, colour type {ctype})")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    if len(raw) != h * (stride + 1):
        raise ValueError("pixel data has the wrong size")
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def check_screenshot(path, width, height):
    size = os.path.getsize(path) if os.path.exists(path) else 0
    if not check(size > 20000, f"screenshot {path} is a real image ({size} bytes)"):
        return
    try:
        w, h, bpp, rows = png_pixels(path)
    except (ValueError, zlib.error, struct.error, TypeError) as e:
        check(False, f"screenshot is a valid PNG: {e}")
        return
    check((w, h) == (width, height), f"screenshot is {width}x{height}, not {w}x{h}")
    colours, highlight, white = set(), 0, 0
    for row in rows[::2]:
        for x in range(0, len(row), bpp * 2):
            px = row[x:x + 3]
            colours.add(px)
            if abs(px[0] - 0xff) <= 3 and abs(px[1] - 0xf0) <= 3 and abs(px[2] - 0xa0) <= 3:
                highlight += 1
            if px == b"\xff\xff\xff":
                white += 1
    sampled = sum(len(r) // (bpp * 2) for r in rows[::2])
    check(len(colours) > 50, f"screenshot has more than a few colours ({len(colours)})")
    check(white > sampled // 4, "screenshot shows the white sheet")
    check(highlight > 200, f"screenshot shows highlighted quotes ({highlight} pixels)")


def main():
    if len(sys.argv) != 3:
        print("usage: check_html.py RUBRIC SOURCE_DIR", file=sys.stderr)
        return 2
    rubric, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    here = os.path.join(src, "tests", "html")
    files = [os.path.join(here, "answers-ana.json"), os.path.join(here, "answers-ben.json")]
    env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"))
    with tempfile.TemporaryDirectory(prefix="rubric-html.") as tmp:
        page_path = os.path.join(tmp, "sheets.html")
        r = run([rubric, "score", *files, "--format", "html", "-o", page_path], env=env)
        if r.returncode != 0:
            print(f"FAIL: rubric score --format html exited {r.returncode}:\n"
                  f"{r.stderr.decode(errors='replace')}")
            return 1
        page = open(page_path, encoding="utf-8").read()
        r = run([rubric, "score", *files, "--format", "json"], env=env)
        if r.returncode != 0:
            print(f"FAIL: rubric score --format json exited {r.returncode}")
            return 1
        sheets = json.loads(r.stdout)
        r = run([rubric, "score", os.path.join(here, "answers-control.json"), "--format",
                 "html"], env=env)
        check(r.returncode == 0, f"the control-character sample scores ({r.returncode})")
        control_page = r.stdout.decode("utf-8")
        r = run([rubric, "show", "proficiency", "--format", "json"], env=env)
        levels = json.loads(r.stdout)["item"]["levels"]
        scale_names = [""] + [lv["name"] for lv in levels]

        check_static(page, control_page)
        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
        if not chromium:
            report("static checks")
            print("SKIP: chromium is not installed (Debian package 'chromium')")
            return SKIP if not failures else 1

        def browser(*args, made=lambda r: r.returncode == 0):
            # The browser, not the page, is what may fail to start on a
            # loaded machine: one more try, said on the output, before the
            # checks judge what it produced.
            for attempt in (1, 2):
                profile = tempfile.mkdtemp(dir=tmp)
                r = run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
                         *args, "file://" + page_path],
                        env=dict(env, HOME=tmp), cwd=tmp)
                if made(r) or attempt == 2:
                    return r
                print(f"note: chromium {args[0]} produced nothing (exit {r.returncode}); "
                      f"trying once more:\n{r.stderr.decode(errors='replace')[-1000:]}")

        r = browser("--dump-dom",
                    made=lambda r: r.returncode == 0 and b"</html>" in r.stdout)
        dom = r.stdout.decode("utf-8", errors="replace")
        if not check(r.returncode == 0 and "</html>" in dom,
                     f"chromium --dump-dom ran (exit {r.returncode})"):
            print(r.stderr.decode(errors="replace")[-2000:])
        else:
            check_dom(dom, sheets, scale_names)
            check_known(dom)
        shot = os.path.join(tmp, "sheet.png")
        width, height = 1100, 1400
        r = browser(f"--screenshot={shot}", f"--window-size={width},{height}",
                    made=lambda r: r.returncode == 0 and os.path.exists(shot)
                    and os.path.getsize(shot) > 20000)
        check(r.returncode == 0, f"chromium --screenshot ran (exit {r.returncode})")
        check_screenshot(shot, width, height)
        keep = os.environ.get("RUBRIC_KEEP_SCREENSHOT")
        if keep and os.path.exists(shot):
            shutil.copy(shot, keep)
    return report("checks")


def report(what):
    if failures:
        for f in failures:
            print("FAIL:", f)
        print(f"{len(failures)} of {checked[0]} {what} failed")
        return 1
    print(f"ok: all {checked[0]} {what} passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
