#!/usr/bin/env python3
"""Kill a running interview at random points (SIGKILL), resume it, and
compare: the session must end with exactly the answers of an interview
that was never interrupted.

The script below has one action per line, so the journal's event count
says how many lines were acknowledged; each resume feeds the rest. The
kills fall at pseudo-random moments (fixed seed) while lines are being fed
through a pipe, one every few milliseconds.

    kill_resume.py RUBRIC SOURCE_DIR
"""
import json
import os
import random
import signal
import struct
import subprocess
import sys
import tempfile
import time

rubric, src = sys.argv[1], sys.argv[2]
TRIALS = 12
env = dict(os.environ, RUBRIC_LIBRARY=os.path.join(src, "rubrics"), RUBRIC_NOW="1795000000")

LINES = [
    "Opened with the process and confidentiality.",
    "/next",
    "Last year a new starter in my team struggled with the billing system.",
    "I arranged weekly coaching sessions and asked her what she wanted to learn.",
    "I set goals with her for each week and reviewed them every Friday.",
    "/observe 3",
    "/rate 3",
    "/note Strong example; ask about scale next time.",
    "/next",
    "/skip",
    "I had to tell a colleague her project was cancelled.",
    "I met her in person and explained the reasons before the announcement.",
    "/rate 2",
    "/jump 6",
    "Our two teams disagreed about the release date.",
    "I brought both leads together and we agreed a shared plan.",
    "As a result we shipped on time.",
    "/undo",
    "As a result we shipped on the agreed date.",
    "/observe 1",
    "/rate 3",
    "/back",
    "/next",
    "/jump 10",
    "I set weekly targets and tracked them on a board everyone could see.",
    "Delivery improved by 20 percent within a quarter.",
    "/rate 4",
    "/jump 12",
    "Candidate asked about the team and next steps.",
    "/submit",
]


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def events(path):
    """Count the journal's records: header 8 bytes, then length, crc, payload."""
    with open(path, "rb") as f:
        data = f.read()
    off, n, kinds = 8, 0, []
    while off + 8 <= len(data):
        (length,) = struct.unpack_from("<I", data, off)
        if off + 8 + length > len(data):
            break
        kinds.append(json.loads(data[off + 8:off + 8 + length])["event"])
        off += 8 + length
    return kinds


def answers(cwd, session):
    r = subprocess.run([rubric, "interview", "--answers", session], cwd=cwd, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"--answers: {r.stderr}")
    return r.stdout


with tempfile.TemporaryDirectory() as work:
    subprocess.run([rubric, "plan", "--role", "people-manager", "-o", "plan.json"],
                   cwd=work, env=env, check=True, capture_output=True)
    start = [rubric, "interview", "plan.json", "--candidate", "Alex Morgan",
             "--interviewer", "Pat Lee", "--script", "-", "--session"]

    # The reference: the same lines, never interrupted.
    r = subprocess.run(start + ["ref.session"], cwd=work, env=env,
                       input="\n".join(LINES) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"reference run: {r.stderr}")
    reference = answers(work, "ref.session")

    rng = random.Random(20261124)
    kills = resumes = rounds = 0
    for trial in range(TRIALS):
        session = f"killed-{trial}.session"
        done = 0
        trial_rounds = 0
        while done < len(LINES):
            trial_rounds += 1
            rounds += 1
            if trial_rounds > 200:
                fail("no progress after 200 rounds")
            if os.path.exists(os.path.join(work, session)):
                cmd = [rubric, "interview", "--resume", session, "--script", "-"]
            else:
                cmd = start + [session]
            resumes += cmd[2] == "--resume"
            screen = os.path.join(work, "screen.txt")
            with open(screen, "wb") as out:
                proc = subprocess.Popen(cmd, cwd=work, env=env, stdin=subprocess.PIPE,
                                        stdout=out, stderr=subprocess.PIPE)
            rest = LINES[done:]
            # The kill window opens when the interview shows its first item,
            # so a slow start (a sanitizer build, a loaded machine) does not
            # eat it. Most rounds wait; some kill during the start itself.
            if rng.random() < 0.8:
                deadline = time.monotonic() + 60
                while proc.poll() is None and time.monotonic() < deadline:
                    with open(screen, "rb") as f:
                        if b"== " in f.read():
                            break
                    time.sleep(0.005)
            # Write the lines with short pauses; kill at a random moment.
            kill_after = rng.uniform(0.005, 0.12)
            t0 = time.monotonic()
            killed = False
            for line in rest:
                if time.monotonic() - t0 >= kill_after:
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                    break
                try:
                    proc.stdin.write((line + "\n").encode())
                    proc.stdin.flush()
                except BrokenPipeError:
                    break
                time.sleep(rng.uniform(0.0, 0.03))
            if not killed and rng.random() < 0.5 and proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed = True
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
            err = proc.stderr.read().decode()
            rc = proc.wait()
            kills += killed
            if not os.path.exists(os.path.join(work, session)):
                continue  # killed before the session existed
            kinds = events(os.path.join(work, session))
            if not killed and rc != 0:
                fail(f"trial {trial}, round {trial_rounds}: exit {rc}: {err}")
            done = sum(1 for k in kinds if k not in ("start", "resume"))
            if kinds[-1] == "submit":
                if done != len(LINES):
                    fail(f"submitted after {done} of {len(LINES)} lines")
                break

        got = answers(work, session)
        if got != reference:
            fail(f"trial {trial}: the killed and resumed session differs from the "
                 "reference:\n" + got)
        r = subprocess.run([rubric, "score", session], cwd=work, env=env, capture_output=True)
        if r.returncode != 0:
            fail("rubric score of the resumed session failed")
    print(f"PASS: {TRIALS} interviews, {kills} kills, {resumes} resumes over {rounds} "
          f"rounds; every one ends with the answers of the uninterrupted run")
