#!/usr/bin/env python3
"""Load test of `wsplan serve`: 200 concurrent clients fetch calendar feeds on loopback while a
solve runs; reports errors and p50/p99 latency, and compares the solve's result with the same
solve without load. Standard library only. Usage: load_feeds.py WSPLAN_BINARY [SECONDS_LIMIT]"""
import http.client, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

CLIENTS = 200
BINARY = sys.argv[1]
LIMIT = sys.argv[2] if len(sys.argv) > 2 else "5"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, data


def solve(port, scenario, limit):
    """Starts a solve and follows its progress stream to the end; returns the last event."""
    status, page = request(port, "GET", f"/scenarios/{scenario}")
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    status, _ = request(port, "POST", f"/scenarios/{scenario}/solve", f"csrf={csrf}&time_limit={limit}")
    assert status == 303, f"solve not started: {status}"
    status, events = request(port, "GET", f"/scenarios/{scenario}/progress")
    last = [line for line in events.splitlines() if line.startswith("data: ")][-1]
    return json.loads(last[6:])


def plan_summary(folder, scenario):
    with open(os.path.join(folder, "out", scenario, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    return {"objective": plan["solver"]["objective"], "status": plan["solver"]["status"],
            "packages": sorted((p["municipality"], p["workshop"][0] if isinstance(p["workshop"], list) else p["workshop"])
                               for p in plan["packages"])}


def main():
    work = tempfile.mkdtemp(prefix="wsplan-desk-load-")
    shutil.copytree(os.path.join(REPO, "Scenarios"), os.path.join(work, "Scenarios"))
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "Scenarios", "--port", str(port)], cwd=work,
                              stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                request(port, "GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        # A plan of another scenario gives the feeds to fetch.
        solve(port, "2027-Q1-hansen-part-time", "1")
        status, page = request(port, "GET", "/scenarios/2027-Q1-hansen-part-time")
        feeds = sorted(set(re.findall(r'value="http://[^/"]+(/feeds/[0-9a-f]{40}/[a-z0-9-]+\.ics)"', page)))
        assert feeds, "no feed URLs on the page"

        quiet = solve(port, "2027-Q1", LIMIT)
        without = plan_summary(work, "2027-Q1")
        shutil.rmtree(os.path.join(work, "out", "2027-Q1"))  # the loaded run must not re-plan the first

        latencies, errors, lock, stop = [], [], threading.Lock(), threading.Event()

        def client(index):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine, n = [], index
            while not stop.is_set():
                path = feeds[n % len(feeds)]
                n += 1
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    body = response.read()
                    if response.status != 200 or not body.startswith(b"BEGIN:VCALENDAR"):
                        with lock: errors.append(f"{path}: {response.status}")
                except Exception as error:  # a refused or dropped connection is an error too
                    with lock: errors.append(f"{path}: {error!r}")
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                mine.append(time.perf_counter() - started)
            with lock: latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        begin = time.perf_counter()
        for thread in threads: thread.start()
        loaded = solve(port, "2027-Q1", LIMIT)
        stop.set()
        for thread in threads: thread.join()
        seconds = time.perf_counter() - begin
        with_load = plan_summary(work, "2027-Q1")

        latencies.sort()
        p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
        same = with_load == without
        print(f"clients: {CLIENTS}, feeds: {len(feeds)}, duration: {seconds:.1f} s, requests: {len(latencies)}, "
              f"errors: {len(errors)}, throughput: {len(latencies) / seconds:.0f}/s")
        print(f"latency ms: p50 {p(0.5):.1f}, p99 {p(0.99):.1f}, max {latencies[-1] * 1000:.1f}")
        print(f"solve without load: {without['status']} {without['objective']:.2f} in {quiet['elapsed']} s; "
              f"with load: {with_load['status']} {with_load['objective']:.2f} in {loaded['elapsed']} s; "
              f"same plan: {'yes' if same else 'no'}")
        for error in errors[:5]: print("error:", error)
        return 0 if not errors else 1
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
