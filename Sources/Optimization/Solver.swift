/// A MIP solver. Implementations live in their own targets (GLPK in `GLPKBackend`).
public protocol Solver {
    /// A short name for reports ("glpk").
    var name: String { get }
    /// Solves `model` synchronously on the calling thread.
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult
    /// The optimum of the LP relaxation (integrality dropped), or nil when it was not solved in time;
    /// then, for up to `searchSeconds`, a branch-and-cut search on `model` that only raises the bound.
    func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double) throws -> RelaxationResult?
    /// As above; the search for a better bound stops early once `cancellation` is cancelled.
    func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double,
                         cancellation: Cancellation?) throws -> RelaxationResult?
}

extension Solver {
    /// Solvers that cannot be interrupted run the whole search.
    public func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double,
                                cancellation: Cancellation?) throws -> RelaxationResult? {
        try solveRelaxation(model, timeLimitSeconds: timeLimitSeconds, searchSeconds: searchSeconds)
    }
}

/// Limits and hints for one solve.
public struct SolveParameters: Sendable {
    public var timeLimitSeconds: Double
    /// Stop when `(incumbent − bound) / max(|incumbent|, 1)` is at most this.
    public var relativeGap: Double
    /// A known feasible solution (one value per variable) to start from, if any.
    public var start: [Double]?
    /// Called with solver log lines and progress, if set.
    public var log: (@Sendable (String) -> Void)?
    /// Called from the search, a few times a second and at every new incumbent, on the solving thread.
    public var progress: (@Sendable (SolverProgress) -> Void)?
    /// When cancelled, the solver stops as soon as it can and returns its best solution
    /// (termination `.interrupted`).
    public var cancellation: Cancellation?

    public init(timeLimitSeconds: Double, relativeGap: Double, start: [Double]? = nil, log: (@Sendable (String) -> Void)? = nil,
                progress: (@Sendable (SolverProgress) -> Void)? = nil, cancellation: Cancellation? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.start = start
        self.log = log
        self.progress = progress
        self.cancellation = cancellation
    }
}

/// Why the solver stopped, apart from whether it has a solution (as JuMP separates them).
public enum TerminationReason: String, Sendable, Equatable {
    /// The search finished: optimality proven, or infeasibility proven.
    case completed
    case timeLimit
    case gapLimit
    /// Stopped by a `Cancellation` (Ctrl-C); the best solution so far, if any, is kept.
    case interrupted
    /// The solver gave up for another reason (numerical trouble, a failed LP).
    case failed
}

public enum SolutionStatus: String, Sendable, Equatable {
    /// The solution is proven optimal.
    case optimal
    /// A feasible solution, not proven optimal.
    case feasible
    /// Proven that no feasible solution exists.
    case infeasible
    /// No feasible solution known.
    case none
}

public struct SolveResult: Sendable {
    public var termination: TerminationReason
    public var status: SolutionStatus
    /// Variable values, when `status` is optimal or feasible.
    public var values: [Double]?
    public var objective: Double?
    /// Best proven lower bound (minimisation).
    public var bound: Double?
    public var seconds: Double
    public var message: String

    public init(termination: TerminationReason, status: SolutionStatus, values: [Double]?, objective: Double?,
                bound: Double?, seconds: Double, message: String = "") {
        self.termination = termination
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.message = message
    }

    /// `(objective − bound) / max(|objective|, 1)`, or nil without both.
    public var relativeGap: Double? {
        guard let objective, let bound else { return nil }
        return max(0, objective - bound) / max(abs(objective), 1)
    }
}

/// An optimal solution of a model's LP relaxation.
public struct RelaxationResult: Sendable {
    /// The LP optimum.
    public var objective: Double
    /// The LP solution.
    public var values: [Double]
    /// A lower bound on the model's integer optimum, at least `objective` (raised by cuts and branching).
    public var bound: Double
    /// The LP's row duals (prices), one per constraint, when the solver gives them.
    public var rowDuals: [Double]?
    public init(objective: Double, values: [Double], bound: Double, rowDuals: [Double]? = nil) {
        self.objective = objective
        self.values = values
        self.bound = bound
        self.rowDuals = rowDuals
    }
}
