#!/usr/bin/env python3
"""Real-browser test of `wsplan serve` in Debian's headless Chromium over the DevTools protocol
(the Browser of Tests/report/check_report.py), on a copy of Scenarios/ in a temporary folder whose
requests.csv holds only a first draft of two requests: open the app, import the real requests.csv
by upload, see a wrong value refused beside its field, plan with a short limit while the progress
line updates, open the report, make a what-if with Müller away in March through the trainer form
("Als Variante speichern"), change a rule and a weight on the scenario page as a variant, plan it (a re-plan of the base's plan), explain a request it
leaves out (in German), compare, confirm (after the question), then fetch a trainer's feed URL and parse it with PyPI icalendar. Usage: check_desk.py WSPLAN_BINARY. Exit 1 when a check fails."""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

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
    requests_csv = os.path.join(REPO, "Scenarios", "requests.csv")
    with open(requests_csv, encoding="utf-8") as f:
        draft = f.readlines()[:3]  # the header and two requests: the office's first draft
    with open(os.path.join(work, "Scenarios", "requests.csv"), "w", encoding="utf-8") as f:
        f.writelines(draft)
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
            # A late load event of the page before may have ended the wait: wait for this one.
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    if browser.evaluate("location.href + ' ' + document.readyState") == f"{url} complete": return
                except RuntimeError:
                    pass  # the page is being replaced
                time.sleep(0.1)

        def text():
            return browser.evaluate("document.body.innerText")

        def wait_text(part, seconds=15):
            deadline = time.time() + seconds
            while time.time() < deadline:
                try:
                    if part in text(): return True
                except RuntimeError:
                    pass  # the page is being replaced
                time.sleep(0.2)
            return False

        go(base + "/")
        check(all(n in text() for n in ["Rollout 2027 Q1", "2027 Q1 — Müller on leave in March", "Rollout 2027 Q2"]), "scenarios page lists the scenarios")
        browser.evaluate("document.querySelector('a[href=\"/scenarios/2027-Q1\"]').click()")
        check(wait_text("Anfragen (2)") and "Trainer/innen (5)" in text(), "scenario page shows the draft's two requests and the trainers")

        # Import the request list by upload, as the office would pick requests.csv in the file dialog.
        document = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=document, selector="input[type=file]")["nodeId"]
        browser.call("DOM.setFileInputFiles", nodeId=node, files=[requests_csv])
        browser.evaluate("document.getElementById('import').click()")
        check(wait_text("Anfragen (22)"), "the imported requests.csv is on the scenario page")
        with open(requests_csv, "rb") as a, open(os.path.join(work, "Scenarios", "requests.csv"), "rb") as b:
            check(a.read() == b.read(), "the scenario's requests.csv is the uploaded file, byte for byte")

        # A wrong value is refused beside its field, in the CLI's words, and nothing is saved.
        yaml_path = os.path.join(work, "Scenarios", "2027-Q1.yaml")
        with open(yaml_path, "rb") as f: yaml_before = f.read()
        go(f"{base}/scenarios/2027-Q1/trainers/edit?t=mueller")
        browser.evaluate("document.querySelector('input[name=max_packages]').value='lots';"
                         "document.querySelector('button[value=save]').click()")
        check(wait_text("Nichts wurde gespeichert"), "an invalid change is refused")
        field_error = browser.evaluate("(document.querySelector('.field-error[data-field=max_packages]')||{}).innerText||''")
        check("not a whole number" in field_error, f"the CLI's message stands beside the field ({field_error!r})")
        with open(yaml_path, "rb") as f: check(f.read() == yaml_before, "the invalid change was not saved")

        def plan(scenario, limit):
            go(f"{base}/scenarios/{scenario}")
            browser.evaluate(f"document.querySelector('input[name=time_limit]').value='{limit}';"
                             "document.querySelector('input[name=time_limit]').form.submit()")
            # Read the progress line often: the bundled quarter is proven within a few seconds now.
            time.sleep(0.2)
            seen = set()
            deadline = time.time() + 120
            while time.time() < deadline:
                line = browser.evaluate("(document.getElementById('progress')||{}).innerText || ''")
                seen.add(line)
                if "Letzter Plan" in text() and "fertig" in line: break
                time.sleep(0.1)
            return seen

        seen = plan("2027-Q1", 5)   # long enough to see the phases change, however fast the planner gets
        check(len(seen) >= 3, f"the progress line updated while planning ({len(seen)} different lines)")
        check("Letzter Plan in out/2027-Q1" in text(), "the plan is shown when the solve ends")
        check(os.path.exists(os.path.join(work, "out", "2027-Q1", "plan.json")), "plan.json is in out/2027-Q1, where wsplan solve writes it")
        go(f"{base}/scenarios/2027-Q1/files/report.html")
        check("Rollout 2027 Q1" in text(), "the report opens")

        # The what-if: Müller away all of March, made in the trainer form and saved as a variant.
        go(f"{base}/scenarios/2027-Q1/trainers/edit?t=mueller")
        browser.evaluate("document.querySelector('input[name=unavailable]').value='2027-03-01..2027-03-31';"
                         "document.querySelector('input[name=variant]').value='2027-Q1-mueller-march';"
                         "document.querySelector('input[name=variant_title]').value='Q1 – Müller away in March';"
                         "document.querySelector('button[value=variant]').click()")
        check(wait_text("eine Variante von 2027-Q1.yaml"), "the variant's page opens")
        variant_path = os.path.join(work, "Scenarios", "2027-Q1-mueller-march.yaml")
        variant = open(variant_path, encoding="utf-8").read() if os.path.exists(variant_path) else ""
        check("extends: 2027-Q1.yaml" in variant and '{id: mueller, unavailable: ["2027-03-01..2027-03-31"]}' in variant
              and "yilmaz" not in variant, "the variant file extends the base and holds only Müller's March")
        with open(yaml_path, "rb") as f: check(f.read() == yaml_before, "the base scenario is unchanged")
        # A rule edited on the scenario page and saved as a variant: only the changed key is in it.
        go(f"{base}/scenarios/2027-Q1")
        browser.evaluate("document.querySelector('input[name=\"weights.move_eur\"]').value='900';"
                         "document.querySelector('input[name=\"rules.prep_gap_days.min\"]').value='14';"
                         "var f=document.querySelector('input[name=\"weights.move_eur\"]').form;"
                         "f.querySelector('input[name=variant]').value='2027-Q1-rules';"
                         "f.querySelector('button[value=variant]').click()")
        check(wait_text("eine Variante von 2027-Q1.yaml"), "the rules variant's page opens")
        rules_path = os.path.join(work, "Scenarios", "2027-Q1-rules.yaml")
        rules = open(rules_path, encoding="utf-8").read() if os.path.exists(rules_path) else ""
        check("extends: 2027-Q1.yaml" in rules and "prep_gap_days: {min: 14}" in rules and "move_eur: 900" in rules
              and "trainers" not in rules, f"the rules variant holds only the changed keys ({rules!r})")
        with open(yaml_path, "rb") as f: check(f.read() == yaml_before, "the base scenario is unchanged")
        field = browser.evaluate("(document.querySelector('input[name=\"weights.move_eur\"]')||{}).value||''")
        check(field == "900", f"the variant's form shows its own value ({field!r})")

        go(base + "/")
        check("Q1 – Müller away in March" in text(), "the variant is on the scenarios page")

        plan("2027-Q1-mueller-march", 2)
        replan = json.load(open(os.path.join(work, "out", "2027-Q1-mueller-march", "plan.json")))
        check(replan.get("moves") is not None, "the variant was planned as a re-plan of the base's plan (moves counted)")
        march = [d for p in replan["packages"] if "mueller" in p["trainers"] for d in p["workshop"] if d.startswith("2027-03")]
        check(not march, f"Müller has no workshop day in March in the variant's plan ({march})")
        # Erklären on an unscheduled request of the variant's plan (when it leaves one out): the answer is German.
        go(f"{base}/scenarios/2027-Q1-mueller-march")
        if browser.evaluate("document.querySelectorAll('#unscheduled button').length"):
            browser.evaluate("document.querySelector('#unscheduled button').click()")
            check(wait_text("nicht eingeplant?", 300), "Erklären answers with why the request is not scheduled")
            page = text()
            check("Gründe" in page and "Dieselbe Frage im Terminal" in page, "the explain page shows the reasons and the command for the terminal")
            english = [e for e in ["is not scheduled", "Why (", "What would let it in", "re-solve", "served ("] if e in page]
            check(not english, f"the explain page is German ({english})")
        else:
            print("skip explain: the variant's plan leaves no request out")
        go(f"{base}/compare")
        browser.evaluate("document.querySelector('input[value=\"2027-Q1\"]').checked=true;"
                         "document.querySelector('input[value=\"2027-Q1-mueller-march\"]').checked=true;"
                         "document.querySelector('input[value=\"2027-Q1\"]').form.submit()")
        check(wait_text("eingeplante Anfragen") and "2027-Q1-mueller-march.yaml" in text(), "compare shows both plans side by side")

        go(f"{base}/scenarios/2027-Q1/confirm")
        check("Ja, übernehmen" in text(), "confirm asks first")
        check(not os.path.exists(os.path.join(work, "Scenarios", "bookings.yaml")), "asking wrote nothing")
        browser.evaluate("document.querySelector('form button').click()")
        time.sleep(1.5)
        check("in bookings.yaml übernommen" in text(), "confirm wrote the bookings file")

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
