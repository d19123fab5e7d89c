import ArgumentParser

/// `--time-limit` and `--mip-gap`, shared by every command that solves, checked one way.
struct SolverLimitOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Solver time limit in seconds (overrides the scenario's solver.time_limit_s).")
    var timeLimit: Double?

    @Option(name: .long, parsing: .unconditional, help: "Relative MIP gap at which to stop (overrides solver.mip_gap).")
    var mipGap: Double?

    /// The longest time limit accepted (the scenario's solver.time_limit_s has the same bound).
    static let longestTimeLimit = 1e6

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.longestTimeLimit) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 1000000")
        }
        if let mipGap, !(mipGap >= 0 && mipGap <= 1) { throw ValidationError("--mip-gap must be between 0 and 1") }
    }
}
