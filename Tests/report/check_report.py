#!/usr/bin/env python3
"""Opens report.html in headless Chromium (Debian's) over the DevTools protocol and checks it as a
person would: no console error or failed load, every scheduled and unscheduled municipality and
every trainer of plan.json named on the page, the map drawn (16 states, one marker per
municipality, one home per trainer, travel lines that appear on hover) and one timeline row per
trainer with three bars per trainer and package.

Usage: check_report.py REPORT.html PLAN.json [REPORT.html PLAN.json …] [--screenshot PNG] [--pdf PDF]
(screenshot and PDF of the first report). Prints one line per check and a closing
"report: N passed, M failed"; exit 1 when any fails.
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request

import websocket  # PyPI websocket-client


class Browser:
    def __init__(self, width=1280, height=1000):
        self.profile = tempfile.mkdtemp(prefix="wsplan-chromium-")
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            sys.exit("chromium is not installed (apt-get install chromium)")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "--hide-scrollbars", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) or not open(port_file).read().strip():
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                sys.exit("chromium did not start")
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(p for p in pages if p.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.ws.settimeout(max(0.1, deadline - time.time()))
            self.events.append(json.loads(self.ws.recv()))
        raise RuntimeError(f"timed out waiting for {method}")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def euro_cents(text):
    """'1.234,56 €' in cents."""
    digits = text.replace("€", "").replace(".", "").replace("\u00a0", "").strip()
    euros, cents = digits.split(",")
    return int(euros) * 100 + int(cents)


def console_problems(events):
    problems = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            problems.append(f"console.{params['type']}: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + params["exceptionDetails"].get("text", "") + " " +
                            str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            problems.append(f"{params['entry']['source']} {params['entry']['level']}: {params['entry']['text']}")
        elif method == "Network.loadingFailed":
            problems.append(f"load failed: {params.get('errorText')}")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                problems.append(f"network request (the page must be self-contained): {url}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", help="pairs of report.html and plan.json")
    parser.add_argument("--screenshot")
    parser.add_argument("--pdf")
    parser.add_argument("--section-screenshot", action="append", default=[], metavar="ID=PNG",
                        help="also a screenshot of the first report's section with this id")
    args = parser.parse_args()
    if len(args.files) % 2:
        parser.error("give pairs: REPORT.html PLAN.json")
    counts = [0, 0]
    for i in range(0, len(args.files), 2):
        first = i == 0
        check_one(args.files[i], args.files[i + 1], args.screenshot if first else None, args.pdf if first else None, counts,
                  args.section_screenshot if first else [])
    print(f"report: {counts[0]} passed, {counts[1]} failed")
    return 1 if counts[1] else 0


def check_one(report, plan_path, screenshot, pdf_path, counts, sections=()):
    plan = json.load(open(plan_path, encoding="utf-8"))
    url = "file://" + os.path.abspath(report)
    print(f"== {report}")

    def check(ok, text):
        print(("ok   " if ok else "FAIL ") + text)
        counts[0 if ok else 1] += 1

    browser = Browser()
    try:
        for domain in ("Runtime", "Log", "Page", "Network"):
            browser.call(f"{domain}.enable")
        browser.call("Page.navigate", url=url)
        browser.wait_for("Page.loadEventFired")
        time.sleep(0.5)  # late console messages

        text = browser.evaluate("document.body.innerText")
        names = {t["id"]: t["name"] for t in plan.get("trainers", [])}
        for p in plan["packages"]:
            check(p["name"] in text, f"municipality named on the page: {p['name']}")
        rows = browser.evaluate("""[...document.querySelectorAll('table.unscheduled:not(.recruitment) tbody tr')].map(tr => ({
            name: tr.cells[0].innerText,
            reasons: [...tr.cells[1].querySelectorAll('li')].map(li => [li.querySelector('.rule')?.innerText ?? '', li.innerText]),
            change: tr.cells[2] ? tr.cells[2].innerText : ''}))""")
        for u in plan["unscheduled"]:
            check(u["name"] in text, f"unscheduled request named on the page: {u['name']}")
            row = next((r for r in rows if r["name"].startswith(u["name"])), None)
            tags = [reason.split(":")[0] for reason in u["reasons"]]
            shown = [tag for tag, _ in row["reasons"]] if row else None
            check(shown == tags, f"each reason of {u['name']} shown with its rule tag ({shown} for {tags})")
            if u.get("obstacles"):
                # German sentences from the typed reasons, not plan.json's English ones.
                check(all(reason.split(": ", 1)[1] not in text for reason in u["reasons"]), f"reasons of {u['name']} in German, not English")
            else:
                for reason in u["reasons"]:
                    check(reason.split(": ", 1)[-1] in text, f"reason shown for {u['name']}")
            check(row is not None and ("wsplan explain" in row["change"]), f"smallest change or pointer to wsplan explain for {u['name']}")
        for trainer_id, name in names.items():
            check(name in text, f"trainer named on the page: {name}")

        drawn = browser.evaluate("""(() => {
            const box = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
            const map = document.querySelector('svg.map'), timeline = document.querySelector('svg.timeline');
            return {
              map: map ? box(map) : null,
              states: [...document.querySelectorAll('svg.map path.state')].filter(p => p.getBBox().width > 1).length,
              munis: [...document.querySelectorAll('svg.map g.muni')].map(g => g.dataset.municipality),
              markers: [...document.querySelectorAll('svg.map g.muni .marker')].filter(m => box(m)[0] > 0).length,
              homes: [...document.querySelectorAll('svg.map g.home')].map(g => g.dataset.trainer),
              timeline: timeline ? box(timeline) : null,
              rows: [...document.querySelectorAll('svg.timeline g.trainer-row')].map(g => g.dataset.trainer),
              bars: [...document.querySelectorAll('svg.timeline rect.event')].filter(r => r.getBBox().width > 0).length,
              sheets: document.querySelectorAll('section.sheet:not(.roster)').length,
              rosters: Object.fromEntries([...document.querySelectorAll('section.roster')].map(r => [r.id.replace('einsatzplan-', ''), {
                rows: [...r.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(c => c.innerText)),
                total: r.querySelector('tfoot td:last-child').innerText}])),
            };
        })()""")
        check(drawn["map"] is not None and drawn["map"][0] > 300 and drawn["map"][1] > 300, f"map drawn ({drawn['map']})")
        check(drawn["states"] == 16, f"16 state outlines drawn ({drawn['states']})")
        expected = sorted([p["municipality"] for p in plan["packages"]] + [u["municipality"] for u in plan["unscheduled"]])
        check(sorted(drawn["munis"]) == expected, f"one map marker per municipality ({len(drawn['munis'])} of {len(expected)})")
        check(drawn["markers"] == len(expected), f"every marker has a size ({drawn['markers']})")
        check(set(names) <= set(drawn["homes"]), f"every trainer's home on the map ({len(drawn['homes'])})")
        check(drawn["timeline"] is not None and drawn["timeline"][0] > 600, f"timeline drawn ({drawn['timeline']})")
        check(set(names) <= set(drawn["rows"]), f"one timeline row per trainer ({len(drawn['rows'])})")
        check(drawn["bars"] == 6 * len(plan["packages"]), f"three bars per trainer and package ({drawn['bars']})")
        check(drawn["sheets"] == len(plan["packages"]), f"one cost sheet per package ({drawn['sheets']})")

        # Rosters: one per working trainer, three lines per package of hers, each with a time, and a
        # total that is the sum of the amounts shown and of her trips in plan.json, to the cent.
        working = {t for p in plan["packages"] for t in p["trainers"]}
        check(set(drawn["rosters"]) == working, f"one roster per working trainer ({sorted(drawn['rosters'])})")
        for trainer, roster in sorted(drawn["rosters"].items()):
            mine = [p for p in plan["packages"] if trainer in p["trainers"]]
            check(len(roster["rows"]) == 3 * len(mine), f"roster {trainer}: three lines per package ({len(roster['rows'])})")
            check(all(" Uhr" in row[2] for row in roster["rows"]), f"roster {trainer}: every line has its time")
            shown = sum(euro_cents(row[-1]) for row in roster["rows"])
            trips = sum(round(i["cost"] * 100) for p in mine for i in p["costs"]["travel_items"] if i["trainer"] == trainer)
            check(shown == euro_cents(roster["total"]) == trips,
                  f"roster {trainer}: total {roster['total']} = sum of lines ({shown} ct) = her trips ({trips} ct)")

        # Hovering a scheduled municipality shows the travel lines to its pair's homes.
        target = browser.evaluate("""(() => {
            const g = document.querySelector('svg.map g.muni.scheduled, svg.map g.muni.pinned');
            if (!g) return null;
            g.scrollIntoView({block: 'center'});
            const r = g.querySelector('.marker').getBoundingClientRect();
            return {id: g.dataset.municipality, x: r.x + r.width / 2, y: r.y + r.height / 2,
                    before: [...g.querySelectorAll('.travel')].map(l => getComputedStyle(l).display)};
        })()""")
        if target:
            browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=target["x"], y=target["y"])
            time.sleep(0.2)
            after = browser.evaluate(f"""[...document.querySelectorAll('svg.map g.muni[data-municipality="{target['id']}"] .travel')]
                .map(l => getComputedStyle(l).display)""")
            check(all(d == "none" for d in target["before"]) and len(after) == 2 and all(d != "none" for d in after),
                  f"hovering {target['id']} shows its two travel lines ({target['before']} → {after})")

        if screenshot:
            browser.evaluate("window.scrollTo(0, 0)")
            height = browser.evaluate("document.documentElement.scrollHeight")
            shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                clip={"x": 0, "y": 0, "width": 1280, "height": min(height, 1800), "scale": 1})
            open(screenshot, "wb").write(base64.b64decode(shot["data"]))
        for spec in sections:
            section, path = spec.split("=", 1)
            box = browser.evaluate(f"""(() => {{ const r = document.getElementById('{section}').getBoundingClientRect();
                return {{x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height}}; }})()""")
            shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                clip={"x": 0, "y": box["y"] - 8, "width": 1280, "height": box["height"] + 16, "scale": 1})
            open(path, "wb").write(base64.b64decode(shot["data"]))
        if pdf_path:
            pdf = browser.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)
            open(pdf_path, "wb").write(base64.b64decode(pdf["data"]))

        time.sleep(0.2)
        browser.evaluate("1")  # drain pending events
        problems = console_problems(browser.events)
        for problem in problems:
            check(False, f"browser reported: {problem}")
        check(not problems, "no console errors, warnings or network requests")
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
