#!/usr/bin/env python3
"""Real-browser test of `wsplan serve` in Debian's headless Chromium over the DevTools protocol
(the Browser of Tests/report/check_report.py), on a copy of Scenarios/ in a temporary folder:
open the app, open a scenario, plan it with a short limit while the progress line updates, open
the report, plan a what-if, compare, confirm (after the question), then fetch a trainer's feed URL
and parse it with PyPI icalendar. Usage: check_desk.py WSPLAN_BINARY. Exit 1 when a check fails."""
import os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "report"))
from check_report import Browser  # noqa: E402
import icalendar  # noqa: E402  (PyPI)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(ok, text):
    print(("ok   " if ok else "FAIL ") + text)
    if not ok:
        failures.append(text)


def main(binary):
    work = tempfile.mkdtemp(prefix="wsplan-desk-browser-")
    shutil.copytree(os.path.join(REPO, "Scenarios"), os.path.join(work, "Scenarios"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "Scenarios", "--port", str(port)], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    browser = None
    try:
        for _ in range(100):
            try: urllib.request.urlopen(base + "/", timeout=2); break
            except OSError: time.sleep(0.1)
        browser = Browser()
        browser.call("Page.enable")

        def go(url):
            browser.events.clear()
            browser.call("Page.navigate", url=url)
            browser.wait_for("Page.loadEventFired")

        def text():
            return browser.evaluate("document.body.innerText")

        go(base + "/")
        check(all(n in text() for n in ["Rollout 2027 Q1", "2027 Q1 — Müller on leave in March", "Rollout 2027 Q2"]), "scenarios page lists the scenarios")
        browser.evaluate("document.querySelector('a[href=\"/scenarios/2027-Q1\"]').click()")
        time.sleep(1)
        check("Requests (22)" in text() and "Trainers (5)" in text(), "scenario page shows requests and trainers")

        def plan(scenario, limit):
            go(f"{base}/scenarios/{scenario}")
            browser.evaluate(f"document.querySelector('input[name=time_limit]').value='{limit}';"
                             "document.querySelector('input[name=time_limit]').form.submit()")
            time.sleep(1)
            seen = set()
            deadline = time.time() + 120
            while time.time() < deadline:
                line = browser.evaluate("(document.getElementById('progress')||{}).innerText || ''")
                seen.add(line)
                if "Last plan" in text() and "finished" in line: break
                time.sleep(0.5)
            return seen

        seen = plan("2027-Q1", 5)   # long enough to see the phases change, however fast the planner gets
        check(len(seen) >= 3, f"the progress line updated while planning ({len(seen)} different lines)")
        check("Last plan in out/2027-Q1" in text(), "the plan is shown when the solve ends")
        check(os.path.exists(os.path.join(work, "out", "2027-Q1", "plan.json")), "plan.json is in out/2027-Q1, where wsplan solve writes it")
        go(f"{base}/scenarios/2027-Q1/files/report.html")
        check("Rollout 2027 Q1" in text(), "the report opens")

        plan("2027-Q1-mueller-on-leave", 2)  # the what-if with a trainer away for a month
        go(f"{base}/compare")
        browser.evaluate("document.querySelector('input[value=\"2027-Q1\"]').checked=true;"
                         "document.querySelector('input[value=\"2027-Q1-mueller-on-leave\"]').checked=true;"
                         "document.querySelector('input[value=\"2027-Q1\"]').form.submit()")
        time.sleep(1.5)
        check("requests served" in text() and "2027-Q1-mueller-on-leave.yaml" in text(), "compare shows both plans side by side")

        go(f"{base}/scenarios/2027-Q1/confirm")
        check("Yes, confirm" in text(), "confirm asks first")
        check(not os.path.exists(os.path.join(work, "Scenarios", "bookings.yaml")), "asking wrote nothing")
        browser.evaluate("document.querySelector('form button').click()")
        time.sleep(1.5)
        check("package(s) added to bookings.yaml" in text(), "confirm wrote the bookings file")

        go(f"{base}/scenarios/2027-Q1")
        url = browser.evaluate("[...document.querySelectorAll('input[readonly]')].map(i=>i.value).find(v=>v.includes('/trainer-mueller.ics'))")
        check(bool(url), "a feed URL for trainer mueller is on the page")
        calendar = icalendar.Calendar.from_ical(urllib.request.urlopen(url, timeout=10).read())
        events = [c for c in calendar.walk("VEVENT")]
        check(len(events) > 0, f"the feed parses with icalendar ({len(events)} events)")
    finally:
        if browser: browser.close()
        server.terminate(); server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"desk: {'all passed' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
