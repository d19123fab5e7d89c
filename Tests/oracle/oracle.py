#!/usr/bin/env python3
"""Independent exact oracle for the wsplan planning problem (SPEC §2–§4).

Written from /work/shared/SPEC.md only; it shares no code or model with wsplan.

    python3 oracle.py SCENARIO.yaml [--time-limit S] [--round-travel event|none]

Prints JSON: {"status", "objective", "bound", "terms", "served": [...], "unscheduled": [...]}.

Model (exact, no narrowing of dates or pairs):
  x[r,p,W]    = 1 if request r is run by pair p with workshop days W, W+1
  a[r,p,W,P]  = 1 if that package's preparation is on day P   (sum_P a = x)
  b[r,p,W,F]  = 1 if that package's follow-up is on day F      (sum_F b = x)
Every candidate day satisfies R2/R3/R4/R6 by construction and is free of the trainers'
unavailable days and confirmed bookings (R5/R9). Rows: one package per request, one event per
trainer and day (R5), max_packages and max_days_per_month per trainer (R7, confirmed bookings
counted), and L >= packages of each trainer with W in the horizon (max_load term).
Objective = SPEC §4 with the unscheduled term written as a constant minus x-coefficients.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import sys
import time
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
RES = os.path.join(REPO, "Sources", "PlanningIO", "Resources")
STATES = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH")

# --------------------------------------------------------------------------- calendar


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (anonymous Gregorian algorithm / Meeus–Jones–Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holidays(state: str, year: int) -> dict[dt.date, str]:
    """Statewide public holidays exactly as SPEC §2 lists them."""
    e = easter_sunday(year)
    D = lambda m, d: dt.date(year, m, d)  # noqa: E731
    h = {
        D(1, 1): "New Year",
        e - dt.timedelta(days=2): "Good Friday",
        e + dt.timedelta(days=1): "Easter Monday",
        D(5, 1): "Labour Day",
        e + dt.timedelta(days=39): "Ascension",
        e + dt.timedelta(days=50): "Whit Monday",
        D(10, 3): "Unity Day",
        D(12, 25): "Christmas Day",
        D(12, 26): "Boxing Day",
    }
    if state in ("BW", "BY", "ST"):
        h[D(1, 6)] = "Epiphany"
    if state == "BE" or (state == "MV" and year >= 2023):
        h[D(3, 8)] = "Women's Day"
    if state in ("BW", "BY", "HE", "NW", "RP", "SL"):
        h[e + dt.timedelta(days=60)] = "Corpus Christi"
    if state in ("SL", "BY"):
        h[D(8, 15)] = "Assumption"
    if state == "TH" and year >= 2019:
        h[D(9, 20)] = "World Children's Day"
    if state in ("BB", "MV", "SN", "ST", "TH") or (state in ("HB", "HH", "NI", "SH") and year >= 2018):
        h[D(10, 31)] = "Reformation Day"
    if state in ("BW", "BY", "NW", "RP", "SL"):
        h[D(11, 1)] = "All Saints"
    if state == "SN":
        # Buß- und Bettag: the Wednesday before 23 November (strictly before).
        d = D(11, 22)
        while d.weekday() != 2:
            d -= dt.timedelta(days=1)
        h[d] = "Repentance Day"
    return h


def parse_day(v) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v).strip())


def parse_days(v) -> set[dt.date]:
    """Days and a..b ranges, from a list or a ';'-separated string."""
    out: set[dt.date] = set()
    if v is None or v == "":
        return out
    items = v if isinstance(v, list) else str(v).split(";")
    for it in items:
        if isinstance(it, (dt.date, dt.datetime)):
            out.add(parse_day(it))
            continue
        s = str(it).strip()
        if not s:
            continue
        if ".." in s:
            a, b = (parse_day(x) for x in s.split(".."))
            if b < a:
                raise ValueError(f"reversed range {s}")
            d = a
            while d <= b:
                out.add(d)
                d += dt.timedelta(days=1)
        else:
            out.add(parse_day(s))
    return out


def parse_ids(v) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, list):
        return [str(x).strip() for x in v if str(x).strip()]
    return [x.strip() for x in str(v).split(";") if x.strip()]


# --------------------------------------------------------------------------- places


class Gazetteer:
    def __init__(self, path: str = os.path.join(RES, "places.csv")):
        self.rows = []
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.rows.append((r["name"], r["state"], float(r["lat"]), float(r["lon"]), int(r["population"] or 0)))

    def lookup(self, text: str):
        text = text.strip()
        state = None
        if "," in text:
            head, tail = text.rsplit(",", 1)
            if tail.strip().upper() in STATES:
                text, state = head.strip(), tail.strip().upper()
        key = text.casefold()
        hits = [r for r in self.rows if r[0].casefold() == key and (state is None or r[1] == state)]
        if not hits:
            raise ValueError(f"unknown place {text!r}" + (f" in {state}" if state else ""))
        best = max(hits, key=lambda r: r[4])  # biggest population wins for a bare name
        return best[1], best[2], best[3]


def haversine(lat1, lon1, lat2, lon2, radius=6371.0):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def cents(x: float) -> float:
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- scenario


def merged(defaults: dict, given: dict | None) -> dict:
    out = dict(defaults)
    for k, v in (given or {}).items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merged(out[k], v)
        else:
            out[k] = v
    return out


DEFAULT_RULES = {
    "prep_gap_days": {"min": 21, "max": 42, "target": 28},
    "followup_gap_days": {"min": 150, "max": 210, "target": 182},
    "max_participants": 40,
    "avoid_school_holidays": False,
    "office_closure": ["12-24", "01-01"],
}
DEFAULT_TRAVEL = {"eur_per_km": 0.25, "detour_factor": 1.3, "commute_km": 100, "evening_before_km": 250, "hotel_eur": 100}
DEFAULT_WEIGHTS = {"unscheduled_eur": 50000, "prep_gap_eur": 20, "followup_gap_eur": 5,
                   "preferred_pair_eur": 300, "max_load_eur": 0, "move_eur": 500}


def blank(v) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


class Scenario:
    def __init__(self, path: str):
        self.path = path
        base = os.path.dirname(os.path.abspath(path))
        with open(path, encoding="utf-8") as f:
            y = yaml.safe_load(f)
        if "extends" in y:
            raise ValueError("the oracle does not handle extends")
        gaz = Gazetteer()
        self.name = y.get("name", "")
        self.start = parse_day(y["planning_start"])
        self.h_from, self.h_to = parse_day(y["horizon"]["from"]), parse_day(y["horizon"]["to"])
        self.rules = merged(DEFAULT_RULES, y.get("rules"))
        costs = y.get("costs") or {}
        self.costs = costs
        self.travel = merged(DEFAULT_TRAVEL, costs.get("travel"))
        self.weights = merged(DEFAULT_WEIGHTS, y.get("weights"))

        # trainers
        self.trainers = {}
        for t in y["trainers"]:
            home = t["home"]
            if isinstance(home, dict):
                lat, lon = float(home["lat"]), float(home["lon"])
            else:
                _, lat, lon = gaz.lookup(str(home))
            self.trainers[str(t["id"])] = {
                "lat": lat, "lon": lon,
                "max_packages": t.get("max_packages"),
                "max_days_per_month": t.get("max_days_per_month"),
                "unavailable": parse_days(t.get("unavailable")),
            }
        pairs = y.get("pairs") or {}
        self.forbidden = {frozenset(map(str, p)) for p in pairs.get("forbidden") or []}
        self.preferred = {frozenset(map(str, p)) for p in pairs.get("preferred") or []}

        # municipalities
        munis = y["municipalities"]
        if isinstance(munis, str):
            with open(os.path.join(base, munis), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        else:
            rows = munis
        self.requests = {}
        for r in rows:
            rid = str(r["id"]).strip()
            place = r.get("place")
            place = str(place).strip() if not blank(place) else str(r["name"]).strip()
            state, lat, lon = r.get("state"), r.get("lat"), r.get("lon")
            if blank(state) or blank(lat) or blank(lon):
                gs, glat, glon = gaz.lookup(place)
                state = gs if blank(state) else state
                lat = glat if blank(lat) else lat
                lon = glon if blank(lon) else lon
            participants = int(r["participants"])
            if participants > int(self.rules["max_participants"]):
                raise ValueError(f"{rid}: {participants} participants > max")
            self.requests[rid] = {
                "name": str(r["name"]), "place": place,
                "state": str(state).strip(), "lat": float(lat), "lon": float(lon),
                "participants": participants,
                "earliest": None if blank(r.get("earliest")) else parse_day(r["earliest"]),
                "latest": None if blank(r.get("latest")) else parse_day(r["latest"]),
                "priority": 1 if blank(r.get("priority")) else float(r["priority"]),
                "blackout": parse_days(r.get("blackout")),
                "requires": set(parse_ids(r.get("requires"))),
                "excludes": set(parse_ids(r.get("excludes"))),
            }

        # distances
        self.distances = {}
        if y.get("distances"):
            with open(os.path.join(base, y["distances"]), newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    self.distances[(r["trainer"].strip(), r["municipality"].strip())] = float(r["km"])

        # bookings (confirmed, pinned)
        self.bookings = []
        if y.get("bookings"):
            with open(os.path.join(base, y["bookings"]), encoding="utf-8") as f:
                bk = yaml.safe_load(f) or {}
            for p in bk.get("packages") or []:
                w = [parse_day(d) for d in p["workshop"]]
                self.bookings.append({
                    "municipality": str(p["municipality"]),
                    "name": str(p.get("name", p["municipality"])),
                    "state": p.get("state"), "lat": p.get("lat"), "lon": p.get("lon"),
                    "participants": int(p.get("participants") or 0),
                    "trainers": [str(t) for t in p["trainers"]],
                    "preparation": parse_day(p["preparation"]),
                    "workshop": w,
                    "followup": parse_day(p["followup"]),
                })

        # school holidays
        self.school = defaultdict(set)
        if self.rules["avoid_school_holidays"]:
            with open(os.path.join(RES, "school-holidays.csv"), newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    self.school[r["state"]] |= parse_days(f"{r['first_day']}..{r['last_day']}")

    # -- calendar

    def in_closure(self, d: dt.date) -> bool:
        a, b = self.rules["office_closure"]
        a, b = tuple(map(int, str(a).split("-"))), tuple(map(int, str(b).split("-")))
        md = (d.month, d.day)
        return (a <= md <= b) if a <= b else (md >= a or md <= b)

    def working_day(self, rid: str, d: dt.date) -> bool:
        r = self.requests[rid]
        if d.weekday() >= 5:
            return False
        if d in public_holidays(r["state"], d.year):
            return False
        if self.in_closure(d):
            return False
        if d in r["blackout"]:
            return False
        if self.rules["avoid_school_holidays"] and d in self.school[r["state"]]:
            return False
        return True

    # -- travel

    def km(self, t: str, rid: str, where: dict | None = None) -> float:
        """Distance trainer -> municipality, as the ledger of SPEC §3 shows it: rounded to one
        decimal, 0.05 up (through its printed form to the micro-km); `where` gives lat/lon for a
        booked municipality."""
        if (t, rid) in self.distances:
            raw = self.distances[(t, rid)]
        else:
            tr, r = self.trainers[t], (where or self.requests[rid])
            raw = haversine(tr["lat"], tr["lon"], float(r["lat"]), float(r["lon"])) * float(self.travel["detour_factor"])
        return float(Decimal(f"{raw:.6f}").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    def event_cost(self, km: float, days: int) -> float:
        tv = self.travel
        if km <= float(tv["commute_km"]):
            trips, nights = days, 0
        else:
            trips, nights = 1, (days - 1) + (1 if km > float(tv["evening_before_km"]) else 0)
        # The ledger: each trip's cost from the rounded km, rounded to the cent (half up).
        return cents(trips * 2 * km * float(tv["eur_per_km"]) + nights * float(tv["hotel_eur"]))


# --------------------------------------------------------------------------- model


class TooLarge(Exception):
    """The exact model would have more columns than the caller allows."""


class ExactModel:
    """The exact model of SPEC §2–§4 as plain lists, for any MIP or CP solver (HiGHS here, CP-SAT in
    bench/cpsat_solve.py): binary columns with costs (`cost`, `info`), L last when the max-load term
    is on, rows (lower, upper, [(column, coefficient)]) with None for an open side, `constant`."""


def previous_placements(sc: Scenario, path: str | None) -> dict:
    """request id -> (pair, P, W, F) of a previous plan's packages that are not pinned and not
    booked since: the `move_eur` term counts every event of these moved, re-staffed or dropped."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    booked = {b["municipality"] for b in sc.bookings}
    out = {}
    for pk in doc.get("packages", []):
        rid = pk["municipality"]
        if pk.get("pinned") or rid in booked or rid not in sc.requests or len(pk["trainers"]) != 2:
            continue
        out[rid] = (tuple(sorted(pk["trainers"])), parse_day(pk["preparation"]),
                    parse_day(pk["workshop"][0]), parse_day(pk["followup"]))
    return out


def booked_and_open(sc: Scenario) -> tuple[set, list]:
    """The municipalities served by a confirmed booking, and the requests still open (in order)."""
    booked_mun = {b["municipality"] for b in sc.bookings}
    return booked_mun, [r for r in sc.requests if r not in booked_mun]


def commitments(sc: Scenario) -> tuple[dict, dict, dict]:
    """Fixed commitments from the bookings: trainer -> days occupied, (trainer, (y, m)) -> event
    days, trainer -> packages with W in the horizon."""
    busy = defaultdict(set)
    booked_month_days = defaultdict(int)
    booked_in_horizon = defaultdict(int)
    for b in sc.bookings:
        days = [b["preparation"], *b["workshop"], b["followup"]]
        for t in b["trainers"]:
            for d in days:
                busy[t].add(d)
                booked_month_days[(t, (d.year, d.month))] += 1
            if sc.h_from <= b["workshop"][0] <= sc.h_to:
                booked_in_horizon[t] += 1
    return busy, booked_month_days, booked_in_horizon


def allowed_pairs(sc: Scenario, rid: str) -> list[tuple[str, str]]:
    """Every pair (a, b), a < b, that may run request `rid` (R1: forbidden, requires, excludes)."""
    r, trainers, pairs = sc.requests[rid], sorted(sc.trainers), []
    for i, a in enumerate(trainers):
        for b in trainers[i + 1:]:
            p = frozenset((a, b))
            if p in sc.forbidden or not r["requires"] <= p or r["excludes"] & p:
                continue
            pairs.append((a, b))
    return pairs


def workshop_days(sc: Scenario, rid: str) -> list[dt.date]:
    """Every first workshop day W of request `rid`: in the horizon, its window and after the
    planning start, with W and W+1 working days there (R4, R6)."""
    one, r = dt.timedelta(days=1), sc.requests[rid]
    lo = max(sc.h_from, r["earliest"] or sc.h_from, sc.start)
    hi = min(sc.h_to, r["latest"] or sc.h_to)
    Ws, d = [], lo
    while d <= hi:
        if sc.working_day(rid, d) and sc.working_day(rid, d + one):
            Ws.append(d)
        d += one
    return Ws


def package_travel(sc: Scenario, rid: str, pair: tuple[str, str], rnd=lambda x: x) -> float:
    """Both trainers' travel for a package of `rid` (four event days: 1 + 2 + 1), SPEC §3."""
    travel = 0.0
    for t in pair:
        km = sc.km(t, rid)
        travel += rnd(sc.event_cost(km, 1)) * 2 + rnd(sc.event_cost(km, 2))
    return travel


def build_model(sc: Scenario, round_travel: str = "event", max_columns: int | None = None,
                deadline: float | None = None, previous: dict | None = None) -> ExactModel:
    """`previous` (from `previous_placements`) adds the move term exactly: a placed request pays
    3 × move_eur as a constant; a package of it by the same pair earns that back on its x column
    and pays move_eur on its x, P and F columns for each date that differs."""
    one = dt.timedelta(days=1)
    previous = previous or {}
    move = float(sc.weights.get("move_eur", 0))
    W_ = sc.weights
    pg, fg = sc.rules["prep_gap_days"], sc.rules["followup_gap_days"]
    trainers = sorted(sc.trainers)

    booked_mun, open_reqs = booked_and_open(sc)
    busy, booked_month_days, booked_in_horizon = commitments(sc)

    def free(t, d):
        return d not in sc.trainers[t]["unavailable"] and d not in busy[t]

    def rnd(x):
        return cents(x) if round_travel == "event" else x

    cols_cost, cols_info = [], []
    day_rows = defaultdict(list)     # (t, d) -> [col]
    month_rows = defaultdict(list)   # (t, (y,m)) -> [(col, coef)]
    pkg_cols = defaultdict(list)     # t -> [col] (x columns)
    req_cols = defaultdict(list)     # r -> [col]
    link = []                        # (x col, [a cols], [b cols])
    const = 0.0

    def add_col(cost, info):
        cols_cost.append(cost)
        cols_info.append(info)
        return len(cols_cost) - 1

    for rid in open_reqs:
        r = sc.requests[rid]
        const += r["priority"] * float(W_["unscheduled_eur"])
        before = previous.get(rid)
        if before:
            const += 3 * move
        pairs = allowed_pairs(sc, rid)
        Ws = workshop_days(sc, rid)
        for (a, b) in pairs:
            travel = package_travel(sc, rid, (a, b), rnd)
            bonus = float(W_["preferred_pair_eur"]) if frozenset((a, b)) in sc.preferred else 0.0
            for w in Ws:
                if not all(free(t, dd) for t in (a, b) for dd in (w, w + one)):
                    continue
                Ps = [w - k * one for k in range(int(pg["min"]), int(pg["max"]) + 1)]
                Ps = [p for p in Ps if p >= sc.start and sc.working_day(rid, p) and free(a, p) and free(b, p)]
                Fs = [w + k * one for k in range(int(fg["min"]), int(fg["max"]) + 1)]
                Fs = [f for f in Fs if f >= sc.start and sc.working_day(rid, f) and free(a, f) and free(b, f)]
                if not Ps or not Fs:
                    continue
                same = before is not None and before[0] == tuple(sorted((a, b)))
                moved_x = (move * (w != before[2]) - 3 * move) if same else 0.0
                xc = add_col(travel - bonus - r["priority"] * float(W_["unscheduled_eur"]) + moved_x,
                             ("x", rid, (a, b), w))
                req_cols[rid].append(xc)
                for t in (a, b):
                    pkg_cols[t].append(xc)
                    for dd in (w, w + one):
                        day_rows[(t, dd)].append(xc)
                    for dd in (w, w + one):
                        month_rows[(t, (dd.year, dd.month))].append(xc)
                acs, bcs = [], []
                for p in Ps:
                    c = add_col(float(W_["prep_gap_eur"]) * abs((w - p).days - int(pg["target"]))
                                + (move * (p != before[1]) if same else 0.0), ("P", rid, (a, b), w, p))
                    acs.append(c)
                    for t in (a, b):
                        day_rows[(t, p)].append(c)
                        month_rows[(t, (p.year, p.month))].append(c)
                for f in Fs:
                    c = add_col(float(W_["followup_gap_eur"]) * abs((f - w).days - int(fg["target"]))
                                + (move * (f != before[3]) if same else 0.0), ("F", rid, (a, b), w, f))
                    bcs.append(c)
                    for t in (a, b):
                        day_rows[(t, f)].append(c)
                        month_rows[(t, (f.year, f.month))].append(c)
                link.append((xc, acs, bcs))
                if max_columns is not None and len(cols_cost) > max_columns:
                    raise TooLarge(f"more than {max_columns} columns")
                if deadline is not None and time.monotonic() > deadline:
                    raise TooLarge(f"not built within the time limit ({len(cols_cost)} columns so far)")

    n_bin = len(cols_cost)
    use_L = float(W_["max_load_eur"]) > 0
    if use_L:
        Lc = add_col(float(W_["max_load_eur"]), ("L",))

    rows = []   # (lower, upper, [(col, coef)]), None for an open side
    for rid, cs in req_cols.items():
        rows.append((None, 1.0, [(c, 1.0) for c in cs]))
    for xc, acs, bcs in link:
        rows.append((0.0, 0.0, [(xc, -1.0)] + [(c, 1.0) for c in acs]))
        rows.append((0.0, 0.0, [(xc, -1.0)] + [(c, 1.0) for c in bcs]))
    for key, cs in day_rows.items():
        if len(cs) > 1:
            rows.append((None, 1.0, [(c, 1.0) for c in cs]))
    for (t, mon), cs in month_rows.items():
        cap = sc.trainers[t]["max_days_per_month"]
        if cap is None:
            continue
        coef = defaultdict(float)
        for c in cs:
            coef[c] += 1.0
        rows.append((None, float(cap) - booked_month_days[(t, mon)], list(coef.items())))
    for t in trainers:
        cap = sc.trainers[t]["max_packages"]
        if cap is not None and pkg_cols[t]:
            rows.append((None, float(cap) - booked_in_horizon[t], [(c, 1.0) for c in pkg_cols[t]]))
        if use_L:
            # L >= booked_t + sum x  <=>  L - sum x >= booked_t
            rows.append((float(booked_in_horizon[t]), None, [(Lc, 1.0)] + [(c, -1.0) for c in pkg_cols[t]]))

    m = ExactModel()
    m.cost, m.info, m.rows, m.constant, m.binaries = cols_cost, cols_info, rows, const, n_bin
    m.load_column = Lc if use_L else None
    m.open_requests, m.booked_in_horizon, m.trainers, m.booked_municipalities = open_reqs, booked_in_horizon, trainers, booked_mun
    m.round = rnd
    return m


def solve(sc: Scenario, time_limit: float = 300.0, round_travel: str = "event", verbose: bool = False,
          previous: dict | None = None) -> dict:
    import highspy
    import numpy as np

    m = build_model(sc, round_travel, previous=previous)
    inf = highspy.kHighsInf
    cols_cost, cols_info, const, n_bin = m.cost, m.info, m.constant, m.binaries
    use_L, Lc = m.load_column is not None, m.load_column
    rows = [(inf * -1 if lo is None else lo, inf if hi is None else hi, ent) for lo, hi, ent in m.rows]
    open_reqs, booked_in_horizon, trainers, booked_mun, rnd = (m.open_requests, m.booked_in_horizon, m.trainers,
                                                             m.booked_municipalities, m.round)
    one, W_ = dt.timedelta(days=1), sc.weights
    pg, fg = sc.rules["prep_gap_days"], sc.rules["followup_gap_days"]

    h = highspy.Highs()
    h.setOptionValue("output_flag", bool(verbose))
    h.setOptionValue("mip_rel_gap", 1e-9)
    h.setOptionValue("mip_abs_gap", 1e-7)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("threads", 1)
    n = len(cols_cost)
    lb = np.zeros(n)
    ub = np.ones(n)
    if use_L:
        ub[Lc] = inf
    h.addCols(n, np.array(cols_cost, dtype=float), lb, ub, 0, np.array([], dtype=np.int32),
              np.array([], dtype=np.int32), np.array([], dtype=float))
    integrality = np.array([highspy.HighsVarType.kInteger] * n)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), integrality)
    h.changeObjectiveOffset(const)
    if rows:
        lower = np.array([r[0] for r in rows], dtype=float)
        upper = np.array([r[1] for r in rows], dtype=float)
        starts, idx, val = [], [], []
        for _, _, ent in rows:
            starts.append(len(idx))
            for c, v in ent:
                idx.append(c)
                val.append(v)
        h.addRows(len(rows), lower, upper, len(idx), np.array(starts, dtype=np.int32),
                  np.array(idx, dtype=np.int32), np.array(val, dtype=float))
    h.run()
    ms = h.getModelStatus()
    info = h.getInfo()
    status = {highspy.HighsModelStatus.kOptimal: "optimal",
              highspy.HighsModelStatus.kInfeasible: "infeasible"}.get(ms, str(ms))
    out = {"status": status, "columns": n, "rows": len(rows)}
    if status == "infeasible":
        return out
    sol = h.getSolution().col_value if info.primal_solution_status >= 1 else None
    if n == 0:
        sol = []
    if sol is None:
        out["status"] = "no_plan"
        return out
    if status != "optimal":
        out["status"] = "feasible"

    served, served_ids = [], set()
    terms = {"unscheduled": 0.0, "travel": 0.0, "prep_gap": 0.0, "followup_gap": 0.0,
             "preferred_pairs": 0.0, "max_load": 0.0}
    chosen = {}
    for c in range(n_bin):
        if sol[c] > 0.5:
            chosen.setdefault(cols_info[c][1], []).append(cols_info[c])
    load = defaultdict(int, booked_in_horizon)
    for rid in open_reqs:
        if rid not in chosen:
            continue
        items = chosen[rid]
        x = [i for i in items if i[0] == "x"][0]
        (a, b), w = x[2], x[3]
        p = [i for i in items if i[0] == "P" and i[3] == w and i[2] == (a, b)][0][4]
        f = [i for i in items if i[0] == "F" and i[3] == w and i[2] == (a, b)][0][4]
        travel = sum(rnd(sc.event_cost(sc.km(t, rid), 1)) * 2 + rnd(sc.event_cost(sc.km(t, rid), 2)) for t in (a, b))
        terms["travel"] += travel
        terms["prep_gap"] += float(W_["prep_gap_eur"]) * abs((w - p).days - int(pg["target"]))
        terms["followup_gap"] += float(W_["followup_gap_eur"]) * abs((f - w).days - int(fg["target"]))
        if frozenset((a, b)) in sc.preferred:
            terms["preferred_pairs"] -= float(W_["preferred_pair_eur"])
        load[a] += 1
        load[b] += 1
        served_ids.add(rid)
        served.append({"municipality": rid, "trainers": [a, b], "preparation": p.isoformat(),
                       "workshop": [w.isoformat(), (w + one).isoformat()], "followup": f.isoformat(),
                       "travel": round(travel, 2)})
    unscheduled = [rid for rid in open_reqs if rid not in served_ids]
    terms["unscheduled"] = sum(sc.requests[r]["priority"] * float(W_["unscheduled_eur"]) for r in unscheduled)
    if use_L:
        terms["max_load"] = float(W_["max_load_eur"]) * max([load[t] for t in trainers] + [0])
    if previous:
        move = 0
        placed = {s_["municipality"]: s_ for s_ in served}
        for rid, (pair, p0, w0, f0) in previous.items():
            now = placed.get(rid)
            if now is None or tuple(now["trainers"]) != pair:
                move += 3
            else:
                move += (now["preparation"] != p0.isoformat()) + (now["workshop"][0] != w0.isoformat()) \
                    + (now["followup"] != f0.isoformat())
        terms["move"] = float(W_.get("move_eur", 0)) * move
    obj = sum(terms.values())
    out.update({
        "objective": round(obj, 2),
        "solver_objective": h.getObjectiveValue(),
        "bound": info.mip_dual_bound if n else obj,
        "gap": info.mip_gap if n else 0.0,
        "terms": {k: round(v, 2) for k, v in terms.items()},
        "served": sorted(served, key=lambda s: s["municipality"]),
        "unscheduled": unscheduled,
        "pinned": sorted(booked_mun & set(sc.requests)),
    })
    return out


def evaluate_plan(sc: Scenario, packages: list[dict]) -> tuple[list[str], dict]:
    """Re-check a plan's packages (wsplan's or the oracle's) against R1–R9 and price it by SPEC §4.

    Returns (violations, objective terms). Pinned packages must equal the bookings and are not
    priced (only counted for the caps and max_load)."""
    one = dt.timedelta(days=1)
    W_ = sc.weights
    pg, fg = sc.rules["prep_gap_days"], sc.rules["followup_gap_days"]
    bad: list[str] = []
    booked = {b["municipality"]: b for b in sc.bookings}
    trainer_days = defaultdict(list)
    month_days = defaultdict(int)
    in_horizon = defaultdict(int)
    terms = {"unscheduled": 0.0, "travel": 0.0, "prep_gap": 0.0, "followup_gap": 0.0,
             "preferred_pairs": 0.0, "max_load": 0.0}
    seen = set()
    for pk in packages:
        mid = pk["municipality"]
        tr = list(pk["trainers"])
        P, W, W2, F = (parse_day(pk["preparation"]), parse_day(pk["workshop"][0]),
                       parse_day(pk["workshop"][1]), parse_day(pk["followup"]))
        days = [P, W, W2, F]
        if mid in seen:
            bad.append(f"{mid}: planned twice")
        seen.add(mid)
        for t in tr:
            for d in days:
                trainer_days[(t, d)].append(mid)
                month_days[(t, (d.year, d.month))] += 1
            if sc.h_from <= W <= sc.h_to:
                in_horizon[t] += 1
        if pk.get("pinned"):
            b = booked.get(mid)
            if b is None or sorted(b["trainers"]) != sorted(tr) or [b["preparation"], *b["workshop"], b["followup"]] != days:
                bad.append(f"{mid}: pinned package differs from the booking (R9)")
            continue
        if mid not in sc.requests:
            bad.append(f"{mid}: not a request")
            continue
        if mid in booked:
            bad.append(f"{mid}: already served by a booking")
        r = sc.requests[mid]
        if len(set(tr)) != 2 or any(t not in sc.trainers for t in tr):
            bad.append(f"{mid}: trainers {tr} are not a pair of known trainers (R1)")
            continue
        pair = frozenset(tr)
        if pair in sc.forbidden:
            bad.append(f"{mid}: forbidden pair {tr} (R1)")
        if not r["requires"] <= pair or r["excludes"] & pair:
            bad.append(f"{mid}: requires/excludes broken by {tr} (R1)")
        if W2 != W + one:
            bad.append(f"{mid}: workshop days not consecutive (R4)")
        if not (int(pg["min"]) <= (W - P).days <= int(pg["max"])):
            bad.append(f"{mid}: preparation gap {(W - P).days} (R2)")
        if not (int(fg["min"]) <= (F - W).days <= int(fg["max"])):
            bad.append(f"{mid}: follow-up gap {(F - W).days} (R3)")
        for d in days:
            if not sc.working_day(mid, d):
                bad.append(f"{mid}: {d} is not a working day in {r['state']} (R4)")
            if d < sc.start:
                bad.append(f"{mid}: {d} before planning start (R6)")
            for t in tr:
                if d in sc.trainers[t]["unavailable"]:
                    bad.append(f"{mid}: {t} unavailable on {d} (R5)")
        if not (sc.h_from <= W <= sc.h_to) or (r["earliest"] and W < r["earliest"]) or (r["latest"] and W > r["latest"]):
            bad.append(f"{mid}: workshop {W} outside the horizon or window (R6)")
        for t in tr:
            km = sc.km(t, mid)
            terms["travel"] += sc.event_cost(km, 1) * 2 + sc.event_cost(km, 2)
        terms["prep_gap"] += float(W_["prep_gap_eur"]) * abs((W - P).days - int(pg["target"]))
        terms["followup_gap"] += float(W_["followup_gap_eur"]) * abs((F - W).days - int(fg["target"]))
        if pair in sc.preferred:
            terms["preferred_pairs"] -= float(W_["preferred_pair_eur"])
    for mid in booked:
        if mid not in seen:
            bad.append(f"{mid}: booking missing from the plan (R9)")
    for (t, d), ms in trainer_days.items():
        if len(ms) > 1:
            bad.append(f"{t}: {len(ms)} events on {d} ({', '.join(ms)}) (R5)")
    for t, v in sc.trainers.items():
        if v["max_packages"] is not None and in_horizon[t] > int(v["max_packages"]):
            bad.append(f"{t}: {in_horizon[t]} packages > max_packages (R7)")
        if v["max_days_per_month"] is not None:
            for (tt, mon), n in month_days.items():
                if tt == t and n > int(v["max_days_per_month"]):
                    bad.append(f"{t}: {n} days in {mon} > max_days_per_month (R7)")
    unscheduled = [m for m in sc.requests if m not in seen and m not in booked]
    terms["unscheduled"] = sum(sc.requests[m]["priority"] * float(W_["unscheduled_eur"]) for m in unscheduled)
    if float(W_["max_load_eur"]) > 0:
        terms["max_load"] = float(W_["max_load_eur"]) * max([in_horizon[t] for t in sc.trainers] + [0])
    return bad, terms


def plan_document(sc: Scenario, res: dict, seconds: float = 0.0) -> dict:
    """The oracle's plan in the wsplan-plan/1 layout of SPEC §6, so `wsplan check` can judge it."""
    fee = float((sc.costs.get("fee_eur", 6000)))
    mat = float(sc.costs.get("materials_eur_per_participant", 5))

    def package(mid, name, place, state, participants, trainers, prep, w, f, pinned, where=None):
        items, total = [], 0.0
        for t in trainers:
            km = sc.km(t, mid, where)
            for ev, days in (("preparation", 1), ("workshop", 2), ("followup", 1)):
                tv = sc.travel
                if km <= float(tv["commute_km"]):
                    trips, nights = days, 0
                else:
                    trips, nights = 1, (days - 1) + (1 if km > float(tv["evening_before_km"]) else 0)
                c = sc.event_cost(km, days)
                total += c
                items.append({"trainer": t, "event": ev, "km": round(km, 1), "round_trips": trips,
                              "hotel_nights": nights, "cost": round(c, 2)})
        materials = mat * participants if participants is not None else 0.0
        return {"municipality": mid, "name": name, "place": place, "state": state,
                "participants": participants, "trainers": sorted(trainers), "pinned": pinned,
                "preparation": prep, "workshop": w, "followup": f,
                "costs": {"fee": fee, "materials": round(materials, 2), "travel": round(total, 2),
                          "total": round(fee + materials + total, 2), "travel_items": items}}

    pkgs = []
    for b in sc.bookings:
        r = sc.requests.get(b["municipality"])
        pkgs.append(package(b["municipality"], b["name"], r["place"] if r else b["name"], b["state"],
                            b["participants"], b["trainers"], b["preparation"].isoformat(),
                            [d.isoformat() for d in b["workshop"]], b["followup"].isoformat(), True,
                            where=b if b.get("lat") is not None else None))
    for s in res.get("served", []):
        r = sc.requests[s["municipality"]]
        pkgs.append(package(s["municipality"], r["name"], r["place"], r["state"], r["participants"],
                            s["trainers"], s["preparation"], s["workshop"], s["followup"], False))
    pkgs.sort(key=lambda p: (p["workshop"][0], p["municipality"]))
    return {
        "format": "wsplan-plan/1", "scenario": sc.name,
        "solver": {"name": "highs (oracle)", "status": res["status"], "objective": res.get("objective"),
                   "bound": round(res.get("bound", 0.0), 2), "gap": res.get("gap", 0.0), "seconds": round(seconds, 3)},
        "objective_terms": res.get("terms", {}),
        "packages": pkgs,
        "unscheduled": [{"municipality": u, "name": sc.requests[u]["name"],
                         "reasons": ["left out by the exact optimum (oracle)"]} for u in res.get("unscheduled", [])],
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--time-limit", type=float, default=300.0)
    ap.add_argument("--round-travel", choices=["event", "none"], default="none",
                    help="round each trainer's travel cost per event to cents, or not at all (default: exact, as SPEC §3)")
    ap.add_argument("--plan-out", help="also write the optimum as a wsplan-plan/1 plan.json")
    ap.add_argument("--previous", help="a previous plan.json: adds the move_eur term of a re-plan (SPEC §4)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    sc = Scenario(a.scenario)
    previous = previous_placements(sc, a.previous)
    # HiGHS prints a banner on stdout: keep stdout for the JSON answer alone.
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    t0 = time.monotonic()
    try:
        res = solve(sc, a.time_limit, a.round_travel, a.verbose, previous)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
    res["seconds"] = round(time.monotonic() - t0, 3)
    if a.plan_out and "served" in res:
        with open(a.plan_out, "w", encoding="utf-8") as f:
            json.dump(plan_document(sc, res, res["seconds"]), f, indent=1, ensure_ascii=False)
    json.dump(res, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0 if res["status"] in ("optimal", "feasible") else 2


if __name__ == "__main__":
    sys.exit(main())
