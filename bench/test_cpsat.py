"""The CP-SAT peer (bench/cpsat_solve.py) solves the complete problem: on small oracle scenarios its
optimum equals the independent oracle's HiGHS optimum to the cent, its plan passes the oracle's
checker at that price, and its greedy hint is a valid plan priced exactly. About 20 s."""
import os
import sys

import pytest

pytest.importorskip("ortools")
pytest.importorskip("highspy")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Tests", "oracle"))
import cpsat_solve  # noqa: E402
import oracle  # noqa: E402

SCENARIOS = os.path.join(os.path.dirname(HERE), "Tests", "oracle", "scenarios")


@pytest.mark.parametrize("name", [
    "s2_caps.yaml",       # max_packages and max_days_per_month caps
    "s3_bookings.yaml",   # confirmed bookings, a distance table, max_load_eur, a month cap
    "s7_scarce.yaml",     # the scarce regime: five of eight requests left out, priorities 1, 1.5, 2
])
def test_cpsat_optimum_equals_the_oracle_highs_optimum_to_the_cent(name):
    path = os.path.join(SCENARIOS, name)
    scenario = oracle.Scenario(path)
    reference = oracle.solve(scenario, time_limit=120, round_travel="event")
    assert reference["status"] == "optimal"

    result = cpsat_solve.solve(path, time_limit=30, workers=2, max_columns=None, keep_plan=True)
    assert result["status"] == "optimal", result
    assert result["objective"] == pytest.approx(reference["objective"], abs=0.005)
    assert result["bound"] == pytest.approx(reference["objective"], abs=0.005)
    # The plan itself, re-checked and re-priced by the oracle's own checker (R1–R9, SPEC §4).
    violations, terms = oracle.evaluate_plan(scenario, result["packages"])
    assert violations == []
    assert round(sum(terms.values()), 2) == pytest.approx(result["objective"], abs=0.005)
    # The greedy hint is a plan no better than the optimum.
    assert result["hint_objective"] >= reference["objective"] - 0.005


def test_the_greedy_hint_is_a_valid_plan_priced_exactly():
    import datetime as dt

    for name in ("s2_caps.yaml", "s3_bookings.yaml", "s7_scarce.yaml"):
        scenario = oracle.Scenario(os.path.join(SCENARIOS, name))
        model = cpsat_solve.Compact(scenario)
        cents = model.greedy_hint()
        day = lambda d: dt.date.fromordinal(d).isoformat()  # noqa: E731
        packages = [{"municipality": rid, "trainers": list(v["hint"][0]), "preparation": day(v["hint"][1]),
                     "workshop": [day(v["hint"][2]), day(v["hint"][2] + 1)], "followup": day(v["hint"][3])}
                    for rid, v in model.requests.items() if v.get("hint")]
        packages += [{"municipality": b["municipality"], "trainers": b["trainers"], "pinned": True,
                      "preparation": b["preparation"].isoformat(), "workshop": [d.isoformat() for d in b["workshop"]],
                      "followup": b["followup"].isoformat()} for b in scenario.bookings]
        violations, terms = oracle.evaluate_plan(scenario, packages)
        assert violations == [], name
        assert round(sum(terms.values()), 2) == pytest.approx(cents / 100, abs=0.005), name
