"""Solves an MPS file with HiGHS under a time limit and prints one JSON object on stdout.

Run as its own process by benchmark.py, so its peak memory is measured apart from wsplan's.
Records every improving solution (time, objective) through HiGHS's MIP callback, so the
benchmark can tell when HiGHS first reached a given objective. Each one is also printed at once
as a line `{"improving": [seconds, objective]}`: HiGHS looks at its clock only between phases of
its search and can run far past its limit, so the benchmark stops it shortly after the limit and
keeps what these lines say.

    python3 bench/highs_solve.py MODEL.mps --time-limit 60 [--threads 1]
"""
import argparse
import json
import sys
import time


def solve(path, time_limit, threads=None):
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 1e-6)
    if threads:
        h.setOptionValue("threads", int(threads))
    started = time.monotonic()
    status = h.readModel(path)
    read_seconds = time.monotonic() - started
    if status != highspy.HighsStatus.kOk:
        return {"status": "read_error", "message": str(status)}
    improving = []

    def on_improving(event):
        data = event.data_out
        improving.append([round(data.running_time, 3), data.objective_function_value])
        print(json.dumps({"improving": improving[-1]}), flush=True)

    h.cbMipImprovingSolution.subscribe(on_improving)
    run_started = time.monotonic()
    h.run()
    seconds = time.monotonic() - run_started
    info = h.getInfo()
    model_status = h.modelStatusToString(h.getModelStatus())
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    objective = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound
    if bound is not None and abs(bound) >= 1e30:
        bound = None
    return {
        "status": model_status,
        "objective": objective,
        "bound": bound,
        "seconds": round(seconds, 3),
        "read_seconds": round(read_seconds, 3),
        "nodes": info.mip_node_count,
        # The objective constant of the MPS (HiGHS adds it to every objective above).
        "offset": h.getLp().offset_,
        "improving": improving,
        "version": h.version(),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, required=True)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    json.dump(solve(args.model, args.time_limit, args.threads), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
