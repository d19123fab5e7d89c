"""Compares the solvers of one benchmark run, checks the issue's targets, and writes BENCHMARKS.md."""
import runlog

# Issues 6 and 12: per size, what must hold (wall-clock seconds of `wsplan solve`). Every row also
# has issue 12's: the run ends within its limit + 5 %, and against CP-SAT at the same limit an
# objective at least as good and a time to CP-SAT's objective at most a fifth of CP-SAT's.
TARGETS = {
    "S": {"optimal": True, "seconds": 5},
    "M": {"gap": 0.005, "seconds": 60, "vs_highs": 0.001, "travel_ratio": 0.70},
    "L": {"gap": 0.005, "seconds": 300, "travel_ratio": 0.70},
    "XL": {"gap": 0.03, "seconds": 600, "peak_mb": 4096, "violations": 0},
    "Sx2": {"optimal": True, "seconds": 10},
    "Mx3": {"gap": 0.005, "seconds": 60},
    "Lx4": {"gap": 0.01, "seconds": 300},
}
EVERY_ROW = {"within_limit": 1.05, "vs_cpsat": 0.0, "time_vs_cpsat": 0.2}
SIZE_ORDER = ["S", "M", "L", "XL", "Sx2", "Mx3", "Lx4"]


def relative_gap(objective, bound):
    """wsplan's and GLPK's definition: (objective − bound) / max(|objective|, 1)."""
    if objective is None or bound is None:
        return None
    return max(0.0, (objective - bound) / max(abs(objective), 1.0))


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def compare(record):
    """What the run says about wsplan against the greedy baseline and against HiGHS.

    Objectives are on one scale: plan.json's objective is the MIP's objective, and the MPS carries
    its constant (HiGHS's `offset`, included in its objective); the pinned bookings are constants
    left out of both."""
    w, g, h = record.get("wsplan", {}), record.get("greedy", {}), record.get("highs", {})
    out = {
        "travel_vs_greedy": ratio(w.get("travel"), g.get("travel")),
        "served_minus_greedy": (w["served"] - g["served"]) if "served" in w and "served" in g else None,
        "objective_vs_greedy": ratio(w.get("objective"), g.get("objective")),
    }
    if w.get("served") and g.get("served"):
        out["travel_per_served_vs_greedy"] = ratio(w["travel"] / w["served"], g["travel"] / g["served"])
    wo, ho = w.get("objective"), h.get("objective")
    out["highs_gap"] = relative_gap(ho, h.get("bound"))
    out["gap_ratio"] = ratio(w.get("gap"), out["highs_gap"])
    if wo is not None and ho is not None:
        out["wsplan_vs_highs"] = (wo - ho) / max(abs(ho), 1.0)
        # The objective both reached, and when each got there (wsplan from handing GLPK the model).
        common = max(wo, ho)
        origin = w.get("solve_started") or 0.0
        out["common_objective"] = common
        out["wsplan_seconds_to_common"] = runlog.first_time_at_or_below(w.get("incumbents", []), common, origin)
        out["highs_seconds_to_common"] = runlog.first_time_at_or_below(h.get("improving", []), common)
        out["time_ratio_to_common"] = ratio(out["wsplan_seconds_to_common"], out["highs_seconds_to_common"])
        out["wsplan_seconds_to_highs_objective"] = runlog.first_time_at_or_below(w.get("incumbents", []), ho, origin)
        out["highs_seconds_to_wsplan_objective"] = runlog.first_time_at_or_below(h.get("improving", []), wo)
    cp = record.get("cpsat", {})
    co = cp.get("objective")
    out["cpsat_gap"] = relative_gap(co, cp.get("bound"))
    if wo is not None and co is None and cp.get("status") in ("unknown", "infeasible_or_unknown"):
        # CP-SAT ran to its limit without any plan: wsplan's plan is ahead, and CP-SAT never got there.
        out["wsplan_vs_cpsat"] = "CP-SAT: no plan"
        out["time_ratio_to_cpsat"] = "CP-SAT: no plan"
    elif wo is not None and co is not None:
        # Both clocks from the start of the whole command (CP-SAT's includes building its model).
        out["wsplan_vs_cpsat"] = (wo - co) / max(abs(co), 1.0)
        out["wsplan_seconds_to_cpsat_objective"] = runlog.first_time_at_or_below(w.get("incumbents", []), co, 0.0)
        out["cpsat_seconds_to_own_objective"] = runlog.first_time_at_or_below(cp.get("improving", []), co)
        out["time_ratio_to_cpsat"] = ratio(out["wsplan_seconds_to_cpsat_objective"], out["cpsat_seconds_to_own_objective"])
    return out


def targets(record):
    """Each target of the run's size: value, limit, met, and by how much it was missed."""
    size = record["size"]
    goal = TARGETS.get(size, {})
    w, c = record.get("wsplan", {}), record.get("comparison", {})
    found = []

    def add(name, value, limit, met, missed_by):
        # No value (HiGHS found no plan to compare with, say): not measurable in this run, None.
        found.append({"name": name, "value": value, "limit": limit, "met": bool(met) if value is not None else None,
                      "missed_by": None if met else missed_by})

    seconds = w.get("wall_seconds")
    if "optimal" in goal:
        add("proven optimal", w.get("status"), "optimal", w.get("status") == "optimal", w.get("gap"))
    if "seconds" in goal:
        add("seconds", seconds, goal["seconds"], seconds is not None and seconds < goal["seconds"],
            None if seconds is None else seconds - goal["seconds"])
    if "gap" in goal:
        gap = w.get("gap")
        add("gap", gap, goal["gap"], gap is not None and gap <= goal["gap"], None if gap is None else gap - goal["gap"])
    if "vs_highs" in goal:
        v = c.get("wsplan_vs_highs")
        add("objective vs HiGHS", v, goal["vs_highs"], v is not None and v <= goal["vs_highs"],
            None if v is None else v - goal["vs_highs"])
    if "travel_ratio" in goal:
        v = c.get("travel_vs_greedy")
        add("travel / greedy travel", v, goal["travel_ratio"], v is not None and v <= goal["travel_ratio"],
            None if v is None else v - goal["travel_ratio"])
    if "peak_mb" in goal:
        v = w.get("peak_mb")
        add("peak MB", v, goal["peak_mb"], v is not None and v < goal["peak_mb"], None if v is None else v - goal["peak_mb"])
    if "violations" in goal:
        v = w.get("check", {}).get("violations")
        add("rule violations", v, 0, v == 0, v)
    if seconds is not None:
        allowed = max(record["time_limit"] * EVERY_ROW["within_limit"], record["time_limit"] + 1)
        add("wall / time limit", seconds / record["time_limit"], EVERY_ROW["within_limit"], seconds <= allowed,
            seconds / record["time_limit"] - EVERY_ROW["within_limit"])
    v = c.get("wsplan_vs_cpsat")
    no_plan = isinstance(v, str)  # CP-SAT found none: met, and the table says why
    add("objective vs CP-SAT", v, EVERY_ROW["vs_cpsat"], no_plan or (v is not None and v <= 1e-9), v)
    v = c.get("time_ratio_to_cpsat")
    add("time to CP-SAT's objective / CP-SAT's", v, EVERY_ROW["time_vs_cpsat"],
        no_plan or (v is not None and v <= EVERY_ROW["time_vs_cpsat"]),
        None if v is None or no_plan else v - EVERY_ROW["time_vs_cpsat"])
    return found


# --- text -------------------------------------------------------------------------------------

def num(value, digits=2, suffix=""):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}{suffix}"


def pct(value, digits=2):
    if isinstance(value, str):
        return value
    return "–" if value is None else f"{value * 100:.{digits}f} %"


def one_line(record):
    w, c = record.get("wsplan", {}), record.get("comparison", {})
    if "error" in w or "error" in record:
        return f"{record['size']}-{record['seed']}: failed: {(record.get('error') or w.get('error', ''))[-200:]}"
    return (f"{record['size']}-{record['seed']}: {w.get('status')} objective {num(w.get('objective'))} gap {pct(w.get('gap'))} "
            f"in {num(w.get('wall_seconds'), 1)} s, {num(w.get('peak_mb'), 0)} MB; served {w.get('served')} "
            f"(greedy {record.get('greedy', {}).get('served')}); travel/greedy {num(c.get('travel_vs_greedy'), 3)}; "
            f"vs HiGHS {pct(c.get('wsplan_vs_highs'), 3)}; violations {w.get('check', {}).get('violations')}")


def mean(values):
    """The mean of the numbers; a text (such as "CP-SAT: no plan") when every run has that text instead."""
    values = [v for v in values if v is not None]
    numbers = [v for v in values if not isinstance(v, str)]
    if numbers:
        return sum(numbers) / len(numbers)
    return values[0] if values else None


def markdown(results):
    m = results["machine"]
    runs = results["runs"]
    lines = [
        "# Benchmarks",
        "",
        "Generated by `scripts/benchmark.sh" + (" --quick" if results.get("quick") else "")
        + "` (release build); raw figures in `bench/results.json`. Run the same command to regenerate this file.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        f"| CPU | {m.get('cpu')} |",
        f"| cores | {m.get('cores')} |",
        f"| memory | {num(m.get('memory_gb'), 1)} GB |",
        f"| OS | {m.get('os')} |",
        f"| Swift | {m.get('swift')} |",
        f"| GLPK | {m.get('glpk')} |",
        f"| HiGHS | {m.get('highs')} (PyPI highspy) |",
        f"| date | {m.get('date')} |",
        f"| load average at start | {', '.join(str(x) for x in m.get('load_average_at_start') or [])} |",
        f"| commit | {m.get('commit')} |",
        "",
        "## What is measured",
        "",
        "Each run generates a scenario with `wsplan generate` (sizes of issue 6: S = 20 requests / 5 trainers /"
        " one quarter, M = 60 / 8 / one year, L = 150 / 14 / one year, XL = 400 / 30 / two years; seeds 1, 2, …),"
        " then:",
        "",
        "- **wsplan**: `wsplan solve --time-limit T` (GLPK). *seconds* is the wall clock of the whole command"
        " (reading, candidates, model, solving, writing); *build* is `build_seconds` of plan.json (candidates,"
        " greedy start, the relaxation's LP, building the model); *peak MB* is the process's maximum resident"
        " memory; *check* is `wsplan check` on the plan (rule violations).",
        "- **greedy**: `wsplan solve --method greedy`, the office's hand-made plan: requests in arrival order,"
        " each with the pair of cheapest travel that still fits and the earliest feasible workshop days.",
        "- **HiGHS**: the exact MIP wsplan gives GLPK (`--write-model`, free MPS) solved by HiGHS under the same"
        " time limit. Objectives are on plan.json's scale (the MPS objective constant is HiGHS's offset, zero"
        " today). *to common* is the time each solver needed to reach the objective both reached (wsplan from"
        " handing GLPK the model, with its greedy start; HiGHS from the start of its search).",
        "- Gaps are `(objective − bound) / max(|objective|, 1)` for both solvers.",
        "",
    ]
    sizes = [s for s in SIZE_ORDER if any(r["size"] == s for r in runs)]
    lines += ["## Summary (means over seeds)", "",
              "| size | runs | rows | columns | non-zeros | build s | seconds | optimal | gap | peak MB | served / requests"
              " | greedy served | travel / greedy | HiGHS gap | wsplan vs HiGHS | time to common: wsplan / HiGHS"
              " | CP-SAT gap | wsplan vs CP-SAT | time to CP-SAT's objective: wsplan / CP-SAT | violations |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        rs = [r for r in runs if r["size"] == size]
        ws = [r.get("wsplan", {}) for r in rs]
        cs = [r.get("comparison", {}) for r in rs]
        optimal = sum(1 for w in ws if w.get("status") == "optimal")
        violations = sum((w.get("check") or {}).get("violations") or 0 for w in ws)
        lines.append(
            f"| {size} | {len(rs)} | {num(mean(w.get('rows') for w in ws), 0)} | {num(mean(w.get('columns') for w in ws), 0)}"
            f" | {num(mean(w.get('nonzeros') for w in ws), 0)} | {num(mean(w.get('build_seconds') for w in ws), 1)}"
            f" | {num(mean(w.get('wall_seconds') for w in ws), 1)} | {optimal}/{len(rs)} | {pct(mean(w.get('gap') for w in ws))}"
            f" | {num(max([w.get('peak_mb') or 0 for w in ws]), 0)} (max) | {num(mean(w.get('served') for w in ws), 1)} / {rs[0]['requests']}"
            f" | {num(mean(r.get('greedy', {}).get('served') for r in rs), 1)} | {num(mean(c.get('travel_vs_greedy') for c in cs), 3)}"
            f" | {pct(mean(c.get('highs_gap') for c in cs))} | {pct(mean(c.get('wsplan_vs_highs') for c in cs), 3)}"
            f" | {num(mean(c.get('time_ratio_to_common') for c in cs), 2)} | {pct(mean(c.get('cpsat_gap') for c in cs))}"
            f" | {pct(mean(c.get('wsplan_vs_cpsat') for c in cs), 3)} | {num(mean(c.get('time_ratio_to_cpsat') for c in cs), 3)}"
            f" | {violations} |")
    lines += ["", "## Targets (issues 6 and 12)", "",
              "| size | target | limit | met | worst value | missed by (worst) |",
              "| --- | --- | --- | ---: | --- | --- |"]
    for size in sizes:
        rs = [r for r in runs if r["size"] == size]
        per_run = [targets(r) for r in rs]
        for i, target in enumerate(per_run[0] if per_run else []):
            items = [t[i] for t in per_run]
            met = sum(1 for t in items if t["met"])
            measured = sum(1 for t in items if t["met"] is not None)
            misses = [t for t in items if t["met"] is False]
            worst = max(misses, key=lambda t: t["missed_by"] if isinstance(t["missed_by"], (int, float)) else float("inf"),
                        default=None)
            # Every target is an upper limit: with no miss, the worst is the largest value measured.
            largest = max((t for t in items if t["met"] is not None and isinstance(t["value"], (int, float))),
                          key=lambda t: t["value"], default=None)
            shown = worst or largest or next((t for t in reversed(items) if t["met"] is not None), items[-1])
            lines.append(f"| {size} | {target['name']} | {fmt_target(target['name'], target['limit'])}"
                         f" | {met}/{measured}{f' ({len(items) - measured} n/a)' if measured < len(items) else ''}"
                         f" | {fmt_target(target['name'], shown['value'])}"
                         f" | {fmt_target(target['name'], worst['missed_by']) if worst else '–'} |")
    for size in sizes:
        rs = [r for r in runs if r["size"] == size]
        lines += ["", f"## {size}: {rs[0]['requests']} requests, {rs[0]['trainers']} trainers, {rs[0]['months']} months,"
                  f" demand {rs[0].get('demand', 1)}, time limit {rs[0]['time_limit']} s", "",
                  "| seed | rows | columns | non-zeros | build s | seconds | status | objective | bound | gap | peak MB | check"
                  " | served | greedy served | greedy travel | travel | travel / greedy | HiGHS status | HiGHS objective"
                  " | HiGHS bound | HiGHS gap | HiGHS s | HiGHS MB | wsplan s to common | HiGHS s to common"
                  " | CP-SAT status | CP-SAT objective | CP-SAT bound | CP-SAT columns | CP-SAT s to its objective | wsplan s to it |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in rs:
            w, g, h, c = r.get("wsplan", {}), r.get("greedy", {}), r.get("highs", {}), r.get("comparison", {})
            if "error" in w or "error" in r:
                lines.append(f"| {r['seed']} | failed: {(r.get('error') or w.get('error', '')).splitlines()[-1:]} |")
                continue
            chk = w.get("check", {})
            lines.append(
                f"| {r['seed']} | {num(w.get('rows'), 0)} | {num(w.get('columns'), 0)} | {num(w.get('nonzeros'), 0)}"
                f" | {num(w.get('build_seconds'), 1)} | {num(w.get('wall_seconds'), 1)} | {w.get('status')}"
                f" | {num(w.get('objective'))} | {num(w.get('bound'))} | {pct(w.get('gap'))} | {num(w.get('peak_mb'), 0)}"
                f" | {'ok' if chk.get('exit') == 0 else str(chk.get('violations')) + ' violations'}"
                f" | {w.get('served')} | {g.get('served')} | {num(g.get('travel'))} | {num(w.get('travel'))}"
                f" | {num(c.get('travel_vs_greedy'), 3)} | {h.get('status', '–')} | {num(h.get('objective'))}"
                f" | {num(h.get('bound'))} | {pct(c.get('highs_gap'))} | {num(h.get('seconds'), 1)} | {num(h.get('peak_mb'), 0)}"
                f" | {num(c.get('wsplan_seconds_to_common'), 1)} | {num(c.get('highs_seconds_to_common'), 1)}"
                f" | {cpsat_status(r.get('cpsat', {}))} | {num(r.get('cpsat', {}).get('objective'))} | {num(r.get('cpsat', {}).get('bound'))}"
                f" | {num(r.get('cpsat', {}).get('columns'), 0)} | {num(c.get('cpsat_seconds_to_own_objective'), 1)}"
                f" | {num(c.get('wsplan_seconds_to_cpsat_objective'), 1)} |")
    notes = automatic_notes(results)
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    if results.get("analysis"):
        lines += ["", "## Analysis", "", results["analysis"].strip()]
    lines.append("")
    return "\n".join(lines)


def cpsat_status(cp):
    if not cp:
        return "–"
    if cp.get("status") == "skipped":
        return "skipped: " + cp.get("message", "")
    return cp.get("status", "–")


def automatic_notes(results):
    """Facts the figures imply: noise on the machine, and for each missed target what the run shows about why."""
    notes = []
    m = results["machine"]
    load = (m.get("load_average_at_start") or [0])[0]
    if m.get("cores") and load > 0.5 * m["cores"]:
        notes.append(f"The machine was busy when the benchmark started (load average {load} on {m['cores']} cores):"
                     " times are noisy and longer than on a quiet machine.")
    if results.get("quick"):
        notes.append("Quick run (`--quick`): size S only, one seed, short time limits; not the figures of the targets.")
    for r in results["runs"]:
        w, c, h = r.get("wsplan", {}), r.get("comparison", {}), r.get("highs", {})
        name = f"{r['size']} seed {r['seed']}"
        if h.get("seconds") and h["seconds"] > 1.2 * r["time_limit"] + 5:
            notes.append(f"{name}: HiGHS ran {num(h['seconds'], 1)} s against its limit of {r['time_limit']} s"
                         " (it looks at the clock only between phases of its search).")
        if h and h.get("objective") is None and "status" in h:
            notes.append(f"{name}: HiGHS found no plan within the limit ({h['status']}).")
        for t in targets(r):
            if t["met"] is not False:
                continue
            why = ""
            if t["name"] in ("gap", "proven optimal", "objective vs HiGHS"):
                better = c.get("wsplan_vs_highs")
                if better is not None and better > 1e-4:
                    why = f"HiGHS found a plan {pct(better, 3)} cheaper on the same model: GLPK's search falls short"
                elif c.get("highs_gap") is not None and c["highs_gap"] > 0.001:
                    why = f"HiGHS also ends {pct(c['highs_gap'])} from its bound on this model: a hard instance"
                elif better is not None:
                    why = "HiGHS found no better plan: wsplan's bound is what is short of proving it"
                elif h and h.get("objective") is None:
                    why = "HiGHS found no plan on the same model within the limit either"
            elif t["name"] == "seconds" and w.get("status") == "optimal":
                why = "proven optimal, but slower than the target"
            elif t["name"] == "seconds":
                why = "the time limit ran out before the proof"
            elif t["name"] == "travel / greedy travel":
                more = c.get("served_minus_greedy")
                if more and more > 0:
                    why = f"wsplan serves {more} request(s) more than greedy, whose travel counts in the total"
                if c.get("travel_per_served_vs_greedy") is not None:
                    why = (why + "; " if why else "") + f"per served request {num(c['travel_per_served_vs_greedy'], 3)}"
            missed = fmt_target(t["name"], t["missed_by"])
            notes.append(f"{name}: {t['name']} missed by {missed}" + (f" – {why}." if why else "."))
    return notes


def fmt_target(name, value):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if name in ("gap", "objective vs HiGHS", "proven optimal", "objective vs CP-SAT"):
        return pct(value, 3)
    if name in ("travel / greedy travel", "wall / time limit", "time to CP-SAT's objective / CP-SAT's"):
        return num(value, 3)
    if name in ("seconds",):
        return num(value, 1) + " s"
    if name == "peak MB":
        return num(value, 0) + " MB"
    return str(value)
