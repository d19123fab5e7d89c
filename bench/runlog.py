"""Reads what wsplan prints while it solves: the incumbents over time, from its progress lines
and GLPK's log (`wsplan solve --verbose`), each line stamped by the benchmark as it arrived."""
import re

# GLPK's branch-and-cut progress line: "+  1234: mip =   2.327556000e+04 >=   2.315056000e+04   0.5% (41; 0)".
GLPK_PROGRESS = re.compile(r"^[+*]\s*\d+:\s*mip\s*=\s*([-+0-9.eE]+)\s")
# wsplan's own lines: "wsplan: greedy start: 20 of 20 requests, objective 23856.29 EUR".
WSPLAN_OBJECTIVE = re.compile(r"^wsplan: (?:greedy start|incumbent|improved|best plan)[^,]*(?:,[^,]*)*?objective ([-0-9.]+) EUR")
# The plans the search and price and branch find ("wsplan: local search: 87578.25 EUR (round 151, …)",
# "wsplan: price and branch: 163818.8 EUR from 790 priced packages") and the progress line's best
# plan ("wsplan: improving · best 163818.80 EUR · bound …").
WSPLAN_FOUND = re.compile(r"^wsplan: (?:local search|price and branch): ([-0-9.]+) EUR")
WSPLAN_BEST = re.compile(r"^wsplan: [^·]*· best ([-0-9.]+) EUR")
SOLVING = re.compile(r"^wsplan: solving with ")


def incumbents(lines):
    """(seconds, objective) pairs, in time order, each better than the one before.

    `lines` are (seconds since the process started, text)."""
    found = []
    best = None
    for seconds, text in lines:
        match = GLPK_PROGRESS.match(text) or WSPLAN_OBJECTIVE.match(text) or WSPLAN_FOUND.match(text) or WSPLAN_BEST.match(text)
        if not match:
            continue
        try:
            value = float(match.group(1))
        except ValueError:
            continue
        if best is None or value < best - 1e-9:
            best = value
            found.append([round(seconds, 3), value])
    return found


def solve_started(lines):
    """Seconds at which wsplan handed the model to the solver (None when it never said)."""
    for seconds, text in lines:
        if SOLVING.match(text):
            return seconds
    return None


def first_time_at_or_below(timeline, target, origin=0.0):
    """Seconds (after `origin`) at which a timeline of (seconds, objective) first reached
    `target`, within a cent and a millionth; None if it never did."""
    if target is None:
        return None
    tolerance = 0.01 + 1e-6 * abs(target)
    for seconds, value in timeline:
        if value is not None and value <= target + tolerance:
            return round(max(0.0, seconds - origin), 3)
    return None
