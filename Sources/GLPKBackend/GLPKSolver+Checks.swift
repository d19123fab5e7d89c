import Optimization

/// Checks made before anything reaches GLPK: numbers that would trap when converted to GLPK's
/// `int` milliseconds, parameters `glp_intopt` rejects with a fatal error, and a start solution
/// that `glp_ios_heur_sol` would read past the end of or accept although it is infeasible (GLPK
/// does not check a heuristic solution's feasibility).
extension GLPKSolver {
    /// Throws `GLPKError.invalidParameters` for a time limit or gap that GLPK cannot take.
    func checkSolveParameters(timeLimitSeconds: Double, relativeGap: Double? = nil, searchSeconds: Double? = nil) throws(GLPKError) {
        var problems: [String] = []
        if timeLimitSeconds.isNaN { problems.append("time limit is not a number") }
        if let relativeGap, !(relativeGap >= 0) { problems.append("relative gap \(relativeGap) is not 0 or more") }
        if let searchSeconds, searchSeconds.isNaN { problems.append("search time is not a number") }
        if !(options.proximitySearchSeconds >= 0) { problems.append("proximity search time \(options.proximitySearchSeconds) is not 0 or more") }
        if !problems.isEmpty { throw .invalidParameters(problems) }
    }

    /// The start solution to inject, or nil when there is none or it cannot be used (logged).
    /// A start of the wrong length is a bug in the caller and throws.
    func checkedStart(_ start: [Double]?, for model: Model, log: (@Sendable (String) -> Void)?) throws(GLPKError) -> [Double]? {
        guard let start else { return nil }
        guard start.count == model.variables.count else {
            throw .invalidParameters(["start solution has \(start.count) values for \(model.variables.count) variables"])
        }
        if let reason = Self.startProblem(start, in: model) {
            log?("start solution not injected: \(reason)")
            return nil
        }
        return start
    }

    /// Why `start` is not a feasible solution of `model` (bounds, integrality, every row within
    /// `tolerance`), or nil when it is one.
    static func startProblem(_ start: [Double], in model: Model, tolerance: Double = 1e-6) -> String? {
        for (j, (variable, value)) in zip(model.variables, start).enumerated() {
            guard value.isFinite else { return "value of \(variable.name) (column \(j + 1)) is not finite" }
            if value < variable.lower - tolerance || value > variable.upper + tolerance {
                return "\(variable.name) = \(value) lies outside [\(variable.lower), \(variable.upper)]"
            }
            // glp_ios_heur_sol rejects integer values that are not exactly integral.
            if variable.kind != .continuous && value != value.rounded() { return "\(variable.name) = \(value) is not integral" }
        }
        for row in model.constraints {
            let activity = row.expression.value(start)
            let scale = max(1, abs(activity))
            if activity < row.lower - tolerance * scale || activity > row.upper + tolerance * scale {
                return "row \(row.name) = \(activity) lies outside [\(row.lower), \(row.upper)]"
            }
        }
        return nil
    }
}
