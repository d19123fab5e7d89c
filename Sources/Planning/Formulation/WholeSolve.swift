import Optimization

/// One solve of a whole model (the exact package model, or the proof model) that starts from the
/// best plan so far and keeps it unless the solver finds one at least as cheap.
struct WholeSolve {
    let solver: any Solver
    let assembler: PlanAssembler
    let log: (@Sendable (String) -> Void)?
    let cancellation: Cancellation?

    struct Outcome {
        var choices: [PackageChoice]
        var objective: Double
        /// True when the model was solved to optimality (or the search proved the plan).
        var isOptimal: Bool
        /// The solver's bound on the model, when it gave one.
        var bound: Double?
    }

    /// - Parameters:
    ///   - start: the column values of `improving`'s plan in `model` (nil when not representable);
    ///     given to the solver only when `inject`.
    ///   - read: the plan a solution stands for.
    func solve(_ model: Model, start: [Double]?, inject: Bool, gap: Double, seconds: Double, relay: inout PlanProgress,
               read: ([Double]) -> [PackageChoice], improving best: Outcome) throws -> Outcome {
        if let start { relay.offset = best.objective - model.objectiveValue(start) }
        relay.phase(.solving)
        let parameters = SolveParameters(timeLimitSeconds: seconds, relativeGap: gap, start: inject ? start : nil, log: log,
                                         progress: relay.solverCallback, cancellation: cancellation)
        let result = try solver.solve(model, parameters: parameters)
        var outcome = best
        outcome.bound = result.bound
        if result.status == .optimal || result.status == .feasible, let values = result.values {
            let solved = read(values)
            // Keep the searched plan unless the solver's is as cheap (it may not have had the start).
            let value = assembler.objectiveTerms(solved).total
            if value <= best.objective + 1e-6 {
                outcome.choices = solved
                outcome.objective = value
                outcome.isOptimal = result.status == .optimal
            }
        }
        return outcome
    }
}
