/// Where a solve stands, for a progress display: the phase, the best plan so far, the bound.
///
/// Values are on the scale of whatever reports them: the solver reports its model's objective;
/// the planner maps that to the plan's objective in EUR before passing it on.
public struct SolverProgress: Sendable, Equatable {
    /// The steps of a solve, in the order they run: a start, the model built, the search, small
    /// neighbourhoods re-solved, the bound raised. What an application does around them (reading,
    /// writing) and the words shown for each are the application's.
    public enum Phase: Sendable, Equatable, CaseIterable {
        case startPlan
        case building
        case solving
        /// Re-solving small neighbourhoods of the best plan after the main solve.
        case improving
        case raisingBound
    }

    public var phase: Phase
    /// The objective of the best plan found so far, if any.
    public var incumbent: Double?
    /// The best proven lower bound (minimisation), if any.
    public var bound: Double?
    /// Seconds since the reporter started (a solve call, or the planner).
    public var elapsed: Double
    /// The size of the model being built or solved, when known.
    public var size: ModelSize?

    public init(phase: Phase, incumbent: Double? = nil, bound: Double? = nil, elapsed: Double, size: ModelSize? = nil) {
        self.phase = phase
        self.incumbent = incumbent
        self.bound = bound
        self.elapsed = elapsed
        self.size = size
    }

    /// `(incumbent − bound) / max(|incumbent|, 1)`, as GLPK measures it; nil without both.
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return max(0, incumbent - bound) / max(abs(incumbent), 1)
    }
}

/// Rows, columns and non-zeros of a model.
public struct ModelSize: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var nonZeros: Int

    public init(rows: Int, columns: Int, nonZeros: Int) {
        self.rows = rows
        self.columns = columns
        self.nonZeros = nonZeros
    }

    public init(_ model: Model) {
        self.init(rows: model.constraints.count, columns: model.variables.count, nonZeros: model.nonZeros)
    }
}
