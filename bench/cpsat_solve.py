"""Solves a scenario's complete problem (every allowed pair, every date) with OR-Tools CP-SAT and
prints one JSON object on stdout: a peer of wsplan at the same time limit.

The model is the independent oracle's (Tests/oracle/oracle.py, written from SPEC alone, not from
wsplan's pruned export): `build_model` gives the columns and rows, here solved by CP-SAT instead
of HiGHS. CP-SAT needs whole-number costs: every cost is taken in cents (travel is whole cents
per event already; gap and load weights are whole euros), so the optimum is the same.

    python3 bench/cpsat_solve.py SCENARIO.yaml --time-limit 60 [--workers 2] [--max-columns N]
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "oracle"))
import oracle  # noqa: E402


def solve(path, time_limit, workers, max_columns):
    from ortools.sat.python import cp_model

    started = time.monotonic()
    scenario = oracle.Scenario(path)
    try:
        # Exact travel per event (SPEC §3), as wsplan prices it.
        exact = oracle.build_model(scenario, round_travel="event", max_columns=max_columns,
                                   deadline=started + time_limit)
    except oracle.TooLarge as error:
        return {"status": "skipped", "message": f"complete model too large for CP-SAT from Python: {error}",
                "build_seconds": round(time.monotonic() - started, 3)}
    model = cp_model.CpModel()
    n = len(exact.cost)
    most = len(exact.open_requests) + max(list(exact.booked_in_horizon.values()) + [0])
    x = [model.NewIntVar(0, most, "L") if j == exact.load_column else model.NewBoolVar(f"x{j}") for j in range(n)]
    scale = 100
    for lower, upper, entries in exact.rows:
        expression = sum(int(round(c)) * x[j] for j, c in entries)
        if lower is not None and upper is not None and lower == upper:
            model.Add(expression == int(round(lower)))
            continue
        if lower is not None:
            model.Add(expression >= int(round(lower)))
        if upper is not None:
            model.Add(expression <= int(round(upper)))
    cents = [int(round(c * scale)) for c in exact.cost]
    model.Minimize(sum(c * v for c, v in zip(cents, x) if c))
    constant = exact.constant
    build_seconds = time.monotonic() - started

    improving = []  # (seconds since the start, including the build, objective)
    run_started = time.monotonic()

    class Recorder(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self):
            improving.append([round(time.monotonic() - started, 3), round(self.ObjectiveValue() / scale + constant, 2)])

    solver = cp_model.CpSolver()
    # The time limit is the whole run's, like wsplan's: building the model counts.
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - build_seconds)
    solver.parameters.num_workers = workers
    status = solver.Solve(model, Recorder())
    seconds = time.monotonic() - run_started
    name = solver.StatusName(status)
    has_solution = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {
        "status": name.lower(),
        "objective": round(solver.ObjectiveValue() / scale + constant, 2) if has_solution else None,
        "bound": round(solver.BestObjectiveBound() / scale + constant, 2) if has_solution else None,
        "seconds": round(seconds, 3),
        "build_seconds": round(build_seconds, 3),
        "columns": n,
        "rows": len(exact.rows),
        "workers": workers,
        "improving": improving,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--time-limit", type=float, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-columns", type=int, default=3_000_000)
    args = parser.parse_args(argv)
    json.dump(solve(args.scenario, args.time_limit, args.workers, args.max_columns), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
