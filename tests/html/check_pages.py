#!/usr/bin/env python3
"""The other printable pages, as headless Chromium shows and prints them:
the interview kit (`rubric guide PLAN --format html`), the panel sheet
(`rubric panel` on tests/fixtures/panel/*.json), the competency discussion
planner (`rubric discuss`, on the assessments of tests/discuss/fixtures) and
the development plan (`rubric develop show`, tests/develop/fixtures/jordan.json).

    check_pages.py RUBRIC SOURCE_DIR

For each page:
- as written: self-contained (no script, stylesheet link, image, frame or
  address), well formed, unique ids, a print stylesheet;
- loaded in a tab of headless Chromium (driven over the DevTools protocol)
  that logs every request: the page must make none besides itself (a control
  page with an image from another site shows that requests are logged);
- the page as Chromium built it: title, names, headings and table rows,
  against the same document as JSON (or the plan) where there is one;
- printed to PDF (Page.printToPDF): the PDF has pages, and its text (read
  with pdftotext when installed) shows the key content, so it is visible on
  paper and not only present in the markup.

Exit status 77 (skipped) when Chromium is not installed; the checks on the
pages as written still run first. Set CHROMIUM to use another binary.
"""
import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_html import SKIP, check, checked, failures, parse, report  # noqa: E402


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=120, **kw)


# --- Chromium, driven over the DevTools protocol ---------------------------

class Browser:
    """Headless Chromium with the DevTools protocol on a pipe
    (--remote-debugging-pipe: commands on its fd 3, replies on its fd 4).
    Each page is opened in a new tab that records every request the page
    makes (Network.requestWillBeSent); the browser's own background traffic
    is not the page's and is not counted."""

    def __init__(self, chromium, tmp, env):
        # The browser's ends are moved out of the way of 3 and 4, where
        # they go in the browser.
        r, self.to_browser = os.pipe()
        self.from_browser, w = os.pipe()
        to_browser_r = fcntl.fcntl(r, fcntl.F_DUPFD, 10)
        from_browser_w = fcntl.fcntl(w, fcntl.F_DUPFD, 10)
        os.close(r)
        os.close(w)
        profile = tempfile.mkdtemp(dir=tmp)

        def fds():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds, env=env, cwd=tmp,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.read(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def read(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self.read(max(0.1, deadline - time.monotonic())))

    def open(self, url):
        """Load url in a new tab; return (DOM as HTML, PDF bytes, requests)."""
        self.events = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        self.send("Network.enable", session=session)
        self.send("Page.enable", session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired", session)
        dom = self.send("Runtime.evaluate",
                        {"expression": "document.documentElement.outerHTML",
                         "returnByValue": True}, session=session)["result"]["value"]
        pdf = base64.b64decode(self.send("Page.printToPDF", {"displayHeaderFooter": False},
                                         session=session)["data"])
        requests = [e["params"]["request"]["url"] for e in self.events
                    if e.get("method") == "Network.requestWillBeSent"
                    and e.get("sessionId") == session]
        self.send("Target.closeTarget", {"targetId": target})
        return "<!DOCTYPE html>" + dom, pdf, requests

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)


# --- the pages, and what each must show -------------------------------------

def text_of(node):
    return node.norm() if node is not None else None


def check_static(name, page):
    check(page.startswith("<!DOCTYPE html>") or page.startswith("<!-- rubric-person:"),
          f"{name}: starts with <!DOCTYPE html> (or the person marker)")
    check("<!DOCTYPE html>" in page[:200], f"{name}: has <!DOCTYPE html>")
    check('<meta charset="utf-8">' in page, f"{name}: <meta charset=\"utf-8\">")
    check("@media print" in page, f"{name}: a print stylesheet")
    for bad in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import",
                "url(", "src=", "http://", "https://"):
        check(bad not in page.lower(), f"{name}: self-contained: {bad!r} must not appear")
    b = parse(page, strict=True)
    check(not b.errors, f"{name}: well formed: " + "; ".join(b.errors[:5]))
    ids = [n.attrs["id"] for n in b.root.walk() if "id" in n.attrs]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    check(not dup, f"{name}: ids are unique (repeated: {dup})")
    for n in b.root.walk():
        href = n.attrs.get("href")
        if href is not None:
            check(href.startswith("#") and href[1:] in ids,
                  f"{name}: link {href} points into the page")


def check_guide(root, plan):
    name = "interview kit"
    role = plan["role"]["title"] if isinstance(plan["role"], dict) else None
    check(text_of(root.one("title")) == f"Interview kit: {role}", f"{name}: <title>")
    check(text_of(root.one("h1")) == role, f"{name}: <h1> is the role")
    sections = list(root.all("section", cls="competency"))
    check([s.attrs.get("id") for s in sections] == [f"c-{c['id']}" for c in plan["competencies"]],
          f"{name}: one section per competency of the plan, in order")
    for k, (sec, c) in enumerate(zip(sections, plan["competencies"]), 1):
        h2 = sec.one("h2")
        check(h2 is not None and h2.norm().startswith(f"{k}. {c['title']} "),
              f"{name}: heading of {c['id']} ({text_of(h2)!r})")
        asked = [p.norm() for p in sec.all("p", cls="question-text")]
        check(asked == [" ".join(q["text"].split()) for q in c["questions"]],
              f"{name}: the questions of {c['id']} ({asked})")
        rating = sec.one("table", cls="rating")
        rows = list(rating.one("tbody").all("tr")) if rating is not None and rating.one("tbody") else []
        check(len(rows) == 5, f"{name}: {c['id']} has a rating table of 5 levels ({len(rows)})")
    timing = root.one("table", cls="timing")
    check(timing is not None, f"{name}: the timing table")
    expected = [role] + [c["title"] for c in plan["competencies"]] + \
               [" ".join(c["questions"][0]["text"].split()) for c in plan["competencies"]]
    return expected


def check_panel(root, panel):
    name = "panel"
    cands = panel["candidates"]
    want = f"Panel: {len(cands)} candidates, {panel['role']['title']}"
    check(text_of(root.one("title")) == want, f"{name}: <title> {text_of(root.one('title'))!r}")
    shown = [n.one(cls="candidate-name").norm() for n in root.all("h1", cls="candidate")
             if n.one(cls="candidate-name") is not None]
    check(shown == [c["name"] for c in cands], f"{name}: one <h1> per candidate, in order ({shown})")
    raters = {th.norm() for th in root.all("th", scope="row")}
    for who in panel["interviewers"]:
        check(who["name"] in raters, f"{name}: interviewer {who['name']} has rows")
    titles = [h.norm() for h in root.all("h2")]
    for c in cands[0]["competencies"]:
        check(c["title"] in titles, f"{name}: a heading for {c['title']}")
    tables = list(root.all("table", cls="raters"))
    check(len(tables) == sum(len(c["competencies"]) for c in cands),
          f"{name}: one table of raters per candidate and competency ({len(tables)})")
    return [c["name"] for c in cands] + [w["name"] for w in panel["interviewers"]] + \
           [c["title"] for c in cands[0]["competencies"]]


def check_planner(root, disc):
    name = "discussion planner"
    person = disc["person"]
    check(text_of(root.one("title")) == f"Competency discussion planner: {person}",
          f"{name}: <title>")
    check(text_of(root.one("h1")) == person, f"{name}: <h1> is the employee")
    comp = root.one("table", cls="comparison")
    rows = [(tr.attrs.get("data-competency"), tr.attrs.get("data-agreement"))
            for tr in comp.all("tr") if tr.attrs.get("data-competency")] if comp else []
    check(rows == [(c["competency"], c["agreement"]) for c in disc["competencies"]],
          f"{name}: both assessments side by side, one row per competency ({rows})")
    levels = {c["competency"]: c for c in disc["competencies"]}
    for tr in (comp.all("tr") if comp else []):
        cid = tr.attrs.get("data-competency")
        if not cid:
            continue
        cells = [td.norm() for td in tr.all("td")]
        c = levels[cid]
        check(any(x.startswith(f"{c['self']['level']} ") for x in cells) and
              any(x.startswith(f"{c['manager']['level']} ") for x in cells),
              f"{name}: {cid} shows both levels ({cells})")
    dev = root.one("table", cls="development")
    rows = [tr.attrs.get("data-competency") for tr in dev.all("tr")
            if tr.attrs.get("data-competency")] if dev else []
    check(rows == [d["competency"] for d in disc["development"]],
          f"{name}: areas for development ({rows})")
    steps = [s["title"] for s in disc["process"]["steps"]]
    h2 = [h.norm() for h in root.all("h2")]
    got = [h for h in h2 if h.startswith("Step ")]
    check(got == [f"Step {k}. {t}" for k, t in enumerate(steps, 1)], f"{name}: the six steps ({got})")
    titles = {c["competency"]: c["title"] for c in disc["competencies"]}
    return [person, disc["self"]["assessor"], disc["manager"]["assessor"]] + \
           [f"Step {k}. {t}" for k, t in enumerate(steps, 1)] + \
           [titles[d["competency"]] for d in disc["development"]]


def check_devplan(root, plan):
    name = "development plan"
    person = plan["person"]
    check(text_of(root.one("title")) == f"Development plan: {person}", f"{name}: <title>")
    check(text_of(root.one("h1")) == person, f"{name}: <h1> is the employee")
    facts = root.one("table", cls="facts")
    got = {tr.one("th").norm(): tr.one("td").norm() for tr in facts.all("tr")} if facts else {}
    check(got.get("Employee") == person and got.get("Manager") == plan["manager"] and
          got.get("Agreed on") == plan["agreed"] and
          got.get("Follow-up meeting") == plan["followup"]["date"] and
          got.get("Role", "").startswith(plan["role"]["title"]),
          f"{name}: the facts table ({got})")
    # Each heading ends with the competency's share mark.
    h3 = [h.norm() for h in root.all("h3")]
    check(h3 == [f"{k}. {c['title']}{'shared' if c['share'] else 'private'}"
                 for k, c in enumerate(plan["competencies"], 1)],
          f"{name}: one heading per competency, with its share mark ({h3})")
    actions = {li.attrs.get("data-action"): li for li in root.all("li", cls="action")}
    for a in plan["actions"]:
        li = actions.get(a["id"])
        check(li is not None and a["text"] in li.norm() and
              li.attrs.get("data-share") == ("true" if a["share"] else "false"),
              f"{name}: action {a['id']} with its text and share mark")
    text = root.norm()
    for part in plan["barriers"] + plan["support"] + [plan["timeframe"]]:
        check(part["text"] in text, f"{name}: {part['text']!r} is shown")
    return [person, plan["manager"]] + [c["title"] for c in plan["competencies"]] + \
           [a["text"] for a in plan["actions"]] + [plan["timeframe"]["text"]]


def check_in_browser(browser, tmp, pages):
    # The tab's log sees what a page asks for.
    control = os.path.join(tmp, "control.html")
    with open(control, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><p>control</p>'
                '<img src="http://rubric-control.invalid/pixel.png"></body></html>')
    _, _, seen = browser.open("file://" + control)
    check(any("rubric-control.invalid" in s for s in seen),
          f"the page's requests are recorded (control page: {seen})")

    pdftotext = shutil.which("pdftotext")
    for name, file, checker, doc in pages:
        path = os.path.join(tmp, file)
        try:
            dom, pdf, requests = browser.open("file://" + path)
        except (OSError, RuntimeError, TimeoutError) as e:
            check(False, f"{name}: chromium loads and prints the page: {e}")
            continue
        others = [u for u in requests if u != "file://" + path]
        check(not others, f"{name}: the page makes no request ({others})")
        visible = checker(parse(dom).root, doc)
        pdf_path = os.path.join(tmp, file + ".pdf")
        with open(pdf_path, "wb") as f:
            f.write(pdf)
        check(pdf.startswith(b"%PDF-"), f"{name}: printing gives a PDF")
        pages_printed = pdf_pages(pdf_path)
        check(pages_printed > 0, f"{name}: the PDF has pages ({pages_printed})")
        if pdftotext:
            r = run([pdftotext, pdf_path, "-"])
            printed = " ".join(r.stdout.decode("utf-8", errors="replace").split())
            for text in visible:
                check(" ".join(text.split()) in printed,
                      f"{name}: {text!r} is visible on the printed page")
        print(f"{name}: {pages_printed} printed pages, {len(visible)} texts checked on paper")


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        r = run(["pdfinfo", path])
        m = re.search(rb"^Pages:\s+(\d+)", r.stdout, re.M)
        return int(m.group(1)) if m else 0
    data = open(path, "rb").read()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def main():
    if len(sys.argv) != 3:
        print("usage: check_pages.py RUBRIC SOURCE_DIR", file=sys.stderr)
        return 2
    rubric, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"), RUBRIC_TODAY="2025-03-03")
    with tempfile.TemporaryDirectory(prefix="rubric-pages.") as tmp:
        env["HOME"] = tmp

        def rb(*args, out=None):
            r = run([rubric, *args], env=env, cwd=tmp)
            if r.returncode != 0:
                raise SystemExit(f"FAIL: rubric {' '.join(args)} exited {r.returncode}:\n"
                                 f"{r.stderr.decode(errors='replace')}")
            return r.stdout

        # The documents, as HTML and as JSON.
        rb("plan", "--role", "people-manager", "-o", "plan.json")
        rb("guide", "plan.json", "--format", "html", "-o", "guide.html")
        panel_dir = os.path.join(src, "tests", "fixtures", "panel")
        interviews = sorted(os.path.join(panel_dir, f) for f in os.listdir(panel_dir)
                            if f.endswith(".json"))
        rb("panel", *interviews, "--format", "html", "-o", "panel.html")
        panel = json.loads(rb("panel", *interviews, "--format", "json"))
        fixtures = os.path.join(src, "tests", "discuss", "fixtures")
        rb("assess", "--role", "people-manager", "--person", "Sam Ortiz", "--by", "self",
           "--script", os.path.join(fixtures, "sam-self.txt"), "-o", "self.json")
        rb("assess", "--role", "people-manager", "--person", "Sam Ortiz", "--by", "manager",
           "--assessor", "Alex Kim", "--script", os.path.join(fixtures, "sam-manager.txt"),
           "-o", "manager.json")
        rb("discuss", "self.json", "manager.json", "--format", "html", "-o", "planner.html")
        disc = json.loads(rb("discuss", "self.json", "manager.json", "--format", "json"))
        jordan = os.path.join(src, "tests", "develop", "fixtures", "jordan.json")
        rb("develop", "show", jordan, "--format", "html", "-o", "devplan.html")
        devplan = json.loads(rb("develop", "show", jordan, "--format", "json"))
        plan = json.load(open(os.path.join(tmp, "plan.json"), encoding="utf-8"))

        pages = [
            ("interview kit", "guide.html", check_guide, plan),
            ("panel", "panel.html", check_panel, panel),
            ("discussion planner", "planner.html", check_planner, disc),
            ("development plan", "devplan.html", check_devplan, devplan),
        ]
        for name, file, _, _ in pages:
            check_static(name, open(os.path.join(tmp, file), encoding="utf-8").read())

        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
        if not chromium:
            report("static checks")
            print("SKIP: chromium is not installed (Debian package 'chromium')")
            return SKIP if not failures else 1

        browser = Browser(chromium, tmp, env)
        try:
            check_in_browser(browser, tmp, pages)
        finally:
            browser.close()
    return report("checks")


if __name__ == "__main__":
    sys.exit(main())
