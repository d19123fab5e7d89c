"""Solves a scenario's complete problem (every allowed pair, every date) with OR-Tools CP-SAT and
prints one JSON object on stdout: a peer of wsplan at the same time limit.

The model is built from the independent oracle's code (Tests/oracle/oracle.py, written from SPEC
alone, not from wsplan's pruned export): its Scenario, calendars (working days, holidays, school
holidays, closure), allowed pairs, distances and travel ledger, bookings and caps. It is the
oracle's problem written the way CP-SAT likes it, not the oracle's column list:

  y[r,pair]   1 if request r is served by that pair (every allowed pair); at most one per request
  z[r,t]      = the sum of y[r,pair] over the pairs with trainer t
  P, W, F     request r's preparation, first workshop and follow-up day (day numbers); their domains
              are every day the oracle allows: working days of r's state and window, after the
              planning start, W and W+1 both working (R2–R4, R6)
  gaps        W - P and F - W within the rules when r is served; |gap - target| priced exactly
  trainers    per trainer one NoOverlap of the intervals [P, P+1), [W, W+2), [F, F+1) of every
              request, present when z[r,t] = 1, and of fixed intervals on the trainer's unavailable
              and booked days (R5, R9)
  caps        sum_r z[r,t] <= max_packages - booked (R7); for max_days_per_month, month literals of
              each event day and per (request, trainer, month) a count n >= those literals' sum
              when z[r,t] (months where the cap cannot bind, because the trainer cannot have that
              many busy days in them, are left out)
  load        L >= booked_t + sum_r z[r,t], priced max_load_eur

This is the same feasible set and the same objective (SPEC §4, in cents: travel is whole cents per
event, the weights are whole euros) as the oracle's x/P/F model, without materialising the
(pair x W x P x F) product: the oracle's model has about 300,000 columns on a 20-request quarter
and more than 3 million on a 60-request year; this one has about 1,500 variables on the quarter
and 14,000 on the year (mostly the month-cap counts), built in 0.2 and 1.5 s. Package caps are
written on the pair literals y so that CP-SAT's LP sees the capacity (through z it did not, and
the scarce rows had no useful bound). bench/test_cpsat.py checks the optimum against the oracle's
HiGHS optimum to the cent.

CP-SAT starts from a hint: a greedy plan made here from the same data (by priority, then the
fewest workshop days; cheapest pair, workshop day and gaps that fit), complete over every
variable, so CP-SAT takes it as its first solution after presolve. `--no-hint` leaves it out.
`--formulation columns` hands over the oracle's `build_model` rows instead (the former peer).
The clock starts when the script starts: reading, building and the hint count against the limit.

    python3 bench/cpsat_solve.py SCENARIO.yaml --time-limit 60 [--workers 2] [--no-hint]
"""
import time

STARTED = time.monotonic()  # the run's clock starts before the imports (ortools takes a second)

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "oracle"))
import oracle  # noqa: E402

SCALE = 100  # cents
LARGE = 40_000  # variables above which CP-SAT's presolve skips probing (measured on L, see solve)


def cents_int(euros):
    return int(round(float(euros) * SCALE))


def day_runs(days):
    """Sorted day numbers as (first, length) runs of consecutive days."""
    runs = []
    for d in sorted(days):
        if runs and runs[-1][0] + runs[-1][1] == d:
            runs[-1][1] += 1
        else:
            runs.append([d, 1])
    return runs


class Compact:
    """The complete problem as a CP-SAT model (see the module's docstring); `decode` reads a plan."""

    def __init__(self, sc, deadline=None):
        from ortools.sat.python import cp_model

        self.sc = sc
        m = self.model = cp_model.CpModel()
        one = dt.timedelta(days=1)
        W_ = sc.weights
        pg, fg = sc.rules["prep_gap_days"], sc.rules["followup_gap_days"]
        pmin, pmax, ptarget = int(pg["min"]), int(pg["max"]), int(pg["target"])
        fmin, fmax, ftarget = int(fg["min"]), int(fg["max"]), int(fg["target"])
        trainers = sorted(sc.trainers)
        self.booked, self.open = oracle.booked_and_open(sc)
        busy, booked_month_days, booked_in_horizon = oracle.commitments(sc)
        self.booked_in_horizon, self.booked_month_days, self.busy = booked_in_horizon, booked_month_days, busy
        self.gaps = (pmin, pmax, ptarget, fmin, fmax, ftarget)
        self.gap_cents = (cents_int(W_["prep_gap_eur"]), cents_int(W_["followup_gap_eur"]))
        start = sc.start.toordinal()

        self.constant = 0  # cents
        objective_vars, objective_coefs = [], []
        self.requests = {}   # rid -> dict of its variables
        z_of = defaultdict(dict)  # t -> rid -> z literal
        event_days = set()   # every day any event may fall on (for the month caps)
        lo_day, hi_day = None, None

        for rid in self.open:
            r = sc.requests[rid]
            unscheduled = cents_int(r["priority"] * float(W_["unscheduled_eur"]))
            self.constant += unscheduled
            pairs = oracle.allowed_pairs(sc, rid)
            Ws = [w.toordinal() for w in oracle.workshop_days(sc, rid)]
            if not pairs or not Ws:
                continue
            working = {}

            def works(d):
                if d not in working:
                    working[d] = sc.working_day(rid, dt.date.fromordinal(d))
                return working[d]

            Ps = sorted({w - k for w in Ws for k in range(pmin, pmax + 1)
                         if w - k >= start and works(w - k)})
            Fs = sorted({w + k for w in Ws for k in range(fmin, fmax + 1) if w + k >= start and works(w + k)})
            # Keep W only where some P and some F fit (the oracle's columns need both).
            pset, fset = set(Ps), set(Fs)
            Ws = [w for w in Ws if any(w - k in pset for k in range(pmin, pmax + 1))
                  and any(w + k in fset for k in range(fmin, fmax + 1))]
            if not Ws:
                continue
            wset = set(Ws)
            Ps = [p for p in Ps if any(p + k in wset for k in range(pmin, pmax + 1))]
            Fs = [f for f in Fs if any(f - k in wset for k in range(fmin, fmax + 1))]
            Dom = cp_model.Domain.FromValues
            P = m.NewIntVarFromDomain(Dom(Ps), f"P_{rid}")
            W = m.NewIntVarFromDomain(Dom(Ws), f"W_{rid}")
            F = m.NewIntVarFromDomain(Dom(Fs), f"F_{rid}")
            served = m.NewBoolVar(f"served_{rid}")
            ys, pair_cost = {}, {}
            for pair in pairs:
                y = m.NewBoolVar(f"y_{rid}_{pair[0]}_{pair[1]}")
                ys[pair] = y
                travel = oracle.package_travel(sc, rid, pair, oracle.cents)
                bonus = float(W_["preferred_pair_eur"]) if frozenset(pair) in sc.preferred else 0.0
                objective_vars.append(y)
                pair_cost[pair] = cents_int(travel - bonus)
                objective_coefs.append(pair_cost[pair] - unscheduled)
            m.Add(cp_model.LinearExpr.Sum(list(ys.values())) == served)
            # Gaps (R2, R3) when served; |gap - target| in the objective. Unserved, the gap
            # variables are free and cost nothing.
            kp = m.NewIntVar(pmin, pmax, f"kp_{rid}")
            kf = m.NewIntVar(fmin, fmax, f"kf_{rid}")
            m.Add(W - P == kp).OnlyEnforceIf(served)
            m.Add(F - W == kf).OnlyEnforceIf(served)
            dp = m.NewIntVar(0, max(abs(pmin - ptarget), abs(pmax - ptarget)), f"dp_{rid}")
            df = m.NewIntVar(0, max(abs(fmin - ftarget), abs(fmax - ftarget)), f"df_{rid}")
            m.AddAbsEquality(dp, kp - ptarget)
            m.AddAbsEquality(df, kf - ftarget)
            for var, weight in ((dp, W_["prep_gap_eur"]), (df, W_["followup_gap_eur"])):
                if cents_int(weight):
                    objective_vars.append(var)
                    objective_coefs.append(cents_int(weight))
            zs = {}
            for t in trainers:
                mine = [y for pair, y in ys.items() if t in pair]
                if not mine:
                    continue
                z = m.NewBoolVar(f"z_{rid}_{t}")
                m.Add(cp_model.LinearExpr.Sum(mine) == z)
                zs[t] = z
                z_of[t][rid] = z
            self.requests[rid] = {"P": P, "W": W, "F": F, "served": served, "y": ys, "z": zs,
                                  "Ps": Ps, "Ws": Ws, "Fs": Fs, "kp": kp, "kf": kf, "dp": dp, "df": df,
                                  "pair_cost": pair_cost, "priority": r["priority"]}
            event_days.update(Ps)
            event_days.update(Ws)
            event_days.update(w + 1 for w in Ws)
            event_days.update(Fs)
            lo_day = min(Ps[0], lo_day if lo_day is not None else Ps[0])
            hi_day = max(Fs[-1], hi_day if hi_day is not None else Fs[-1])
            if deadline is not None and time.monotonic() > deadline:
                raise oracle.TooLarge("not built within the time limit")

        # R5/R9: one event per trainer and day, nothing on unavailable or booked days.
        self.intervals = 0
        for t in trainers:
            intervals = []
            for rid, z in z_of[t].items():
                v = self.requests[rid]
                intervals.append(m.NewOptionalFixedSizeIntervalVar(v["P"], 1, z, f"iP_{rid}_{t}"))
                intervals.append(m.NewOptionalFixedSizeIntervalVar(v["W"], 2, z, f"iW_{rid}_{t}"))
                intervals.append(m.NewOptionalFixedSizeIntervalVar(v["F"], 1, z, f"iF_{rid}_{t}"))
            if not intervals:
                continue
            blocked = {d.toordinal() for d in sc.trainers[t]["unavailable"] | busy[t]}
            blocked = {d for d in blocked if lo_day <= d <= hi_day + 1}
            for first, length in day_runs(blocked):
                intervals.append(m.NewFixedSizeIntervalVar(first, length, f"off_{t}_{first}"))
            m.AddNoOverlap(intervals)
            self.intervals += len(intervals)

        # R7: packages per trainer (every open request's W is in the horizon), written on the
        # pair literals themselves so that CP-SAT's LP relaxation sees the capacity.
        for t in trainers:
            cap = sc.trainers[t]["max_packages"]
            if cap is not None and z_of[t]:
                mine = [y for rid in z_of[t] for pair, y in self.requests[rid]["y"].items() if t in pair]
                m.Add(cp_model.LinearExpr.Sum(mine) <= int(cap) - booked_in_horizon[t])

        # R7: days per trainer and month. Month literals per request and event, made on demand.
        self.month_literals = 0
        self.month_hints = []   # (literal, rid, event, first, last) and (q, literal, z) for the hint
        self.product_hints = []
        month_lits = {}

        def in_month(rid, event, first, last):
            """A literal (or True) for: request rid's event day lies in [first, last]."""
            key = (rid, event, first)
            if key in month_lits:
                return month_lits[key]
            v = self.requests[rid]
            var, dom, shift = {"P": (v["P"], v["Ps"], 0), "W1": (v["W"], v["Ws"], 0),
                               "W2": (v["W"], v["Ws"], 1), "F": (v["F"], v["Fs"], 0)}[event]
            inside = [d for d in dom if first <= d + shift <= last]
            if not inside:
                lit = None
            elif len(inside) == len(dom):
                lit = True
            else:
                lit = m.NewBoolVar(f"in_{rid}_{event}_{first}")
                self.month_hints.append((lit, rid, event, first, last))
                outside = [d for d in dom if not first <= d + shift <= last]
                m.AddLinearExpressionInDomain(var, cp_model.Domain.FromValues(inside)).OnlyEnforceIf(lit)
                m.AddLinearExpressionInDomain(var, cp_model.Domain.FromValues(outside)).OnlyEnforceIf(lit.Not())
                self.month_literals += 1
            month_lits[key] = lit
            return lit

        months = sorted({(d.year, d.month) for d in map(dt.date.fromordinal, event_days)})
        for t in trainers:
            cap = sc.trainers[t]["max_days_per_month"]
            if cap is None or not z_of[t]:
                continue
            off = {d.toordinal() for d in sc.trainers[t]["unavailable"] | busy[t]}
            for (year, month) in months:
                first = dt.date(year, month, 1).toordinal()
                last = (dt.date(year + month // 12, month % 12 + 1, 1) - one).toordinal()
                left = int(cap) - booked_month_days[(t, (year, month))]
                possible = sum(1 for d in range(first, last + 1) if d in event_days and d not in off)
                if possible <= left:
                    continue  # cannot bind: at most one event a day on the days it could work
                terms, most = [], 0
                for rid, z in z_of[t].items():
                    lits = [in_month(rid, event, first, last) for event in ("P", "W1", "W2", "F")]
                    fixed = sum(1 for lit in lits if lit is True)
                    free = [lit for lit in lits if lit is not None and lit is not True]
                    if not free:
                        if fixed:
                            terms.append(fixed * z)
                            most += fixed
                        continue
                    # n = request rid's event days in this month when t works it, else 0 (or more:
                    # only n >= that matters under the cap).
                    n = m.NewIntVar(0, fixed + len(free), f"n_{rid}_{t}_{first}")
                    m.Add(n >= fixed + cp_model.LinearExpr.Sum(free)).OnlyEnforceIf(z)
                    self.product_hints.append((n, free, fixed, rid, t))
                    terms.append(n)
                    most += fixed + len(free)
                if most > left:
                    m.Add(cp_model.LinearExpr.Sum(terms) <= left)

        # max_load term: L >= booked_t + sum_r z[r,t].
        self.load = None
        if float(W_["max_load_eur"]) > 0:
            most = len(self.open) + max(list(booked_in_horizon.values()) + [0])
            L = self.load = m.NewIntVar(0, most, "L")
            for t in trainers:
                m.Add(L - cp_model.LinearExpr.Sum(list(z_of[t].values())) >= booked_in_horizon[t])
            objective_vars.append(L)
            objective_coefs.append(cents_int(W_["max_load_eur"]))

        m.Minimize(cp_model.LinearExpr.WeightedSum(objective_vars, objective_coefs) + self.constant)

    def greedy_hint(self, deadline=None):
        """A first plan for CP-SAT's hint, made here from the same data (not wsplan's): requests
        by priority, then the fewest workshop days first; each takes the cheapest pair, workshop
        day and gaps that keep every trainer's days, caps and months free, or stays out. Returns
        the plan's objective in cents."""
        sc, m = self.sc, self.model
        pmin, pmax, ptarget, fmin, fmax, ftarget = self.gaps
        pc, fc = self.gap_cents
        off = {t: {d.toordinal() for d in sc.trainers[t]["unavailable"] | self.busy[t]} for t in sc.trainers}
        packages = {t: int(sc.trainers[t]["max_packages"]) - self.booked_in_horizon[t]
                     if sc.trainers[t]["max_packages"] is not None else None for t in sc.trainers}
        month_left = {}

        def month_ok(t, days):
            cap = sc.trainers[t]["max_days_per_month"]
            if cap is None:
                return True
            need = defaultdict(int)
            for d in days:
                date = dt.date.fromordinal(d)
                need[(date.year, date.month)] += 1
            left = month_left.setdefault(t, {})
            for key, n in need.items():
                if key not in left:
                    left[key] = int(cap) - self.booked_month_days[(t, key)]
                if left[key] < n:
                    return False
            return True

        # P offsets and F offsets, cheapest first.
        p_order = sorted(range(pmin, pmax + 1), key=lambda k: (abs(k - ptarget), k))
        f_order = sorted(range(fmin, fmax + 1), key=lambda k: (abs(k - ftarget), k))
        order = sorted(self.requests, key=lambda rid: (-self.requests[rid]["priority"], len(self.requests[rid]["Ws"])))
        total = self.constant
        for rid in order:
            v = self.requests[rid]
            pset, fset = set(v["Ps"]), set(v["Fs"])
            best = None
            for pair, cost in sorted(v["pair_cost"].items(), key=lambda item: item[1]):
                if best is not None and cost >= best[0]:
                    break
                a, b = pair
                if any(packages[t] is not None and packages[t] < 1 for t in pair):
                    continue
                for w in v["Ws"]:
                    if w in off[a] or w in off[b] or w + 1 in off[a] or w + 1 in off[b]:
                        continue
                    p = next((w - k for k in p_order if w - k in pset and w - k not in off[a] and w - k not in off[b]), None)
                    f = next((w + k for k in f_order if w + k in fset and w + k not in off[a] and w + k not in off[b]), None)
                    if p is None or f is None:
                        continue
                    price = cost + pc * abs(w - p - ptarget) + fc * abs(f - w - ftarget)
                    if best is not None and price >= best[0]:
                        continue
                    if not all(month_ok(t, (p, w, w + 1, f)) for t in pair):
                        continue
                    best = (price, pair, p, w, f)
            if deadline is not None and time.monotonic() > deadline:
                return None
            if best is None:
                continue
            price, pair, p, w, f = best
            for t in pair:
                off[t].update((p, w, w + 1, f))
                if packages[t] is not None:
                    packages[t] -= 1
                for d in (p, w, w + 1, f):
                    date = dt.date.fromordinal(d)
                    if t in month_left and (date.year, date.month) in month_left[t]:
                        month_left[t][(date.year, date.month)] -= 1
            total += price - int(round(v["priority"] * float(sc.weights["unscheduled_eur"]) * SCALE))
            v["hint"] = (pair, p, w, f)
        for rid, v in self.requests.items():
            chosen = v.get("hint")
            m.AddHint(v["served"], chosen is not None)
            for pair, y in v["y"].items():
                m.AddHint(y, chosen is not None and chosen[0] == pair)
            for t, z in v["z"].items():
                m.AddHint(z, chosen is not None and t in chosen[0])
            if chosen is not None:
                _, p, w, f = chosen
                kp, kf = w - p, f - w
            else:  # unserved: any days of its domains, the gaps at their targets (free, unpriced)
                p, w, f, kp, kf = v["Ps"][0], v["Ws"][0], v["Fs"][0], ptarget, ftarget
                v["dates"] = (None, p, w, f)
            for var, value in ((v["P"], p), (v["W"], w), (v["F"], f), (v["kp"], kp), (v["kf"], kf),
                               (v["dp"], abs(kp - ptarget)), (v["df"], abs(kf - ftarget))):
                m.AddHint(var, value)
        # The month literals and their products with z, so that the hint is complete.
        values = {}
        for lit, rid, event, first, last in self.month_hints:
            v = self.requests[rid]
            chosen = v.get("hint") or v["dates"]
            day = {"P": 1, "W1": 2, "W2": 2, "F": 3}[event]
            inside = first <= chosen[day] + (event == "W2") <= last
            values[lit.Index()] = inside
            m.AddHint(lit, inside)
        for n, free, fixed, rid, t in self.product_hints:
            chosen = self.requests[rid].get("hint")
            works = chosen is not None and t in chosen[0]
            m.AddHint(n, fixed + sum(values[lit.Index()] for lit in free) if works else 0)
        if self.load is not None:
            load = defaultdict(int, self.booked_in_horizon)
            for v in self.requests.values():
                for t in (v["hint"][0] if v.get("hint") else ()):
                    load[t] += 1
            most = max([load[t] for t in sc.trainers] + [0])
            m.AddHint(self.load, most)
            total += most * cents_int(sc.weights["max_load_eur"])
        return total

    def size(self):
        proto = self.model.Proto()
        return len(proto.variables), len(proto.constraints)

    def decode(self, solver):
        """The plan's packages, in the layout of oracle.evaluate_plan."""
        packages = []
        for rid, v in self.requests.items():
            if not solver.BooleanValue(v["served"]):
                continue
            pair = [p for p, y in v["y"].items() if solver.BooleanValue(y)][0]
            w = dt.date.fromordinal(solver.Value(v["W"]))
            packages.append({"municipality": rid, "trainers": list(pair),
                             "preparation": dt.date.fromordinal(solver.Value(v["P"])).isoformat(),
                             "workshop": [w.isoformat(), (w + dt.timedelta(days=1)).isoformat()],
                             "followup": dt.date.fromordinal(solver.Value(v["F"])).isoformat()})
        for b in self.sc.bookings:
            packages.append({"municipality": b["municipality"], "trainers": b["trainers"], "pinned": True,
                             "preparation": b["preparation"].isoformat(),
                             "workshop": [d.isoformat() for d in b["workshop"]],
                             "followup": b["followup"].isoformat()})
        return packages


def columns_model(sc, started, time_limit, max_columns):
    """The former peer: the oracle's x/P/F column model (`build_model`) handed over row by row."""
    from ortools.sat.python import cp_model

    exact = oracle.build_model(sc, round_travel="event", max_columns=max_columns, deadline=started + time_limit)
    model = cp_model.CpModel()
    n = len(exact.cost)
    most = len(exact.open_requests) + max(list(exact.booked_in_horizon.values()) + [0])
    x = [model.NewIntVar(0, most, "L") if j == exact.load_column else model.NewBoolVar(f"x{j}") for j in range(n)]
    for lower, upper, entries in exact.rows:
        expression = cp_model.LinearExpr.WeightedSum([x[j] for j, _ in entries], [int(round(c)) for _, c in entries])
        model.AddLinearConstraint(expression, cp_model.INT_MIN if lower is None else int(round(lower)),
                                  cp_model.INT_MAX if upper is None else int(round(upper)))
    costs = [(cents_int(c), v) for c, v in zip(exact.cost, x) if cents_int(c)]
    model.Minimize(cp_model.LinearExpr.WeightedSum([v for _, v in costs], [c for c, _ in costs])
                   + cents_int(exact.constant))
    return model, n, len(exact.rows)


def solve(path, time_limit, workers, max_columns, formulation="compact", keep_plan=False, hint=True):
    from ortools.sat.python import cp_model

    started = STARTED if __name__ == "__main__" else time.monotonic()
    scenario = oracle.Scenario(path)
    compact = None
    try:
        if formulation == "compact":
            compact = Compact(scenario, deadline=started + time_limit)
            model = compact.model
            columns, rows = compact.size()
            hint_cents = compact.greedy_hint(deadline=started + time_limit) if hint else None
        else:
            model, columns, rows = columns_model(scenario, started, time_limit, max_columns)
    except oracle.TooLarge as error:
        return {"status": "skipped", "message": f"complete model too large for CP-SAT from Python: {error}",
                "build_seconds": round(time.monotonic() - started, 3)}
    build_seconds = time.monotonic() - started

    improving = []  # (seconds since the start, including the build, objective)
    run_started = time.monotonic()

    class Recorder(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self):
            improving.append([round(time.monotonic() - started, 3), round(self.ObjectiveValue() / SCALE, 2)])

    solver = cp_model.CpSolver()
    # The time limit is the whole run's, like wsplan's: building the model counts.
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - build_seconds)
    solver.parameters.num_workers = workers
    if columns > LARGE:
        # Presolve's probing takes about 90 s of wall time on L (60,000 variables, 1 % of its
        # deterministic budget); without it L seed 1 ends at 96,546 instead of 98,504 in 300 s.
        solver.parameters.cp_model_probing_level = 0
    status = solver.Solve(model, Recorder())
    seconds = time.monotonic() - run_started
    name = solver.StatusName(status)
    has_solution = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    out = {
        "status": name.lower(),
        "objective": round(solver.ObjectiveValue() / SCALE, 2) if has_solution else None,
        "bound": round(solver.BestObjectiveBound() / SCALE, 2) if has_solution else None,
        "seconds": round(seconds, 3),
        "build_seconds": round(build_seconds, 3),
        "columns": columns,
        "rows": rows,
        "workers": workers,
        "formulation": formulation,
        "hint_objective": None if compact is None or hint_cents is None else round(hint_cents / SCALE, 2),
        "improving": improving,
    }
    if keep_plan and has_solution and compact is not None:
        out["packages"] = compact.decode(solver)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--time-limit", type=float, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--formulation", choices=["compact", "columns"], default="compact",
                        help="compact: the CP-SAT model above (default); columns: the oracle's column model")
    parser.add_argument("--max-columns", type=int, default=3_000_000, help="only for --formulation columns")
    parser.add_argument("--plan", action="store_true", help="also print the plan's packages (compact only)")
    parser.add_argument("--no-hint", action="store_true", help="no greedy first plan as CP-SAT's hint (compact only)")
    args = parser.parse_args(argv)
    json.dump(solve(args.scenario, args.time_limit, args.workers, args.max_columns, args.formulation, args.plan,
                    not args.no_hint),
              sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
