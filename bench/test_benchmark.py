"""The benchmark's parsing, comparisons and targets on canned output (no solver runs here)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402
import runlog  # noqa: E402

LINES = [
    (0.05, "wsplan: reading out/bench/M-1/scenario.yaml"),
    (0.90, "wsplan: greedy start: 58 of 60 requests, objective 165432.10 EUR"),
    (1.40, "wsplan: solving with glpk (time limit 55 s, gap 0.005)"),
    (1.50, "+     0: mip =     not found yet >=              -inf        (1; 0)"),
    (6.50, "+  4113: mip =   1.654321000e+05 >=   1.201000000e+05  27.4% (10; 0)"),
    (9.00, "+  5021: mip =   1.210000000e+05 >=   1.202000000e+05   0.7% (12; 3)"),
    (12.0, "+  5500: mip =   1.210000000e+05 >=   1.205000000e+05   0.4% (12; 3)"),
    (20.0, "+  6000: mip =   1.206000000e+05 >=   1.205000000e+05   0.1% (2; 9)"),
]


def test_incumbents_are_read_from_wsplan_and_glpk_lines_and_only_improvements_kept():
    assert runlog.incumbents(LINES) == [[0.9, 165432.10], [9.0, 121000.0], [20.0, 120600.0]]
    assert runlog.solve_started(LINES) == 1.4


def test_incumbents_include_the_search_price_and_branch_and_the_progress_line():
    lines = [(0.1, "wsplan: greedy start: 11 of 14 requests, objective 164788.85 EUR"),
             (0.5, "wsplan: price and branch: 163818.8 EUR from 790 priced packages"),
             (0.9, "wsplan: improving · best 163700.80 EUR · bound 163262.80 EUR · gap 0.34 % · 5.8 s"),
             (1.2, "wsplan: local search: 163262.8 EUR (round 3, weeks of 10)"),
             (1.3, "wsplan: local search: 4 rounds, 0 improvements, 163818.8 EUR")]
    assert runlog.incumbents(lines) == [[0.1, 164788.85], [0.5, 163818.8], [0.9, 163700.8], [1.2, 163262.8]]


def test_first_time_at_or_below_counts_from_the_origin_within_a_cent():
    timeline = [[0.9, 165432.10], [9.0, 121000.0], [20.0, 120600.0]]
    assert runlog.first_time_at_or_below(timeline, 121000.005, origin=1.4) == 7.6
    assert runlog.first_time_at_or_below(timeline, 120600.0) == 20.0
    assert runlog.first_time_at_or_below(timeline, 100000.0) is None


def canned_run(wsplan_objective=120600.0, highs_objective=120500.0, seconds=25.0):
    record = {
        "size": "M", "seed": 1, "requests": 60, "trainers": 8, "months": 12, "time_limit": 60,
        "wsplan": {"status": "feasible", "objective": wsplan_objective, "bound": 120500.0, "gap": 0.00083,
                   "travel": 70000.0, "served": 60, "wall_seconds": seconds, "peak_mb": 300.0, "solve_started": 1.4,
                   "rows": 900, "columns": 50000, "nonzeros": 800000, "build_seconds": 1.2,
                   "incumbents": [[0.9, 165432.10], [9.0, 121000.0], [20.0, 120600.0]],
                   "check": {"exit": 0, "violations": 0}},
        "greedy": {"travel": 110000.0, "served": 58, "objective": 215000.0},
        "highs": {"status": "Optimal", "objective": highs_objective, "bound": highs_objective, "seconds": 4.0,
                  "improving": [[2.0, 130000.0], [3.5, highs_objective]]},
    }
    record["comparison"] = report.compare(record)
    return record


def test_compare_puts_both_solvers_on_one_scale():
    c = canned_run()["comparison"]
    assert abs(c["travel_vs_greedy"] - 70000 / 110000) < 1e-12
    assert c["served_minus_greedy"] == 2
    assert abs(c["wsplan_vs_highs"] - 100 / 120500) < 1e-12
    # Both reached 120,600: wsplan 18.6 s after handing GLPK the model, HiGHS after 3.5 s.
    assert c["common_objective"] == 120600.0
    assert c["wsplan_seconds_to_common"] == 18.6
    assert c["highs_seconds_to_common"] == 3.5
    assert c["wsplan_seconds_to_highs_objective"] is None
    assert c["highs_gap"] == 0.0


def test_targets_say_what_was_missed_and_by_how_much():
    found = {t["name"]: t for t in report.targets(canned_run(seconds=75.0))}
    assert found["gap"]["met"] and found["travel / greedy travel"]["met"]
    assert not found["seconds"]["met"] and found["seconds"]["missed_by"] == 15.0
    assert found["objective vs HiGHS"]["met"]  # 0.083 % ≤ 0.1 %
    worse = {t["name"]: t for t in report.targets(canned_run(wsplan_objective=121000.0))}
    assert worse["objective vs HiGHS"]["met"] is False
    # HiGHS without a plan: the comparison is not measurable, neither met nor missed.
    no_highs = canned_run(highs_objective=None)
    assert {t["name"]: t for t in report.targets(no_highs)}["objective vs HiGHS"]["met"] is None


def test_markdown_has_the_machine_the_tables_and_the_misses():
    results = {"machine": {"cpu": "Test CPU", "cores": 2, "memory_gb": 8.0, "os": "Debian", "swift": "Swift 6",
                           "glpk": "5.0", "highs": "1.16.0", "date": "2027-01-01", "load_average_at_start": [0.1]},
               "runs": [canned_run(seconds=75.0), dict(canned_run(), seed=2)]}
    text = report.markdown(results)
    assert "| CPU | Test CPU |" in text
    assert "## Summary (means over seeds)" in text and "## M: 60 requests, 8 trainers, 12 months" in text
    assert "| M | seconds | 60.0 s | 1/2 | 75.0 s | 15.0 s |" in text
    assert "M seed 1: seconds missed by 15.0 s" in text


def test_cpsat_without_a_plan_leaves_wsplan_ahead_and_says_so():
    record = canned_run()
    record["cpsat"] = {"status": "unknown", "objective": None, "bound": None, "improving": []}
    record["comparison"] = report.compare(record)
    found = {t["name"]: t for t in report.targets(record)}
    assert found["objective vs CP-SAT"]["met"] is True
    assert found["time to CP-SAT's objective / CP-SAT's"]["met"] is True
    assert report.pct(report.mean([record["comparison"]["wsplan_vs_cpsat"]])) == "CP-SAT: no plan"
    # A skipped peer (model too large) is not counted as met: nothing was measured.
    record["cpsat"] = {"status": "skipped", "message": "too large"}
    record["comparison"] = report.compare(record)
    found = {t["name"]: t for t in report.targets(record)}
    assert found["objective vs CP-SAT"]["met"] is None


def test_highs_stopped_at_the_deadline_keeps_the_improvements_it_printed():
    import benchmark

    class Stopped:
        stdout = '{"improving": [3.0, 130000.0]}\n{"improving": [9.5, 120700.0]}\n'
        stderr = ""
        timed_out = True
        wall_seconds = 21.0
        peak_mb = 150.0

    result = benchmark.highs_result(Stopped())
    assert result["status"] == "stopped at the limit"
    assert result["objective"] == 120700.0 and result["bound"] is None
    assert result["improving"] == [[3.0, 130000.0], [9.5, 120700.0]]
    Stopped.stdout += '{"status": "Optimal", "objective": 120600.0, "bound": 120600.0, "improving": []}\n'
    assert benchmark.highs_result(Stopped())["status"] == "Optimal"
