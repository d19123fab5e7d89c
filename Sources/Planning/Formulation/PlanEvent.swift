import Optimization

/// What a planning run tells its caller while it runs, through one callback
/// (`Planner.plan(using:…events:)`): the caller decides what to show and where.
public enum PlanEvent: Sendable {
    /// A step's outcome in words ("greedy start: 22 of 22 requests …").
    case note(String)
    /// A line of the solver's own log (only when asked for with `solverLog: true`).
    case solverLog(String)
    /// The search's state on the plan's scale: phase, best plan, bound, elapsed.
    case progress(SolverProgress)
}
