import Optimization

/// Passes the planner's phases and the solver's search on to a progress display, on the plan's
/// scale: objective in EUR as plan.json reports it, and only bounds that hold for every plan.
///
/// The package model's objective equals the plan's up to a constant (`offset`, measured on the
/// greedy start, so it stays right whatever constants a model carries). Its search bound is a bound
/// of the problem only when the model keeps every candidate (`isExact`); otherwise the relaxation's
/// bound is the one shown, as in plan.json.
struct PlanProgress: Sendable {
    let report: (@Sendable (SolverProgress) -> Void)?
    let started: ContinuousClock.Instant
    /// The objective of the plan the planner would write if the search found nothing better.
    var fallback: Double?
    var relaxationBound: Double?
    var offset = 0.0
    var isExact = false
    var size: ModelSize?

    init(report: (@Sendable (SolverProgress) -> Void)?, started: ContinuousClock.Instant) {
        self.report = report
        self.started = started
    }

    /// Reports a phase of the planner itself.
    func phase(_ phase: SolverProgress.Phase, bound: Double? = nil) {
        report?(SolverProgress(phase: phase, incumbent: fallback, bound: bound ?? relaxationBound, elapsed: elapsed, size: size))
    }

    /// The callback to give the solver of the package model.
    var solverCallback: (@Sendable (SolverProgress) -> Void)? {
        guard let report else { return nil }
        let relay = self
        return { @Sendable raw in report(relay.onPlanScale(raw)) }
    }

    func onPlanScale(_ raw: SolverProgress) -> SolverProgress {
        let incumbent = [raw.incumbent.map { $0 + offset }, fallback].compactMap { $0 }.min()
        var bound = relaxationBound
        if isExact, let own = raw.bound.map({ $0 + offset }) { bound = max(own, relaxationBound ?? -.infinity) }
        if let b = bound, let i = incumbent { bound = min(b, i) }
        return SolverProgress(phase: raw.phase, incumbent: incumbent, bound: bound, elapsed: elapsed, size: raw.size ?? size)
    }

    private var elapsed: Double {
        let d = ContinuousClock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
