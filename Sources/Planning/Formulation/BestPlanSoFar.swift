import Foundation
import Optimization

/// The best plan a running `Planner.plan` has found so far, readable from another thread.
///
/// A command whose time limit is the whole command's cannot wait for every step to look at the
/// clock: GLPK's presolve and simplex watch no flag, and a step can overrun. `PlanRun` then
/// writes what is here instead: the greedy plan or a better one, with the best bound known,
/// `feasible` unless the bound proves it.
public final class BestPlanSoFar: @unchecked Sendable {
    private let lock = NSLock()
    private var planner: Planner?
    private var choices: [PackageChoice] = []
    private var objective = Double.infinity
    private var bound: Double?
    private var model: ModelSize?
    private var buildSeconds: Double?

    public init() {}

    /// Keeps `choices` (of `planner`'s requests) when cheaper than what is held.
    func offer(_ choices: [PackageChoice], objective: Double, planner: Planner) {
        lock.lock()
        defer { lock.unlock() }
        guard objective < self.objective else { return }
        self.planner = planner
        self.choices = choices
        self.objective = objective
    }

    /// Records a bound valid for every plan (the highest one counts).
    func raise(bound: Double?) {
        guard let bound else { return }
        lock.lock()
        defer { lock.unlock() }
        self.bound = max(bound, self.bound ?? -.infinity)
    }

    /// Records the package model's size and the build time, for the report.
    func built(_ size: ModelSize, buildSeconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        model = size
        self.buildSeconds = buildSeconds
    }

    /// True once a plan was offered.
    public var hasPlan: Bool {
        lock.lock()
        defer { lock.unlock() }
        return planner != nil
    }

    /// The plan of SPEC §6 for what is held, or nil when no plan was offered yet. `seconds` is the
    /// time the planning took (the plan's `solver.seconds`); `explainUntil` as in `PlanAssembler.plan`.
    public func plan(solverName: String, seconds: Double, explainUntil: ContinuousClock.Instant? = nil) -> Plan? {
        lock.lock()
        let (planner, choices, objective, bound, model, buildSeconds) =
            (self.planner, self.choices, self.objective, self.bound, self.model, self.buildSeconds)
        lock.unlock()
        guard let planner else { return nil }
        let proven = bound.map { abs(objective - $0) <= Tolerance.cent } ?? false
        let report = SolverReport(name: solverName, status: proven ? .optimal : .feasible, objective: nil,
                                  bound: bound.map { min($0, objective) }, gap: nil, seconds: seconds, rows: model?.rows,
                                  columns: model?.columns, nonzeros: model?.nonZeros,
                                  buildSeconds: buildSeconds.map { ($0 * 1000).rounded() / 1000 })
        return PlanAssembler(planner: planner).plan(choices: choices, solver: report, explainUntil: explainUntil)
    }
}
