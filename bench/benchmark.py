"""wsplan's benchmark: generated scenarios of four sizes, solved by wsplan (GLPK), by the office's
greedy baseline, and – on wsplan's own exported model – by HiGHS; results in bench/results.json
and BENCHMARKS.md. Run it through scripts/benchmark.sh, which builds the release binary first.

    python3 bench/benchmark.py [--sizes S,M,L,XL] [--seeds 3] [--quick] [--bin .build/release/wsplan]
    python3 bench/benchmark.py --render-only      # BENCHMARKS.md again from bench/results.json
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import machine  # noqa: E402
import report  # noqa: E402
import runlog  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The issues' sizes: requests, trainers, horizon in months, time limit in seconds, and demand (the
# generator's --demand: requests about F times what the caps serve; the scarce rows of issue 12).
SIZES = {
    "S": {"requests": 20, "trainers": 5, "months": 3, "time_limit": 30, "demand": 1},
    "M": {"requests": 60, "trainers": 8, "months": 12, "time_limit": 60, "demand": 1},
    "L": {"requests": 150, "trainers": 14, "months": 12, "time_limit": 300, "demand": 1},
    "XL": {"requests": 400, "trainers": 30, "months": 24, "time_limit": 600, "demand": 1},
    "Sx2": {"requests": 20, "trainers": 5, "months": 3, "time_limit": 10, "demand": 2},
    "Mx3": {"requests": 60, "trainers": 8, "months": 12, "time_limit": 60, "demand": 3},
    "Lx4": {"requests": 150, "trainers": 14, "months": 12, "time_limit": 300, "demand": 4},
}
QUICK_TIME_LIMIT = 20
HORIZON_START = "2027-01-01"


class Child:
    """A finished child process: exit code, output, stamped stderr lines, peak memory, wall time."""

    def __init__(self, args, timeout, stamp_stderr=False):
        started = time.monotonic()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPOSITORY)
        self.lines = []
        chunks = []

        def read_stderr():
            for line in process.stderr:
                self.lines.append((time.monotonic() - started, line.rstrip("\n")))

        def read_stdout():
            chunks.append(process.stdout.read())

        readers = [threading.Thread(target=read_stderr), threading.Thread(target=read_stdout)]
        for reader in readers:
            reader.start()
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        # wait4 gives this child's own resource use (RUSAGE_CHILDREN would be the maximum over all of them).
        _, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        for reader in readers:
            reader.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        self.exit = process.returncode
        self.stdout = "".join(chunks)
        self.stderr = "\n".join(text for _, text in self.lines)
        self.wall_seconds = round(time.monotonic() - started, 3)
        self.peak_mb = round(usage.ru_maxrss / 1024, 1)  # Linux: kilobytes
        self.timed_out = self.wall_seconds >= timeout


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def check(binary, scenario, plan_path):
    """`wsplan check`: exit code and the number of violation lines."""
    child = Child([binary, "check", scenario, plan_path], timeout=600)
    violations = 0 if child.exit == 0 else sum(1 for line in child.stdout.splitlines() if line.strip())
    return {"exit": child.exit, "violations": violations, "first": child.stdout.splitlines()[:3] if child.exit else []}


def plan_summary(plan):
    served = [p for p in plan["packages"] if not p.get("pinned")]
    terms = plan["objective_terms"]
    return {"served": len(served), "unscheduled": len(plan["unscheduled"]), "travel": terms["travel"],
            "objective": plan["solver"].get("objective")}


def peer_deadline(limit):
    """Seconds after which a peer is stopped: its limit, 10 % more and 10 s for reading its model."""
    return 1.1 * limit + 10


def highs_result(highs):
    """HiGHS's summary line, or, when it was stopped at the deadline, the improvements it printed."""
    lines = [json.loads(line) for line in highs.stdout.splitlines() if line.startswith("{")]
    summaries = [line for line in lines if "status" in line]
    if summaries:
        result = summaries[-1]
    elif highs.timed_out:
        improving = [line["improving"] for line in lines if "improving" in line]
        result = {"status": "stopped at the limit", "objective": improving[-1][1] if improving else None,
                  "bound": None, "seconds": highs.wall_seconds, "improving": improving}
    else:
        result = {"status": "error", "message": highs.stderr[-500:]}
    result["peak_mb"] = highs.peak_mb
    return result


def run_one(binary, size, seed, limit, folder, use_highs, keep_model=False, use_cpsat=True):
    spec = SIZES[size]
    # A fresh folder: a plan.json left by an earlier run would make wsplan re-plan against it
    # (previous plan, move_eur), which is not what is measured here.
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder, exist_ok=True)
    scenario = os.path.join(folder, "scenario.yaml")
    model = os.path.join(folder, "model.mps")
    record = {"size": size, "seed": seed, "requests": spec["requests"], "trainers": spec["trainers"],
              "months": spec["months"], "demand": spec["demand"], "time_limit": limit,
              "scenario": os.path.relpath(scenario, REPOSITORY)}
    generate = Child([binary, "generate", "--requests", str(spec["requests"]), "--trainers", str(spec["trainers"]),
                      "--seed", str(seed), "--from", HORIZON_START, "--months", str(spec["months"]), "--demand", str(spec["demand"]), "--out", scenario],
                     timeout=300)
    if generate.exit != 0:
        record["error"] = "generate failed: " + generate.stderr[-500:]
        return record

    # The office's greedy plan; the same call writes the exact MIP wsplan gives GLPK.
    greedy_dir = os.path.join(folder, "greedy")
    greedy = Child([binary, "solve", scenario, "--method", "greedy", "--out", greedy_dir, "--time-limit", str(limit),
                    "--write-model", model, "--quiet"], timeout=limit + 600)
    greedy_plan = read_json(os.path.join(greedy_dir, "plan.json")) if greedy.exit == 0 else None
    if greedy_plan:
        record["greedy"] = dict(plan_summary(greedy_plan), seconds=greedy_plan["solver"]["seconds"],
                                check=check(binary, scenario, os.path.join(greedy_dir, "plan.json")))
    else:
        record["greedy"] = {"error": greedy.stderr[-500:]}

    # wsplan itself, with GLPK's log so the incumbents can be timed.
    glpk_dir = os.path.join(folder, "glpk")
    solve = Child([binary, "solve", scenario, "--out", glpk_dir, "--time-limit", str(limit), "--verbose"],
                  timeout=2 * limit + 600)
    plan = read_json(os.path.join(glpk_dir, "plan.json")) if solve.exit == 0 else None
    if plan:
        solver = plan["solver"]
        started = runlog.solve_started(solve.lines)
        timeline = runlog.incumbents(solve.lines)
        if solver.get("objective") is not None:
            # The final plan (it may come from wsplan's own search, not GLPK's log): known by the end at the latest.
            timeline.append([solve.wall_seconds, solver["objective"]])
        record["wsplan"] = dict(plan_summary(plan), status=solver["status"], bound=solver.get("bound"),
                                gap=solver.get("gap"), seconds=solver["seconds"], build_seconds=solver.get("build_seconds"),
                                rows=solver.get("rows"), columns=solver.get("columns"), nonzeros=solver.get("nonzeros"),
                                peak_mb=solve.peak_mb, wall_seconds=solve.wall_seconds, solve_started=started,
                                incumbents=timeline, check=check(binary, scenario, os.path.join(glpk_dir, "plan.json")))
    else:
        record["wsplan"] = {"error": solve.stderr[-800:], "exit": solve.exit, "peak_mb": solve.peak_mb}

    if use_highs and os.path.exists(model):
        highs = Child([sys.executable, os.path.join(REPOSITORY, "bench", "highs_solve.py"), model,
                       "--time-limit", str(limit)], timeout=peer_deadline(limit))
        record["highs"] = highs_result(highs)
    if use_cpsat:
        # The peer: the complete problem from the independent oracle's model, under the same limit.
        cpsat = Child([sys.executable, os.path.join(REPOSITORY, "bench", "cpsat_solve.py"), scenario,
                       "--time-limit", str(limit)], timeout=peer_deadline(limit))
        last = [line for line in cpsat.stdout.splitlines() if line.startswith("{")]
        result = json.loads(last[-1]) if last else {"status": "error", "message": cpsat.stderr[-500:]}
        result["peak_mb"], result["wall_seconds"] = cpsat.peak_mb, cpsat.wall_seconds
        record["cpsat"] = result
    if not keep_model and os.path.exists(model):
        os.remove(model)  # hundreds of MB for XL
    record["comparison"] = report.compare(record)
    return record


def main(argv=None):
    parser = argparse.ArgumentParser(description="wsplan's benchmark (see BENCHMARKS.md)")
    parser.add_argument("--sizes", default="S,M,L,XL,Sx2,Mx3,Lx4",
                        help="comma-separated sizes among " + ", ".join(SIZES) + "; SIZE:N runs N seeds of that size")
    parser.add_argument("--seeds", type=int, default=3, help="seeds per size (1, 2, …)")
    parser.add_argument("--quick", action="store_true", help=f"S only, one seed, {QUICK_TIME_LIMIT} s limits: a smoke test")
    parser.add_argument("--bin", default=os.path.join(REPOSITORY, ".build", "release", "wsplan"))
    parser.add_argument("--work", default=os.path.join(REPOSITORY, "out", "bench"), help="scenarios and plans")
    parser.add_argument("--results", default=os.path.join(REPOSITORY, "bench", "results.json"))
    parser.add_argument("--markdown", default=os.path.join(REPOSITORY, "BENCHMARKS.md"))
    parser.add_argument("--no-highs", action="store_true", help="skip HiGHS")
    parser.add_argument("--no-cpsat", action="store_true", help="skip CP-SAT (OR-Tools)")
    parser.add_argument("--keep-models", action="store_true", help="keep each run's model.mps in the work folder")
    parser.add_argument("--render-only", action="store_true", help="rewrite the markdown from the results file")
    parser.add_argument("--add", action="store_true",
                        help="keep the runs already in the results file (a run of the same size and seed is replaced)")
    args = parser.parse_args(argv)

    if args.render_only:
        results = read_json(args.results)
        if results is None:
            sys.exit(f"benchmark: cannot read {args.results}")
        finish(results, args)
        return
    asked = ["S"] if args.quick else [s.strip() for s in args.sizes.split(",") if s.strip()]
    canonical = {name.lower(): name for name in SIZES}
    seeds_of = {}
    for item in asked:
        name, _, count = item.partition(":")
        seeds_of[canonical.get(name.lower(), name)] = 1 if args.quick else int(count) if count else args.seeds
    sizes = list(seeds_of)
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        sys.exit(f"benchmark: unknown size {', '.join(unknown)}; use " + ", ".join(SIZES))
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"benchmark: no wsplan binary at {args.bin}; run scripts/benchmark.sh, which builds it")

    results = {"machine": machine.describe(), "quick": args.quick, "sizes": SIZES, "runs": []}
    if args.add:
        earlier = read_json(args.results) or {}
        planned = {(size, seed) for size in sizes for seed in range(1, seeds_of[size] + 1)}
        results["runs"] = [r for r in earlier.get("runs", []) if (r["size"], r["seed"]) not in planned]
        results["quick"] = args.quick or earlier.get("quick", False)
    for size in sizes:
        limit = QUICK_TIME_LIMIT if args.quick else SIZES[size]["time_limit"]
        for seed in range(1, seeds_of[size] + 1):
            print(f"benchmark: {size} seed {seed} (time limit {limit} s) …", file=sys.stderr, flush=True)
            record = run_one(args.bin, size, seed, limit, os.path.join(args.work, f"{size}-{seed}"), not args.no_highs,
                             args.keep_models, not args.no_cpsat)
            results["runs"].append(record)
            results["runs"].sort(key=lambda r: (list(SIZES).index(r["size"]), r["seed"]))
            print("benchmark:   " + report.one_line(record), file=sys.stderr, flush=True)
            write(args.results, json.dumps(results, indent=1, sort_keys=True) + "\n")
    finish(results, args)
    print(f"benchmark: wrote {os.path.relpath(args.results, REPOSITORY)} and {os.path.relpath(args.markdown, REPOSITORY)}",
          file=sys.stderr)


def finish(results, args):
    """BENCHMARKS.md from the results, with the hand-written analysis of bench/analysis.md when present."""
    analysis = os.path.join(REPOSITORY, "bench", "analysis.md")
    results = dict(results)
    if os.path.exists(analysis):
        with open(analysis, encoding="utf-8") as f:
            results["analysis"] = f.read()
    write(args.markdown, report.markdown(results))


def write(path, text):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


if __name__ == "__main__":
    main()
